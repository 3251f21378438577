//===- PlannerTest.cpp - The planner on Testing.md "Conformance cases" and random pairs ----------===//

#include "PlanTestUtils.h"

#include "hspmd/Layout/Bounds.h"
#include "hspmd/Plan/Checker.h"
#include "hspmd/Plan/Planner.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace hspmd;
using namespace hspmd::plan;
using namespace hspmd::plan::testing;
using layout::Layout;

namespace {

const std::vector<int64_t> k24x8{24, 8};

Box rows(int64_t lo, int64_t hi, int64_t cols = 8) {
  return {{lo, hi}, {0, cols}};
}

/// Plans `src -> dst`, checks the plan with the independent checker, and
/// returns it.
Plan planChecked(const std::string &src, const std::string &dst,
                 std::vector<int64_t> shape = k24x8) {
  Layout a = layoutOf(src, shape), b = layoutOf(dst, shape);
  Plan p = planReshard(a, b, 4);
  std::optional<std::string> err = checkPlan(a, b, p);
  EXPECT_FALSE(err) << *err << "\n" << describe(p);
  return p;
}

std::set<std::vector<int64_t>> groupsOf(const Step &s) {
  std::set<std::vector<int64_t>> out;
  for (const CollectiveGroup &g : s.groups)
    out.insert(g.devices);
  return out;
}

std::map<std::pair<int64_t, int64_t>, int64_t>
rowsMoved(const Step &s) { // (from, to) -> rows
  std::map<std::pair<int64_t, int64_t>, int64_t> out;
  for (const Transfer &t : s.transfers)
    out[{t.from, t.to}] += t.box[0].size();
  return out;
}

int64_t totalReceived(const Plan &p) {
  int64_t sum = 0;
  for (const DeviceTraffic &t : traffic(p, 4))
    sum += t.received;
  return sum;
}

int64_t totalLowerBound(const std::string &src, const std::string &dst,
                        std::vector<int64_t> shape) {
  Layout a = layoutOf(src, shape), b = layoutOf(dst, shape);
  int64_t sum = 0;
  for (int64_t d : b.devices())
    sum += layout::lowerBoundBytes(a, b, d, 4);
  return sum;
}

TEST(Conformance, C1AllReduceInPairs) {
  Plan p = planChecked("[0, 1, 2, 3] : [d0 = 2, partial = 2]",
                       "[0, 1, 2, 3] : [d0 = 2, dup = 2]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].kind, StepKind::AllReduce);
  EXPECT_EQ(groupsOf(p.steps[0]),
            (std::set<std::vector<int64_t>>{{0, 1}, {2, 3}}));
  EXPECT_EQ(p.steps[0].groups[0].region, rows(0, 12));
}

TEST(Conformance, C2ReduceScatter) {
  Plan p = planChecked("[0, 1, 2, 3] : [d0 = 2, partial = 2]",
                       "[0, 1, 2, 3] : [d0 = 4]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].kind, StepKind::ReduceScatter);
  EXPECT_EQ(p.steps[0].dim, 0);
  EXPECT_EQ(groupsOf(p.steps[0]),
            (std::set<std::vector<int64_t>>{{0, 1}, {2, 3}}));
}

TEST(Conformance, C3AllGather) {
  Plan p = planChecked("[0, 1, 2, 3] : [d0 = 4]",
                       "[0, 1, 2, 3] : [d0 = 2, dup = 2]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].kind, StepKind::AllGather);
  EXPECT_EQ(p.steps[0].dim, 0);
  EXPECT_EQ(groupsOf(p.steps[0]),
            (std::set<std::vector<int64_t>>{{0, 1}, {2, 3}}));
}

TEST(Conformance, C4LocalSlice) {
  Plan p = planChecked("[0, 1, 2, 3] : [dup = 4]", "[0, 1, 2, 3] : [d0 = 4]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].kind, StepKind::Slice);
  EXPECT_EQ(totalReceived(p), 0);
}

TEST(Conformance, C5LocalSliceAlongColumns) {
  Plan p = planChecked("[0, 1, 2, 3] : [d0 = 2, dup = 2]",
                       "[0, 1, 2, 3] : [d0 = 2, d1 = 2]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].kind, StepKind::Slice);
  EXPECT_EQ(p.steps[0].updates[1].box, (Box{{0, 12}, {4, 8}}));
}

TEST(Conformance, C6StageBoundary) {
  Plan p = planChecked("[0, 1, 2, 3] : [d0 = 2, dup = 2]",
                       "[4, 5, 6, 7] : [d0 = 2, dup = 2]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(rowsMoved(p.steps[0]),
            (std::map<std::pair<int64_t, int64_t>, int64_t>{
                {{0, 4}, 12}, {{1, 5}, 12}, {{2, 6}, 12}, {{3, 7}, 12}}));
}

TEST(Conformance, C7AllReduceInsideEachGroup) {
  Plan p = planChecked(
      "hetero = d0, groups = [[0, 1, 2, 3] : [partial = 4], [4, 5] : [partial = 2], [6] : []]",
      "hetero = d0, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]");
  std::set<std::vector<int64_t>> all;
  for (const Step &s : p.steps) {
    EXPECT_EQ(s.kind, StepKind::AllReduce);
    for (const auto &g : groupsOf(s))
      all.insert(g);
  }
  EXPECT_EQ(all, (std::set<std::vector<int64_t>>{{0, 1, 2, 3}, {4, 5}}));
}

TEST(Conformance, C8CrossGroupAllReducePerQuarter) {
  Plan p = planChecked(
      "hetero = partial, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]",
      "hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]");
  EXPECT_EQ(p.strategy, "hierarchical");
  ASSERT_EQ(p.steps.size(), 4u);
  std::vector<std::vector<int64_t>> order;
  for (const Step &s : p.steps) {
    EXPECT_EQ(s.kind, StepKind::AllReduce);
    ASSERT_EQ(s.groups.size(), 1u);
    order.push_back(s.groups[0].devices);
  }
  EXPECT_EQ(order, (std::vector<std::vector<int64_t>>{
                       {0, 4, 6}, {1, 4, 6}, {2, 5, 6}, {3, 5, 6}}));
  EXPECT_EQ(p.steps[1].groups[0].region, rows(6, 12));
}

TEST(Conformance, C10ScatterReduceGather) {
  Plan p = planChecked(
      "hetero = partial, groups = [[0, 1, 2, 3] : [partial = 4], [4, 5] : [partial = 2], [6] : []]",
      "hetero = dup, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]");
  EXPECT_EQ(p.strategy, "hierarchical");
  std::vector<StepKind> kinds;
  for (const Step &s : p.steps)
    kinds.push_back(s.kind);
  // Reduce-scatters (one step per group size), four cross-group all-reduces,
  // all-gathers (one step per group size).
  EXPECT_EQ(kinds, (std::vector<StepKind>{
                       StepKind::ReduceScatter, StepKind::ReduceScatter,
                       StepKind::AllReduce, StepKind::AllReduce,
                       StepKind::AllReduce, StepKind::AllReduce,
                       StepKind::AllGather, StepKind::AllGather}));
  EXPECT_EQ(p.steps[0].dim, 0);
  std::set<std::vector<int64_t>> scattered, gathered;
  for (size_t i : {0, 1})
    for (const auto &g : groupsOf(p.steps[i]))
      scattered.insert(g);
  for (size_t i : {6, 7})
    for (const auto &g : groupsOf(p.steps[i]))
      gathered.insert(g);
  EXPECT_EQ(scattered, (std::set<std::vector<int64_t>>{{0, 1, 2, 3}, {4, 5}}));
  EXPECT_EQ(gathered, scattered);
  EXPECT_EQ(p.steps[2].groups[0].devices, (std::vector<int64_t>{0, 4, 6}));
}

TEST(Conformance, C9SummandsPointToPoint) {
  std::vector<int64_t> shape{16, 8};
  Plan p = planChecked("hetero = partial, groups = [[0, 1] : [d0 = 2], [2] : []]",
                       "hetero = d0, groups = [[0, 1] : [d0 = 2], [2] : []]",
                       shape);
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_TRUE(p.steps[0].accumulate);
  EXPECT_EQ(rowsMoved(p.steps[0]),
            (std::map<std::pair<int64_t, int64_t>, int64_t>{
                {{2, 0}, 4}, {{0, 1}, 4}, {{2, 1}, 4}, {{1, 2}, 8}}));
}

TEST(Conformance, C11OneMessagePerPair) {
  Plan p = planChecked("[0, 1, 2, 3] : [d0 = 4]", "[4, 5] : [d0 = 2]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(rowsMoved(p.steps[0]),
            (std::map<std::pair<int64_t, int64_t>, int64_t>{
                {{0, 4}, 6}, {{1, 4}, 6}, {{2, 5}, 6}, {{3, 5}, 6}}));
  for (const DeviceTraffic &t : traffic(p, 4))
    EXPECT_EQ(t.messages, t.device < 4 ? 1 : 0) << "device " << t.device;
}

TEST(Conformance, C12AllGatherAtTheLowerBound) {
  std::string src = "[0, 1, 2, 3] : [d0 = 4]", dst = "[0, 1, 2, 3] : [dup = 4]";
  Plan p = planChecked(src, dst);
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].kind, StepKind::AllGather);
  EXPECT_EQ(totalReceived(p), totalLowerBound(src, dst, k24x8));
}

TEST(Conformance, C13FourWayToThreeWay) {
  std::vector<int64_t> shape{12, 8};
  Plan p = planChecked("[0, 1, 2, 3] : [d0 = 4]", "[0, 1, 2] : [d0 = 3]", shape);
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(rowsMoved(p.steps[0]),
            (std::map<std::pair<int64_t, int64_t>, int64_t>{
                {{1, 0}, 1}, {{2, 1}, 2}, {{3, 2}, 3}}));
}

TEST(Conformance, C14WeightsToDup) {
  std::vector<int64_t> shape{16, 8};
  std::string src = "hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]";
  std::string dst = "[0, 1, 2] : [dup = 3]";
  Plan p = planChecked(src, dst, shape);
  ASSERT_EQ(p.steps.size(), 1u);
  const Step &s = p.steps[0];
  std::map<std::pair<int64_t, int64_t>, std::vector<Box>> blocks;
  for (const Transfer &t : s.transfers)
    blocks[{t.from, t.to}].push_back(t.box);
  EXPECT_EQ(blocks[std::make_pair(int64_t(2), int64_t(0))],
            std::vector<Box>{rows(12, 16)});
  EXPECT_EQ(blocks[std::make_pair(int64_t(2), int64_t(1))],
            std::vector<Box>{rows(12, 16)});
  EXPECT_EQ(blocks[std::make_pair(int64_t(0), int64_t(2))],
            (std::vector<Box>{rows(0, 4), rows(8, 12)}));
  EXPECT_EQ(blocks[std::make_pair(int64_t(1), int64_t(2))],
            std::vector<Box>{rows(4, 8)});
  EXPECT_EQ(totalReceived(p), 20 * 8 * 4);
  EXPECT_EQ(totalReceived(p), totalLowerBound(src, dst, shape));
}

TEST(Conformance, C15FactoredAxis) {
  Plan p = planChecked("[0, 1, 2, 3] : [partial = 4]",
                       "[0, 1, 2, 3] : [dup = 2, partial = 2]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].kind, StepKind::AllReduce);
  EXPECT_EQ(groupsOf(p.steps[0]),
            (std::set<std::vector<int64_t>>{{0, 2}, {1, 3}}));
}

TEST(Planner, EqualShardingsNeedNothing) {
  Plan p = planChecked("[0, 1, 2, 3] : [d0 = 2, dup = 2]",
                       "[0, 2, 1, 3] : [dup = 2, d0 = 2]");
  EXPECT_TRUE(p.steps.empty());
}

TEST(Planner, ValueToSummandIsLocal) {
  Plan p = planChecked("[0, 1] : [dup = 2]", "[0, 1] : [partial = 2]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].kind, StepKind::KeepOrZero);
}

TEST(Planner, AllToAll) {
  Plan p = planChecked("[0, 1] : [d0 = 2]", "[0, 1] : [d1 = 2]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(p.steps[0].kind, StepKind::AllToAll);
  EXPECT_EQ(p.steps[0].dim, 1);
  EXPECT_EQ(p.steps[0].concatDim, 0);
}

TEST(Planner, ReplicatedSummandsPairUp) {
  // [partial = 2, dup = 2]: 0,1 hold one summand, 2,3 the other.
  Plan p = planChecked("[0, 1, 2, 3] : [partial = 2, dup = 2]",
                       "[0, 1, 2, 3] : [dup = 4]");
  ASSERT_EQ(p.steps.size(), 1u);
  EXPECT_EQ(groupsOf(p.steps[0]),
            (std::set<std::vector<int64_t>>{{0, 2}, {1, 3}}));
}

/// Summands in two groups that cut the value differently (rows in one,
/// columns in the other): a block of one group meets blocks of the other
/// without containing them, so no collective inside one group completes
/// the sum (the all-reduce and reduce-scatter cases once took the classes of
/// containing blocks only and summed within the second group alone).
TEST(Planner, CrossedSummandBlocksAreAllAdded) {
  const std::string src = "hetero = partial, groups = [[2, 1] : [d0 = 2], "
                          "[0, 3, 4, 5] : [partial = 2, d1 = 2]]";
  for (const char *dst :
       {"hetero = dup, groups = [[2, 1] : [d0 = 2], "
        "[0, 3, 4, 5] : [dup = 2, d1 = 2]]",
        "hetero = dup, groups = [[2, 1] : [d0 = 2], "
        "[0, 3, 4, 5] : [d0 = 2, d1 = 2]]"}) {
    Plan p = planChecked(src, dst);
    EXPECT_NE(p.strategy, "all-reduce") << dst;
    EXPECT_NE(p.strategy, "reduce-scatter") << dst;
  }
}

/// Tensors with a dimension of size 0 hold nothing: every plan is local
/// (each destination device makes its empty block) or nothing at all.
TEST(Planner, EmptyTensorsMoveNothing) {
  RandomShardings gen(2024, 8);
  const std::vector<std::vector<int64_t>> shapes{{0}, {0, 8}, {8, 0}, {4, 0, 6}};
  for (int64_t i = 0; i < 2000; ++i) {
    const std::vector<int64_t> &shape = shapes[i % shapes.size()];
    gen.rng.seed(i);
    layout::Sharding a = gen.next(shape), b = gen.next(shape);
    Layout src(a, shape), dst(b, shape);
    Plan p = planReshard(src, dst, 4);
    ASSERT_FALSE(p.error) << *p.error;
    ASSERT_TRUE(p.strategy == "equal" || p.strategy == "local")
        << a.str() << " -> " << b.str() << "\n" << describe(p);
    for (const Step &s : p.steps)
      ASSERT_TRUE(s.transfers.empty() && s.groups.empty());
    std::optional<std::string> err = checkPlan(src, dst, p, i);
    ASSERT_FALSE(err) << a.str() << " -> " << b.str() << ": " << *err;
  }
}

/// What the property tests learn of plans against the bounds of Semantics.md
/// "Changing a placement": both must be lower bounds (a plan below one is a
/// wrong plan or a wrong bound), and the ratios are counted.
struct BoundStats {
  int64_t partialToWhole = 0, atCombining = 0, busyWithin = 0, total = 0;
  /// Busiest above 1.1x on tensors of fewer than 8 elements per device
  /// involved (too few cells to share additions out).
  int64_t busyAboveSmall = 0;
  double worstBusy = 0;
  std::string worstCase;

  void add(const Layout &src, const Layout &dst, const Plan &p,
           uint64_t seed) {
    std::optional<layout::ReshardBounds> b = layout::reshardBounds(src, dst, 4);
    ASSERT_TRUE(b) << "seed " << seed;
    int64_t moved = 0, busiest = 0, members = 0;
    for (const DeviceTraffic &t : traffic(p, 4)) {
      moved += t.received;
      busiest = std::max(busiest, t.received);
      ++members;
    }
    // Ring collectives count 2(n-1)/n or (n-1)/n of a region, rounded down:
    // up to a byte per device and step below the exact count.
    int64_t slack = members * static_cast<int64_t>(p.steps.size());
    ++total;
    ASSERT_GE(moved + slack, b->combining)
        << "seed " << seed << ": " << src.sharding().str() << " -> "
        << dst.sharding().str() << "\n" << describe(p);
    ASSERT_GE(busiest + slack, b->busiest)
        << "seed " << seed << ": " << src.sharding().str() << " -> "
        << dst.sharding().str() << "\n" << describe(p);
    if (!b->combines || b->combining == 0)
      return;
    ++partialToWhole;
    atCombining += moved <= b->combining;
    double busy = double(busiest) / double(b->busiest);
    busyWithin += busy <= 1.1;
    std::vector<int64_t> involved = src.devices();
    involved.insert(involved.end(), dst.devices().begin(), dst.devices().end());
    std::sort(involved.begin(), involved.end());
    int64_t n = std::unique(involved.begin(), involved.end()) - involved.begin();
    int64_t elements = 1;
    for (int64_t size : src.shape())
      elements *= size;
    busyAboveSmall += busy > 1.1 && elements < 8 * n;
    if (busy > worstBusy) {
      worstBusy = busy;
      worstCase = "seed " + std::to_string(seed) + ": " + src.sharding().str() +
                  " -> " + dst.sharding().str() + " (" + p.strategy + ")";
    }
  }

  void print() const {
    std::cout << "[ bounds ] " << total << " plans at or above both bounds; "
              << partialToWhole
              << " from a partial source to a destination without summands: "
              << atCombining << " at the combining bound, " << busyWithin
              << " with the busiest device within 1.1x of its bound ("
              << busyAboveSmall
              << " of the others on tensors of fewer than 8 elements per "
                 "device); worst "
              << worstBusy << "x, " << worstCase << "\n";
  }
};

/// Every plan, from random valid pairs, passes the checker; plans without a
/// partial source never move more than the naive plan.
TEST(Property, RandomPairsResolveAndCheck) {
  const int64_t cases = 10000;
  std::mt19937_64 shapes(7);
  RandomShardings gen(12345, 8);
  const std::vector<int64_t> dims{1, 2, 4, 6, 8, 12, 16, 24};
  int64_t checked = 0;
  std::map<std::string, int64_t> strategies;
  BoundStats bounds;
  for (int64_t i = 0; i < cases; ++i) {
    uint64_t seed = 1000 + i;
    gen.rng.seed(seed);
    shapes.seed(seed);
    int64_t rank = std::uniform_int_distribution<int64_t>(0, 3)(shapes);
    std::vector<int64_t> shape;
    for (int64_t k = 0; k < rank; ++k)
      shape.push_back(dims[std::uniform_int_distribution<size_t>(
          0, dims.size() - 1)(shapes)]);
    layout::Sharding a = gen.next(shape), b = gen.next(shape);
    Layout src(a, shape), dst(b, shape);
    Plan p = planReshard(src, dst, 4);
    std::optional<std::string> err = checkPlan(src, dst, p, seed);
    ASSERT_FALSE(err) << "seed " << seed << ": " << a.str() << " -> "
                      << b.str() << "\n"
                      << *err << "\n"
                      << describe(p);
    ++strategies[p.strategy];
    ++checked;
    ASSERT_NO_FATAL_FAILURE(bounds.add(src, dst, p, seed));
  }
  EXPECT_EQ(checked, cases);
  for (auto &[name, n] : strategies)
    std::cout << "[ strategy ] " << name << ": " << n << "\n";
  bounds.print();
}

/// Pairs that differ in one or two axis roles (or the top tier) on the same
/// devices: the collective and hierarchical cases, checked the same way.
TEST(Property, RelatedPairsResolveAndCheck) {
  const int64_t cases = 10000;
  std::mt19937_64 shapes(11);
  RandomShardings gen(54321, 8);
  const std::vector<int64_t> dims{1, 2, 4, 6, 8, 12, 16, 24};
  std::map<std::string, int64_t> strategies;
  BoundStats bounds;
  for (int64_t i = 0; i < cases; ++i) {
    uint64_t seed = 50000 + i;
    gen.rng.seed(seed);
    shapes.seed(seed);
    int64_t rank = std::uniform_int_distribution<int64_t>(0, 3)(shapes);
    std::vector<int64_t> shape;
    for (int64_t k = 0; k < rank; ++k)
      shape.push_back(dims[std::uniform_int_distribution<size_t>(
          0, dims.size() - 1)(shapes)]);
    layout::Sharding a = gen.next(shape), b = gen.mutate(a, shape);
    Layout src(a, shape), dst(b, shape);
    Plan p = planReshard(src, dst, 4);
    std::optional<std::string> err = checkPlan(src, dst, p, seed);
    ASSERT_FALSE(err) << "seed " << seed << ": " << a.str() << " -> "
                      << b.str() << "\n"
                      << *err << "\n"
                      << describe(p);
    ++strategies[p.strategy];
    ASSERT_NO_FATAL_FAILURE(bounds.add(src, dst, p, seed));
  }
  for (auto &[name, n] : strategies)
    std::cout << "[ strategy ] " << name << ": " << n << "\n";
  bounds.print();
  // The generator must reach the collective cases, or this test proves little.
  EXPECT_GT(strategies["all-reduce"], 100);
  EXPECT_GT(strategies["all-gather"], 100);
  EXPECT_GT(strategies["reduce-scatter"], 50);
  EXPECT_GT(strategies["all-to-all"], 20);
  EXPECT_GT(strategies["hierarchical"], 5);
}

} // namespace
