//===- LoopSpaceTest.cpp - The loop-space algebra against the layout model ===//
//
// Hand-written cases for each operation (lift, project, merge, reduced,
// replicated) and property tests on random valid shardings: what the algebra
// computes from a sharding's structure must be what the layout model says
// the devices hold.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Layout/LoopSpace.h"
#include "../ShardingBuilders.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

using namespace hspmd::layout;

namespace {

using hspmd::layout::build::d;
using hspmd::layout::build::dup;
using hspmd::layout::build::grp;
using hspmd::layout::build::het;
using hspmd::layout::build::homo;
using hspmd::layout::build::partial;

/// A loop nest of `sizes` with the given reduction and blocked loops.
LoopNest nest(std::vector<int64_t> sizes, std::vector<bool> reductions = {},
              std::vector<bool> blocked = {}) {
  LoopNest n;
  n.loopSizes = sizes;
  n.reductionLoops = reductions.empty()
                         ? std::vector<bool>(sizes.size(), false)
                         : reductions;
  n.blockedLoops =
      blocked.empty() ? std::vector<bool>(sizes.size(), false) : blocked;
  return n;
}

bool valid(const Sharding &s, const std::vector<int64_t> &shape) {
  return !s.verifyStructure() && !s.verifyShape(shape);
}

//===----------------------------------------------------------------------===//
// Hand-written cases
//===----------------------------------------------------------------------===//

TEST(LoopSpace, MatmulContractedSplitGivesPartial) {
  // matmul loops (i, j, k), k a reduction; X(i, k) split on k over {0, 1}.
  LoopNest mm = nest({16, 64, 32}, {false, false, true});
  Sharding x = homo({0, 1}, {d(1, 2)});
  Sharding loops = lift(x, {0, 2}, mm);
  EXPECT_EQ(loops, homo({0, 1}, {d(2, 2)}));
  // W(k, j) lacks nothing of k: split on its dimension 0.
  EXPECT_EQ(project(loops, {2, 1}, mm, false), homo({0, 1}, {d(0, 2)}));
  // The result (i, j) lacks k, a reduction: partial.
  EXPECT_EQ(project(loops, {0, 1}, mm, true), homo({0, 1}, {partial(2)}));
  // An operand lacking it holds it whole.
  EXPECT_EQ(project(loops, {0, 1}, mm, false), homo({0, 1}, {dup(2)}));
}

TEST(LoopSpace, BlockedLoopsAndNoLoopDimensionsLiftToDup) {
  LoopNest n = nest({8, 4}, {}, {false, true});
  EXPECT_EQ(lift(homo({0, 1}, {d(1, 2)}), {0, 1}, n), homo({0, 1}, {dup(2)}));
  EXPECT_EQ(lift(homo({0, 1}, {d(0, 2)}), {kNoLoop, 1}, n),
            homo({0, 1}, {dup(2)}));
  EXPECT_EQ(lift(homo({0, 1}, {d(0, 2)}), {0, 1}, n), homo({0, 1}, {d(0, 2)}));
}

TEST(LoopSpace, ProjectionMergesAxesThatBecomeDup) {
  // (d0 = 2, d1 = 2, d2 = 2) projected onto a tensor following loop 1 only:
  // the two axes that become dup are put next to each other and merged, the
  // device list permuted so that every device keeps its block (block
  // (p / 2) % 2 of the original middle axis).
  LoopNest n = nest({4, 4, 4});
  Sharding loops = homo({0, 1, 2, 3, 4, 5, 6, 7}, {d(0, 2), d(1, 2), d(2, 2)});
  Sharding p = project(loops, {1}, n, false);
  EXPECT_EQ(p, homo({0, 2, 1, 3, 4, 6, 5, 7}, {dup(4), d(0, 2)}));
  Layout l(p, {4});
  for (int64_t dev = 0; dev < 8; ++dev)
    EXPECT_EQ(l.place(dev)->box[0].lo, 2 * ((dev / 2) % 2)) << dev;
}

TEST(LoopSpace, MergeRoles) {
  Role s0 = Role::split(0), s1 = Role::split(1);
  EXPECT_EQ(mergeRole(Role::dup(), s0, Linearity::None), s0);
  EXPECT_EQ(mergeRole(s0, Role::dup(), Linearity::None), s0);
  EXPECT_EQ(mergeRole(s0, s0, Linearity::None), s0);
  EXPECT_FALSE(mergeRole(s0, s1, Linearity::None));
  EXPECT_EQ(mergeRole(Role::partial(), Role::partial(), Linearity::Additive),
            Role::partial());
  EXPECT_FALSE(mergeRole(Role::partial(), Role::partial(), Linearity::None));
  EXPECT_FALSE(
      mergeRole(Role::partial(), Role::partial(), Linearity::Multiplicative));
  EXPECT_FALSE(mergeRole(Role::partial(), Role::dup(), Linearity::Additive));
}

TEST(LoopSpace, MergeNeedsTheSameGridAndAgreeingWeights) {
  Sharding a = homo({0, 1}, {d(0, 2)}), b = homo({0, 1}, {dup(2)});
  Sharding acc = b;
  EXPECT_TRUE(merge(acc, a, Linearity::None));
  EXPECT_EQ(acc, a);
  acc = a;
  EXPECT_FALSE(merge(acc, homo({1, 0}, {dup(2)}), Linearity::None));
  EXPECT_EQ(acc, a); // unchanged on failure
  // One loop split on two axes of a group is not a sharding.
  acc = homo({0, 1, 2, 3}, {d(0, 2), dup(2)});
  EXPECT_FALSE(merge(acc, homo({0, 1, 2, 3}, {dup(2), d(0, 2)}),
                     Linearity::None));
  Sharding w1, w2;
  w1.hetero = Role::split(0);
  w1.weights = {3, 1};
  w1.groups = {{{0}, {}}, {{1}, {}}};
  w2 = w1;
  w2.weights = {1, 1};
  acc = w1;
  EXPECT_FALSE(merge(acc, w2, Linearity::None));
  Sharding hdup = w1;
  hdup.hetero = Role::dup();
  hdup.weights.clear();
  acc = hdup;
  EXPECT_TRUE(merge(acc, w1, Linearity::None));
  EXPECT_EQ(acc.weights, w1.weights);
}

TEST(LoopSpace, ReplicatedOnDevices) {
  EXPECT_EQ(replicatedOn({3, 1, 2}), homo({1, 2, 3}, {dup(3)}));
  EXPECT_EQ(replicatedOn({5}), homo({5}, {}));
  EXPECT_EQ(replicated(homo({4, 0}, {d(0, 2)})), homo({0, 4}, {dup(2)}));
}

//===----------------------------------------------------------------------===//
// Properties on random shardings
//===----------------------------------------------------------------------===//

/// A random sharding of `shape` over some of devices 0..9 (both tiers, any
/// roles, weights), or nothing when the draw is not valid.
std::optional<Sharding> randomSharding(std::mt19937 &rng,
                                       const std::vector<int64_t> &shape,
                                       bool allowPartial) {
  auto pick = [&](int64_t n) {
    return std::uniform_int_distribution<int64_t>(0, n - 1)(rng);
  };
  std::vector<int64_t> ids(10);
  std::iota(ids.begin(), ids.end(), 0);
  std::shuffle(ids.begin(), ids.end(), rng);
  int64_t rank = static_cast<int64_t>(shape.size());
  auto randomRole = [&]() {
    int64_t r = pick(rank + (allowPartial ? 2 : 1));
    if (r < rank)
      return Role::split(r);
    return r == rank ? Role::dup() : Role::partial();
  };
  Sharding s;
  int64_t groups = 1 + pick(3);
  if (groups > 1) {
    s.hetero = randomRole();
    if (s.hetero->isSplit() && pick(2))
      for (int64_t g = 0; g < groups; ++g)
        s.weights.push_back(1 + pick(3));
  }
  size_t next = 0;
  for (int64_t g = 0; g < groups; ++g) {
    Group group;
    int64_t n = 1 + pick(8);
    if (next + n > ids.size())
      return std::nullopt;
    group.devices.assign(ids.begin() + next, ids.begin() + next + n);
    next += n;
    int64_t rest = n;
    while (rest > 1) {
      int64_t f = 2;
      while (rest % f)
        ++f;
      if (pick(2) && rest % (f * f) == 0)
        f *= f;
      group.axes.push_back({randomRole(), f});
      rest /= f;
    }
    s.groups.push_back(group);
  }
  if (!valid(s, shape))
    return std::nullopt;
  return s;
}

/// Draws `count` valid random shardings of `shape`.
std::vector<Sharding> draws(unsigned seed, const std::vector<int64_t> &shape,
                            bool allowPartial, int count) {
  std::mt19937 rng(seed);
  std::vector<Sharding> out;
  for (int tries = 0; static_cast<int>(out.size()) < count && tries < 200000;
       ++tries)
    if (std::optional<Sharding> s = randomSharding(rng, shape, allowPartial))
      out.push_back(*s);
  EXPECT_EQ(static_cast<int>(out.size()), count) << "too few valid draws";
  return out;
}

TEST(LoopSpaceProperty, CanonicalizingKeepsTheLayout) {
  std::vector<int64_t> shape{12, 8};
  for (const Sharding &s : draws(1, shape, true, 2000)) {
    Sharding c = mapRoles(s, [](Role r) { return r; });
    ASSERT_TRUE(valid(c, shape)) << s.str() << " -> " << c.str();
    EXPECT_TRUE(equivalent(Layout(s, shape), Layout(c, shape)))
        << s.str() << " -> " << c.str();
  }
}

TEST(LoopSpaceProperty, ProjectingOntoOneDimensionKeepsItsBlocks) {
  // A slice of the middle dimension of a rank-3 tensor: axes splitting the
  // other two become dup and are merged (the device list permuted), and
  // every device keeps its block of the middle dimension and its role.
  std::vector<int64_t> shape{4, 8, 2};
  LoopNest n = nest({4, 8, 2});
  for (const Sharding &s : draws(6, shape, true, 2000)) {
    Sharding p = project(lift(s, {0, 1, 2}, n), {1}, n, false);
    ASSERT_TRUE(valid(p, {8})) << s.str() << " -> " << p.str();
    Layout a(s, shape), b(p, {8});
    ASSERT_EQ(a.devices(), b.devices());
    for (int64_t dev : a.devices()) {
      Placement x = *a.place(dev), y = *b.place(dev);
      EXPECT_EQ(x.box[1], y.box[0]) << s.str() << " -> " << p.str();
      EXPECT_EQ(x.summand, y.summand) << s.str() << " -> " << p.str();
    }
  }
}

TEST(LoopSpaceProperty, TransposeMovesEveryBlock) {
  // A transpose (i, j) -> (j, i): lifting the input by (0, 1) and projecting
  // onto the output, whose dimensions follow loops (1, 0), gives every
  // device the transposed block in the same role.
  std::vector<int64_t> shape{12, 8}, transposed{8, 12};
  LoopNest n = nest({12, 8});
  for (const Sharding &s : draws(2, shape, true, 2000)) {
    Sharding t = project(lift(s, {0, 1}, n), {1, 0}, n, true);
    ASSERT_TRUE(valid(t, transposed)) << s.str() << " -> " << t.str();
    Layout a(s, shape), b(t, transposed);
    ASSERT_EQ(a.devices(), b.devices());
    for (int64_t dev : a.devices()) {
      Placement p = *a.place(dev), q = *b.place(dev);
      EXPECT_EQ(p.box[0], q.box[1]) << s.str() << " device " << dev;
      EXPECT_EQ(p.box[1], q.box[0]) << s.str() << " device " << dev;
      EXPECT_EQ(p.summand, q.summand) << s.str() << " device " << dev;
    }
  }
}

TEST(LoopSpaceProperty, ReducingASplitLoopGivesSummandsOfTheRest) {
  // A sum over dimension 1: loops (i, r), the result follows (i). Each
  // device's result block covers the rows of its input block, and it is a
  // summand exactly when the input was split along r or was partial.
  std::vector<int64_t> shape{12, 8};
  LoopNest n = nest({12, 8}, {false, true});
  for (const Sharding &s : draws(3, shape, false, 2000)) {
    Sharding r = project(lift(s, {0, 1}, n), {0}, n, true);
    ASSERT_TRUE(valid(r, {12})) << s.str() << " -> " << r.str();
    Layout a(s, shape), b(r, {12});
    for (int64_t dev : a.devices()) {
      Placement p = *a.place(dev), q = *b.place(dev);
      EXPECT_EQ(p.box[0], q.box[0]) << s.str() << " device " << dev;
      bool splitAlongR = p.box[1].hi - p.box[1].lo < 8;
      EXPECT_EQ(q.summand, splitAlongR) << s.str() << " -> " << r.str();
    }
  }
}

TEST(LoopSpaceProperty, ReducedHoldsTheSameBlocksAsValues) {
  std::vector<int64_t> shape{12, 8};
  for (const Sharding &s : draws(4, shape, true, 2000)) {
    Sharding r = reduced(s);
    ASSERT_TRUE(valid(r, shape)) << s.str() << " -> " << r.str();
    EXPECT_FALSE(r.hasPartial());
    Layout a(s, shape), b(r, shape);
    for (int64_t dev : a.devices()) {
      Placement p = *a.place(dev), q = *b.place(dev);
      EXPECT_FALSE(q.summand);
      EXPECT_EQ(p.box, q.box) << s.str() << " device " << dev;
    }
  }
}

TEST(LoopSpaceProperty, MergeWithReplicatedKeepsTheSplit) {
  // Merging a sharding with its own grid, every role dup, gives it back:
  // an operand held whole never forces a change on the other.
  std::vector<int64_t> shape{12, 8};
  for (const Sharding &s : draws(5, shape, false, 2000)) {
    Sharding c = mapRoles(s, [](Role r) { return r; });
    Sharding whole = mapRoles(c, [](Role) { return Role::dup(); });
    // Only grids that stay the same when every role is dup compare.
    if (whole.groups.size() != c.groups.size())
      continue;
    bool sameGrid = true;
    for (size_t g = 0; g < c.groups.size(); ++g)
      sameGrid &= whole.groups[g].axes.size() == c.groups[g].axes.size();
    if (!sameGrid)
      continue;
    Sharding acc = whole;
    if (merge(acc, c, Linearity::None)) {
      EXPECT_TRUE(equivalent(Layout(acc, shape), Layout(c, shape)))
          << s.str();
    }
  }
}

} // namespace
