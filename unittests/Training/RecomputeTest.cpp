//===- RecomputeTest.cpp - Recomputation, interleaving, monotonicity ------===//
//
// Hand-worked cases of the terms the one step-time model gained
// (CostModel.md "Recomputation, activation traffic and interleaving"), and
// the monotonicity properties: more recomputation never holds more memory,
// more devices never make the best plan slower.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Training/Model.h"
#include "hspmd/Training/Pipeline.h"
#include "hspmd/Training/Search.h"
#include "hspmd/Training/StepTime.h"
#include "hspmd/Training/TrainingPlanner.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace hspmd::training;

namespace {

/// A GPT block with round numbers: h 1024, MLP 4096 (GeLU), 8 heads of 128,
/// s 1024, b 1, scores materialised.
ModelConfig roundGpt() {
  ModelConfig m = ModelConfig::gpt(1, 1024, 8);
  m.seqLen = 1024;
  m.vocab = 1024;
  return m;
}

/// 1 TFLOP/s peak at efficiency 0.5, 1 TB/s HBM, 1 ms per block.
DeviceKind roundKind() {
  DeviceKind k;
  k.name = "K";
  k.peakFlops = 1e12;
  k.hbmBytes = 1e12;
  k.hbmBandwidth = 1e12;
  k.nvlinkBusBw = 1e11;
  k.nicBusBw = 1e10;
  k.etaGemm = 0.5;
  k.etaAttn = 0.5;
  k.layerOverhead = 1e-3;
  return k;
}

} // namespace

TEST(Recompute, BlockTimeByHand) {
  ModelConfig m = roundGpt();
  CostOptions o;
  o.activationBytes = 10;
  o.scoreBytes = 4;
  Link none{1e11, 0};
  BlockTime t = blockTime(m, roundKind(), 1, none, o, Recompute::None);
  // GEMMs: 6 b s (4 h^2 + 8 h^2) = 6 x 1024 x 12 x 1024^2 FLOPs at 0.5e12.
  EXPECT_NEAR(t.gemm, 6.0 * 1024 * 12 * 1024 * 1024 / 5e11, 1e-15);
  // Scores without flash: 12 b s^2 (a d) = 12 x 1024^2 x 1024, whether
  // causal or not, forward a third.
  EXPECT_NEAR(t.attention, 12.0 * 1024 * 1024 * 1024 / 5e11, 1e-15);
  EXPECT_DOUBLE_EQ(t.attentionForwardShare, 1.0 / 3);
  // Memory-bound passes: 10 B x s b h + 4 B x b a s^2, at 1 TB/s.
  EXPECT_NEAR(t.memory, (10.0 * 1024 * 1024 + 4.0 * 8 * 1024 * 1024) / 1e12,
              1e-18);
  EXPECT_EQ(t.tpComm, 0); // TP 1
  EXPECT_EQ(t.recompute, 0);

  // Full recomputation adds exactly one forward of the block.
  BlockTime full = blockTime(m, roundKind(), 1, none, o, Recompute::Full);
  EXPECT_NEAR(full.recompute, t.forward(), 1e-15);
  EXPECT_NEAR(full.total() - t.total(), t.forward(), 1e-15);
  // With the hand numbers: GEMM/3 + attention/3 + memory/3 + 1 ms/3.
  EXPECT_NEAR(full.recompute,
              (t.gemm + t.attention + t.memory + 1e-3) / 3, 1e-15);
  // Selective recomputes the attention core's forward: the score GEMMs'
  // third and the score passes' third.
  BlockTime sel = blockTime(m, roundKind(), 1, none, o, Recompute::Selective);
  EXPECT_NEAR(sel.recompute, t.attention / 3 + 4.0 * 8 * 1024 * 1024 / 1e12 / 3,
              1e-15);
  // Under flash attention there is nothing to drop: selective adds nothing.
  ModelConfig flash = m;
  flash.flashAttention = true;
  EXPECT_EQ(blockTime(flash, roundKind(), 1, none, o, Recompute::Selective)
                .recompute,
            0);
}

TEST(Recompute, ActivationBytesByHand) {
  ModelConfig m = roundGpt();
  double sbh = 1024.0 * 1024;
  // Korthikanti et al.: s b h (34 + 5 a s / h) / t with SP; a s / h = 8.
  EXPECT_DOUBLE_EQ(blockActivationBytes(m, 2, Recompute::None, true),
                   sbh * (34 + 40) / 2);
  EXPECT_DOUBLE_EQ(blockActivationBytes(m, 2, Recompute::Selective, true),
                   sbh * 34 / 2);
  EXPECT_DOUBLE_EQ(blockActivationBytes(m, 2, Recompute::Full, true),
                   2 * sbh / 2);
  // Without SP: s b h (10 + 24/t + 5 a s/(h t)).
  EXPECT_DOUBLE_EQ(blockActivationBytes(m, 2, Recompute::None, false),
                   sbh * (10 + 12 + 20));
  EXPECT_DOUBLE_EQ(blockActivationBytes(m, 2, Recompute::Full, false),
                   2 * sbh);
  // The Llama form of the library is the flash + SP case.
  ModelConfig llama = ModelConfig::llama32B();
  EXPECT_DOUBLE_EQ(blockActivationBytes(llama, 4, Recompute::None, true),
                   blockActivationBytes(llama, 4));
  // Full recomputation: 3 blocks, 2 micro-batches in flight hold 6 inputs
  // plus, for the block in its backward, all but its input: 6 + 36.
  CostOptions o;
  double state = stageMemoryBytes(m, 2, 3, false, false, 0, 1, false, o,
                                  Recompute::Full);
  double held = stageMemoryBytes(m, 2, 3, false, false, 2, 1, false, o,
                                 Recompute::Full) -
                state;
  EXPECT_DOUBLE_EQ(held, 6 * sbh + sbh * (74 - 2) / 2);
  // Selective: 6 x 34/2, plus one block's scores, 40/2.
  double heldSel = stageMemoryBytes(m, 2, 3, false, false, 2, 1, false, o,
                                    Recompute::Selective) -
                   state;
  EXPECT_DOUBLE_EQ(heldSel, sbh * (6 * 34 + 40) / 2);
}

TEST(Interleave, BubbleDividedByVirtualStages) {
  // p = 4 equal stages, F = 1, B = 2, m = 8: plain 1F1B (m + p - 1) T = 33;
  // with v = 2, (m + (p - 1)/v) T = 9.5 x 3 = 28.5; v = 3: 9 x 3 = 27.
  std::vector<StageTiming> stages(4, StageTiming{1, 2});
  std::vector<double> transfer(3, 0.0);
  EXPECT_DOUBLE_EQ(simulate1F1B(stages, 8, transfer).makespan, 33);
  EXPECT_DOUBLE_EQ(simulateInterleaved1F1B(stages, 8, transfer, 1).makespan,
                   33);
  EXPECT_DOUBLE_EQ(simulateInterleaved1F1B(stages, 8, transfer, 2).makespan,
                   28.5);
  EXPECT_DOUBLE_EQ(simulateInterleaved1F1B(stages, 8, transfer, 3).makespan,
                   27);
  // Uneven stages: each stage's idle time shrinks by v, its busy time stays.
  std::vector<StageTiming> uneven = {{1, 2}, {2, 4}};
  PipelineSchedule plain = simulate1F1B(uneven, 4, {0.0});
  PipelineSchedule two = simulateInterleaved1F1B(uneven, 4, {0.0}, 2);
  for (size_t k = 0; k < 2; ++k) {
    double busy = 4 * uneven[k].total();
    EXPECT_DOUBLE_EQ(two.stageFinish[k],
                     busy + (plain.stageFinish[k] - busy) / 2);
  }
}

TEST(Interleave, MemoryAndValidation) {
  // In-flight activations grow by 1 + (p - 1)/(p v): p 4, v 2: 1.375.
  ModelConfig m = roundGpt();
  CostOptions o;
  double state = stageMemoryBytes(m, 1, 6, false, false, 0, 1, false, o);
  double plain =
      stageMemoryBytes(m, 1, 6, false, false, 4, 1, false, o) - state;
  double two = stageMemoryBytes(m, 1, 6, false, false, 4, 1, false, o,
                                Recompute::None, 2, 4) -
               state;
  EXPECT_DOUBLE_EQ(two / plain, 1.375);
  // A stage needs at least as many layers as virtual stages.
  Cluster c;
  int64_t k = c.addKind(roundKind());
  c.addNode(k, 2);
  ModelConfig three = roundGpt();
  three.layers = 3;
  TrainingPlan plan;
  plan.pipelines.push_back({{{{0}, 1}, {{1}, 2}}, 4});
  plan.virtualStages = 2;
  std::optional<std::string> err = validatePlan(three, c, plan);
  ASSERT_TRUE(err);
  EXPECT_NE(err->find("fewer than the 2 virtual stages"), std::string::npos);
  plan.pipelines[0].stages = {{{0}, 2}, {{1}, 1}};
  plan.pipelines[0].stages[1].layers = 1;
  EXPECT_TRUE(validatePlan(three, c, plan));
  plan.pipelines[0].stages = {{{0}, 1}, {{1}, 2}};
  plan.virtualStages = 1;
  EXPECT_FALSE(validatePlan(three, c, plan));
}

TEST(Monotone, MoreRecomputationNeverMoreMemory) {
  std::mt19937_64 rng(7);
  auto pick = [&](int64_t a, int64_t b) {
    return std::uniform_int_distribution<int64_t>(a, b)(rng);
  };
  CostOptions o;
  for (int i = 0; i < 2000; ++i) {
    ModelConfig m = ModelConfig::gpt(pick(1, 64), 128 * pick(4, 96), 8);
    m.hidden = m.heads * 128;
    m.ffn = m.hidden * pick(2, 4);
    m.seqLen = 512 * pick(1, 16);
    m.microBatch = pick(1, 8);
    m.flashAttention = pick(0, 1);
    m.gatedMlp = pick(0, 1);
    o.sequenceParallel = pick(0, 1);
    int64_t tp = int64_t(1) << pick(0, 3);
    int64_t layers = pick(1, 12), inFlight = pick(1, 8);
    int64_t stages = pick(1, 8), v = pick(1, 4);
    bool first = pick(0, 1), last = pick(0, 1);
    double mem[3];
    Recompute order[3] = {Recompute::None, Recompute::Selective,
                          Recompute::Full};
    for (int r = 0; r < 3; ++r)
      mem[r] = stageMemoryBytes(m, tp, layers, first, last, inFlight, 4, true,
                                o, order[r], v, stages);
    EXPECT_LE(mem[1], mem[0]) << i;
    EXPECT_LE(mem[2], mem[1]) << i;
  }
}

TEST(Monotone, MoreDevicesNeverSlowerForTheBestPlan) {
  // Homogeneous H20 nodes of 8, and the same nodes with 8 H800 added: the
  // planner's best plan never gets slower as nodes are added.
  for (ModelConfig m : {ModelConfig::llama32B(), ModelConfig::llama70B()}) {
    for (int64_t batch : {32, 64}) {
      double previous = 1e300;
      for (int64_t nodes = 2; nodes <= 6; ++nodes) {
        Cluster c = h20H800Cluster(8 * nodes, 0);
        TrainingPlannerResult r = planTraining(m, c, batch);
        if (r.error)
          continue;
        SCOPED_TRACE(m.name + " batch " + std::to_string(batch) + " on " +
                     std::to_string(8 * nodes) + " H20");
        EXPECT_LE(r.best.stepSeconds, previous * (1 + 1e-9))
            << describePlan(c, r.best.plan);
        previous = std::min(previous, r.best.stepSeconds);
        Cluster mixed = h20H800Cluster(8 * nodes, 8);
        TrainingPlannerResult rm = planTraining(m, mixed, batch);
        if (!rm.error) {
          EXPECT_LE(rm.best.stepSeconds, r.best.stepSeconds * (1 + 1e-9))
              << "adding 8 H800: " << describePlan(mixed, rm.best.plan);
        }
      }
    }
  }
}
