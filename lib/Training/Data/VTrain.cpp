//===- VTrain.cpp - Measured A100 Megatron runs (vTrain) ------------------===//

#include "hspmd/Training/Data/VTrain.h"

#include "hspmd/Training/Collectives.h"
#include "hspmd/Training/Model.h"
#include "hspmd/Training/StepTime.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

using namespace hspmd;
using namespace hspmd::training;

std::optional<std::string>
hspmd::training::readVTrainTable(const std::string &path,
                             std::vector<VTrainRun> &out) {
  static const char *const names[] = {
      "# GPUs",          "global batch",       "micro batch",
      "hidden size",     "attention heads",    "# layers",
      "sequence length", "tensor parallelism", "data parallelism",
      "pipeline parallelism"};
  const std::string timeName = "iteration time (ms)";
  std::vector<std::string> required(std::begin(names), std::end(names));
  required.push_back(timeName);
  NumericTable table;
  if (auto err = readNumericCsv(path, required, table))
    return err;
  std::vector<VTrainRun> runs;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<double> &row = table.rows[r];
    std::string where = path + ":" + std::to_string(table.lines[r]) + ": ";
    int64_t counts[10];
    for (int k = 0; k < 10; ++k) {
      double v = row[*table.column(names[k])];
      if (!(v >= 1) || v != std::floor(v) || v > 1e12) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return where + "'" + names[k] + "' = " + buf +
               " is not a positive integer";
      }
      counts[k] = static_cast<int64_t>(v);
    }
    double ms = row[*table.column(timeName)];
    if (!(ms > 0))
      return where + "'" + timeName + "' is not positive";
    VTrainRun run;
    run.gpus = counts[0];
    run.globalBatch = counts[1];
    run.microBatch = counts[2];
    run.hidden = counts[3];
    run.heads = counts[4];
    run.layers = counts[5];
    run.seqLen = counts[6];
    run.tp = counts[7];
    run.dp = counts[8];
    run.pp = counts[9];
    run.seconds = ms / 1e3;
    run.line = table.lines[r];
    if (run.globalBatch % (run.dp * run.microBatch) != 0)
      return where + "global batch " + std::to_string(run.globalBatch) +
             " is not a multiple of data parallelism x micro batch";
    runs.push_back(run);
  }
  if (runs.empty())
    return path + ": no runs";
  out = std::move(runs);
  return std::nullopt;
}

PublicRun hspmd::training::publicRunFromVTrain(const VTrainRun &r,
                                               const VTrainHardware &hw) {
  PublicRun p;
  p.source = RunSource::VTrain;
  p.line = r.line;
  p.gpus = r.gpus;
  p.layers = r.layers;
  p.hidden = r.hidden;
  p.heads = r.heads;
  p.vocab = hw.vocab;
  p.seqLen = r.seqLen;
  p.globalBatch = r.globalBatch;
  p.tp = r.tp;
  p.pp = r.pp;
  p.dp = r.dp;
  p.microBatch = r.microBatch;
  p.virtualStages = 1;
  p.recompute = Recompute::Full;
  p.sequenceParallel = false;
  p.zero = false;
  p.hbmBytes = hw.hbmBandwidth > 1.8e12 ? 80e9 : 40e9;
  p.seconds = r.seconds;
  return p;
}

A100Constants hspmd::training::a100ConstantsOf(const VTrainConstants &c) {
  A100Constants a;
  a.eta = c.eta;
  a.nvlinkBusBw = c.nvlinkBusBw;
  a.nicBusBw = c.nicBusBw;
  a.layerOverhead = c.layerOverhead;
  a.scoreBytes = c.scoreBytes;
  a.activationBytes = c.activationBytes;
  return a;
}

double hspmd::training::vtrainPredictSeconds(const VTrainRun &r,
                                         const VTrainConstants &p,
                                         const VTrainHardware &hw) {
  return predictPublicRun(publicRunFromVTrain(r, hw), a100ConstantsOf(p))
      .seconds;
}

void hspmd::training::splitEvenOdd(const std::vector<VTrainRun> &runs,
                               std::vector<VTrainRun> &train,
                               std::vector<VTrainRun> &test) {
  for (size_t i = 0; i < runs.size(); ++i)
    ((i % 2 == 0) ? train : test).push_back(runs[i]);
}

RelativeErrors hspmd::training::vtrainErrors(const std::vector<VTrainRun> &runs,
                                         const VTrainConstants &c,
                                         const VTrainHardware &hw) {
  std::vector<double> predicted, measured;
  for (const VTrainRun &r : runs) {
    predicted.push_back(vtrainPredictSeconds(r, c, hw));
    measured.push_back(r.seconds);
  }
  return relativeErrors(predicted, measured);
}

VTrainConstants
hspmd::training::vtrainGridFit(const std::vector<VTrainRun> &runs,
                               const VTrainHardware &hw) {
  const double etas[] = {0.5, 0.6, 0.7, 0.8};
  const double nics[] = {12.5e9, 25e9};
  const double cls[] = {0, 2e-3};
  const double acts[] = {0, 100, 200};
  VTrainConstants best{};
  double bestErr = 1e300;
  for (double e : etas)
    for (double ni : nics)
      for (double cl : cls)
        for (double act : acts) {
          VTrainConstants p{e, 200e9, ni, cl, 10, act};
          double err = vtrainErrors(runs, p, hw).mean;
          if (err < bestErr) {
            bestErr = err;
            best = p;
          }
        }
  return best;
}

RelativeFitResult hspmd::training::vtrainLeastSquaresFit(
    const std::vector<VTrainRun> &runs, const VTrainConstants &start,
    VTrainConstants &fitted, const VTrainHardware &hw) {
  auto unpack = [](const std::vector<double> &x) {
    return VTrainConstants{x[0], x[1], x[2], x[3], x[4], x[5]};
  };
  std::vector<FitParameter> params = {
      {"eta", start.eta, 0.05, 1.0, 0.5, true},
      {"nvlink_busbw", start.nvlinkBusBw, 1e9, 1e13, 1e11, true},
      {"nic_busbw", start.nicBusBw, 1e8, 1e12, 1e10, true},
      {"c_layer", start.layerOverhead, 0, 0.1, 1e-3, false},
      {"score_bytes", start.scoreBytes, 0, 2000, 10, false},
      {"activation_bytes", start.activationBytes, 0, 2000, 10, false},
  };
  std::vector<double> measured;
  for (const VTrainRun &r : runs)
    measured.push_back(r.seconds);
  RelativeFitResult result = fitRelativeLeastSquares(
      [&](const std::vector<double> &x, size_t i) {
        return vtrainPredictSeconds(runs[i], unpack(x), hw);
      },
      measured, params);
  fitted = unpack(result.values);
  return result;
}

Calibration hspmd::training::calibrationFromVTrain(const VTrainConstants &c,
                                               const std::string &kind,
                                               const VTrainHardware &hw) {
  Calibration out;
  out.values[kind + ".peak_flops"] = hw.peakFlops;
  out.values[kind + ".hbm_bandwidth"] = hw.hbmBandwidth;
  out.values[kind + ".eta_gemm"] = c.eta;
  out.values[kind + ".nvlink_busbw"] = c.nvlinkBusBw;
  out.values[kind + ".nic_busbw"] = c.nicBusBw;
  out.values[kind + ".c_layer"] = c.layerOverhead;
  return out;
}
