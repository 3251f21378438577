//===- PublicRuns.h - Measured GPT training steps on A100 -------*- C++ -*-===//
//
// Public measurements of GPT training with Megatron-LM-style 3D parallelism
// on A100 clusters, and their prediction by the one step-time model
// (predictStep): every run becomes an A100 cluster (8 per node), a uniform
// plan in Megatron's rank order with the run's TP, PP, DP, micro-batch
// size, virtual stages and recomputation, and the software settings of
// Megatron-LM at the time (FP16 activations, FP32 gradients reduced without
// overlap, no flash attention). vTrain's runs (VTrain.h) are read into the
// same form. data/validation/README.md gives the provenance of every number.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_DATA_PUBLICRUNS_H
#define HSPMD_TRAINING_DATA_PUBLICRUNS_H

#include "hspmd/Training/Data/Fit.h"
#include "hspmd/Training/StepTime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

/// Where a run comes from.
enum class RunSource { VTrain = 0, Narayanan2021 = 1, Korthikanti2022 = 2,
                       SmithMtNlg2022 = 3 };
const char *runSourceName(RunSource s);

struct PublicRun {
  RunSource source = RunSource::VTrain;
  /// Line in its file.
  int line = 0;
  int64_t gpus = 0, layers = 0, hidden = 0, heads = 0, vocab = 51200,
          seqLen = 2048, globalBatch = 0, tp = 1, pp = 1, dp = 1;
  /// 0: not published; the prediction takes the fastest value that fits.
  int64_t microBatch = 0, virtualStages = 0;
  Recompute recompute = Recompute::Full;
  bool sequenceParallel = false;
  /// ZeRO-1 (DeepSpeed's runs).
  bool zero = false;
  double hbmBytes = 80e9;
  /// Measured seconds per iteration.
  double seconds = 0;
  /// A short name: "narayanan 1008B TP8 PP64 DP6".
  std::string label() const;
};

/// Reads data/validation/public-runs.csv (columns by name; '#' lines are
/// provenance). Rows that give TFLOP/s per GPU instead of seconds are
/// converted with the source's own count, 96 B s l h^2 (1 + s/(6h) +
/// V/(16 l h)) FLOPs per iteration.
std::optional<std::string> readPublicRuns(const std::string &path,
                                          std::vector<PublicRun> &out);

/// The A100 constants fitted for Megatron-LM (eta covers the GEMMs and the
/// score GEMMs; bus bandwidths as in Cluster.h; c_layer per block and
/// micro-batch; activation and score bytes as in CostOptions).
struct A100Constants {
  double eta = 0.6;
  double nvlinkBusBw = 200e9, nicBusBw = 20e9;
  double layerOverhead = 1e-3;
  double activationBytes = 40, scoreBytes = 10;
};

/// What a prediction chose where the run does not say, and what it gives.
struct RunPrediction {
  double seconds = 0;
  int64_t microBatch = 0, virtualStages = 0;
  double memoryFraction = 0;
  std::optional<std::string> error;
};

/// HBM bandwidth of the A100 with `hbmBytes` of memory (40 GB: 1.555e12,
/// 80 GB: 2.039e12 bytes/s).
double a100HbmBandwidth(double hbmBytes);

/// The run's model, cluster, plan and options, and predictStep of them.
/// Unpublished micro-batch sizes range over 1, 2, 4, 8 (dividing the
/// sequences per replica) and unpublished virtual stages over the divisors
/// of layers / pp; the fastest plan that fits memory wins (the fastest of
/// all if none fits).
RunPrediction predictPublicRun(const PublicRun &run, const A100Constants &c);

/// Signed relative errors predicted / measured - 1, with their mean
/// absolute and mean signed values.
struct HeldOutErrors {
  std::vector<double> signedErrors;
  std::vector<RunPrediction> predictions;
  double meanAbsolute = 0, meanSigned = 0, maxAbsolute = 0;
};
HeldOutErrors publicRunErrors(const std::vector<PublicRun> &runs,
                              const A100Constants &c);

/// Least squares on relative error of the five constants (eta, NVLink, NIC,
/// c_layer, activation bytes; score bytes too unless `fitScores` is false)
/// from `start`, on `runs` only.
RelativeFitResult fitA100Constants(const std::vector<PublicRun> &runs,
                                   const A100Constants &start,
                                   A100Constants &fitted,
                                   bool fitScores = true);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_DATA_PUBLICRUNS_H
