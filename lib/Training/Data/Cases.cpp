//===- Cases.cpp - The HSPMD paper's clusters, cases and profile ----------===//

#include "hspmd/Training/Data/Cases.h"

#include <algorithm>

using namespace hspmd;
using namespace hspmd::training;

const std::vector<PaperCluster> &hspmd::training::paperClusters() {
  static const std::vector<PaperCluster> clusters = {
      {"32 H20 + 16 H800", 32, 16},
      {"16 H20 + 16 H800", 16, 16},
      {"24 H20 + 8 H800", 24, 8},
      {"24 H20 + 16 H800", 24, 16},
      {"24 H20 + 15 H800", 24, 15},
      {"32 H20", 32, 0},
      {"31 H20", 31, 0},
      {"24 H20", 24, 0},
  };
  return clusters;
}

namespace {

using Layers = std::vector<std::vector<int64_t>>;

// RANK_TO_DEVICE_MAPPING of train.sh, as rank -> device.
const std::vector<int64_t> kMap1 = {
    0,  1,  2,  3,  4,  5,  6,  7,  32, 33, 34, 35, 8,  9,  10, 11,
    12, 13, 14, 15, 36, 37, 38, 39, 16, 17, 18, 19, 20, 21, 22, 23,
    40, 41, 42, 43, 24, 25, 26, 27, 28, 29, 30, 31, 44, 45, 46, 47};
const std::vector<int64_t> kMap2 = {0,  1,  2,  3,  4,  5,  6,  7,  16, 17, 18,
                                    19, 20, 21, 22, 23, 8,  9,  10, 11, 12, 13,
                                    14, 15, 24, 25, 26, 27, 28, 29, 30, 31};
const std::vector<int64_t> kMap3 = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10,
                                    11, 24, 25, 26, 27, 12, 13, 14, 15, 16, 17,
                                    18, 19, 20, 21, 22, 23, 28, 29, 30, 31};
const std::vector<int64_t> kMap4 = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,
                                    10, 11, 24, 25, 26, 27, 28, 29, 30, 31,
                                    12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                                    22, 23, 32, 33, 34, 35, 36, 37, 38, 39};
const std::vector<int64_t> kMap5 = {0,  1,  2,  3,  4,  5,  6,  7,  24, 25, 26,
                                    27, 28, 29, 30, 31, 8,  9,  10, 11, 12, 13,
                                    14, 15, 32, 33, 34, 35, 16, 17, 18, 19, 20,
                                    21, 22, 23, 36, 37, 39, 40, 38, 41, 42, 43};
const std::vector<int64_t> kMap6 = {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10,
                                    11, 24, 25, 26, 27, 28, 29, 30, 31, 12, 13,
                                    14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 32,
                                    33, 34, 35, 36, 37, 39, 40, 38, 41, 42, 43};
// Cases 7 and 11 share one mapping.
const std::vector<int64_t> kMap7 = {
    0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,
    32, 33, 34, 35, 36, 37, 38, 39, 16, 17, 18, 19, 20, 21, 22, 23,
    24, 25, 26, 27, 28, 29, 30, 31, 40, 41, 42, 43, 44, 45, 46, 47};
const std::vector<int64_t> kMap13 = {
    0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17,
    18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 32, 30, 33, 34, 35};

} // namespace

const std::vector<PaperCase> &hspmd::training::paperCases() {
  static const std::vector<PaperCase> cases = [] {
    std::vector<PaperCase> v;
    auto add = [&](int id, std::string cluster, bool is70B, int64_t h20,
                   int64_t h800, int64_t tp, Layers layers,
                   std::vector<int64_t> micro, std::vector<int64_t> unused,
                   std::vector<int64_t> map,
                   std::optional<double> paper = std::nullopt) {
      v.push_back({id, std::move(cluster), is70B, h20, h800, tp,
                   std::move(layers), std::move(micro), std::move(unused),
                   std::move(map), paper});
    };
    std::vector<int64_t> none;
    add(1, "32 H20 + 16 H800", false, 32, 16, 4, Layers(4, {11, 11, 38}),
        {16, 16, 16, 16}, none, kMap1, PaperFigures::hspmdCase1);
    add(2, "16 H20 + 16 H800", false, 16, 16, 4, Layers(2, {7, 7, 23, 23}),
        {32, 32}, none, kMap2);
    add(3, "24 H20 + 8 H800", false, 24, 8, 4, Layers(2, {9, 10, 10, 31}),
        {32, 32}, none, kMap3);
    add(4, "24 H20 + 16 H800", false, 24, 16, 4, Layers(2, {6, 6, 6, 21, 21}),
        {32, 32}, none, kMap4);
    add(5, "24 H20 + 15 H800", false, 24, 15, 4,
        {{7, 7, 23, 23}, {11, 11, 38}, {12, 11, 24, 13}}, {29, 18, 17},
        {38, 39, 41, 42, 43}, kMap5);
    add(6, "24 H20 + 15 H800", false, 24, 15, 4,
        {{6, 6, 6, 21, 21}, {6, 6, 6, 22, 13, 7}}, {33, 31},
        {38, 39, 41, 42, 43}, kMap6);
    add(7, "32 H20 + 16 H800", true, 32, 16, 8, Layers(2, {17, 17, 46}),
        {32, 32}, none, kMap7);
    add(8, "24 H20 + 16 H800", true, 24, 16, 8, {{10, 10, 10, 25, 25}}, {64},
        none, none);
    add(9, "16 H20 + 16 H800", true, 16, 16, 8, {{11, 11, 29, 29}}, {64}, none,
        none);
    add(10, "24 H20 + 8 H800", true, 24, 8, 8, {{16, 16, 16, 32}}, {64}, none,
        none);
    add(11, "32 H20 + 16 H800", false, 32, 16, 4,
        Layers(2, {5, 6, 6, 6, 18, 19}), {32, 32}, none, kMap7);
    add(12, "32 H20", false, 32, 0, 4, Layers(2, {15, 15, 15, 15}), {32, 32},
        none, none);
    add(13, "31 H20", false, 31, 0, 4, {{15, 15, 15, 15}, {16, 16, 16, 8, 4}},
        {33, 31}, {30, 31, 33, 34, 35}, kMap13,
        PaperFigures::elasticAfterSwitch);
    add(14, "24 H20", false, 24, 0, 4, Layers(2, {20, 20, 20}), {32, 32}, none,
        none);
    return v;
  }();
  return cases;
}

const PaperCase *hspmd::training::findPaperCase(int id) {
  for (const PaperCase &c : paperCases())
    if (c.id == id)
      return &c;
  return nullptr;
}

BuiltCase hspmd::training::buildPaperCase(const PaperCase &c) {
  BuiltCase b;
  b.model = c.llama70B ? ModelConfig::llama70B() : ModelConfig::llama32B();
  b.cluster = h20H800Cluster(c.numH20, c.numH800);
  b.plan.zero = true;
  int64_t stageIndex = 0;
  for (size_t q = 0; q < c.layers.size(); ++q) {
    PipelinePlan pl;
    pl.microBatches = q < c.microBatches.size() ? c.microBatches[q] : 0;
    for (int64_t layers : c.layers[q]) {
      StagePlan st;
      st.layers = layers;
      for (int64_t j = 0; j < c.tp; ++j) {
        int64_t rank = stageIndex * c.tp + j;
        if (std::count(c.unusedRanks.begin(), c.unusedRanks.end(), rank))
          continue;
        // An unmapped rank becomes -1, which validatePlan reports.
        int64_t device = c.rankToDevice.empty() ? rank
                         : rank < static_cast<int64_t>(c.rankToDevice.size())
                             ? c.rankToDevice[rank]
                             : -1;
        st.devices.push_back(device);
      }
      pl.stages.push_back(st);
      ++stageIndex;
    }
    b.plan.pipelines.push_back(pl);
  }
  return b;
}

const std::vector<GivenPlan> &hspmd::training::paperGivenPlans() {
  static const std::vector<GivenPlan> plans = [] {
    std::vector<GivenPlan> v;
    for (const PaperCase &pc : paperCases()) {
      BuiltCase b = buildPaperCase(pc);
      v.push_back({"paper case " + std::to_string(pc.id), pc.id, b.cluster,
                   b.plan});
    }
    return v;
  }();
  return plans;
}

TrainingPlannerOptions
hspmd::training::withPaperPlans(TrainingPlannerOptions options) {
  options.givenPlans = paperGivenPlans();
  return options;
}

const std::vector<ProfileEntry> &hspmd::training::h20Profile32B() {
  // (tp, pp, a ms/token^2, b ms/token, c ms), strategy_pool_32b.
  static const std::vector<ProfileEntry> entries = {
      {2, 2, 8.72566620e-06, 3.97359489e-01, 47.691216396061236},
      {2, 4, 4.45232299e-06, 1.99613204e-01, 24.36073226544704},
      {4, 1, 1.01454786e-05, 3.99732659e-01, 81.19308035714357},
      {4, 2, 4.60020626e-06, 2.04561039e-01, 39.13375565610886},
      {4, 4, 2.34412100e-06, 1.03185026e-01, 21.975242593664007},
      {8, 1, 4.55884724e-06, 2.17730604e-01, 69.98725369458225},
      {8, 2, 2.33970045e-06, 1.08360397e-01, 41.928506787330434},
      {16, 1, 2.44227462e-06, 1.32729076e-01, 115.04115067079397},
  };
  return entries;
}
