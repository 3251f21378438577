//===- StepTime.h - Step time and memory of a training plan -----*- C++ -*-===//
//
// A training plan as HSPMD expresses it: pipelines of stages, each stage a
// tensor-parallel group (any degree, any devices) running a contiguous range
// of blocks; pipelines may differ in stage count, layer split, TP degrees and
// micro-batch count, and meet only at the data-parallel reduction of each
// layer's gradients. The model predicts the step time and each device's
// peak memory (CostModel.md "Formulas").
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_STEPTIME_H
#define HSPMD_TRAINING_STEPTIME_H

#include "hspmd/Training/Cluster.h"
#include "hspmd/Training/Model.h"
#include "hspmd/Training/Pipeline.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

struct StagePlan {
  /// World ranks of the stage's TP group, in TP order.
  std::vector<int64_t> devices;
  /// Consecutive blocks it runs, after those of the stages before it.
  int64_t layers = 0;
};

struct PipelinePlan {
  std::vector<StagePlan> stages;
  int64_t microBatches = 0;
};

struct TrainingPlan {
  /// Every pipeline holds the whole model; the pipelines are the DP replicas.
  std::vector<PipelinePlan> pipelines;
  /// ZeRO-1: optimizer state sharded over the replicas of each layer, the
  /// gradient all-reduce split into reduce-scatter + parameter all-gather.
  bool zero = true;
  /// Activation recomputation, in every stage.
  Recompute recompute = Recompute::None;
  /// Interleaved 1F1B (Narayanan et al. 2021): every stage runs its layers
  /// as `virtualStages` chunks, so a micro-batch visits each device that
  /// many times. 1 is plain 1F1B. Every stage needs at least that many
  /// layers.
  int64_t virtualStages = 1;
  /// Sequences per micro-batch; 0 means the model's `microBatch`.
  int64_t microBatchSize = 0;
};

/// The micro-batch size a plan runs `model` with.
inline int64_t microBatchSizeOf(const ModelConfig &model,
                                const TrainingPlan &plan) {
  return plan.microBatchSize > 0 ? plan.microBatchSize : model.microBatch;
}

struct CostOptions {
  /// Sequence parallelism inside TP groups (the artifact's setting); off,
  /// TP uses 4 all-reduces per block (the same bytes).
  bool sequenceParallel = true;
  /// Bytes per gradient element in the DP reduction: 2 for Hetu's BF16
  /// gradients, 4 for FP32 main gradients.
  int64_t gradCommBytes = 2;
  /// Bytes per gradient element held in memory (Hetu 2, Megatron 4).
  int64_t gradMemoryBytes = 2;
  /// Usable share of HBM (allocator and NCCL slack).
  double memoryFraction = 0.92;
  /// Megatron --overlap-grad-reduce: only about one bucket stays exposed,
  /// modelled as min(T, 0.05 T + 20 ms). Off in the artifact.
  bool overlapGradReduce = false;
  /// HBM traffic of one Adam update per parameter: read p, g, m, v; write
  /// p, m, v; the BF16 copy.
  double optimizerBytesPerParam = 36;
  /// The memory-bound passes over a block's activations (norms, residual
  /// adds, GeLU/SwiGLU, bias, dropout, rotary): HBM bytes moved per element
  /// of s b h, forward + backward, at the kind's HBM bandwidth. 0 in the
  /// priors: the H20 profile, one model size, cannot tell these passes from
  /// the GEMMs (both grow as b s), so its eta_gemm and c_layer hold them.
  /// Fitted for Megatron-LM on A100 (Data/PublicRuns.h).
  double activationBytes = 0;
  /// Without FlashAttention, the passes over the b a s^2 scores (softmax,
  /// mask, dropout): HBM bytes per score, forward + backward.
  double scoreBytes = 0;
};

/// One block, one micro-batch, forward + backward, on one kind at TP `tp`.
struct BlockTime {
  double gemm = 0, attention = 0, tpComm = 0, overhead = 0;
  /// Memory-bound passes over the activations (and, without flash, over
  /// the scores), fwd + bwd.
  double memory = 0;
  /// What recomputation adds before the backward: a forward of the whole
  /// block (full) or of the attention core (selective, without flash).
  double recompute = 0;
  /// The forward's share of `attention`: 1/3.5 for flash attention
  /// (bwd = 2.5 fwd), 1/3 for score GEMMs.
  double attentionForwardShare = 1 / 3.5;
  double total() const {
    return gemm + attention + tpComm + overhead + memory + recompute;
  }
  /// fwd share: a third of the GEMMs (fwd, wgrad, dgrad), the forward
  /// share of attention, half the TP traffic, a third of the rest.
  double forward() const {
    return gemm / 3 + attention * attentionForwardShare + tpComm / 2 +
           overhead / 3 + memory / 3;
  }
};

BlockTime blockTime(const ModelConfig &model, const DeviceKind &kind,
                    int64_t tp, const Link &tpLink, const CostOptions &options,
                    Recompute recompute = Recompute::None);

/// A stage's time per micro-batch: blocks, plus on the last stage the LM
/// head GEMM and the vocab-parallel cross entropy (4 passes over FP32
/// logits at HBM bandwidth). A stage mixing kinds runs at its slowest.
struct StageCost {
  int64_t kind = 0;
  BlockTime block;
  double head = 0, crossEntropy = 0;
  StageTiming timing;
};

StageCost stageCost(const ModelConfig &model, const Cluster &cluster,
                    const std::vector<int64_t> &devices, int64_t layers,
                    bool first, bool last, const CostOptions &options,
                    Recompute recompute = Recompute::None);

/// Weight, gradient and optimizer bytes plus the activations of the
/// micro-batches in flight under 1F1B (min(m, p - k) at stage k) and, on the
/// last stage, the logits; per device of the stage.
///
/// With recomputation, the in-flight micro-batches hold the recomputed form
/// (blockActivationBytes) and the stage adds one block's working set. With
/// `virtualStages` v > 1 (interleaved 1F1B over p stages) the activations
/// in flight grow by 1 + (p - 1) / (p v) (Korthikanti et al. 2022).
double stageMemoryBytes(const ModelConfig &model, int64_t tp, int64_t layers,
                        bool first, bool last, int64_t inFlight,
                        int64_t replicas, bool zero,
                        const CostOptions &options,
                        Recompute recompute = Recompute::None,
                        int64_t virtualStages = 1, int64_t stages = 1);

struct StageReport {
  int64_t pipeline = 0, stage = 0;
  int64_t firstLayer = 0, layers = 0, tp = 0;
  std::string kind;
  StageCost cost;
  /// End of its last backward pass.
  double finish = 0;
  /// The DP reduction starts when every replica of its layers is done.
  double syncStart = 0, syncSeconds = 0, optimizerSeconds = 0;
  double end = 0;
  /// Parameters each of its devices holds.
  double paramsPerDevice = 0;
  double memoryBytes = 0, memoryCapacity = 0;
};

struct StepReport {
  /// Set when the inputs are invalid; nothing else is then meaningful.
  std::optional<std::string> error;
  double stepSeconds = 0;
  /// The longest pipeline alone, without DP sync and optimizer.
  double makespan = 0;
  std::vector<PipelineSchedule> pipelines;
  std::vector<StageReport> stages;
  /// The stage whose end is the step's end (an index into `stages`).
  size_t critical = 0;
  /// Largest memoryBytes / memoryCapacity over stages.
  double peakMemoryFraction = 0;
  bool fitsMemory() const { return peakMemoryFraction <= 1.0; }
};

/// What a timeline event is. Forward and backward passes (per virtual stage
/// where interleaved), the recomputation inside a backward, the sends
/// between stages, and the data-parallel step at the end.
enum class TimelineKind {
  Forward,
  Backward,
  /// The recomputed forward at the start of a backward (inside it).
  Recompute,
  /// An activation (after a forward) or gradient (after a backward) on its
  /// way to the next or previous stage; the stage computes meanwhile.
  Send,
  /// Interleaving's transfers between a micro-batch's chunks on one stage,
  /// charged to the stage's passes (not overlapped).
  ChunkSend,
  /// The exposed data-parallel gradient reduction (and, with ZeRO, the
  /// parameter all-gather).
  GradSync,
  Optimizer,
};

/// One thing a stage does, as predictStep scheduled it.
struct TimelineEvent {
  TimelineKind kind = TimelineKind::Forward;
  int64_t pipeline = 0, stage = 0;
  /// -1 for GradSync and Optimizer.
  int64_t microBatch = -1;
  /// The virtual stage (0..v-1) of an interleaved pass; 0 otherwise.
  int64_t chunk = 0;
  /// Send: the stage the message goes to.
  int64_t peer = -1;
  double start = 0, end = 0;
};

/// Nothing if the plan runs the model on the cluster: every pipeline has
/// stages of at least one device and one layer, layers summing to the
/// model's, at least one micro-batch; devices exist and none is used twice.
std::optional<std::string> validatePlan(const ModelConfig &model,
                                        const Cluster &cluster,
                                        const TrainingPlan &plan);

/// Step time (CostModel.md "Formulas"): each pipeline simulated by 1F1B; each
/// stage then waits for every stage of another pipeline sharing one of its
/// layers, reduces its gradients piece by piece over the replicas of each
/// layer range (split collectives where TP degrees differ), and runs Adam on
/// its optimizer shard. The step ends with the last stage to finish.
///
/// With `timeline`, the events the prediction scheduled are appended to it,
/// pipeline by pipeline, stage by stage, in time order. Every pass is the
/// simulation's own (PassEvent); an interleaved pass is split into its v
/// chunks and the v - 1 transfers between them, a backward's recomputation
/// is its first `layers x BlockTime::recompute` seconds (per chunk, over
/// v); sends end when the next pass may start; each stage ends with its
/// GradSync (when it has replicas) and Optimizer, the latter ending at the
/// stage's `end`. So the latest end is `stepSeconds`. Recording changes no
/// number of the report.
StepReport predictStep(const ModelConfig &model, const Cluster &cluster,
                       const TrainingPlan &plan,
                       const CostOptions &options = {},
                       std::vector<TimelineEvent> *timeline = nullptr);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_STEPTIME_H
