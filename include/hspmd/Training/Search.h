//===- Search.h - Uniform baselines and layer balancing ---------*- C++ -*-===//
//
// Two small searches the validation needs: the best uniform plan (the
// baseline a homogeneous system such as Megatron-LM can run: one TP and PP
// degree, equal layers, equal micro-batches) and, for a fixed choice of
// stages, the layer split that balances their times (the check that the
// model re-derives the artifact's own splits).
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_SEARCH_H
#define HSPMD_TRAINING_SEARCH_H

#include "hspmd/Training/StepTime.h"

#include <optional>
#include <vector>

namespace hspmd::training {

/// Megatron's default rank order (tp-cp-ep-dp-pp: TP innermost, PP
/// outermost) over `devices`: stage k of pipeline q is
/// devices[(k dp + q) tp, +tp). Requires |devices| = tp pp dp and pp | layers.
TrainingPlan uniformPlan(const std::vector<int64_t> &devices, int64_t tp,
                         int64_t pp, int64_t dp, int64_t layers,
                         int64_t microBatches, bool zero = true);

struct UniformCandidate {
  int64_t tp = 0, pp = 0, dp = 0, microBatches = 0;
  double stepSeconds = 0, memoryFraction = 0;
};

/// Every uniform plan on `devices` with TP in `tpDegrees`, PP dividing the
/// layers, DP dividing `globalBatch` / microBatch sequences, that fits in
/// memory, with `recompute`, plain 1F1B; fastest first.
std::vector<UniformCandidate>
searchUniformPlans(const ModelConfig &model, const Cluster &cluster,
                   const std::vector<int64_t> &devices, int64_t globalBatch,
                   const CostOptions &options,
                   const std::vector<int64_t> &tpDegrees = {1, 2, 4, 8},
                   Recompute recompute = Recompute::None);

/// Integer layers per stage (stages given by their devices, in pipeline
/// order) minimising the slowest stage's time per micro-batch, each stage
/// within its memory (`microBatches` per pipeline, `replicas` pipelines,
/// `recompute`); nothing if the layers cannot fit.
std::optional<std::vector<int64_t>>
balanceLayers(const ModelConfig &model, const Cluster &cluster,
              const std::vector<std::vector<int64_t>> &stageDevices,
              int64_t microBatches, int64_t replicas, bool zero,
              const CostOptions &options,
              Recompute recompute = Recompute::None);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_SEARCH_H
