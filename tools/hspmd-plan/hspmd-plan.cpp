//===- hspmd-plan.cpp - Choose a heterogeneous training plan --------------===//
//
// Plans a model on a cluster with the cost model's planner (lib/Training,
// docs/CostModel.md "Planner") and prints the plan, its predicted step time,
// per-stage memory against capacity, the baselines it beat, and the
// #hspmd.sharding annotations the plan stands for; with --timeline, a
// picture of the plan's schedule (Timeline.h). Plain C++; no MLIR.
//
//   hspmd-plan --cluster 32xH20+16xH800 --model llama32b --batch 64
//   hspmd-plan --cluster cluster.json --pin tp.H20=4 --pin dp=4 --format json
//   hspmd-plan --cluster 32xH20+16xH800 --timeline plan.svg
//
//===----------------------------------------------------------------------===//

#include "hspmd/Training/Calibration.h"
#include "hspmd/Training/Data/Cases.h"
#include "hspmd/Training/ClusterJson.h"
#include "hspmd/Training/TrainingPlanner.h"
#include "hspmd/Training/Specs.h"
#include "hspmd/Training/Text.h"
#include "hspmd/Training/Timeline.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace hspmd::training;

namespace {

const char *kUsage = R"(usage: hspmd-plan [options]

  --cluster NAME|FILE   one of the paper's clusters by name (32xH20+16xH800,
                        also spelled h20x32+h800x16 or "32 H20 + 16 H800";
                        H20 ranks first, 8 per node), or a compact JSON
                        cluster file (ClusterJson.h, docs/CostModel.md);
                        default 32xH20+16xH800
  --model NAME          llama32b (default), llama70b, gpt22b, gpt175b,
                        gpt530b, gpt1t, or custom (every field from
                        --model-spec)
  --model-spec LIST     model fields over the preset, comma-separated:
                        layers=,hidden=,heads=,kv-heads=,head-dim=,ffn=,
                        ffn-kind=swiglu|gelu,norm=rmsnorm|layernorm,vocab=,
                        seq=,tied=0|1,causal=0|1,flash=0|1,name=
  --batch N             global batch in sequences (default 64)
  --seq N               sequence length (default 4096)
  --micro-batch N       fix the sequences per micro-batch (default: searched
                        over --micro-batch-sizes)
  --micro-batch-sizes L micro-batch sizes to search (default 1,2,4)
  --no-recompute        search no recomputation only (default: none,
                        selective and full)
  --activation-bytes X  HBM bytes per s b h element of the memory-bound
                        passes, fwd + bwd (default 0: in the priors' eta)
  --score-bytes X       HBM bytes per attention score without flash
  --no-sp               tensor parallelism without sequence parallelism
  --grad-comm-bytes N   bytes per gradient element reduced (default 2)
  --calibration FILE    device constants over the priors (Calibration.h)
  --tp-degrees LIST     TP degrees to try (default 1,2,4,8)
  --grad-memory-bytes N bytes per gradient element held (default 2, Hetu)
  --pin SPEC            fix part of the plan (repeatable):
                          tp.KIND=T        TP degree of a kind
                          remainder=split|drop
                          dp=N             number of pipelines
                          zero=on|off
                          family=mixed|separate
                          order=K1,K2      kinds along every pipeline
                          all-kinds        use every kind
                          stages=case:N    the stages of paper case N
                          stages=P|P...    pipelines, each stages "a-b+c,..."
                          layers=a,b|c,d   layers per stage (with stages;
                                           one list stands for every pipeline)
                          micro=a,b,...    micro-batches per pipeline
                          mbs=N            micro-batch size
                          recompute=none|selective|full
                          vpp=N            virtual stages (1: plain 1F1B)
  --no-uniform          leave the uniform plans out of the candidates
  --no-paper            leave the paper's 14 cases out of the candidates
  --alternatives N      how many alternatives to list (default 6)
  --format table|json   output (default table)
  --timeline FILE       also draw the plan's predicted schedule as one
                        self-contained SVG file (stages, passes, sends,
                        gradient reduction, optimizer, idle time); - for
                        standard output, after the report
  --no-annotations      do not print the sharding annotations
  --print-cluster       print the cluster as compact JSON and stop
)";

std::string num(double v, int precision = 6) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", precision, v);
  return buf;
}

/// What both reports show: the planner's answer and what it ran on.
struct PlanRun {
  const Cluster &cluster;
  const ModelConfig &model;
  int64_t batch;
  const TrainingPlannerOptions &options;
  const TrainingPlannerResult &r;
  bool annotations;
  size_t alternatives = 6;
  std::map<std::string, int64_t> kindCounts;
  std::set<int64_t> nodes;
  std::string text; // the sharding annotations, if asked for

  PlanRun(const Cluster &cluster, const ModelConfig &model, int64_t batch,
          const TrainingPlannerOptions &options,
          const TrainingPlannerResult &r, bool annotations)
      : cluster(cluster), model(model), batch(batch), options(options), r(r),
        annotations(annotations) {
    for (int64_t d = 0; d < cluster.size(); ++d) {
      ++kindCounts[cluster.kindOf(d).name];
      nodes.insert(cluster.device(d).node);
    }
    if (annotations)
      text = renderShardingAnnotations(cluster, model, r.best.plan);
  }

  /// "48 devices (32 H20, 16 H800) on 6 nodes".
  std::string clusterLine() const;
  /// "llama-32b, 60 layers, sequence 4096, global batch 64 (64
  /// micro-batches of 1)".
  std::string modelLine() const;
  /// --format json, written with llvm::json.
  void printJson() const;
  /// The default table.
  void printTable() const;
};

namespace json = llvm::json;

/// A measured number with the table's 6 (memory: 8) significant digits.
void jsonNumber(json::OStream &j, llvm::StringRef key, double v,
                int precision = 6) {
  j.attributeBegin(key);
  j.rawValue(num(v, precision));
  j.attributeEnd();
}

/// Stage `k` of pipeline `q`: what runs there and what it costs.
void jsonStage(json::OStream &j, const StepReport &rep, size_t q, size_t k,
               const StagePlan &stage) {
  const StageReport *sr = nullptr;
  for (const StageReport &s : rep.stages)
    if (s.pipeline == static_cast<int64_t>(q) &&
        s.stage == static_cast<int64_t>(k))
      sr = &s;
  j.object([&] {
    j.attribute("kind", sr->kind);
    j.attribute("tp", sr->tp);
    j.attributeArray("devices", [&] {
      for (int64_t d : stage.devices)
        j.value(d);
    });
    j.attribute("first_layer", sr->firstLayer);
    j.attribute("layers", sr->layers);
    jsonNumber(j, "seconds_per_micro_batch", sr->cost.timing.total());
    jsonNumber(j, "memory_bytes", sr->memoryBytes, 8);
    jsonNumber(j, "memory_capacity", sr->memoryCapacity, 8);
  });
}

void PlanRun::printJson() const {
  const StepReport &rep = r.report;
  std::string out;
  llvm::raw_string_ostream os(out);
  json::OStream j(os, /*IndentSize=*/2);
  auto number = [&](llvm::StringRef key, double v) { jsonNumber(j, key, v); };
  auto stageJson = [&](size_t q, size_t k, const StagePlan &stage) {
    jsonStage(j, rep, q, k, stage);
  };
  auto baseline = [&](const char *key, const std::optional<PlanChoice> &c) {
    if (c)
      j.attributeObject(key, [&] {
        number("step_seconds", c->stepSeconds);
        j.attribute("origin", c->origin);
        j.attribute("summary", describePlan(cluster, c->plan));
      });
  };
  j.object([&] {
    j.attributeObject("cluster", [&] {
      j.attribute("devices", cluster.size());
      j.attribute("nodes", static_cast<int64_t>(nodes.size()));
      j.attributeObject("kinds", [&] {
        for (const auto &[name, n] : kindCounts)
          j.attribute(name, n);
      });
    });
    j.attributeObject("model", [&] {
      j.attribute("name", model.name);
      j.attribute("layers", model.layers);
      j.attribute("hidden", model.hidden);
      j.attribute("parameters", totalParams(model));
      j.attribute("seq", model.seqLen);
      j.attribute("micro_batch", model.microBatch);
      j.attribute("global_batch", batch);
    });
    j.attributeObject("plan", [&] {
      j.attribute("origin", r.best.origin);
      j.attribute("summary", describePlan(cluster, r.best.plan));
      j.attribute("zero", r.best.plan.zero);
      j.attribute("micro_batch_size",
                  microBatchSizeOf(model, r.best.plan));
      j.attribute("recompute", recomputeName(r.best.plan.recompute));
      j.attribute("virtual_stages", r.best.plan.virtualStages);
      j.attributeArray("pipelines", [&] {
        for (size_t q = 0; q < r.best.plan.pipelines.size(); ++q) {
          const PipelinePlan &pl = r.best.plan.pipelines[q];
          j.object([&] {
            j.attribute("micro_batches", pl.microBatches);
            number("makespan", rep.pipelines[q].makespan);
            j.attributeArray("stages", [&] {
              for (size_t k = 0; k < pl.stages.size(); ++k)
                stageJson(q, k, pl.stages[k]);
            });
          });
        }
      });
    });
    number("step_seconds", rep.stepSeconds);
    number("peak_memory_fraction", rep.peakMemoryFraction);
    j.attributeObject("baselines", [&] {
      baseline("uniform_all_devices", r.bestUniform);
      baseline("uniform_any_subset", r.bestUniformSubset);
      baseline("paper_case", r.bestGiven);
      baseline("search_before_improvement", r.bestSearched);
    });
    j.attributeArray("alternatives", [&] {
      for (size_t i = 0; i < r.alternatives.size() && i < alternatives; ++i)
        j.object([&] {
          const PlanChoice &c = r.alternatives[i];
          number("step_seconds", c.stepSeconds);
          number("peak_memory_fraction", c.memoryFraction);
          j.attribute("micro_batch_size", microBatchSizeOf(model, c.plan));
          j.attribute("recompute", recomputeName(c.plan.recompute));
          j.attribute("virtual_stages", c.plan.virtualStages);
          j.attribute("origin", c.origin);
          j.attribute("summary", describePlan(cluster, c.plan));
        });
    });
    j.attributeObject("planner", [&] {
      j.attribute("structures", r.structures);
      j.attribute("evaluations", r.evaluations);
      number("seconds", r.seconds);
    });
    if (annotations)
      j.attribute("annotations", text);
  });
  os << "\n";
  std::cout << out;
}

std::string PlanRun::clusterLine() const {
  std::string kinds;
  for (const auto &[name, n] : kindCounts)
    kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + name;
  return std::to_string(cluster.size()) + " devices (" + kinds + ") on " +
         std::to_string(nodes.size()) + " nodes";
}

std::string PlanRun::modelLine() const {
  int64_t size = microBatchSizeOf(model, r.best.plan);
  return model.name + ", " + std::to_string(model.layers) +
         " layers, sequence " + std::to_string(model.seqLen) +
         ", global batch " + std::to_string(batch) + " (" +
         std::to_string(batch / size) + " micro-batches of " +
         std::to_string(size) + ")";
}

void PlanRun::printTable() const {
  const StepReport &rep = r.report;
  std::printf("cluster: %s\n", clusterLine().c_str());
  std::printf("model: %s\n", modelLine().c_str());
  std::printf("plan (%s): %s\n", r.best.origin.c_str(),
              describePlan(cluster, r.best.plan).c_str());
  const StageReport &crit = rep.stages[rep.critical];
  std::printf("predicted step: %.3f s (ends with pipeline %lld stage %lld: "
              "sync %.3f s, optimizer %.3f s)\n\n",
              rep.stepSeconds, static_cast<long long>(crit.pipeline),
              static_cast<long long>(crit.stage), crit.syncSeconds,
              crit.optimizerSeconds);
  std::printf("%4s %5s %-6s %3s %-18s %-9s %8s %9s %9s %9s %6s\n", "pipe",
              "stage", "kind", "tp", "devices", "layers", "micro", "ms/micro",
              "mem GB", "cap GB", "use");
  for (const StageReport &s : rep.stages) {
    const PipelinePlan &pl = r.best.plan.pipelines[s.pipeline];
    std::string layers = std::to_string(s.firstLayer) + "-" +
                         std::to_string(s.firstLayer + s.layers - 1);
    std::printf("%4lld %5lld %-6s %3lld %-18s %-9s %8lld %9.1f %9.2f %9.2f "
                "%6.2f\n",
                static_cast<long long>(s.pipeline),
                static_cast<long long>(s.stage), s.kind.c_str(),
                static_cast<long long>(s.tp),
                formatDeviceRanges(pl.stages[s.stage].devices).c_str(),
                layers.c_str(), static_cast<long long>(pl.microBatches),
                s.cost.timing.total() * 1e3, s.memoryBytes / 1e9,
                s.memoryCapacity / 1e9, s.memoryBytes / s.memoryCapacity);
  }
  std::printf("\ncompared with:\n");
  auto line = [&](const char *label, const std::optional<PlanChoice> &c) {
    if (c)
      std::printf("  %-34s %8.3f s  %s (%s)\n", label, c->stepSeconds,
                  describePlan(cluster, c->plan).c_str(), c->origin.c_str());
    else
      std::printf("  %-34s %10s\n", label,
                  options.pins.empty() ? "none fits"
                                       : "none fits and keeps the pins");
  };
  line("best uniform, all devices:", r.bestUniform);
  line("best uniform, any subset of kinds:", r.bestUniformSubset);
  if (!options.givenPlans.empty())
    line(r.bestGiven
             ? ("paper case " + std::to_string(r.bestGivenId) + ":").c_str()
             : "paper cases:",
         r.bestGiven);
  line("search before local improvement:", r.bestSearched);
  if (!r.alternatives.empty()) {
    std::printf("why this plan: the fastest plan of each setting searched "
                "(micro-batch size, recomputation, virtual stages):\n");
    for (size_t i = 0; i < r.alternatives.size() && i < alternatives; ++i) {
      const PlanChoice &c = r.alternatives[i];
      std::printf("  %8.3f s %+6.1f%%  mem %4.2f  b%lld %-9s v%lld  %s\n",
                  c.stepSeconds,
                  100 * (c.stepSeconds / r.best.stepSeconds - 1),
                  c.memoryFraction,
                  static_cast<long long>(microBatchSizeOf(model, c.plan)),
                  recomputeName(c.plan.recompute),
                  static_cast<long long>(c.plan.virtualStages),
                  describePlan(cluster, c.plan).c_str());
    }
  }
  std::printf("planner: %lld structures estimated, %lld step predictions, "
              "%.3f s\n",
              static_cast<long long>(r.structures),
              static_cast<long long>(r.evaluations), r.seconds);
  if (annotations)
    std::printf("\nsharding annotations (#hspmd.sharding, top tier):\n%s",
                text.c_str());
}

} // namespace

int main(int argc, char **argv) {
  std::string clusterArg = "32xH20+16xH800", modelName = "llama32b";
  std::string calibration, formatName = "table", timelinePath;
  int64_t batch = 64, seq = 4096, micro = 0, alternativesShown = 6;
  std::vector<std::string> modelSpecs;
  bool seqGiven = false;
  bool annotations = true, printCluster = false;
  TrainingPlannerOptions options = withPaperPlans();
  std::vector<std::string> args(argv + 1, argv + argc);
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto next = [&](std::string &out) {
      if (i + 1 >= args.size()) {
        std::cerr << "hspmd-plan: " << a << " needs a value\n";
        return false;
      }
      out = args[++i];
      return true;
    };
    auto nextInt = [&](int64_t &out) {
      std::string v;
      if (!next(v))
        return false;
      std::optional<int64_t> parsed = toInteger(v);
      if (!parsed || *parsed < 1) {
        std::cerr << "hspmd-plan: " << a << " expects a positive integer, got '"
                  << v << "'\n";
        return false;
      }
      out = *parsed;
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--cluster") {
      if (!next(clusterArg))
        return 2;
    } else if (a == "--model") {
      if (!next(modelName))
        return 2;
    } else if (a == "--batch") {
      if (!nextInt(batch))
        return 2;
    } else if (a == "--seq") {
      if (!nextInt(seq))
        return 2;
      seqGiven = true;
    } else if (a == "--micro-batch") {
      if (!nextInt(micro))
        return 2;
    } else if (a == "--model-spec") {
      if (!next(v))
        return 2;
      for (const std::string &field : splitSpec(v, ','))
        modelSpecs.push_back(field);
    } else if (a == "--micro-batch-sizes") {
      if (!next(v))
        return 2;
      if (parsePositiveIntList(v, options.microBatchSizes)) {
        std::cerr << "hspmd-plan: --micro-batch-sizes expects a list like "
                     "1,2,4\n";
        return 2;
      }
    } else if (a == "--no-recompute") {
      options.recomputeOptions = {Recompute::None};
    } else if (a == "--activation-bytes" || a == "--score-bytes") {
      if (!next(v))
        return 2;
      std::optional<double> x = toNumber(v);
      if (!x || *x < 0) {
        std::cerr << "hspmd-plan: " << a << " expects a number >= 0\n";
        return 2;
      }
      (a == "--activation-bytes" ? options.cost.activationBytes
                                 : options.cost.scoreBytes) = *x;
    } else if (a == "--no-sp") {
      options.cost.sequenceParallel = false;
    } else if (a == "--grad-comm-bytes") {
      if (!nextInt(options.cost.gradCommBytes))
        return 2;
    } else if (a == "--alternatives") {
      if (!nextInt(alternativesShown))
        return 2;
    } else if (a == "--calibration") {
      if (!next(calibration))
        return 2;
    } else if (a == "--tp-degrees") {
      if (!next(v))
        return 2;
      if (parsePositiveIntList(v, options.tpDegrees)) {
        std::cerr << "hspmd-plan: --tp-degrees expects a list like 1,2,4,8\n";
        return 2;
      }
    } else if (a == "--grad-memory-bytes") {
      if (!nextInt(options.cost.gradMemoryBytes))
        return 2;
    } else if (a == "--pin") {
      if (!next(v))
        return 2;
      if (std::optional<std::string> err =
              applyPin(v, options.pins, paperGivenPlans())) {
        std::cerr << "hspmd-plan: " << *err << "\n";
        return 2;
      }
    } else if (a == "--no-uniform") {
      options.uniformCandidates = false;
    } else if (a == "--no-paper") {
      options.givenPlans.clear();
    } else if (a == "--format") {
      if (!next(formatName))
        return 2;
      if (formatName != "table" && formatName != "json") {
        std::cerr << "hspmd-plan: --format is table or json\n";
        return 2;
      }
    } else if (a == "--timeline") {
      if (!next(timelinePath))
        return 2;
      if (timelinePath.empty()) {
        std::cerr << "hspmd-plan: --timeline needs a file name (- for "
                     "standard output)\n";
        return 2;
      }
    } else if (a == "--no-annotations") {
      annotations = false;
    } else if (a == "--print-cluster") {
      printCluster = true;
    } else {
      std::cerr << "hspmd-plan: unknown argument '" << a << "' (see --help)\n";
      return 2;
    }
  }

  // One list of layers stands for every pinned pipeline.
  if (options.pins.layers.size() == 1 && options.pins.stages.size() > 1)
    options.pins.layers.assign(options.pins.stages.size(),
                               options.pins.layers.front());

  Cluster cluster;
  if (std::ifstream file{clusterArg}) {
    std::stringstream text;
    text << file.rdbuf();
    if (std::optional<std::string> err =
            parseClusterJson(text.str(), cluster)) {
      std::cerr << "hspmd-plan: " << clusterArg << ": " << *err << "\n";
      return 1;
    }
  } else if (std::optional<Cluster> named =
                 namedCluster(clusterArg)) {
    cluster = *named;
  } else {
    std::cerr << "hspmd-plan: '" << clusterArg
              << "' is neither a cluster file nor a paper cluster such as "
                 "32xH20+16xH800\n";
    return 1;
  }
  if (!calibration.empty()) {
    Calibration cal;
    if (auto e = readCalibrationFile(calibration, cal)) {
      std::cerr << "hspmd-plan: " << *e << "\n";
      return 1;
    }
    if (auto e = applyCalibration(cal, cluster)) {
      std::cerr << "hspmd-plan: " << calibration << ": " << *e << "\n";
      return 1;
    }
  }
  if (printCluster) {
    std::cout << printClusterJson(cluster);
    return 0;
  }

  std::optional<ModelConfig> named =
      modelName == "custom" ? std::optional<ModelConfig>(ModelConfig())
                            : modelByName(modelName);
  if (!named) {
    std::cerr << "hspmd-plan: unknown model '" << modelName
              << "' (llama32b, llama70b, gpt22b, gpt175b, gpt530b, gpt1t or "
                 "custom)\n";
    return 2;
  }
  ModelConfig model = *named;
  if (modelName == "custom")
    model.name = "custom";
  // --seq, or the preset's own length for the GPT presets.
  if (seqGiven || modelName.rfind("llama", 0) == 0 || modelName == "custom")
    model.seqLen = seq;
  for (const std::string &field : modelSpecs)
    if (std::optional<std::string> err = applyModelField(field, model)) {
      std::cerr << "hspmd-plan: --model-spec: " << *err << "\n";
      return 2;
    }
  model.microBatch = 1;
  if (micro > 0) {
    model.microBatch = micro;
    options.pins.microBatchSize = micro;
  }
  if (std::optional<std::string> err = validate(model)) {
    std::cerr << "hspmd-plan: " << *err << "\n";
    return 2;
  }

  // The timeline's file is opened before planning, so that a path that
  // cannot be written fails at once; it is removed unless written whole.
  std::unique_ptr<llvm::ToolOutputFile> timeline;
  if (!timelinePath.empty()) {
    std::error_code ec;
    timeline = std::make_unique<llvm::ToolOutputFile>(timelinePath, ec,
                                                      llvm::sys::fs::OF_None);
    if (ec) {
      std::cerr << "hspmd-plan: cannot write the timeline to '"
                << timelinePath << "': " << ec.message() << "\n";
      return 1;
    }
  }

  TrainingPlannerResult r = planTraining(model, cluster, batch, options);
  if (r.error) {
    std::cerr << "hspmd-plan: " << *r.error << "\n";
    return 1;
  }
  PlanRun run(cluster, model, batch, options, r, annotations);
  run.alternatives = static_cast<size_t>(alternativesShown);
  if (formatName == "json")
    run.printJson();
  else
    run.printTable();
  std::cout.flush();

  if (timeline) {
    // The chosen plan predicted again, recording what the simulation
    // schedules: the same numbers as the report above.
    std::vector<TimelineEvent> events;
    StepReport recorded =
        predictStep(model, cluster, r.best.plan, options.cost, &events);
    if (recorded.error || recorded.stepSeconds != r.report.stepSeconds) {
      std::cerr << "hspmd-plan: internal error: the recorded prediction ("
                << recorded.stepSeconds << " s) is not the plan's ("
                << r.report.stepSeconds << " s)\n";
      return 1;
    }
    TimelineOptions look;
    look.notes = {"model: " + run.modelLine(),
                  "cluster: " + run.clusterLine()};
    writeTimelineSvg(cluster, r.best.plan, recorded, events, look,
                     timeline->os());
    timeline->os().flush();
    if (std::error_code ec = timeline->os().error()) {
      timeline->os().clear_error();
      std::cerr << "hspmd-plan: cannot write the timeline to '"
                << timelinePath << "': " << ec.message() << "\n";
      return 1;
    }
    timeline->keep();
  }
  return 0;
}
