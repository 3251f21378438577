//===- PublicRuns.cpp - Measured GPT training steps on A100 ---------------===//

#include "hspmd/Training/Data/PublicRuns.h"

#include "hspmd/Training/Search.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

using namespace hspmd;
using namespace hspmd::training;

const char *hspmd::training::runSourceName(RunSource s) {
  switch (s) {
  case RunSource::VTrain:
    return "vtrain";
  case RunSource::Narayanan2021:
    return "narayanan";
  case RunSource::Korthikanti2022:
    return "korthikanti";
  case RunSource::SmithMtNlg2022:
    return "mt-nlg";
  }
  return "?";
}

std::string PublicRun::label() const {
  // Parameters as the sources round them: 12 l h^2 (1 + 13/(12h) +
  // (V + s)/(12 l h)).
  double params = 12.0 * layers * double(hidden) * hidden *
                  (1 + 13.0 / (12 * hidden) +
                   double(vocab + seqLen) / (12.0 * layers * hidden));
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s %.1fB TP%lld PP%lld DP%lld%s%s",
                runSourceName(source), params / 1e9, (long long)tp,
                (long long)pp, (long long)dp,
                recompute == Recompute::Selective ? " sel+SP" : "",
                microBatch > 0 && source == RunSource::VTrain
                    ? (" b" + std::to_string(microBatch)).c_str()
                    : "");
  return buf;
}

std::optional<std::string>
hspmd::training::readPublicRuns(const std::string &path,
                                std::vector<PublicRun> &out) {
  static const char *const names[] = {
      "source", "gpus",  "layers", "hidden",         "heads",     "vocab",
      "seq",    "batch", "tp",     "pp",             "dp",        "micro_batch",
      "virtual_stages",  "recompute", "sp", "zero", "hbm_gb", "tflops_per_gpu",
      "seconds"};
  std::vector<std::string> required(std::begin(names), std::end(names));
  NumericTable table;
  if (auto err = readNumericCsv(path, required, table))
    return err;
  std::vector<PublicRun> runs;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    auto get = [&](const char *name) {
      return table.rows[r][*table.column(name)];
    };
    std::string where = path + ":" + std::to_string(table.lines[r]) + ": ";
    PublicRun run;
    int source = static_cast<int>(get("source"));
    if (source < 1 || source > 3)
      return where + "source must be 1, 2 or 3";
    run.source = static_cast<RunSource>(source);
    run.line = table.lines[r];
    run.gpus = static_cast<int64_t>(get("gpus"));
    run.layers = static_cast<int64_t>(get("layers"));
    run.hidden = static_cast<int64_t>(get("hidden"));
    run.heads = static_cast<int64_t>(get("heads"));
    run.vocab = static_cast<int64_t>(get("vocab"));
    run.seqLen = static_cast<int64_t>(get("seq"));
    run.globalBatch = static_cast<int64_t>(get("batch"));
    run.tp = static_cast<int64_t>(get("tp"));
    run.pp = static_cast<int64_t>(get("pp"));
    run.dp = static_cast<int64_t>(get("dp"));
    run.microBatch = static_cast<int64_t>(get("micro_batch"));
    run.virtualStages = static_cast<int64_t>(get("virtual_stages"));
    int rc = static_cast<int>(get("recompute"));
    run.recompute = rc == 2   ? Recompute::Full
                    : rc == 1 ? Recompute::Selective
                              : Recompute::None;
    run.sequenceParallel = get("sp") != 0;
    run.zero = get("zero") != 0;
    run.hbmBytes = get("hbm_gb") * 1e9;
    if (run.tp * run.pp * run.dp != run.gpus)
      return where + "tp x pp x dp is not the GPU count";
    if (run.layers % run.pp != 0)
      return where + "pp does not divide the layers";
    double seconds = get("seconds"), tflops = get("tflops_per_gpu");
    if (seconds <= 0) {
      if (tflops <= 0)
        return where + "neither seconds nor tflops_per_gpu is given";
      double B = run.globalBatch, s = run.seqLen, l = run.layers,
             h = run.hidden, V = run.vocab;
      double flops =
          96 * B * s * l * h * h * (1 + s / (6 * h) + V / (16 * l * h));
      seconds = flops / (run.gpus * tflops * 1e12);
    }
    run.seconds = seconds;
    runs.push_back(run);
  }
  if (runs.empty())
    return path + ": no runs";
  out = std::move(runs);
  return std::nullopt;
}

double hspmd::training::a100HbmBandwidth(double hbmBytes) {
  return hbmBytes > 60e9 ? 2.039e12 : 1.555e12;
}

namespace {

double predictOnce(const PublicRun &run, const A100Constants &c,
                   int64_t micro, int64_t virtualStages, double *memory) {
  ModelConfig model = ModelConfig::gpt(run.layers, run.hidden, run.heads);
  model.vocab = run.vocab;
  model.seqLen = run.seqLen;
  model.microBatch = micro;
  DeviceKind a100;
  a100.name = "A100";
  a100.peakFlops = 312e12;
  a100.hbmBytes = run.hbmBytes;
  a100.hbmBandwidth = a100HbmBandwidth(run.hbmBytes);
  a100.nvlinkBusBw = c.nvlinkBusBw;
  a100.nicBusBw = c.nicBusBw;
  a100.etaGemm = c.eta;
  a100.etaAttn = c.eta;
  a100.layerOverhead = c.layerOverhead;
  Cluster cluster;
  int64_t kind = cluster.addKind(a100);
  for (int64_t d = 0; d < run.gpus; ++d)
    cluster.addDevice({kind, d / 8, d % 8});
  std::vector<int64_t> devices;
  for (int64_t d = 0; d < run.gpus; ++d)
    devices.push_back(d);
  int64_t m = run.globalBatch / (run.dp * micro);
  TrainingPlan plan = uniformPlan(devices, run.tp, run.pp, run.dp, run.layers,
                                  m, run.zero);
  plan.recompute = run.recompute;
  plan.virtualStages = virtualStages;
  CostOptions o;
  o.sequenceParallel = run.sequenceParallel;
  o.gradCommBytes = 4;
  o.gradMemoryBytes = 4;
  o.activationBytes = c.activationBytes;
  o.scoreBytes = c.scoreBytes;
  StepReport r = predictStep(model, cluster, plan, o);
  if (r.error)
    return std::numeric_limits<double>::quiet_NaN();
  if (memory)
    *memory = r.peakMemoryFraction;
  return r.stepSeconds;
}

} // namespace

RunPrediction hspmd::training::predictPublicRun(const PublicRun &run,
                                                const A100Constants &c) {
  RunPrediction best;
  std::vector<int64_t> micros, virtuals;
  int64_t perReplica = run.globalBatch / run.dp;
  if (run.microBatch > 0)
    micros = {run.microBatch};
  else
    for (int64_t b : {1, 2, 4, 8})
      if (perReplica % b == 0)
        micros.push_back(b);
  if (run.virtualStages > 0 || run.pp == 1)
    virtuals = {std::max<int64_t>(1, run.virtualStages)};
  else
    for (int64_t v = 1; v <= run.layers / run.pp; ++v)
      if ((run.layers / run.pp) % v == 0)
        virtuals.push_back(v);
  bool bestFits = false;
  for (int64_t b : micros)
    for (int64_t v : virtuals) {
      double memory = 0;
      double t = predictOnce(run, c, b, v, &memory);
      if (std::isnan(t))
        continue;
      bool fits = memory <= 1.0;
      bool better = best.seconds == 0 || (fits && !bestFits) ||
                    (fits == bestFits && t < best.seconds);
      if (better) {
        best.seconds = t;
        best.microBatch = b;
        best.virtualStages = v;
        best.memoryFraction = memory;
        bestFits = fits;
      }
    }
  if (best.seconds == 0)
    best.error = "no plan validates";
  return best;
}

HeldOutErrors hspmd::training::publicRunErrors(const std::vector<PublicRun> &runs,
                                               const A100Constants &c) {
  HeldOutErrors out;
  for (const PublicRun &r : runs) {
    RunPrediction p = predictPublicRun(r, c);
    double e = p.seconds / r.seconds - 1;
    out.predictions.push_back(p);
    out.signedErrors.push_back(e);
    out.meanAbsolute += std::fabs(e);
    out.meanSigned += e;
    out.maxAbsolute = std::max(out.maxAbsolute, std::fabs(e));
  }
  if (!runs.empty()) {
    out.meanAbsolute /= runs.size();
    out.meanSigned /= runs.size();
  }
  return out;
}

RelativeFitResult hspmd::training::fitA100Constants(
    const std::vector<PublicRun> &runs, const A100Constants &start,
    A100Constants &fitted, bool fitScores) {
  std::vector<FitParameter> params = {
      {"eta", start.eta, 0.05, 1.0, 0.5, true},
      {"nvlink_busbw", start.nvlinkBusBw, 1e9, 1e13, 1e11, true},
      {"nic_busbw", start.nicBusBw, 1e8, 1e12, 1e10, true},
      {"c_layer", start.layerOverhead, 0, 0.1, 1e-3, false},
      {"activation_bytes", start.activationBytes, 0, 2000, 10, false},
  };
  if (fitScores)
    params.push_back({"score_bytes", start.scoreBytes, 0, 2000, 10, false});
  auto unpack = [&](const std::vector<double> &x) {
    A100Constants c = start;
    c.eta = x[0];
    c.nvlinkBusBw = x[1];
    c.nicBusBw = x[2];
    c.layerOverhead = x[3];
    c.activationBytes = x[4];
    if (fitScores)
      c.scoreBytes = x[5];
    return c;
  };
  std::vector<double> measured;
  for (const PublicRun &r : runs)
    measured.push_back(r.seconds);
  RelativeFitResult result = fitRelativeLeastSquares(
      [&](const std::vector<double> &x, size_t i) {
        return predictPublicRun(runs[i], unpack(x)).seconds;
      },
      measured, params);
  fitted = unpack(result.values);
  return result;
}
