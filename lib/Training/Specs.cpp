//===- Specs.cpp - Text specs the training tools and passes share ---------===//

#include "hspmd/Training/Specs.h"

#include <map>
#include "hspmd/Training/Text.h"

#include <cctype>

namespace hspmd::training {
namespace {

/// toInteger (Text.h), into `out`.
bool parseInt(const std::string &s, int64_t &out) {
  std::optional<int64_t> v = toInteger(s);
  if (v)
    out = *v;
  return v.has_value();
}

/// Integers separated by commas.
bool parseIntList(const std::string &s, std::vector<int64_t> &out) {
  out.clear();
  for (const std::string &part : splitSpec(s, ',')) {
    int64_t v;
    if (!parseInt(part, v))
      return false;
    out.push_back(v);
  }
  return true;
}

} // namespace

std::vector<std::string> splitSpec(const std::string &s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos
                                                          : at - start));
    if (at == std::string::npos)
      return out;
    start = at + 1;
  }
}

std::optional<std::string> parsePositiveIntList(const std::string &text,
                                                std::vector<int64_t> &out) {
  out.clear();
  for (const std::string &part : splitSpec(text, ',')) {
    std::optional<int64_t> v = toInteger(trim(part));
    if (!v || *v < 1)
      return "'" + part + "' is not a positive integer";
    out.push_back(*v);
  }
  return std::nullopt;
}

std::optional<ModelConfig> modelByName(const std::string &name) {
  if (name == "llama32b" || name == "llama-32b")
    return ModelConfig::llama32B();
  if (name == "llama70b" || name == "llama-70b")
    return ModelConfig::llama70B();
  // GPT-3 sizes as Megatron-LM trains them (Korthikanti et al. 2022).
  if (name == "gpt22b")
    return ModelConfig::gpt(48, 6144, 64);
  if (name == "gpt175b")
    return ModelConfig::gpt(96, 12288, 96);
  if (name == "gpt530b")
    return ModelConfig::gpt(105, 20480, 128);
  if (name == "gpt1t")
    return ModelConfig::gpt(128, 25600, 160);
  return std::nullopt;
}

std::optional<std::string> applyModelField(const std::string &spec,
                                           ModelConfig &model) {
  size_t eq = spec.find('=');
  std::string key = spec.substr(0, eq);
  std::string value = eq == std::string::npos ? "" : spec.substr(eq + 1);
  auto bad = [&](const std::string &expected) {
    return "model field '" + spec + "': expected " + expected;
  };
  auto flag = [&](bool &out) -> std::optional<std::string> {
    if (value == "1" || value == "true" || value == "yes")
      out = true;
    else if (value == "0" || value == "false" || value == "no")
      out = false;
    else
      return bad(key + "=0|1");
    return std::nullopt;
  };
  int64_t n = 0;
  std::map<std::string, int64_t *> counts = {
      {"layers", &model.layers},     {"hidden", &model.hidden},
      {"heads", &model.heads},       {"kv-heads", &model.kvHeads},
      {"head-dim", &model.headDim},  {"ffn", &model.ffn},
      {"vocab", &model.vocab},       {"seq", &model.seqLen}};
  auto it = counts.find(key);
  if (it != counts.end()) {
    if (!parseInt(value, n) || n < 0 ||
        (n == 0 && key != "kv-heads" && key != "head-dim"))
      return bad(key + "=<positive integer>");
    *it->second = n;
  } else if (key == "ffn-kind") {
    if (value == "swiglu")
      model.gatedMlp = true;
    else if (value == "gelu" || value == "plain")
      model.gatedMlp = false;
    else
      return bad("ffn-kind=swiglu|gelu");
  } else if (key == "norm") {
    if (value == "rmsnorm")
      model.normBias = false;
    else if (value == "layernorm")
      model.normBias = true;
    else
      return bad("norm=rmsnorm|layernorm");
  } else if (key == "tied") {
    return flag(model.tiedEmbedding);
  } else if (key == "causal") {
    return flag(model.causal);
  } else if (key == "flash") {
    return flag(model.flashAttention);
  } else if (key == "name") {
    model.name = value;
  } else {
    return bad("layers, hidden, heads, kv-heads, head-dim, ffn, ffn-kind, "
               "norm, vocab, seq, tied, causal, flash or name");
  }
  return std::nullopt;
}

std::string formatModelFields(const ModelConfig &model) {
  auto n = [](const char *key, int64_t v) {
    return std::string(key) + "=" + std::to_string(v) + ",";
  };
  auto flag = [](const char *key, bool v) {
    return std::string(key) + (v ? "=1" : "=0");
  };
  return n("layers", model.layers) + n("hidden", model.hidden) +
         n("heads", model.heads) + n("kv-heads", model.kvHeads) +
         n("head-dim", model.headDim) + n("ffn", model.ffn) +
         "ffn-kind=" + (model.gatedMlp ? "swiglu" : "gelu") +
         ",norm=" + (model.normBias ? "layernorm" : "rmsnorm") + "," +
         n("vocab", model.vocab) + n("seq", model.seqLen) +
         flag("tied", model.tiedEmbedding) + "," +
         flag("causal", model.causal) + "," +
         flag("flash", model.flashAttention);
}

std::string formatDeviceRanges(const std::vector<int64_t> &devices) {
  std::string out;
  for (size_t i = 0; i < devices.size();) {
    size_t j = i;
    while (j + 1 < devices.size() && devices[j + 1] == devices[j] + 1)
      ++j;
    out += (out.empty() ? "" : ",") + std::to_string(devices[i]);
    if (j > i)
      out += "-" + std::to_string(devices[j]);
    i = j + 1;
  }
  return out;
}

std::string canonicalClusterName(const std::string &text) {
  std::string out;
  for (const std::string &term : splitSpec(text, '+')) {
    std::string t;
    for (char c : term)
      if (!std::isspace(static_cast<unsigned char>(c)))
        t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string count, kind;
    size_t digits = t.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos) {
      count = t.substr(0, digits); // "32xh20" or "32h20"
      kind = t.substr(t[digits] == 'x' ? digits + 1 : digits);
    } else if (size_t x = t.rfind('x'); x != std::string::npos) {
      kind = t.substr(0, x); // "h20x32"
      count = t.substr(x + 1);
    }
    std::string name = kind == "h20" ? "H20" : kind == "h800" ? "H800" : kind;
    out += (out.empty() ? "" : "+") + count + "x" + name;
  }
  return out;
}

bool parseDeviceList(const std::string &s, std::vector<int64_t> &out) {
  out.clear();
  for (const std::string &part : splitSpec(s, '+')) {
    size_t dash = part.find('-');
    int64_t a, b;
    if (dash == std::string::npos) {
      if (!parseInt(part, a))
        return false;
      b = a;
    } else if (!parseInt(part.substr(0, dash), a) ||
               !parseInt(part.substr(dash + 1), b) || b < a) {
      return false;
    }
    for (int64_t d = a; d <= b; ++d)
      out.push_back(d);
  }
  return true;
}

std::optional<std::string> applyPin(const std::string &spec, PlanPins &pins,
                                    const std::vector<GivenPlan> &given) {
  size_t eq = spec.find('=');
  std::string key = spec.substr(0, eq);
  std::string value = eq == std::string::npos ? "" : spec.substr(eq + 1);
  auto bad = [&](const char *expected) {
    return "--pin " + spec + ": expected " + expected;
  };
  if (key.rfind("tp.", 0) == 0) {
    int64_t t;
    if (!parseInt(value, t) || t < 1)
      return bad("tp.KIND=<positive degree>");
    pins.tpDegree[key.substr(3)] = t;
  } else if (key == "remainder") {
    if (value == "split")
      pins.remainder = Remainder::Split;
    else if (value == "drop")
      pins.remainder = Remainder::Drop;
    else
      return bad("remainder=split|drop");
  } else if (key == "dp") {
    int64_t d;
    if (!parseInt(value, d) || d < 1)
      return bad("dp=<positive count>");
    pins.pipelines = d;
  } else if (key == "zero") {
    if (value != "on" && value != "off")
      return bad("zero=on|off");
    pins.zero = value == "on";
  } else if (key == "recompute") {
    std::optional<Recompute> r = parseRecompute(value);
    if (!r)
      return bad("recompute=none|selective|full");
    pins.recompute = *r;
  } else if (key == "vpp") {
    int64_t v;
    if (!parseInt(value, v) || v < 1)
      return bad("vpp=<positive count of virtual stages>");
    pins.virtualStages = v;
  } else if (key == "mbs") {
    int64_t b;
    if (!parseInt(value, b) || b < 1)
      return bad("mbs=<positive micro-batch size>");
    pins.microBatchSize = b;
  } else if (key == "family") {
    if (value == "mixed")
      pins.family = Family::Mixed;
    else if (value == "separate")
      pins.family = Family::Separate;
    else
      return bad("family=mixed|separate");
  } else if (key == "order") {
    pins.kindOrder = splitSpec(value, ',');
  } else if (key == "all-kinds" && value.empty()) {
    pins.allKinds = true;
  } else if (key == "stages") {
    pins.stages.clear();
    if (value.rfind("case:", 0) == 0) {
      int64_t id;
      const GivenPlan *found = nullptr;
      if (parseInt(value.substr(5), id))
        for (const GivenPlan &g : given)
          if (g.id == id)
            found = &g;
      if (!found)
        return bad("stages=case:<1..14>");
      for (const PipelinePlan &pl : found->plan.pipelines) {
        std::vector<std::vector<int64_t>> stages;
        for (const StagePlan &st : pl.stages)
          stages.push_back(st.devices);
        pins.stages.push_back(stages);
      }
    } else {
      for (const std::string &pipe : splitSpec(value, '|')) {
        std::vector<std::vector<int64_t>> stages;
        for (const std::string &stage : splitSpec(pipe, ',')) {
          std::vector<int64_t> devices;
          if (!parseDeviceList(stage, devices))
            return bad("stages=a-b+c,d-e|... (stages of a pipeline by ',', "
                       "pipelines by '|')");
          stages.push_back(devices);
        }
        pins.stages.push_back(stages);
      }
    }
  } else if (key == "layers") {
    pins.layers.clear();
    for (const std::string &pipe : splitSpec(value, '|')) {
      std::vector<int64_t> layers;
      if (!parseIntList(pipe, layers))
        return bad("layers=a,b|c,d");
      pins.layers.push_back(layers);
    }
  } else if (key == "micro") {
    if (!parseIntList(value, pins.microBatches))
      return bad("micro=a,b,...");
  } else {
    return "--pin " + spec + ": unknown pin (see --help)";
  }
  return std::nullopt;
}

} // namespace hspmd::training
