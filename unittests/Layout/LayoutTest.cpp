//===- LayoutTest.cpp - Tests of the plain C++ sharding model -------------===//
//
// Tests of hspmd/Layout/Sharding.h against docs/Semantics.md ("Syntax",
// "Two tiers", "Equality", "Lower bound") and the conformance cases of
// docs/Testing.md. Every expected value below is worked out from those
// definitions, never taken from the program's output. The last part
// enumerates every valid sharding of small shapes over up to 8 devices and
// compares `Layout::place` with an independent element-by-element model of
// Semantics.md "Two tiers".
//
// Build without CMake (from the repository root):
//   g++ -std=c++17 -O1 -Iinclude lib/Layout/Sharding.cpp
//       unittests/Layout/LayoutTest.cpp -lgtest -lgtest_main -pthread
//
//===----------------------------------------------------------------------===//

#include "hspmd/Layout/Sharding.h"
#include "../ShardingBuilders.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace hspmd::layout {
// Lets GoogleTest print ranges (and so boxes) readably.
void PrintTo(const Range &r, std::ostream *os) {
  *os << "[" << r.lo << ", " << r.hi << ")";
}
} // namespace hspmd::layout

using namespace hspmd::layout;

namespace {

using hspmd::layout::build::d;
using hspmd::layout::build::dup;
using hspmd::layout::build::grp;
using hspmd::layout::build::het;
using hspmd::layout::build::homo;
using hspmd::layout::build::partial;

//===----------------------------------------------------------------------===//
// Helpers to write shardings by hand
//===----------------------------------------------------------------------===//

/// A layout whose sharding must pass both checks for `shape`.
Layout verified(const Sharding &s, const std::vector<int64_t> &shape) {
  std::optional<std::string> e1 = s.verifyStructure();
  EXPECT_FALSE(e1.has_value()) << s.str() << ": " << *e1;
  if (!e1) {
    std::optional<std::string> e2 = s.verifyShape(shape);
    EXPECT_FALSE(e2.has_value()) << s.str() << ": " << *e2;
  }
  return Layout(s, shape);
}

Box box(std::vector<std::pair<int64_t, int64_t>> ranges) {
  Box b;
  for (auto [lo, hi] : ranges)
    b.push_back(Range{lo, hi});
  return b;
}

std::vector<int64_t> extents(const Box &b) {
  std::vector<int64_t> e;
  for (const Range &r : b)
    e.push_back(r.hi - r.lo);
  return e;
}

/// Checks what `device` holds: the box of global indices, the local shape
/// (the box's extents) and whether it is a summand.
void expectPlace(const Layout &l, int64_t device, const Box &expected,
                 bool summand) {
  SCOPED_TRACE("device " + std::to_string(device) + " of " +
               l.sharding().str());
  std::optional<Placement> p = l.place(device);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->box, expected);
  EXPECT_EQ(p->localShape, extents(expected));
  EXPECT_EQ(p->summand, summand);
  EXPECT_TRUE(l.holds(device));
}

void expectAbsent(const Layout &l, int64_t device) {
  EXPECT_FALSE(l.place(device).has_value())
      << "device " << device << " of " << l.sharding().str();
  EXPECT_FALSE(l.holds(device));
}

//===----------------------------------------------------------------------===//
// 1. The examples of Semantics.md "Two tiers"
//===----------------------------------------------------------------------===//

TEST(SpecExamples, WholeTensorOnDevice0) {
  Sharding s = homo({0}, {});
  EXPECT_EQ(s.str(), "[0] : []");
  Layout l = verified(s, {16, 32});
  expectPlace(l, 0, box({{0, 16}, {0, 32}}), false);
  expectAbsent(l, 1);
  expectAbsent(l, -1);
  EXPECT_EQ(l.devices(), (std::vector<int64_t>{0}));
  EXPECT_FALSE(s.hasPartial());
}

TEST(SpecExamples, RowsSplitFourWays) {
  Sharding s = homo({0, 1, 2, 3}, {d(0, 4)});
  EXPECT_EQ(s.str(), "[0, 1, 2, 3] : [d0 = 4]");
  // The conformance cases' default tensor (Testing.md), 24x8: 6 rows each.
  Layout l = verified(s, {24, 8});
  for (int64_t i = 0; i < 4; ++i)
    expectPlace(l, i, box({{6 * i, 6 * i + 6}, {0, 8}}), false);
  expectAbsent(l, 4);
}

TEST(SpecExamples, SplitThenDup) {
  // 16x32: 0,1 hold rows 0-7; 2,3 rows 8-15.
  Sharding s = homo({0, 1, 2, 3}, {d(0, 2), dup(2)});
  EXPECT_EQ(s.str(), "[0, 1, 2, 3] : [d0 = 2, dup = 2]");
  Layout l = verified(s, {16, 32});
  expectPlace(l, 0, box({{0, 8}, {0, 32}}), false);
  expectPlace(l, 1, box({{0, 8}, {0, 32}}), false);
  expectPlace(l, 2, box({{8, 16}, {0, 32}}), false);
  expectPlace(l, 3, box({{8, 16}, {0, 32}}), false);
  EXPECT_EQ(l.place(3)->localShape, (std::vector<int64_t>{8, 32}));
  // Mixed radix, first axis outermost: position 1 is (d0 0, dup 1).
  EXPECT_EQ(l.place(1)->coords, (std::vector<int64_t>{0, 1}));
  EXPECT_EQ(l.place(2)->coords, (std::vector<int64_t>{1, 0}));
  expectAbsent(l, 4);
}

TEST(SpecExamples, DupThenSplitColumns) {
  // 16x32: 0,2 hold cols 0-15; 1,3 cols 16-31.
  Sharding s = homo({0, 1, 2, 3}, {dup(2), d(1, 2)});
  EXPECT_EQ(s.str(), "[0, 1, 2, 3] : [dup = 2, d1 = 2]");
  Layout l = verified(s, {16, 32});
  expectPlace(l, 0, box({{0, 16}, {0, 16}}), false);
  expectPlace(l, 2, box({{0, 16}, {0, 16}}), false);
  expectPlace(l, 1, box({{0, 16}, {16, 32}}), false);
  expectPlace(l, 3, box({{0, 16}, {16, 32}}), false);
}

TEST(SpecExamples, PartialPair) {
  // 4 and 5 each hold a summand (of the whole tensor).
  Sharding s = homo({4, 5}, {partial(2)});
  EXPECT_EQ(s.str(), "[4, 5] : [partial = 2]");
  EXPECT_TRUE(s.hasPartial());
  Layout l = verified(s, {16, 32});
  expectPlace(l, 4, box({{0, 16}, {0, 32}}), true);
  expectPlace(l, 5, box({{0, 16}, {0, 32}}), true);
  // Realization rule: coordinate 0 of the partial axis holds the value.
  EXPECT_TRUE(l.place(4)->keeper);
  EXPECT_FALSE(l.place(5)->keeper);
  expectAbsent(l, 0);
  expectAbsent(l, 6);
  EXPECT_EQ(l.devices(), (std::vector<int64_t>{4, 5}));
}

TEST(SpecExamples, HeteroRowsWithOwnColumnSplits) {
  // 24x32: rows 0-7 on 0-3 (8 cols each), rows 8-15 on 4,5 (16 cols each),
  // rows 16-23 on 6.
  Sharding s = het(Role::split(0), {Group{{0, 1, 2, 3}, {d(1, 4)}},
                                    Group{{4, 5}, {d(1, 2)}}, Group{{6}, {}}});
  EXPECT_EQ(s.str(), "hetero = d0, groups = [[0, 1, 2, 3] : [d1 = 4], "
                     "[4, 5] : [d1 = 2], [6] : []]");
  Layout l = verified(s, {24, 32});
  for (int64_t i = 0; i < 4; ++i)
    expectPlace(l, i, box({{0, 8}, {8 * i, 8 * i + 8}}), false);
  expectPlace(l, 4, box({{8, 16}, {0, 16}}), false);
  expectPlace(l, 5, box({{8, 16}, {16, 32}}), false);
  expectPlace(l, 6, box({{16, 24}, {0, 32}}), false);
  expectAbsent(l, 7);
  EXPECT_EQ(l.groupBox(1), box({{8, 16}, {0, 32}}));
  EXPECT_EQ(l.place(5)->group, 1);
  EXPECT_EQ(l.place(5)->position, 1);
  EXPECT_EQ(l.devices(), (std::vector<int64_t>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(SpecExamples, HeteroWeighted) {
  // 16x32: rows 0-11 on 0 and 1, rows 12-15 on 2.
  Sharding s = het(Role::split(0), {Group{{0, 1}, {dup(2)}}, Group{{2}, {}}},
                   {3, 1});
  EXPECT_EQ(s.str(), "hetero = d0, weights = [3, 1], groups = "
                     "[[0, 1] : [dup = 2], [2] : []]");
  Layout l = verified(s, {16, 32});
  expectPlace(l, 0, box({{0, 12}, {0, 32}}), false);
  expectPlace(l, 1, box({{0, 12}, {0, 32}}), false);
  expectPlace(l, 2, box({{12, 16}, {0, 32}}), false);
  EXPECT_EQ(l.place(0)->localShape, (std::vector<int64_t>{12, 32}));
  EXPECT_EQ(l.place(2)->localShape, (std::vector<int64_t>{4, 32}));
}

TEST(SpecExamples, HeteroDup) {
  // Each group holds the full tensor (here 16x32), laid out by its own axes.
  Sharding s = het(Role::dup(), {Group{{0, 1, 2, 3}, {d(0, 4)}},
                                 Group{{4, 5}, {d(0, 2)}}});
  EXPECT_EQ(s.str(), "hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], "
                     "[4, 5] : [d0 = 2]]");
  Layout l = verified(s, {16, 32});
  for (int64_t i = 0; i < 4; ++i)
    expectPlace(l, i, box({{4 * i, 4 * i + 4}, {0, 32}}), false);
  expectPlace(l, 4, box({{0, 8}, {0, 32}}), false);
  expectPlace(l, 5, box({{8, 16}, {0, 32}}), false);
  EXPECT_EQ(l.groupBox(1), box({{0, 16}, {0, 32}}));
}

TEST(SpecExamples, HeteroPartial) {
  // The value is the sum of the groups' values, each of full shape (16x8).
  Sharding s = het(Role::partial(), {Group{{0, 1}, {d(0, 2)}}, Group{{2}, {}}});
  EXPECT_EQ(s.str(), "hetero = partial, groups = [[0, 1] : [d0 = 2], "
                     "[2] : []]");
  EXPECT_TRUE(s.hasPartial());
  Layout l = verified(s, {16, 8});
  expectPlace(l, 0, box({{0, 8}, {0, 8}}), true);
  expectPlace(l, 1, box({{8, 16}, {0, 8}}), true);
  expectPlace(l, 2, box({{0, 16}, {0, 8}}), true);
  // Realization rule: the first group holds the value, others zeros.
  EXPECT_TRUE(l.place(0)->keeper);
  EXPECT_TRUE(l.place(1)->keeper);
  EXPECT_FALSE(l.place(2)->keeper);
}

TEST(SpecExamples, NormalizeWeights) {
  Sharding s = het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {6, 2});
  s.normalizeWeights();
  EXPECT_EQ(s.weights, (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(s.str(), "hetero = d0, weights = [3, 1], groups = [[0] : [], "
                     "[1] : []]");

  Sharding eq = het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {2, 2});
  eq.normalizeWeights();
  EXPECT_TRUE(eq.weights.empty());
  EXPECT_EQ(eq.str(), "hetero = d0, groups = [[0] : [], [1] : []]");

  Sharding three = het(Role::split(1),
                       {Group{{0}, {}}, Group{{1}, {}}, Group{{2}, {}}},
                       {4, 6, 8});
  three.normalizeWeights();
  EXPECT_EQ(three.weights, (std::vector<int64_t>{2, 3, 4}));

  Sharding coprime = het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}},
                         {3, 1});
  coprime.normalizeWeights();
  EXPECT_EQ(coprime.weights, (std::vector<int64_t>{3, 1}));

  Sharding none = homo({0, 1}, {dup(2)});
  none.normalizeWeights();
  EXPECT_TRUE(none.weights.empty());
}

TEST(SpecExamples, PrinterKeepsOrder) {
  // The printer does not reorder devices, groups or axes.
  EXPECT_EQ(homo({3, 1, 2, 0}, {partial(2), d(1, 2)}).str(),
            "[3, 1, 2, 0] : [partial = 2, d1 = 2]");
  EXPECT_EQ(het(Role::split(12), {Group{{7}, {}}, Group{{2, 5}, {d(3, 2)}}})
                .str(),
            "hetero = d12, groups = [[7] : [], [2, 5] : [d3 = 2]]");
}

TEST(SpecExamples, Devices) {
  Sharding s = het(Role::dup(), {Group{{5, 2}, {d(0, 2)}}, Group{{7, 0}, {dup(2)}}});
  EXPECT_EQ(s.devices(), (std::vector<int64_t>{0, 2, 5, 7}));
  Layout l = verified(s, {4});
  EXPECT_EQ(l.devices(), (std::vector<int64_t>{0, 2, 5, 7}));
  expectPlace(l, 5, box({{0, 2}}), false);
  expectPlace(l, 2, box({{2, 4}}), false);
  expectPlace(l, 7, box({{0, 4}}), false);
  expectPlace(l, 0, box({{0, 4}}), false);
  expectAbsent(l, 1);
}

TEST(SpecExamples, RankZeroAndEmptyDimensions) {
  // Rank 0 allows dup and partial; a dimension of size 0 is valid.
  Layout scalar = verified(homo({0, 1, 2, 3}, {dup(2), partial(2)}), {});
  for (int64_t i = 0; i < 4; ++i) {
    expectPlace(scalar, i, Box{}, true);
    EXPECT_EQ(scalar.place(i)->keeper, i % 2 == 0);
  }
  Layout empty = verified(homo({0, 1, 2}, {d(0, 3)}), {0, 4});
  for (int64_t i = 0; i < 3; ++i)
    expectPlace(empty, i, box({{0, 0}, {0, 4}}), false);
  Layout emptyCols = verified(homo({0, 1}, {d(0, 2)}), {6, 0});
  expectPlace(emptyCols, 1, box({{3, 6}, {0, 0}}), false);
}

//===----------------------------------------------------------------------===//
// 2. Uneven weights
//===----------------------------------------------------------------------===//

TEST(Weights, ThreeGroupsOneTwoThree) {
  // 12x6, weights [1, 2, 3] (W = 6): rows [0,2), [2,6), [6,12).
  Sharding s = het(Role::split(0),
                   {Group{{0, 1}, {d(1, 2)}},
                    Group{{2, 3, 4, 5}, {d(0, 2), d(1, 2)}},
                    Group{{6, 7, 8}, {d(0, 3)}}},
                   {1, 2, 3});
  EXPECT_EQ(s.str(), "hetero = d0, weights = [1, 2, 3], groups = "
                     "[[0, 1] : [d1 = 2], [2, 3, 4, 5] : [d0 = 2, d1 = 2], "
                     "[6, 7, 8] : [d0 = 3]]");
  Layout l = verified(s, {12, 6});
  EXPECT_EQ(l.groupBox(0), box({{0, 2}, {0, 6}}));
  EXPECT_EQ(l.groupBox(1), box({{2, 6}, {0, 6}}));
  EXPECT_EQ(l.groupBox(2), box({{6, 12}, {0, 6}}));
  expectPlace(l, 0, box({{0, 2}, {0, 3}}), false);
  expectPlace(l, 1, box({{0, 2}, {3, 6}}), false);
  expectPlace(l, 2, box({{2, 4}, {0, 3}}), false);
  expectPlace(l, 3, box({{2, 4}, {3, 6}}), false);
  expectPlace(l, 4, box({{4, 6}, {0, 3}}), false);
  expectPlace(l, 5, box({{4, 6}, {3, 6}}), false);
  expectPlace(l, 6, box({{6, 8}, {0, 6}}), false);
  expectPlace(l, 7, box({{8, 10}, {0, 6}}), false);
  expectPlace(l, 8, box({{10, 12}, {0, 6}}), false);

  // 24 rows: blocks of 4, 8, 12 rows.
  Layout l24 = verified(s, {24, 6});
  expectPlace(l24, 1, box({{0, 4}, {3, 6}}), false);
  expectPlace(l24, 4, box({{8, 12}, {0, 3}}), false);
  expectPlace(l24, 8, box({{20, 24}, {0, 6}}), false);
}

TEST(Weights, SecondDimensionWithPartialAndDup) {
  // 4x10, hetero = d1, weights [3, 2] (W = 5): cols [0,6) and [6,10).
  Sharding s = het(Role::split(1),
                   {Group{{3, 1}, {partial(2)}},
                    Group{{0, 2, 4, 6}, {d(0, 2), dup(2)}}},
                   {3, 2});
  Layout l = verified(s, {4, 10});
  expectPlace(l, 3, box({{0, 4}, {0, 6}}), true);
  expectPlace(l, 1, box({{0, 4}, {0, 6}}), true);
  EXPECT_TRUE(l.place(3)->keeper);
  EXPECT_FALSE(l.place(1)->keeper);
  expectPlace(l, 0, box({{0, 2}, {6, 10}}), false);
  expectPlace(l, 2, box({{0, 2}, {6, 10}}), false);
  expectPlace(l, 4, box({{2, 4}, {6, 10}}), false);
  expectPlace(l, 6, box({{2, 4}, {6, 10}}), false);
  EXPECT_TRUE(l.place(6)->keeper);
}

TEST(Weights, EqualWeightsMeanEqualBlocks) {
  // Weights [2, 2] reduce to [1, 1] (W = 2), which divides 2 (Deviations.md),
  // so the sharding is valid on a dimension of size 2, with one row per group.
  Sharding s = het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {2, 2});
  ASSERT_FALSE(s.verifyStructure().has_value());
  std::optional<std::string> err = s.verifyShape({2});
  EXPECT_FALSE(err.has_value())
      << "weights [2, 2] reduce to [1, 1], whose sum 2 divides 2, but: "
      << *err;
  Layout l(s, {2});
  expectPlace(l, 0, box({{0, 1}}), false);
  expectPlace(l, 1, box({{1, 2}}), false);
}

TEST(Weights, UnreducedWeightsAreReducedBeforeTheDivisibilityRule) {
  // Weights [6, 2] reduce to [3, 1] (W = 4), which divides 4: rows [0,3), [3,4).
  Sharding s = het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {6, 2});
  ASSERT_FALSE(s.verifyStructure().has_value());
  std::optional<std::string> err = s.verifyShape({4});
  EXPECT_FALSE(err.has_value())
      << "weights [6, 2] reduce to [3, 1], whose sum 4 divides 4, but: "
      << *err;
  Layout l(s, {4});
  expectPlace(l, 0, box({{0, 3}}), false);
  expectPlace(l, 1, box({{3, 4}}), false);
  // Once reduced, the sum (4) divides 4 and the layout is unchanged.
  Sharding reduced = s;
  reduced.normalizeWeights();
  EXPECT_FALSE(reduced.verifyShape({4}).has_value());
  EXPECT_TRUE(equivalent(Layout(reduced, {4}), l));
}

//===----------------------------------------------------------------------===//
// 3. Equality
//===----------------------------------------------------------------------===//

TEST(Equality, SpecExampleAxisOrder) {
  Layout a = verified(homo({0, 1, 2, 3}, {d(0, 2), dup(2)}), {16, 32});
  Layout b = verified(homo({0, 2, 1, 3}, {dup(2), d(0, 2)}), {16, 32});
  EXPECT_TRUE(equivalent(a, b));
  EXPECT_TRUE(equivalent(b, a));
  EXPECT_TRUE(equivalent(a, a));
  // Same axes over the identity order is a different placement: there 0 and
  // 2 hold rows 0-7.
  Layout c = verified(homo({0, 1, 2, 3}, {dup(2), d(0, 2)}), {16, 32});
  EXPECT_FALSE(equivalent(a, c));
}

TEST(Equality, HeteroDupOfSingletonsIsDup) {
  Layout a = verified(het(Role::dup(), {Group{{0}, {}}, Group{{1}, {}}}), {8});
  Layout b = verified(homo({0, 1}, {dup(2)}), {8});
  EXPECT_TRUE(equivalent(a, b));
  EXPECT_TRUE(equivalent(b, a));
}

TEST(Equality, HeteroPartialOfSingletonsIsPartial) {
  // Same holders, same split into summand classes {0}, {1}.
  Layout a = verified(het(Role::partial(), {Group{{0}, {}}, Group{{1}, {}}}),
                      {8});
  Layout b = verified(homo({0, 1}, {partial(2)}), {8});
  EXPECT_TRUE(equivalent(a, b));
}

TEST(Equality, DupOfPartialsIsNotHeteroDupOfPartials) {
  // [partial = 2, dup = 2]: one decomposition, 0 and 1 hold one summand, 2
  // and 3 the other. hetero = dup: each group decomposes the value on its
  // own, so 0 and 1 hold summands of different decompositions.
  Layout a = verified(homo({0, 1, 2, 3}, {partial(2), dup(2)}), {8, 4});
  Layout b = verified(het(Role::dup(), {Group{{0, 2}, {partial(2)}},
                                        Group{{1, 3}, {partial(2)}}}),
                      {8, 4});
  EXPECT_FALSE(equivalent(a, b));
  EXPECT_FALSE(equivalent(b, a));
}

TEST(Equality, PartialVersusValue) {
  Layout a = verified(homo({0, 1}, {partial(2)}), {4, 4});
  Layout b = verified(homo({0, 1}, {dup(2)}), {4, 4});
  EXPECT_FALSE(equivalent(a, b));
  EXPECT_FALSE(equivalent(b, a));
  Layout c = verified(het(Role::partial(), {Group{{0}, {}}, Group{{1}, {}}}),
                      {4, 4});
  Layout e = verified(het(Role::dup(), {Group{{0}, {}}, Group{{1}, {}}}),
                      {4, 4});
  EXPECT_FALSE(equivalent(c, e));
}

TEST(Equality, DifferentDeviceSets) {
  EXPECT_FALSE(equivalent(verified(homo({0, 1}, {d(0, 2)}), {4}),
                          verified(homo({0, 2}, {d(0, 2)}), {4})));
  EXPECT_FALSE(equivalent(verified(homo({0, 1}, {dup(2)}), {4}),
                          verified(homo({0, 1, 2}, {dup(3)}), {6})));
  EXPECT_FALSE(equivalent(verified(homo({0, 1}, {dup(2)}), {6}),
                          verified(homo({0, 1, 2}, {dup(3)}), {6})));
  // Same devices, shapes differ.
  EXPECT_FALSE(equivalent(verified(homo({0, 1}, {dup(2)}), {6}),
                          verified(homo({0, 1}, {dup(2)}), {6, 1})));
}

TEST(Equality, PartialFourIsNotDupTimesPartial) {
  // Classes {0}, {1}, {2}, {3} versus {0, 2}, {1, 3}.
  Layout a = verified(homo({0, 1, 2, 3}, {partial(4)}), {24, 8});
  Layout b = verified(homo({0, 1, 2, 3}, {dup(2), partial(2)}), {24, 8});
  EXPECT_FALSE(equivalent(a, b));
  // The same classes written the other way round are equal.
  Layout c = verified(homo({0, 2, 1, 3}, {partial(2), dup(2)}), {24, 8});
  EXPECT_TRUE(equivalent(b, c));
}

TEST(Equality, UnweightedEqualsEqualWeights) {
  std::vector<Group> groups = {Group{{0, 1}, {d(1, 2)}}, Group{{2}, {}}};
  Sharding plain = het(Role::split(0), groups);
  Sharding weighted = het(Role::split(0), groups, {1, 1});
  Layout a = verified(plain, {8, 4});
  // Before normalization the layouts already place the same blocks.
  EXPECT_TRUE(equivalent(a, Layout(weighted, {8, 4})));
  weighted.normalizeWeights();
  EXPECT_TRUE(weighted.weights.empty());
  EXPECT_TRUE(weighted == plain);
  EXPECT_TRUE(equivalent(a, verified(weighted, {8, 4})));
  // Different weights are a different placement.
  EXPECT_FALSE(equivalent(
      a, verified(het(Role::split(0), groups, {3, 1}), {8, 4})));
}

TEST(Equality, SplitSingletonGroupsEqualHomogeneousSplit) {
  Layout a = verified(het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}),
                      {6, 2});
  Layout b = verified(homo({0, 1}, {d(0, 2)}), {6, 2});
  EXPECT_TRUE(equivalent(a, b));
  Layout c = verified(homo({1, 0}, {d(0, 2)}), {6, 2});
  EXPECT_FALSE(equivalent(a, c));
}

//===----------------------------------------------------------------------===//
// 4. Lower bound (Semantics.md "Lower bound")
//===----------------------------------------------------------------------===//

TEST(LowerBound, C12AllGather) {
  // 24x8 f32: each device holds 6 rows and must hold all 24.
  Layout src = verified(homo({0, 1, 2, 3}, {d(0, 4)}), {24, 8});
  Layout dst = verified(homo({0, 1, 2, 3}, {dup(4)}), {24, 8});
  for (int64_t dev = 0; dev < 4; ++dev)
    EXPECT_EQ(lowerBoundBytes(src, dst, dev, 4), 18 * 8 * 4) << dev;
  EXPECT_EQ(lowerBoundBytes(src, dst, 4, 4), 0);
}

TEST(LowerBound, C14Weighted) {
  // 16x8 f32; source: 0 and 1 hold rows 0-11, 2 rows 12-15.
  Layout src = verified(het(Role::split(0),
                            {Group{{0, 1}, {dup(2)}}, Group{{2}, {}}}, {3, 1}),
                        {16, 8});
  Layout dst = verified(homo({0, 1, 2}, {dup(3)}), {16, 8});
  EXPECT_EQ(lowerBoundBytes(src, dst, 0, 4), 4 * 8 * 4);
  EXPECT_EQ(lowerBoundBytes(src, dst, 1, 4), 4 * 8 * 4);
  EXPECT_EQ(lowerBoundBytes(src, dst, 2, 4), 12 * 8 * 4);
  int64_t total = 0;
  for (int64_t dev = 0; dev < 8; ++dev)
    total += lowerBoundBytes(src, dst, dev, 4);
  EXPECT_EQ(total, 20 * 8 * 4);
}

TEST(LowerBound, C4LocalSlice) {
  Layout src = verified(homo({0, 1, 2, 3}, {dup(4)}), {24, 8});
  Layout dst = verified(homo({0, 1, 2, 3}, {d(0, 4)}), {24, 8});
  for (int64_t dev = -1; dev < 8; ++dev)
    EXPECT_EQ(lowerBoundBytes(src, dst, dev, 4), 0) << dev;
}

TEST(LowerBound, PartialToDupNeedsEveryBlock) {
  // C1: [d0 = 2, partial = 2] -> [d0 = 2, dup = 2] (24x8 f32). Each device
  // holds a summand of its 12 rows, not the value: its whole block counts.
  Layout src = verified(homo({0, 1, 2, 3}, {d(0, 2), partial(2)}), {24, 8});
  Layout dst = verified(homo({0, 1, 2, 3}, {d(0, 2), dup(2)}), {24, 8});
  for (int64_t dev = 0; dev < 4; ++dev)
    EXPECT_EQ(lowerBoundBytes(src, dst, dev, 4), 12 * 8 * 4) << dev;
  // f64 doubles it.
  EXPECT_EQ(lowerBoundBytes(src, dst, 0, 8), 12 * 8 * 8);
  // C2: reduce-scatter; each device must hold its 6 rows as values.
  Layout c2 = verified(homo({0, 1, 2, 3}, {d(0, 4)}), {24, 8});
  for (int64_t dev = 0; dev < 4; ++dev)
    EXPECT_EQ(lowerBoundBytes(src, c2, dev, 4), 6 * 8 * 4) << dev;
  // hetero = partial -> hetero = dup, C8's groups: every device needs its
  // whole destination block.
  std::vector<Group> groups = {Group{{0, 1, 2, 3}, {d(0, 4)}},
                               Group{{4, 5}, {d(0, 2)}}, Group{{6}, {}}};
  Layout c8s = verified(het(Role::partial(), groups), {24, 8});
  Layout c8d = verified(het(Role::dup(), groups), {24, 8});
  for (int64_t dev = 0; dev < 4; ++dev)
    EXPECT_EQ(lowerBoundBytes(c8s, c8d, dev, 4), 6 * 8 * 4) << dev;
  EXPECT_EQ(lowerBoundBytes(c8s, c8d, 4, 4), 12 * 8 * 4);
  EXPECT_EQ(lowerBoundBytes(c8s, c8d, 5, 4), 12 * 8 * 4);
  EXPECT_EQ(lowerBoundBytes(c8s, c8d, 6, 4), 24 * 8 * 4);
}

TEST(LowerBound, C9PartialToHeteroSplit) {
  // 16x8: destination 0 rows 0-3, 1 rows 4-7, 2 rows 8-15, all as values;
  // the source holds only summands.
  std::vector<Group> groups = {Group{{0, 1}, {d(0, 2)}}, Group{{2}, {}}};
  Layout src = verified(het(Role::partial(), groups), {16, 8});
  Layout dst = verified(het(Role::split(0), groups), {16, 8});
  EXPECT_EQ(lowerBoundBytes(src, dst, 0, 4), 4 * 8 * 4);
  EXPECT_EQ(lowerBoundBytes(src, dst, 1, 4), 4 * 8 * 4);
  EXPECT_EQ(lowerBoundBytes(src, dst, 2, 4), 8 * 8 * 4);
}

TEST(LowerBound, StageBoundaryAndSummandDestinations) {
  // C6: 24x8 rows move from 0-3 to 4-7; each receiver needs 12 rows.
  Layout src = verified(homo({0, 1, 2, 3}, {d(0, 2), dup(2)}), {24, 8});
  Layout dst = verified(homo({4, 5, 6, 7}, {d(0, 2), dup(2)}), {24, 8});
  for (int64_t dev = 0; dev < 4; ++dev)
    EXPECT_EQ(lowerBoundBytes(src, dst, dev, 4), 0) << dev;
  for (int64_t dev = 4; dev < 8; ++dev)
    EXPECT_EQ(lowerBoundBytes(src, dst, dev, 4), 12 * 8 * 4) << dev;

  // Value to partial: keepers already hold the value, non-keepers hold zeros.
  Layout dupL = verified(homo({0, 1}, {dup(2)}), {4, 4});
  Layout parL = verified(homo({0, 1}, {partial(2)}), {4, 4});
  EXPECT_EQ(lowerBoundBytes(dupL, parL, 0, 4), 0);
  EXPECT_EQ(lowerBoundBytes(dupL, parL, 1, 4), 0);
  // To a partial destination on a fresh device: only the keeper needs data.
  Layout parFresh = verified(homo({2, 3}, {partial(2)}), {4, 4});
  EXPECT_EQ(lowerBoundBytes(dupL, parFresh, 2, 4), 16 * 4);
  EXPECT_EQ(lowerBoundBytes(dupL, parFresh, 3, 4), 0);
}

//===----------------------------------------------------------------------===//
// 5. Invalid structures and shapes
//===----------------------------------------------------------------------===//

void expectStructureError(const Sharding &s, const std::string &substring) {
  std::optional<std::string> err = s.verifyStructure();
  ASSERT_TRUE(err.has_value()) << "accepted " << s.str();
  EXPECT_NE(err->find(substring), std::string::npos)
      << "message `" << *err << "` lacks `" << substring << "`";
}

void expectShapeError(const Sharding &s, const std::vector<int64_t> &shape,
                      const std::string &substring) {
  ASSERT_FALSE(s.verifyStructure().has_value()) << *s.verifyStructure();
  std::optional<std::string> err = s.verifyShape(shape);
  ASSERT_TRUE(err.has_value()) << "accepted " << s.str();
  EXPECT_NE(err->find(substring), std::string::npos)
      << "message `" << *err << "` lacks `" << substring << "`";
}

TEST(InvalidStructure, NoGroups) { expectStructureError(Sharding{}, "group"); }

TEST(InvalidStructure, SeveralGroupsWithoutHetero) {
  Sharding s;
  s.groups = {Group{{0}, {}}, Group{{1}, {}}};
  expectStructureError(s, "hetero");
}

TEST(InvalidStructure, RepeatedDevice) {
  expectStructureError(homo({0, 1, 0}, {d(0, 3)}),
                       "device 0 appears more than once");
  expectStructureError(
      het(Role::dup(), {Group{{0, 1}, {dup(2)}}, Group{{1}, {}}}),
      "device 1 appears more than once");
}

TEST(InvalidStructure, DeviceIdNegative) {
  expectStructureError(homo({-1}, {}), "out of range");
  expectStructureError(homo({0, -5}, {dup(2)}), "-5");
}

TEST(InvalidStructure, DeviceIdTooLarge) {
  expectStructureError(homo({int64_t(1) << 31}, {}), "out of range");
  expectStructureError(homo({0, INT64_MAX}, {dup(2)}), "out of range");
  // 2^31 - 1 is the largest valid id.
  EXPECT_FALSE(homo({(int64_t(1) << 31) - 1}, {}).verifyStructure().has_value());
}

TEST(InvalidStructure, AxisSizeBelowTwo) {
  expectStructureError(homo({0}, {dup(1)}), "at least 2");
  expectStructureError(homo({0}, {d(0, 1)}), "at least 2");
  expectStructureError(homo({0, 1}, {partial(2), dup(0)}), "at least 2");
  expectStructureError(homo({0, 1}, {d(1, -2), d(0, -1)}), "at least 2");
}

TEST(InvalidStructure, RepeatedRole) {
  expectStructureError(homo({0, 1, 2, 3}, {d(0, 2), d(0, 2)}),
                       "role `d0` appears more than once");
  expectStructureError(homo({0, 1, 2, 3}, {dup(2), d(1, 2), dup(2)}),
                       "role `dup` appears more than once");
  expectStructureError(
      het(Role::dup(), {Group{{0}, {}},
                        Group{{1, 2, 3, 4}, {partial(2), partial(2)}}}),
      "role `partial` appears more than once");
}

TEST(InvalidStructure, ProductMismatch) {
  expectStructureError(homo({0, 1, 2}, {d(0, 2)}), "multiply to 2");
  expectStructureError(homo({0, 1}, {}), "multiply to 1");
  expectStructureError(
      het(Role::split(0), {Group{{0, 1}, {d(1, 2)}}, Group{{2}, {dup(2)}}}),
      "multiply to 2");
}

TEST(InvalidStructure, ProductOverflow) {
  // 2^32 * 2^32 does not fit in int64.
  expectStructureError(homo({0}, {d(0, int64_t(1) << 32), d(1, int64_t(1) << 32)}),
                       "multiply to");
  // 3 * 6148914691236517206 = 2^64 + 2: a product computed modulo 2^64 would
  // equal the group's size, 2.
  expectStructureError(homo({0, 1}, {d(0, 3), d(1, 6148914691236517206LL)}),
                       "multiply to");
  // 2^62 * 2 = 2^63 = INT64_MIN modulo 2^64.
  expectStructureError(homo({0, 1}, {d(0, int64_t(1) << 62), dup(2)}),
                       "multiply to");
}

TEST(InvalidStructure, HeteroWithOneGroup) {
  expectStructureError(het(Role::split(0), {Group{{0, 1}, {d(0, 2)}}}),
                       "at least two groups");
  expectStructureError(het(Role::dup(), {Group{{0}, {}}}),
                       "at least two groups");
  expectStructureError(het(Role::partial(), {}), "group");
}

TEST(InvalidStructure, WeightsNotPositive) {
  expectStructureError(
      het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {1, 0}),
      "positive");
  expectStructureError(
      het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {-3, 2}),
      "positive");
}

TEST(InvalidStructure, WeightsWrongLength) {
  expectStructureError(
      het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {1, 2, 3}),
      "3 entries");
  expectStructureError(
      het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}, Group{{2}, {}}},
          {1, 2}),
      "2 entries");
}

TEST(InvalidStructure, WeightsWithoutSplitHetero) {
  expectStructureError(
      het(Role::dup(), {Group{{0}, {}}, Group{{1}, {}}}, {1, 2}),
      "`hetero = dup`");
  expectStructureError(
      het(Role::partial(), {Group{{0}, {}}, Group{{1}, {}}}, {1, 2}),
      "`hetero = partial`");
  Sharding s = homo({0}, {});
  s.weights = {1};
  expectStructureError(s, "weights");
}

TEST(InvalidStructure, WeightSumOverflow) {
  expectStructureError(
      het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {INT64_MAX, 1}),
      "overflow");
}

TEST(InvalidStructure, EmptyGroup) {
  expectStructureError(het(Role::dup(), {Group{{0}, {}}, Group{{}, {}}}),
                       "no devices");
}

TEST(InvalidStructure, NegativeSplitDimension) {
  expectStructureError(homo({0, 1}, {d(-1, 2)}), "negative");
}

TEST(InvalidStructure, NegativeHeteroSplitDimension) {
  // `d-1` is not a split role (Semantics.md "Syntax": d0, d1, ...). The axis
  // check above rejects it in verifyStructure; the top tier's role must be
  // rejected too, otherwise verifyShape, which assumes verifyStructure passed,
  // reads shape[-1].
  expectStructureError(het(Role::split(-1), {Group{{0}, {}}, Group{{1}, {}}}),
                       "negative");
}

TEST(InvalidShape, DynamicDimension) {
  expectShapeError(homo({0, 1}, {d(0, 2)}), {kDynamic, 4}, "dynamic");
  expectShapeError(homo({0}, {}), {4, kDynamic}, "dimension 1");
  expectShapeError(het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}),
                   {kDynamic}, "dynamic");
}

TEST(InvalidShape, SplitDimensionOutOfRange) {
  expectShapeError(homo({0, 1}, {d(2, 2)}), {4, 4}, "out of range");
  expectShapeError(homo({0, 1}, {d(0, 2)}), {}, "rank-0");
  expectShapeError(het(Role::split(1), {Group{{0}, {}}, Group{{1}, {}}}), {4},
                   "out of range");
  expectShapeError(
      het(Role::dup(), {Group{{0}, {}}, Group{{1, 2}, {d(1, 2)}}}), {6},
      "`d1`");
}

TEST(InvalidShape, TopTierDoesNotDivide) {
  // Homogeneous: the group's part is the whole tensor.
  expectShapeError(homo({0, 1, 2}, {d(0, 3)}), {8, 4}, "does not divide");
  expectShapeError(homo({0, 1, 2, 3}, {dup(2), d(1, 2)}), {4, 3},
                   "does not divide");
  // hetero = d<k> without weights: equal blocks.
  expectShapeError(
      het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}, Group{{2}, {}}}),
      {8, 2}, "equal blocks");
}

TEST(InvalidShape, WeightedSumDoesNotDivide) {
  expectShapeError(
      het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {3, 1}), {6, 2},
      "weights");
  expectShapeError(het(Role::split(1),
                       {Group{{0}, {}}, Group{{1}, {}}, Group{{2}, {}}},
                       {1, 2, 3}),
                   {2, 8}, "weights");
}

TEST(InvalidShape, BottomTierDoesNotDivide) {
  // Each group's block has 3 rows; d0 = 2 cannot cut it.
  expectShapeError(
      het(Role::split(0), {Group{{0, 1}, {d(0, 2)}}, Group{{2}, {}}}), {6, 4},
      "does not divide");
  // Weights [1, 3] on 4 rows: group 0's block has 1 row.
  expectShapeError(
      het(Role::split(0), {Group{{0, 1}, {d(0, 2)}}, Group{{2}, {}}}, {1, 3}),
      {4, 4}, "does not divide");
  // Another dimension than the top tier's.
  expectShapeError(
      het(Role::split(0), {Group{{0}, {}}, Group{{1, 2}, {d(1, 2)}}}), {4, 3},
      "does not divide");
  // hetero = dup: each group applies its axes to the full shape.
  expectShapeError(
      het(Role::dup(), {Group{{0, 1, 2}, {d(0, 3)}}, Group{{3}, {}}}), {4},
      "does not divide");
  // hetero = partial, second group.
  expectShapeError(het(Role::partial(), {Group{{0}, {}},
                                         Group{{1, 2, 3, 4}, {d(1, 4)}}}),
                   {4, 6}, "does not divide");
}

TEST(InvalidShape, ValidEdgeCases) {
  EXPECT_FALSE(homo({0, 1, 2}, {d(0, 3)}).verifyShape({0, 5}).has_value());
  EXPECT_FALSE(homo({0, 1}, {partial(2)}).verifyShape({}).has_value());
  EXPECT_FALSE(het(Role::split(0), {Group{{0}, {}}, Group{{1}, {}}}, {3, 1})
                   .verifyShape({0})
                   .has_value());
}

//===----------------------------------------------------------------------===//
// 6. Brute-force cross-check against an independent model
//===----------------------------------------------------------------------===//

/// What the independent model says one device holds.
struct ModelDevice {
  int64_t id = 0, group = 0, position = 0;
  std::vector<int64_t> coords;
  bool summand = false, keeper = true;
  int64_t decomposition = 0;
  std::vector<int64_t> summandClass;
  Box box;
};

struct Model {
  bool valid = false;
  /// The group's block along each dimension, found by scanning.
  std::vector<std::vector<int64_t>> start, extent;
  /// Devices in group order, then list order.
  std::vector<ModelDevice> devices;
  std::vector<int64_t> groupBase;
};

int64_t weightOf(const Sharding &s, size_t g) {
  return s.weights.empty() ? 1 : s.weights[g];
}

/// The group whose top-tier block holds index `i` of a dimension of size
/// `size`: the first group whose cumulative weight, scaled to the dimension,
/// lies beyond `i`.
int64_t topGroup(const Sharding &s, int64_t size, int64_t i) {
  int64_t total = 0;
  for (size_t g = 0; g < s.groups.size(); ++g)
    total += weightOf(s, g);
  int64_t cumulative = 0;
  for (size_t g = 0; g < s.groups.size(); ++g) {
    cumulative += weightOf(s, g);
    if (i * total < size * cumulative)
      return static_cast<int64_t>(g);
  }
  return -1;
}

/// Whether a device at grid `coords` of group `g` holds index `i` along
/// dimension `dim`.
bool holdsAlong(const Sharding &s, const Model &m, int64_t g,
                const std::vector<int64_t> &coords, int64_t dim, int64_t i,
                int64_t size) {
  if (s.hetero && s.hetero->isSplit() && s.hetero->dim == dim &&
      topGroup(s, size, i) != g)
    return false;
  const Group &grp = s.groups[g];
  for (size_t a = 0; a < grp.axes.size(); ++a) {
    const Axis &axis = grp.axes[a];
    if (!axis.role.isSplit() || axis.role.dim != dim)
      continue;
    int64_t offset = i - m.start[g][dim];
    if (offset * axis.size / m.extent[g][dim] != coords[a])
      return false;
  }
  return true;
}

/// Adds one to a mixed-radix counter (last digit fastest); false on wrap.
bool increment(std::vector<int64_t> &digits,
               const std::vector<int64_t> &radix) {
  for (size_t k = digits.size(); k-- > 0;) {
    if (++digits[k] < radix[k])
      return true;
    digits[k] = 0;
  }
  return false;
}

std::vector<int64_t> axisSizes(const Group &g) {
  std::vector<int64_t> r;
  for (const Axis &a : g.axes)
    r.push_back(a.size);
  return r;
}

Model buildModel(const Sharding &s, const std::vector<int64_t> &shape) {
  Model m;
  int64_t rank = static_cast<int64_t>(shape.size());
  auto inRange = [&](const Role &r) {
    return !r.isSplit() || (r.dim >= 0 && r.dim < rank);
  };
  if (s.hetero && !inRange(*s.hetero))
    return m;
  for (const Group &g : s.groups)
    for (const Axis &a : g.axes)
      if (!inRange(a.role))
        return m;
  size_t n = s.groups.size();
  m.start.assign(n, std::vector<int64_t>(rank, 0));
  m.extent.assign(n, shape);
  bool heteroSplit = s.hetero && s.hetero->isSplit();
  if (heteroSplit) {
    int64_t k = s.hetero->dim, size = shape[k];
    // W is the sum of the weights reduced by their gcd.
    int64_t gcd = 0, total = 0;
    for (size_t g = 0; g < n; ++g) {
      gcd = std::gcd(gcd, weightOf(s, g));
      total += weightOf(s, g);
    }
    if (size % (total / gcd) != 0)
      return m;
    for (size_t g = 0; g < n; ++g)
      m.extent[g][k] = 0;
    for (int64_t i = 0; i < size; ++i) {
      int64_t g = topGroup(s, size, i);
      if (m.extent[g][k]++ == 0)
        m.start[g][k] = i;
    }
  }
  for (size_t g = 0; g < n; ++g)
    for (const Axis &a : s.groups[g].axes)
      if (a.role.isSplit() && m.extent[g][a.role.dim] % a.size != 0)
        return m;
  m.valid = true;

  bool heteroPartial = s.hetero && s.hetero->isPartial();
  bool heteroDup = s.hetero && s.hetero->isDup();
  for (size_t g = 0; g < n; ++g) {
    const Group &grp = s.groups[g];
    m.groupBase.push_back(static_cast<int64_t>(m.devices.size()));
    std::vector<int64_t> radix = axisSizes(grp);
    std::vector<int64_t> coords(grp.axes.size(), 0);
    for (size_t p = 0; p < grp.devices.size(); ++p) {
      ModelDevice md;
      md.id = grp.devices[p];
      md.group = static_cast<int64_t>(g);
      md.position = static_cast<int64_t>(p);
      md.coords = coords;
      md.summand = heteroPartial;
      md.keeper = !heteroPartial || g == 0;
      md.decomposition = heteroDup ? static_cast<int64_t>(g) : 0;
      if (heteroPartial)
        md.summandClass.push_back(static_cast<int64_t>(g));
      for (size_t a = 0; a < grp.axes.size(); ++a)
        if (grp.axes[a].role.isPartial()) {
          md.summand = true;
          md.summandClass.push_back(coords[a]);
          md.keeper = md.keeper && coords[a] == 0;
        }
      for (int64_t dim = 0; dim < rank; ++dim) {
        int64_t first = -1, last = -1, count = 0;
        for (int64_t i = 0; i < shape[dim]; ++i)
          if (holdsAlong(s, m, md.group, coords, dim, i, shape[dim])) {
            if (first < 0)
              first = i;
            last = i;
            ++count;
          }
        if (count == 0)
          md.box.push_back(Range{0, 0});
        else {
          EXPECT_EQ(count, last - first + 1) << "model: not contiguous";
          md.box.push_back(Range{first, last + 1});
        }
      }
      m.devices.push_back(std::move(md));
      increment(coords, radix);
    }
  }
  return m;
}

/// The holders of one element, in a form independent of how the sharding is
/// written: the devices holding the value, then each decomposition into
/// summands as the set of its summand classes (sorted device lists).
struct ElementRoles {
  std::vector<int64_t> values;
  std::set<std::set<std::vector<int64_t>>> decompositions;
  bool operator==(const ElementRoles &o) const {
    return values == o.values && decompositions == o.decompositions;
  }
};

using ClassMap =
    std::map<int64_t, std::map<std::vector<int64_t>, std::vector<int64_t>>>;

ElementRoles canonical(std::vector<int64_t> values, const ClassMap &classes) {
  ElementRoles r;
  std::sort(values.begin(), values.end());
  r.values = std::move(values);
  for (const auto &[dec, byClass] : classes) {
    std::set<std::vector<int64_t>> cs;
    for (auto [key, members] : byClass) {
      std::sort(members.begin(), members.end());
      cs.insert(members);
    }
    r.decompositions.insert(std::move(cs));
  }
  return r;
}

std::string describe(const ElementRoles &r) {
  std::ostringstream os;
  os << "values {";
  for (int64_t v : r.values)
    os << " " << v;
  os << " } summands {";
  for (const auto &dec : r.decompositions) {
    os << " (";
    for (const auto &cls : dec) {
      os << " [";
      for (int64_t v : cls)
        os << " " << v;
      os << " ]";
    }
    os << " )";
  }
  return os.str() + " }";
}

struct Hasher {
  uint64_t h = 1469598103934665603ull;
  void add(int64_t v) {
    for (int i = 0; i < 8; ++i) {
      h ^= static_cast<uint64_t>(v >> (8 * i)) & 0xff;
      h *= 1099511628211ull;
    }
  }
};

struct Checked {
  size_t shapeIndex;
  Sharding sharding;
  uint64_t signature;
  bool nonEmpty;
};

struct BruteForceResult {
  size_t generated = 0, checked = 0, partialChecked = 0, heteroChecked = 0,
         elementsChecked = 0;
  size_t falselyRejected = 0, falselyAccepted = 0;
  size_t placementFailures = 0, validityMismatches = 0,
         equivalenceFailures = 0, equivalenceCalls = 0;
  std::vector<std::string> placementMessages, validityMessages,
      equivalenceMessages;
  double seconds = 0;
};

std::string shapeStr(const std::vector<int64_t> &shape) {
  std::string s = "tensor<";
  for (int64_t v : shape)
    s += std::to_string(v) + "x";
  return s + "f32>";
}

void note(std::vector<std::string> &messages, size_t &count,
          const std::string &msg) {
  if (messages.size() < 8)
    messages.push_back(msg);
  ++count;
}

/// Checks one valid sharding; returns its signature.
uint64_t checkOne(const Sharding &s, const std::vector<int64_t> &shape,
                  const Model &m, BruteForceResult &res) {
  std::string what = s.str() + " on " + shapeStr(shape);
  auto fail = [&](const std::string &msg) {
    note(res.placementMessages, res.placementFailures, what + ": " + msg);
  };
  Layout layout(s, shape);
  int64_t rank = static_cast<int64_t>(shape.size());

  // Device sets.
  std::vector<int64_t> ids;
  for (const ModelDevice &md : m.devices)
    ids.push_back(md.id);
  std::sort(ids.begin(), ids.end());
  if (layout.devices() != ids || s.devices() != ids)
    fail("device list");
  for (int64_t dev = -1; dev <= 9; ++dev)
    if (!std::binary_search(ids.begin(), ids.end(), dev) &&
        (layout.place(dev).has_value() || layout.holds(dev)))
      fail("device " + std::to_string(dev) + " is not in the sharding");

  // Group blocks.
  for (size_t g = 0; g < s.groups.size(); ++g) {
    Box gb = layout.groupBox(static_cast<int64_t>(g));
    for (int64_t dim = 0; dim < rank; ++dim)
      if (gb.size() != shape.size() || gb[dim].size() != m.extent[g][dim] ||
          (m.extent[g][dim] > 0 && gb[dim].lo != m.start[g][dim]))
        fail("groupBox of group " + std::to_string(g));
  }

  // Per-device placement.
  std::vector<Placement> places;
  bool anySummand = false;
  for (const ModelDevice &md : m.devices) {
    std::optional<Placement> p = layout.place(md.id);
    if (!p) {
      fail("no placement for device " + std::to_string(md.id));
      return 0;
    }
    std::string dev = "device " + std::to_string(md.id) + ": ";
    if (p->group != md.group || p->position != md.position)
      fail(dev + "group/position");
    if (p->coords != md.coords)
      fail(dev + "coords");
    if (!(p->box == md.box)) {
      std::ostringstream os;
      os << dev << "box";
      for (const Range &r : p->box)
        os << " [" << r.lo << "," << r.hi << ")";
      os << " expected";
      for (const Range &r : md.box)
        os << " [" << r.lo << "," << r.hi << ")";
      fail(os.str());
    }
    if (p->localShape != extents(p->box))
      fail(dev + "local shape is not the box's extents");
    if (p->summand != md.summand)
      fail(dev + "summand");
    if (p->keeper != md.keeper)
      fail(dev + "keeper");
    anySummand |= md.summand;
    places.push_back(std::move(*p));
  }

  // The blocks meeting a box: exactly the devices whose block meets it, each
  // once with its block, groups in order. Queries: the whole tensor, every
  // device's block, and one element at a time on small tensors.
  auto checkMeeting = [&](const Box &query) {
    std::vector<std::pair<int64_t, Box>> got, want;
    int64_t lastGroup = -1;
    layout.forEachBlockMeeting(
        query, [&](int64_t g, const Box &block, hspmd::layout::DeviceSpan ds) {
          if (g < lastGroup)
            fail("forEachBlockMeeting: groups out of order");
          lastGroup = g;
          for (int64_t d : ds)
            got.push_back({d, block});
        });
    for (size_t i = 0; i < places.size(); ++i) {
      bool meets = true;
      for (int64_t k = 0; k < rank; ++k)
        meets &= std::max(places[i].box[k].lo, query[k].lo) <
                 std::min(places[i].box[k].hi, query[k].hi);
      if (meets)
        want.push_back({m.devices[i].id, places[i].box});
    }
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    if (got != want)
      fail("forEachBlockMeeting reports " + std::to_string(got.size()) +
           " holders, " + std::to_string(want.size()) + " expected");
  };
  {
    Box whole;
    int64_t count = 1;
    for (int64_t v : shape) {
      whole.push_back({0, v});
      count *= v;
    }
    checkMeeting(whole);
    for (const Placement &p : places)
      checkMeeting(p.box);
    if (count <= 32)
      for (int64_t e = 0; e < count; ++e) {
        Box unit(rank);
        int64_t rest = e;
        for (int64_t k = rank - 1; k >= 0; --k) {
          unit[k] = {rest % shape[k], rest % shape[k] + 1};
          rest /= shape[k];
        }
        checkMeeting(unit);
      }
  }

  // Element by element.
  int64_t elements = 1;
  for (int64_t v : shape)
    elements *= v;
  int64_t holders = 0;
  Hasher hash;
  for (int64_t id : ids)
    hash.add(id);
  hash.add(-7);
  bool heteroSplit = s.hetero && s.hetero->isSplit();
  std::vector<int64_t> idx(rank, 0);
  for (int64_t e = 0; e < elements; ++e, increment(idx, shape)) {
    ++res.elementsChecked;
    std::vector<char> mine(m.devices.size(), 0);
    std::vector<int64_t> values;
    ClassMap classes;
    for (size_t g = 0; g < s.groups.size(); ++g) {
      if (heteroSplit && topGroup(s, shape[s.hetero->dim],
                                  idx[s.hetero->dim]) != int64_t(g))
        continue;
      const Group &grp = s.groups[g];
      std::vector<int64_t> radix = axisSizes(grp);
      std::vector<int64_t> coords(grp.axes.size(), 0);
      for (size_t p = 0; p < grp.devices.size(); ++p, increment(coords, radix)) {
        bool held = true;
        for (size_t a = 0; a < grp.axes.size() && held; ++a) {
          const Axis &axis = grp.axes[a];
          if (!axis.role.isSplit())
            continue;
          int64_t dim = axis.role.dim;
          held = (idx[dim] - m.start[g][dim]) * axis.size /
                     m.extent[g][dim] ==
                 coords[a];
        }
        if (!held)
          continue;
        const ModelDevice &md = m.devices[m.groupBase[g] + p];
        mine[m.groupBase[g] + p] = 1;
        ++holders;
        if (md.summand)
          classes[md.decomposition][md.summandClass].push_back(md.id);
        else
          values.push_back(md.id);
      }
    }
    ElementRoles expected = canonical(values, classes);
    std::vector<int64_t> implValues;
    ClassMap implClasses;
    for (size_t j = 0; j < m.devices.size(); ++j) {
      bool implHeld = contains(places[j].box, idx);
      if (implHeld != bool(mine[j])) {
        std::string at;
        for (int64_t v : idx)
          at += " " + std::to_string(v);
        fail("device " + std::to_string(m.devices[j].id) +
             (mine[j] ? " should" : " should not") + " hold element" + at);
      }
      if (!implHeld)
        continue;
      if (places[j].summand)
        implClasses[places[j].decomposition][places[j].summandClass]
            .push_back(m.devices[j].id);
      else
        implValues.push_back(m.devices[j].id);
    }
    if (anySummand) {
      ElementRoles actual = canonical(implValues, implClasses);
      if (!(actual == expected))
        fail("roles " + describe(actual) + ", expected " + describe(expected));
    }
    for (int64_t v : expected.values)
      hash.add(v);
    hash.add(-1);
    for (const auto &dec : expected.decompositions) {
      for (const auto &cls : dec) {
        for (int64_t v : cls)
          hash.add(v);
        hash.add(-2);
      }
      hash.add(-3);
    }
    hash.add(-4);
  }

  // Volumes: sum over devices = sum over elements of holders = each group's
  // block volume times its replication (the product of its non-split axes).
  int64_t boxSum = 0;
  for (const Placement &p : places)
    boxSum += volume(p.box);
  int64_t formula = 0;
  for (size_t g = 0; g < s.groups.size(); ++g) {
    int64_t v = 1;
    for (int64_t dim = 0; dim < rank; ++dim)
      v *= m.extent[g][dim];
    for (const Axis &a : s.groups[g].axes)
      if (!a.role.isSplit())
        v *= a.size;
    formula += v;
  }
  if (boxSum != holders || boxSum != formula)
    fail("volumes " + std::to_string(boxSum) + " / " +
         std::to_string(holders) + " / " + std::to_string(formula));
  if (!s.hetero || !s.hetero->isSplit()) {
    // Every group holds the full tensor: elements times replication.
    int64_t replicas = 0;
    for (const Group &g : s.groups) {
      int64_t r = 1;
      for (const Axis &a : g.axes)
        if (!a.role.isSplit())
          r *= a.size;
      replicas += r;
    }
    if (boxSum != elements * replicas)
      fail("volume sum is not elements x replication");
  }

  ++res.equivalenceCalls;
  if (!equivalent(layout, layout))
    note(res.equivalenceMessages, res.equivalenceFailures,
         what + ": not equivalent to itself");
  return hash.h;
}

std::vector<Role> rolesFor(int64_t rank) {
  std::vector<Role> roles;
  for (int64_t k = 0; k < rank; ++k)
    roles.push_back(Role::split(k));
  roles.push_back(Role::dup());
  roles.push_back(Role::partial());
  return roles;
}

void axisListsRec(int64_t remaining, const std::vector<Role> &roles,
                  std::vector<Axis> &current,
                  std::vector<std::vector<Axis>> &out) {
  if (remaining == 1) {
    out.push_back(current);
    return;
  }
  for (int64_t size = 2; size <= remaining; ++size) {
    if (remaining % size)
      continue;
    for (const Role &r : roles) {
      bool used = false;
      for (const Axis &a : current)
        used |= a.role == r;
      if (used)
        continue;
      current.push_back(Axis{r, size});
      axisListsRec(remaining / size, roles, current, out);
      current.pop_back();
    }
  }
}

/// Every axis list (ordered, distinct roles, sizes >= 2) over `n` devices.
std::vector<std::vector<Axis>> axisLists(int64_t n, int64_t rank) {
  std::vector<std::vector<Axis>> out;
  std::vector<Axis> current;
  axisListsRec(n, rolesFor(rank), current, out);
  return out;
}

/// Identity, reversed and interleaved (even positions, then odd) orders.
std::vector<std::vector<int64_t>> deviceOrders(int64_t n) {
  std::vector<int64_t> id(n);
  std::iota(id.begin(), id.end(), 0);
  std::vector<int64_t> rev(id.rbegin(), id.rend());
  std::vector<int64_t> inter;
  for (int64_t i = 0; i < n; i += 2)
    inter.push_back(i);
  for (int64_t i = 1; i < n; i += 2)
    inter.push_back(i);
  std::set<std::vector<int64_t>> seen;
  std::vector<std::vector<int64_t>> out;
  for (auto &o : {id, rev, inter})
    if (seen.insert(o).second)
      out.push_back(o);
  return out;
}

BruteForceResult runBruteForce() {
  auto t0 = std::chrono::steady_clock::now();
  BruteForceResult res;
  std::vector<std::vector<int64_t>> shapes;
  std::vector<Checked> checked;
  const std::vector<int64_t> sizes = {0, 1, 2, 3, 4, 6, 8, 12};

  auto consider = [&](const Sharding &s, size_t shapeIndex) {
    ++res.generated;
    const std::vector<int64_t> &shape = shapes[shapeIndex];
    std::optional<std::string> structure = s.verifyStructure();
    if (structure) {
      note(res.validityMessages, res.validityMismatches,
           s.str() + ": generated structure rejected: " + *structure);
      return;
    }
    std::optional<std::string> err = s.verifyShape(shape);
    Model m = buildModel(s, shape);
    if (err.has_value() == m.valid) {
      ++(m.valid ? res.falselyRejected : res.falselyAccepted);
      note(res.validityMessages, res.validityMismatches,
           s.str() + " on " + shapeStr(shape) +
               (m.valid ? ": rejected (" + *err + ") but valid by the model"
                        : ": accepted but its sizes do not divide"));
    }
    if (!m.valid)
      return;
    ++res.checked;
    if (s.hasPartial())
      ++res.partialChecked;
    if (s.hetero)
      ++res.heteroChecked;
    uint64_t sig = checkOne(s, shape, m, res);
    int64_t elements = 1;
    for (int64_t v : shape)
      elements *= v;
    checked.push_back(Checked{shapeIndex, s, sig, elements > 0});
  };

  // Homogeneous shardings: every axis list over 1..8 devices, three orders.
  std::vector<std::vector<int64_t>> homoShapes = {{}};
  for (int64_t a : sizes)
    homoShapes.push_back({a});
  for (int64_t a : sizes)
    for (int64_t b : sizes)
      homoShapes.push_back({a, b});
  for (std::vector<int64_t> s3 : std::vector<std::vector<int64_t>>{
           {2, 3, 4}, {4, 2, 6}, {0, 2, 4}, {2, 2, 2}, {3, 4, 2}, {1, 6, 8}})
    homoShapes.push_back(s3);
  for (const auto &shape : homoShapes) {
    shapes.push_back(shape);
    size_t si = shapes.size() - 1;
    int64_t rank = static_cast<int64_t>(shape.size());
    for (int64_t n = 1; n <= 8; ++n)
      for (const auto &axes : axisLists(n, rank))
        for (const auto &order : deviceOrders(n))
          consider(homo(order, axes), si);
  }

  // Heterogeneous shardings with 2 or 3 groups.
  std::vector<std::vector<int64_t>> heteroShapes = {
      {},     {0},    {1},    {2},     {3},    {4},    {6},
      {8},    {12},   {4, 6}, {6, 4},  {12, 2}, {2, 12}, {8, 8},
      {0, 6}, {6, 3}, {3, 4}, {4, 2, 6}};
  size_t variant = 0;
  for (const auto &shape : heteroShapes) {
    shapes.push_back(shape);
    size_t si = shapes.size() - 1;
    int64_t rank = static_cast<int64_t>(shape.size());
    int64_t maxTwo = rank <= 2 ? 4 : 2, maxThree = 2;
    std::vector<std::vector<std::vector<Axis>>> lists(5);
    for (int64_t n = 1; n <= 4; ++n)
      lists[n] = axisLists(n, rank);
    // Top-tier roles and weights; [2, 2], [4, 2] and [2, 2, 4] are not
    // reduced.
    auto tops = [&](size_t groups) {
      std::vector<std::pair<Role, std::vector<int64_t>>> out;
      std::vector<std::vector<int64_t>> ws =
          groups == 2 ? std::vector<std::vector<int64_t>>{{}, {1, 2}, {3, 1},
                                                           {2, 2}, {4, 2}}
                      : std::vector<std::vector<int64_t>>{
                            {}, {1, 2, 3}, {2, 1, 1}, {2, 2, 4}};
      for (int64_t k = 0; k < rank; ++k)
        for (const auto &w : ws)
          out.push_back({Role::split(k), w});
      out.push_back({Role::dup(), {}});
      out.push_back({Role::partial(), {}});
      return out;
    };
    auto emit = [&](const std::vector<int64_t> &groupSizes,
                    const std::vector<const std::vector<Axis> *> &axes) {
      int64_t total = 0;
      for (int64_t n : groupSizes)
        total += n;
      for (const auto &[role, w] : tops(groupSizes.size())) {
        // Device ids: consecutive, globally reversed or interleaved.
        std::vector<int64_t> ids = deviceOrders(total)[variant++ %
                                                       deviceOrders(total).size()];
        std::vector<Group> groups;
        int64_t next = 0;
        for (size_t g = 0; g < groupSizes.size(); ++g) {
          Group grp;
          for (int64_t i = 0; i < groupSizes[g]; ++i)
            grp.devices.push_back(ids[next++]);
          grp.axes = *axes[g];
          groups.push_back(std::move(grp));
        }
        consider(het(role, std::move(groups), w), si);
      }
    };
    for (int64_t a = 1; a <= maxTwo; ++a)
      for (int64_t b = 1; b <= maxTwo; ++b)
        for (const auto &la : lists[a])
          for (const auto &lb : lists[b])
            emit({a, b}, {&la, &lb});
    for (int64_t a = 1; a <= maxThree; ++a)
      for (int64_t b = 1; b <= maxThree; ++b)
        for (int64_t c = 1; c <= maxThree; ++c)
          for (const auto &la : lists[a])
            for (const auto &lb : lists[b])
              for (const auto &lc : lists[c])
                emit({a, b, c}, {&la, &lb, &lc});
  }

  // Equality: shardings of one shape with equal element-wise roles (and
  // device sets) must be equivalent, and those with different ones not.
  // Tensors without elements are left out: with no element to compare, the
  // definition (Semantics.md "Equality") says nothing about them beyond
  // the device set.
  std::stable_sort(checked.begin(), checked.end(),
                   [](const Checked &a, const Checked &b) {
                     return std::tie(a.shapeIndex, a.signature) <
                            std::tie(b.shapeIndex, b.signature);
                   });
  for (size_t i = 0; i < checked.size();) {
    size_t j = i;
    while (j < checked.size() && checked[j].shapeIndex == checked[i].shapeIndex &&
           checked[j].signature == checked[i].signature)
      ++j;
    const std::vector<int64_t> &shape = shapes[checked[i].shapeIndex];
    if (checked[i].nonEmpty) {
      Layout rep(checked[i].sharding, shape);
      std::optional<Layout> other;
      if (j < checked.size() && checked[j].shapeIndex == checked[i].shapeIndex)
        other.emplace(checked[j].sharding, shape);
      for (size_t k = i; k < j; ++k) {
        Layout l(checked[k].sharding, shape);
        res.equivalenceCalls += 2;
        if (!equivalent(l, rep) || !equivalent(rep, l))
          note(res.equivalenceMessages, res.equivalenceFailures,
               checked[k].sharding.str() + " and " + checked[i].sharding.str() +
                   " on " + shapeStr(shape) +
                   ": same elements in the same roles, but not equivalent");
        if (other && equivalent(l, *other))
          note(res.equivalenceMessages, res.equivalenceFailures,
               checked[k].sharding.str() + " and " + checked[j].sharding.str() +
                   " on " + shapeStr(shape) +
                   ": different roles, but equivalent");
        if (other)
          ++res.equivalenceCalls;
      }
    }
    i = j;
  }

  res.seconds = std::chrono::duration<double>(
                    std::chrono::steady_clock::now() - t0)
                    .count();
  std::cout << "[ brute force ] " << res.generated << " shardings generated, "
            << res.checked << " valid ones checked (" << res.heteroChecked
            << " heterogeneous, " << res.partialChecked << " with partial), "
            << res.elementsChecked << " elements, " << res.equivalenceCalls
            << " equivalent() calls, " << res.seconds << " s\n";
  return res;
}

const BruteForceResult &bruteForce() {
  static const BruteForceResult result = runBruteForce();
  return result;
}

std::string joinMessages(const std::vector<std::string> &messages) {
  std::string s;
  for (const std::string &m : messages)
    s += "\n  " + m;
  return s;
}

TEST(BruteForce, PlacementMatchesIndependentModel) {
  const BruteForceResult &r = bruteForce();
  RecordProperty("shardings_checked", static_cast<int>(r.checked));
  RecordProperty("elements_checked", static_cast<int>(r.elementsChecked));
  EXPECT_GT(r.checked, 10000u);
  EXPECT_GT(r.heteroChecked, 1000u);
  EXPECT_GT(r.partialChecked, 1000u);
  EXPECT_EQ(r.placementFailures, 0u) << joinMessages(r.placementMessages);
}

TEST(BruteForce, EquivalentMatchesElementwiseRoles) {
  const BruteForceResult &r = bruteForce();
  RecordProperty("equivalent_calls", static_cast<int>(r.equivalenceCalls));
  EXPECT_EQ(r.equivalenceFailures, 0u) << joinMessages(r.equivalenceMessages);
}

TEST(BruteForce, VerifyShapeMatchesDivisibilityRules) {
  // verifyShape must accept exactly the shardings whose sizes divide at each
  // tier (Semantics.md "Two tiers", weights reduced by their gcd).
  const BruteForceResult &r = bruteForce();
  EXPECT_EQ(r.validityMismatches, 0u)
      << r.validityMismatches << " mismatches (" << r.falselyRejected
      << " valid shardings rejected, " << r.falselyAccepted
      << " invalid ones accepted), first ones:"
      << joinMessages(r.validityMessages);
}

} // namespace
