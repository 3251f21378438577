//===- VTrain.h - Measured A100 Megatron runs (vTrain) ----------*- C++ -*-===//
//
// vTrain (MICRO'24) released 109 measured iteration times of GPT models trained
// with Megatron-LM on 64-512 A100s (data/ground_truth_multi.csv of
// VIA-Research/vTrain; a copy is
// data/calibration/vtrain-ground-truth-multi.csv). They are predicted by the
// one step-time model, predictStep, through PublicRuns.h: full
// recomputation, TP without SP, plain 1F1B, a DP all-reduce of FP32
// gradients that is not overlapped, Adam at HBM bandwidth. This file holds
// the reader and the fits of the six A100 constants that hspmd-cost-bench
// and hspmd-calibrate share.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_DATA_VTRAIN_H
#define HSPMD_TRAINING_DATA_VTRAIN_H

#include "hspmd/Training/Calibration.h"
#include "hspmd/Training/Data/Fit.h"
#include "hspmd/Training/Data/PublicRuns.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

/// One measured run (one row of ground_truth_multi.csv).
struct VTrainRun {
  int64_t gpus = 0, globalBatch = 0, microBatch = 0, hidden = 0, heads = 0,
          layers = 0, seqLen = 0, tp = 0, dp = 0, pp = 0;
  /// Measured iteration time.
  double seconds = 0;
  /// Line in the file.
  int line = 0;
};

/// Reads vTrain's CSV: columns are found by their names ("# GPUs", "global
/// batch", "micro batch", "hidden size", "attention heads", "# layers",
/// "sequence length", "tensor parallelism", "data parallelism", "pipeline
/// parallelism", "iteration time (ms)"); other columns are ignored. Every
/// count must be a positive integer and the time positive.
std::optional<std::string> readVTrainTable(const std::string &path,
                                           std::vector<VTrainRun> &out);

/// The fixed inputs of the reference's form: A100 dense FP16 peak,
/// the HBM bandwidth of the 40 GB part, vTrain's vocab and node size.
struct VTrainHardware {
  double peakFlops = 312e12;
  double hbmBandwidth = 1.555e12;
  int64_t vocab = 51200;
  int64_t gpusPerNode = 8;
};

/// The six fitted constants. They are effective, not unique.
struct VTrainConstants {
  /// Achieved fraction of peak on every GEMM and the attention score FLOPs.
  double eta = 0;
  /// Ring bus bandwidth inside a node, and per GPU (one rail) across nodes.
  double nvlinkBusBw = 0, nicBusBw = 0;
  /// Per layer and micro-batch (recomputation included), seconds.
  double layerOverhead = 0;
  /// HBM bytes per score of the b a s^2 attention scores (softmax, mask,
  /// dropout) and per element of the s b h activations (norms, GeLU,
  /// residuals), forward + backward: CostOptions::scoreBytes and
  /// activationBytes.
  double scoreBytes = 0, activationBytes = 0;
};

/// The run as a PublicRun (HBM 40 GB where hw has the 40 GB part's
/// bandwidth), and the constants as A100Constants.
PublicRun publicRunFromVTrain(const VTrainRun &run,
                              const VTrainHardware &hw = {});
A100Constants a100ConstantsOf(const VTrainConstants &c);

/// predictStep of the run (predictPublicRun).
double vtrainPredictSeconds(const VTrainRun &run, const VTrainConstants &c,
                            const VTrainHardware &hw = {});

/// Even rows (0, 2, ...) to `train`, odd rows to `test`: the reference's
/// split.
void splitEvenOdd(const std::vector<VTrainRun> &runs,
                  std::vector<VTrainRun> &train, std::vector<VTrainRun> &test);

RelativeErrors vtrainErrors(const std::vector<VTrainRun> &runs,
                            const VTrainConstants &c,
                            const VTrainHardware &hw = {});

/// A coarse grid (eta 0.5..0.8, NIC 12.5 or 25 GB/s, c_layer 0 or 2 ms,
/// activation bytes 0, 100 or 200; NVLink 200 GB/s, score bytes 10),
/// minimising the mean relative error on `runs`: the start of the least
/// squares. The first point of the grid wins ties.
VTrainConstants vtrainGridFit(const std::vector<VTrainRun> &runs,
                              const VTrainHardware &hw = {});

/// Least squares on relative error (Levenberg-Marquardt, rates in 1/x
/// coordinates, every constant kept in a physical box: eta in [0.05, 1],
/// overheads and passes non-negative), starting from `start`.
RelativeFitResult vtrainLeastSquaresFit(const std::vector<VTrainRun> &runs,
                                        const VTrainConstants &start,
                                        VTrainConstants &fitted,
                                        const VTrainHardware &hw = {});

/// The constants as calibration entries of `kind` where they mean what the
/// DeviceKind fields mean: peak_flops and hbm_bandwidth (the fixed inputs),
/// eta_gemm, nvlink_busbw, nic_busbw, c_layer. The passes and eta's share
/// in attention have no field (see docs/CostModel.md).
Calibration calibrationFromVTrain(const VTrainConstants &c,
                                  const std::string &kind,
                                  const VTrainHardware &hw = {});

} // namespace hspmd::training

#endif // HSPMD_TRAINING_DATA_VTRAIN_H
