//===- SpecsTest.cpp - The text specs of hspmd-plan and the passes --------===//
//
// One test per parser of hspmd/Training/Specs.h (and namedCluster's
// spellings): what each accepts, what it refuses, and its messages.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Training/ClusterJson.h"
#include "hspmd/Training/Data/Cases.h"
#include "hspmd/Training/Specs.h"

#include <gtest/gtest.h>

using namespace hspmd::training;

TEST(Specs, SplitKeepsEmptyParts) {
  EXPECT_EQ(splitSpec("a,,b", ','),
            (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(splitSpec("", ','), (std::vector<std::string>{""}));
  EXPECT_EQ(splitSpec("x|y", '|'), (std::vector<std::string>{"x", "y"}));
}

TEST(Specs, PositiveIntList) {
  std::vector<int64_t> out;
  EXPECT_FALSE(parsePositiveIntList("1,2,4,8", out));
  EXPECT_EQ(out, (std::vector<int64_t>{1, 2, 4, 8}));
  EXPECT_FALSE(parsePositiveIntList(" 4 , 8", out));
  EXPECT_EQ(out, (std::vector<int64_t>{4, 8}));
  EXPECT_EQ(parsePositiveIntList("4,0", out), "'0' is not a positive integer");
  EXPECT_EQ(parsePositiveIntList("4,x", out), "'x' is not a positive integer");
  EXPECT_EQ(parsePositiveIntList("4,", out), "'' is not a positive integer");
}

TEST(Specs, DeviceList) {
  std::vector<int64_t> out;
  EXPECT_TRUE(parseDeviceList("0-3+6", out));
  EXPECT_EQ(out, (std::vector<int64_t>{0, 1, 2, 3, 6}));
  EXPECT_TRUE(parseDeviceList("5", out));
  EXPECT_EQ(out, (std::vector<int64_t>{5}));
  EXPECT_FALSE(parseDeviceList("3-1", out));
  EXPECT_FALSE(parseDeviceList("a-b", out));
  EXPECT_FALSE(parseDeviceList("1+", out));
}

TEST(Specs, ClusterNames) {
  EXPECT_EQ(canonicalClusterName("32xH20+16xH800"), "32xH20+16xH800");
  EXPECT_EQ(canonicalClusterName("h20x32+h800x16"), "32xH20+16xH800");
  EXPECT_EQ(canonicalClusterName("32 H20 + 16 H800"), "32xH20+16xH800");
  EXPECT_EQ(canonicalClusterName("32h20"), "32xH20");
  // Every spelling names the same cluster; unknown kinds name none.
  std::optional<Cluster> a = namedCluster("32xH20+16xH800");
  std::optional<Cluster> b = namedCluster("h20x32 + h800x16");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(printClusterJson(*a), printClusterJson(*b));
  EXPECT_EQ(a->size(), 48);
  EXPECT_FALSE(namedCluster("4xB200"));
  EXPECT_FALSE(namedCluster(""));
}

TEST(Specs, ModelNames) {
  ASSERT_TRUE(modelByName("llama32b"));
  EXPECT_EQ(modelByName("llama-32b")->layers, ModelConfig::llama32B().layers);
  EXPECT_EQ(modelByName("llama70b")->layers, ModelConfig::llama70B().layers);
  EXPECT_EQ(modelByName("llama-70b")->hidden, ModelConfig::llama70B().hidden);
  EXPECT_FALSE(modelByName("gpt3"));
}

/// formatModelFields gives back every field applyModelField reads: a
/// preset and a model with every field off its default survive the trip.
TEST(Specs, ModelFieldsRoundTrip) {
  ModelConfig odd;
  odd.layers = 7;
  odd.hidden = 96;
  odd.heads = 6;
  odd.kvHeads = 2;
  odd.headDim = 24;
  odd.ffn = 200;
  odd.vocab = 1000;
  odd.seqLen = 33;
  odd.gatedMlp = false;
  odd.normBias = true;
  odd.tiedEmbedding = true;
  odd.causal = false;
  odd.flashAttention = false;
  for (const ModelConfig &model : {ModelConfig::llama70B(), odd}) {
    ModelConfig back;
    for (const std::string &field : splitSpec(formatModelFields(model), ','))
      ASSERT_FALSE(applyModelField(field, back)) << field;
    EXPECT_EQ(back.layers, model.layers);
    EXPECT_EQ(back.hidden, model.hidden);
    EXPECT_EQ(back.heads, model.heads);
    EXPECT_EQ(back.kvHeads, model.kvHeads);
    EXPECT_EQ(back.headDim, model.headDim);
    EXPECT_EQ(back.ffn, model.ffn);
    EXPECT_EQ(back.vocab, model.vocab);
    EXPECT_EQ(back.seqLen, model.seqLen);
    EXPECT_EQ(back.gatedMlp, model.gatedMlp);
    EXPECT_EQ(back.normBias, model.normBias);
    EXPECT_EQ(back.tiedEmbedding, model.tiedEmbedding);
    EXPECT_EQ(back.causal, model.causal);
    EXPECT_EQ(back.flashAttention, model.flashAttention);
  }
}

TEST(Specs, Pins) {
  PlanPins pins;
  EXPECT_FALSE(applyPin("tp.H20=4", pins));
  EXPECT_EQ(pins.tpDegree.at("H20"), 4);
  EXPECT_FALSE(applyPin("dp=2", pins));
  EXPECT_EQ(pins.pipelines, 2);
  EXPECT_FALSE(applyPin("zero=off", pins));
  EXPECT_EQ(pins.zero, false);
  EXPECT_FALSE(applyPin("order=H800,H20", pins));
  EXPECT_EQ(pins.kindOrder, (std::vector<std::string>{"H800", "H20"}));
  EXPECT_FALSE(applyPin("stages=0-3,4-7|8-11,12-15", pins));
  ASSERT_EQ(pins.stages.size(), 2u);
  EXPECT_EQ(pins.stages[1][0], (std::vector<int64_t>{8, 9, 10, 11}));
  EXPECT_FALSE(applyPin("layers=30,30", pins));
  EXPECT_EQ(pins.layers, (std::vector<std::vector<int64_t>>{{30, 30}}));
  EXPECT_FALSE(applyPin("micro=8,8", pins));
  EXPECT_EQ(pins.microBatches, (std::vector<int64_t>{8, 8}));
  EXPECT_EQ(applyPin("dp=0", pins), "--pin dp=0: expected dp=<positive count>");
  EXPECT_EQ(applyPin("zero=maybe", pins),
            "--pin zero=maybe: expected zero=on|off");
  EXPECT_EQ(applyPin("colour=red", pins),
            "--pin colour=red: unknown pin (see --help)");
}

TEST(Specs, PinStagesOfAGivenPlan) {
  // case:N takes the stages of the given plan N; without given plans, none.
  PlanPins pins;
  EXPECT_EQ(applyPin("stages=case:1", pins),
            "--pin stages=case:1: expected stages=case:<1..14>");
  ASSERT_FALSE(applyPin("stages=case:1", pins, paperGivenPlans()));
  BuiltCase b = buildPaperCase(*findPaperCase(1));
  ASSERT_EQ(pins.stages.size(), b.plan.pipelines.size());
  for (size_t q = 0; q < pins.stages.size(); ++q)
    for (size_t k = 0; k < pins.stages[q].size(); ++k)
      EXPECT_EQ(pins.stages[q][k], b.plan.pipelines[q].stages[k].devices);
  EXPECT_TRUE(applyPin("stages=case:99", pins, paperGivenPlans()));
}
