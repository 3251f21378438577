//===- Cases.h - The HSPMD paper's clusters, cases and profile --*- C++ -*-===//
//
// Built-in data for tests and benchmarks (CostModel.md "Layout"): the clusters
// of the heterogeneous-training experiments, the 14 cases of the artifact's
// examples/hetero_cluster/scripts/train.sh (lhy101/HSPMD @ fdde116), the
// artifact's H20 stage profile of Llama-32B, and the published step times.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_DATA_CASES_H
#define HSPMD_TRAINING_DATA_CASES_H

#include "hspmd/Training/Cluster.h"
#include "hspmd/Training/Model.h"
#include "hspmd/Training/TrainingPlanner.h"
#include "hspmd/Training/Data/Profile.h"
#include "hspmd/Training/StepTime.h"

#include <optional>
#include <string>
#include <vector>

namespace hspmd::training {

struct PaperCluster {
  std::string name;
  int64_t numH20 = 0, numH800 = 0;
};

/// 32 H20 + 16 H800, 16 + 16, 24 + 8, 24 + 16, 24 + 15, 32 H20, 31 H20,
/// 24 H20; build them with h20H800Cluster.
const std::vector<PaperCluster> &paperClusters();

/// One case of train.sh. Stage k of the pipelines, counted over all
/// pipelines in order, holds ranks [k tp, (k+1) tp) minus `unusedRanks`
/// (which lowers its TP degree); `rankToDevice` maps ranks to devices
/// (identity when empty).
struct PaperCase {
  int id = 0;
  std::string cluster;
  bool llama70B = false;
  int64_t numH20 = 0, numH800 = 0;
  int64_t tp = 0;
  std::vector<std::vector<int64_t>> layers;
  std::vector<int64_t> microBatches;
  std::vector<int64_t> unusedRanks;
  std::vector<int64_t> rankToDevice;
  /// A step time the paper reports for this plan [S], if any.
  std::optional<double> paperStepSeconds;
};

const std::vector<PaperCase> &paperCases();
const PaperCase *findPaperCase(int id);

struct BuiltCase {
  ModelConfig model;
  Cluster cluster;
  TrainingPlan plan;
};

/// The model, cluster (priors) and plan of a case; ZeRO-1 on (the
/// generator turns it off by itself where DP is 1, which changes nothing).
BuiltCase buildPaperCase(const PaperCase &c);

/// Every case as a plan the planner may consider (origin "paper case N",
/// id N); built once.
const std::vector<GivenPlan> &paperGivenPlans();

/// `options` with the paper's cases as given plans.
TrainingPlannerOptions withPaperPlans(TrainingPlannerOptions options = {});

/// The artifact's H20 profile of Llama-32B (examples/mixed_length/strategy/
/// generate_strategy.py): stage time per micro-batch a s^2 + b s + c ms for
/// eight (TP, PP) strategies.
const std::vector<ProfileEntry> &h20Profile32B();

/// Published numbers [S] (OSDI'26 reading notes), seconds per step.
struct PaperFigures {
  static constexpr double hspmdCase1 = 6.05;
  static constexpr double megatron = 10.45;
  static constexpr double hexiScale = 8.06;
  static constexpr double deepSpeed = 13.78;
  static constexpr double faultTolerantCase1 = 6.91;
  static constexpr double elasticAfterSwitch = 17.27;
};

} // namespace hspmd::training

#endif // HSPMD_TRAINING_DATA_CASES_H
