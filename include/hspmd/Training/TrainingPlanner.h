//===- TrainingPlanner.h - Heterogeneous training plans ---------*- C++ -*-===//
//
// Chooses a TrainingPlan for a model on a cluster whose devices may differ in
// kind: tensor-parallel groups inside nodes (one kind per group; degrees may
// differ between groups), how groups chain into pipelines, uneven layers per
// stage (balanced by the model, capped by memory), uneven micro-batches per
// pipeline (the top tier's `weights`), and ZeRO-1 on or off.
//
// The search is structured, not exhaustive (docs/CostModel.md, "Planner"):
//
//   1. Per kind, a TP degree from `tpDegrees`; each node's devices of that
//      kind form groups of that degree, and what is left of a node either
//      forms smaller power-of-two groups (7 = 4 + 2 + 1) or stays idle.
//   2. The kinds used are partitioned into blocks; the groups of a block form
//      D pipelines, each holding about 1/D of every kind's groups, chained
//      in a kind order (slow kind first, or fast first, ...). One block of
//      every kind is the "mixed" family (the paper's CASE 1), one block per
//      kind the "separate" family (homogeneous pipelines with uneven
//      micro-batches); kinds in no block stay idle.
//   3. Every pipeline's layers come from balanceLayers; micro-batches go to
//      the pipelines greedily by their closed-form 1F1B time.
//   4. A closed-form estimate ranks every structure; the best few are
//      evaluated by predictStep, together with every uniform plan
//      (searchUniformPlans on all devices and on every subset of kinds) and
//      every given plan (TrainingPlannerOptions::givenPlans: the paper's 14
//      cases, for tools, benchmarks and tests) that fits the cluster.
//   5. Local improvement on the best: move one micro-batch between
//      pipelines, one layer between two stages of a class of identical
//      pipelines, or toggle ZeRO, while predictStep improves.
//
// Steps 1-5 run once per setting of the micro-batch size and recomputation
// (TrainingPlannerOptions::microBatchSizes, recomputeOptions); the best
// plans of each then get interleaved variants (virtualStageOptions). The
// fastest plan of every setting is kept as an alternative.
//
// The result is the fastest plan predictStep has seen that validates, fits
// memory and satisfies the pins, so it is never predicted slower than any
// uniform or given plan that satisfies them.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_TRAININGPLANNER_H
#define HSPMD_TRAINING_TRAININGPLANNER_H

#include "hspmd/Training/Search.h"
#include "hspmd/Training/StepTime.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

/// One tensor-parallel group: devices of one kind on one node, in TP order.
struct TpGroup {
  std::vector<int64_t> devices;
  int64_t kind = 0;
  int64_t node = 0;
};

/// What happens to the devices of a node that do not fill a group of the
/// chosen degree.
enum class Remainder {
  /// Smaller power-of-two groups, largest first (7 = 4 + 2 + 1).
  Split,
  /// They stay idle.
  Drop
};

/// The TP groups of `kind` at `degree`: per node (in node order), its
/// devices of that kind in rank order, cut into groups of `degree`, the rest
/// by `remainder`. Groups are ordered by node, then first device.
std::vector<TpGroup> formTpGroups(const Cluster &cluster, int64_t kind,
                                  int64_t degree, Remainder remainder);

enum class Family {
  /// Any partition of the kinds into blocks (including idle kinds).
  Any,
  /// One block of every kind: every pipeline holds groups of every kind.
  Mixed,
  /// One block per kind: every pipeline is of one kind.
  Separate
};

/// Parts of a plan fixed by the user; the planner re-plans the rest.
struct PlanPins {
  /// TP degree per kind name: the degree of that kind's groups (a node's
  /// remainder may still form smaller groups unless `remainder` is Drop).
  std::map<std::string, int64_t> tpDegree;
  std::optional<Remainder> remainder;
  /// Number of pipelines (DP replicas).
  std::optional<int64_t> pipelines;
  std::optional<bool> zero;
  Family family = Family::Any;
  /// Kinds along every pipeline, first stage first (names).
  std::vector<std::string> kindOrder;
  /// Every kind of the cluster must be used.
  bool allKinds = false;
  /// Fixed stages: pipelines of stages, each stage its devices in TP order.
  /// Layers, micro-batches and ZeRO are then planned for these stages.
  std::vector<std::vector<std::vector<int64_t>>> stages;
  /// With `stages`: the layers of every stage, fixed too.
  std::vector<std::vector<int64_t>> layers;
  /// Micro-batches per pipeline, fixed (requires the pipeline count).
  std::vector<int64_t> microBatches;
  /// Sequences per micro-batch.
  std::optional<int64_t> microBatchSize;
  /// Activation recomputation.
  std::optional<Recompute> recompute;
  /// Virtual stages of the interleaved schedule (1: plain 1F1B).
  std::optional<int64_t> virtualStages;

  bool empty() const {
    return tpDegree.empty() && !remainder && !pipelines && !zero &&
           family == Family::Any && kindOrder.empty() && !allKinds &&
           stages.empty() && layers.empty() && microBatches.empty() &&
           !microBatchSize && !recompute && !virtualStages;
  }
};

/// A plan the planner considers besides its own (a paper case: see
/// hspmd/Training/Data/Cases.h, paperGivenPlans). It is taken where
/// `cluster` is the planned cluster (kinds by name, nodes) and its layers
/// are the model's; its micro-batches are rescaled to the batch and ZeRO is
/// the planner's default.
struct GivenPlan {
  /// How results name it ("paper case 3").
  std::string origin;
  /// Its number (a paper case's id).
  int id = 0;
  Cluster cluster;
  TrainingPlan plan;
};

struct TrainingPlannerOptions {
  CostOptions cost;
  std::vector<int64_t> tpDegrees = {1, 2, 4, 8};
  PlanPins pins;
  /// Include every uniform plan (searchUniformPlans) on all devices and on
  /// the devices of every proper subset of kinds.
  bool uniformCandidates = true;
  /// Plans to include where the cluster is theirs (none by default).
  std::vector<GivenPlan> givenPlans;
  /// How many structures, best estimate first, predictStep evaluates.
  int64_t exactEvaluations = 32;
  /// Per block of kinds, how many options enter combinations of blocks.
  int64_t blockOptions = 6;
  /// Most predictStep calls the local improvement may make.
  int64_t improvementEvaluations = 400;
  /// Micro-batch sizes (sequences) to search; each must divide the batch.
  /// Empty means the model's own `microBatch` only.
  std::vector<int64_t> microBatchSizes = {1, 2, 4};
  /// Recomputation settings to search (selective is left out where the
  /// model uses flash attention: there it equals none).
  std::vector<Recompute> recomputeOptions = {
      Recompute::None, Recompute::Selective, Recompute::Full};
  /// Virtual stages to try on the best plans (1 always).
  std::vector<int64_t> virtualStageOptions = {1, 2, 3, 4};
  /// How many of the best plans of each setting get the virtual-stage
  /// variants.
  int64_t interleaveCandidates = 8;
  /// Search every setting. Otherwise: micro-batch sizes in increasing
  /// order until one is slower than the one before, and recomputation at a
  /// size only where the best plan without it fails or holds more than
  /// `memoryHeadroom` of some stage's capacity.
  bool exhaustiveSettings = false;
  double memoryHeadroom = 0.8;
};

/// A plan and where it came from, as predictStep sees it.
struct PlanChoice {
  /// "search", "uniform", a given plan's origin, "pinned stages", plus
  /// " + improved" after local improvement.
  std::string origin;
  TrainingPlan plan;
  double stepSeconds = 0;
  double memoryFraction = 0;
};

struct TrainingPlannerResult {
  /// Set when no plan was found; nothing else is then meaningful.
  std::optional<std::string> error;
  PlanChoice best;
  /// predictStep of best.plan.
  StepReport report;
  /// The fastest uniform plan on all devices / on the devices of any subset
  /// of kinds (including all), among those that satisfy the pins.
  std::optional<PlanChoice> bestUniform, bestUniformSubset;
  /// The fastest given plan that fits the cluster and the pins, and its id.
  std::optional<PlanChoice> bestGiven;
  int bestGivenId = 0;
  /// The fastest structure of the search before local improvement.
  std::optional<PlanChoice> bestSearched;
  /// Why the plan wins: the fastest plan of every setting searched
  /// (micro-batch size x recomputation x virtual stages) that fits,
  /// fastest first; the first is `best`.
  std::vector<PlanChoice> alternatives;
  /// Structures ranked by the estimate; predictStep calls in all.
  int64_t structures = 0;
  int64_t evaluations = 0;
  /// Wall-clock seconds the planner ran.
  double seconds = 0;
};

/// Plans `globalBatch` sequences (micro-batches of model.microBatch) of
/// `model` (its seqLen) on `cluster`.
TrainingPlannerResult planTraining(const ModelConfig &model,
                                   const Cluster &cluster, int64_t globalBatch,
                                   const TrainingPlannerOptions &options = {});

/// Nothing if `plan` keeps every pin of `pins`; otherwise which one it breaks.
std::optional<std::string> checkPins(const Cluster &cluster,
                                     const TrainingPlan &plan,
                                     const PlanPins &pins);

/// The plan in the artifact's notation, identical pipelines counted:
/// "4 x [H20:4:11 H20:4:11 H800:4:38] m16, ZeRO-1" (kind:TP:layers).
std::string describePlan(const Cluster &cluster, const TrainingPlan &plan);

/// What the #hspmd.sharding annotations of the plan would be, as text: for
/// every range of layers over which no pipeline changes stage, the
/// activations [batch, seq, hidden] (top tier hetero = d0 over the
/// pipelines' groups with weights = their micro-batches; SP splits the
/// sequence: [d1 = tp]), the column-parallel weights (QKV, gate/up:
/// [d1 = tp]) and row-parallel weights (attention output, down: [d0 = tp]),
/// replicated over the pipelines (hetero = dup); then the embedding and the
/// LM head (vocab-parallel).
std::string renderShardingAnnotations(const Cluster &cluster,
                                      const ModelConfig &model,
                                      const TrainingPlan &plan);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_TRAININGPLANNER_H
