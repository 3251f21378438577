//===- Pipeline.h - Event simulation of 1F1B pipelines ----------*- C++ -*-===//
//
// One pipeline under the PipeDream-flush (1F1B) schedule of Hetu's
// GeneratePipedreamFlushSchedule: stage k of p runs w = min(p-k-1, m) warm-up
// forwards, then alternates forward and backward, then drains its backwards.
// F(k,i) waits for F(k-1,i) plus the transfer between the stages; B(k,i)
// waits for B(k+1,i) plus the transfer, and on the last stage for F(k,i).
// Stages may differ in time (different kinds, TP degrees, layer counts) and
// every pipeline has its own micro-batch count m.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_PIPELINE_H
#define HSPMD_TRAINING_PIPELINE_H

#include <cstdint>
#include <vector>

namespace hspmd::training {

/// Seconds one stage spends on one micro-batch.
struct StageTiming {
  double forward = 0;
  double backward = 0;
  double total() const { return forward + backward; }
};

enum class Pass { Forward, Backward };

struct PipelineOp {
  Pass pass = Pass::Forward;
  int64_t microBatch = 0;
  bool operator==(const PipelineOp &o) const {
    return pass == o.pass && microBatch == o.microBatch;
  }
};

/// The order stage `stage` of `numStages` runs its 2m passes under 1F1B.
std::vector<PipelineOp> oneFOneBOrder(int64_t stage, int64_t numStages,
                                      int64_t microBatches);

struct PipelineSchedule {
  /// When each stage ends its last pass.
  std::vector<double> stageFinish;
  /// [stage][micro-batch] end of the forward and of the backward pass.
  std::vector<std::vector<double>> forwardEnd, backwardEnd;
  double makespan = 0;
};

/// One pass a simulation scheduled: stage `stage` runs `op` from `start` to
/// `end` (its stage time; a stage runs one pass at a time).
struct PassEvent {
  int64_t stage = 0;
  PipelineOp op;
  double start = 0, end = 0;
};

/// Simulates one pipeline from time 0. `transfer[k]` is the time of one
/// activation (or gradient) message between stages k and k+1, so it has one
/// entry fewer than `stages`. Requires microBatches >= 1 and at least one
/// stage (callers validate; the 1F1B order itself cannot deadlock). With
/// `passes`, every pass is appended to it as it is scheduled: each stage's
/// passes in its 1F1B order, the stage's last pass ending at its
/// `stageFinish`.
PipelineSchedule simulate1F1B(const std::vector<StageTiming> &stages,
                              int64_t microBatches,
                              const std::vector<double> &transfer,
                              std::vector<PassEvent> *passes = nullptr);

/// Interleaved 1F1B with `virtualStages` v chunks per stage (Narayanan et
/// al. 2021), from the plain 1F1B simulation of the same stages: each stage
/// is busy m T_k either way, and interleaving divides its idle time (the
/// bubble) by v, so stage k ends at m T_k + (finish_k - m T_k) / v. On p
/// equal stages this is (m + (p - 1)/v) T, the paper's bubble.
///
/// It is applied pass by pass: every pass of the plain simulation keeps its
/// duration and moves earlier so that the idle time before it on its stage
/// is divided by v. The result's pass ends, stage finishes and `passes` (as
/// for simulate1F1B) are those moved passes. This is not the interleaved
/// order itself (a micro-batch's v chunks are not interleaved with other
/// micro-batches' here), so a moved pass may start before the pass it
/// depends on in the plain order ends; only each stage's busy and idle time
/// is modelled.
PipelineSchedule simulateInterleaved1F1B(const std::vector<StageTiming> &stages,
                                         int64_t microBatches,
                                         const std::vector<double> &transfer,
                                         int64_t virtualStages,
                                         std::vector<PassEvent> *passes = nullptr);

/// The closed form of Metis's estimator, sum_k T_k + (m-1) max_k T_k: exact
/// for equal stages ((m+p-1) T), an approximation otherwise.
double closedFormPipelineTime(const std::vector<StageTiming> &stages,
                              int64_t microBatches);

/// A bound no schedule without transfers can beat: stage k cannot start
/// before the forwards of the stages before it, does m passes of T_k, and
/// the last backward must then cross the stages before it again:
/// max_k (sum_{j<k} T_j + m T_k).
double pipelineLowerBound(const std::vector<StageTiming> &stages,
                          int64_t microBatches);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_PIPELINE_H
