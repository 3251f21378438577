//===- ElasticTest.cpp - What leaving devices take with them --------------===//
//
// lostWithout: the parts of a tensor that the remaining devices cannot
// rebuild, worked out by hand for splits, replicas, uneven groups and
// summands.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Layout/Sharding.h"
#include "../ShardingBuilders.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

using namespace hspmd::layout;
using namespace hspmd::layout::build;

namespace {

std::vector<Box> lost(const Sharding &s, std::vector<int64_t> shape,
                      std::set<int64_t> removed) {
  EXPECT_FALSE(s.verifyStructure());
  EXPECT_FALSE(s.verifyShape(shape));
  Layout l(s, shape);
  return lostWithout(l, [&](int64_t d) { return !removed.count(d); });
}

Box rows(int64_t lo, int64_t hi, int64_t cols) {
  return Box{Range{lo, hi}, Range{0, cols}};
}

TEST(Elastic, NothingRemovedLosesNothing) {
  EXPECT_TRUE(lost(homo({0, 1, 2, 3}, {d(0, 4)}), {16, 4}, {}).empty());
}

TEST(Elastic, SplitLosesTheBlockOfTheRemovedDevice) {
  std::vector<Box> l =
      lost(homo({0, 1, 2, 3, 4, 5, 6, 7}, {d(0, 8)}), {16, 4}, {7});
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0], rows(14, 16, 4));
  // Two neighbours: their blocks merge into one box; two apart stay two.
  l = lost(homo({0, 1, 2, 3, 4, 5, 6, 7}, {d(0, 8)}), {16, 4}, {2, 3});
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0], rows(4, 8, 4));
  l = lost(homo({0, 1, 2, 3, 4, 5, 6, 7}, {d(1, 4), d(0, 2)}), {4, 8},
           {0, 7});
  ASSERT_EQ(l.size(), 2u);
  EXPECT_EQ(l[0], (Box{Range{0, 2}, Range{0, 2}}));
  EXPECT_EQ(l[1], (Box{Range{2, 4}, Range{6, 8}}));
}

TEST(Elastic, AReplicaStandsIn) {
  Sharding s = homo({0, 1, 2, 3, 4, 5, 6, 7}, {d(0, 4), build::dup(2)});
  EXPECT_TRUE(lost(s, {16, 4}, {7}).empty());
  std::vector<Box> l = lost(s, {16, 4}, {6, 7});
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0], rows(12, 16, 4));
}

TEST(Elastic, UnevenGroupsSplittingTheBatch) {
  // 56 rows in shares 4:2:1: the single device holds rows 48-55 alone.
  Sharding s = het(Role::split(0),
                   {grp({0, 1, 2, 3}, {build::dup(4)}), grp({4, 5}, {build::dup(2)}),
                    grp({6}, {})},
                   {4, 2, 1});
  std::vector<Box> l = lost(s, {56, 32}, {6});
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0], rows(48, 56, 32));
  EXPECT_TRUE(lost(s, {56, 32}, {3, 5}).empty());
}

TEST(Elastic, GroupsEachHoldingTheWhole) {
  // hetero = dup: each group holds the whole, split its own way.
  Sharding s = het(Role::dup(),
                   {grp({0, 1, 2, 3}, {d(1, 4)}), grp({4, 5}, {d(1, 2)}),
                    grp({6}, {})});
  EXPECT_TRUE(lost(s, {32, 64}, {6}).empty());
  EXPECT_TRUE(lost(s, {32, 64}, {0, 6}).empty());
  // Columns 0-15 were on 0, 4 and 6 only.
  std::vector<Box> l = lost(s, {32, 64}, {0, 4, 6});
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0], (Box{Range{0, 32}, Range{0, 16}}));
}

TEST(Elastic, SummandsAreAllNeeded) {
  // A partial value needs every summand: losing one loses the whole.
  std::vector<Box> l = lost(homo({0, 1}, {partial(2)}), {4, 4}, {1});
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0], rows(0, 4, 4));
  // A replica of a summand stands in for it.
  Sharding s = homo({0, 1, 2, 3}, {partial(2), build::dup(2)});
  EXPECT_TRUE(lost(s, {4, 4}, {1}).empty());
  EXPECT_TRUE(lost(s, {4, 4}, {1, 2}).empty());
  EXPECT_EQ(lost(s, {4, 4}, {0, 1}).size(), 1u);
  // Another group holding the value whole saves it.
  Sharding h = het(Role::dup(), {grp({0, 1}, {partial(2)}), grp({2}, {})});
  EXPECT_TRUE(lost(h, {4, 4}, {1}).empty());
  EXPECT_EQ(lost(h, {4, 4}, {1, 2}).size(), 1u);
}

TEST(Elastic, ZeroSizeLosesNothing) {
  EXPECT_TRUE(lost(homo({0, 1}, {d(0, 2)}), {0, 4}, {0, 1}).empty());
}

} // namespace
