//===- CheckerTest.cpp - Tests of the independent plan checker ------------===//
//
// Every plan below is written by hand from the rules of docs/Semantics.md
// ("Changing a placement") and the table of docs/Testing.md ("Conformance
// cases"), in global coordinates; none comes from the planner. Correct plans
// must be accepted for every seed; each mutation of a correct plan must be
// rejected with a message naming what went wrong.
//
// Build without CMake (from the repository root):
//   g++ -std=c++17 -O2 -Iinclude lib/Layout/Sharding.cpp lib/Plan/Checker.cpp
//       unittests/Plan/CheckerTest.cpp -lgtest -lgtest_main -pthread
//
//===----------------------------------------------------------------------===//

#include "hspmd/Plan/Checker.h"
#include "../ShardingBuilders.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace hspmd::layout;
using namespace hspmd::plan;

namespace {

using hspmd::layout::build::d;
using hspmd::layout::build::dup;
using hspmd::layout::build::grp;
using hspmd::layout::build::het;
using hspmd::layout::build::homo;
using hspmd::layout::build::partial;

//===----------------------------------------------------------------------===//
// Shardings
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

const std::vector<int64_t> k24x8 = {24, 8};
const std::vector<int64_t> k16x8 = {16, 8};
const std::vector<int64_t> k12x8 = {12, 8};

//===----------------------------------------------------------------------===//
// Plans
//===----------------------------------------------------------------------===//

Box box(std::vector<std::pair<int64_t, int64_t>> ranges) {
  Box b;
  for (auto [lo, hi] : ranges)
    b.push_back({lo, hi});
  return b;
}
/// Rows [lo, hi) of a tensor with `cols` columns.
Box rows(int64_t lo, int64_t hi, int64_t cols = 8) {
  return box({{lo, hi}, {0, cols}});
}

CollectiveGroup cg(std::vector<int64_t> devices, Box region) {
  return CollectiveGroup{std::move(devices), std::move(region)};
}

Step collective(StepKind kind, std::vector<CollectiveGroup> groups,
                int64_t dim = 0, int64_t concatDim = 0) {
  Step s;
  s.kind = kind;
  s.groups = std::move(groups);
  s.dim = dim;
  s.concatDim = concatDim;
  return s;
}
Step allReduce(std::vector<CollectiveGroup> groups) {
  return collective(StepKind::AllReduce, std::move(groups));
}
Step allGather(int64_t dim, std::vector<CollectiveGroup> groups) {
  return collective(StepKind::AllGather, std::move(groups), dim);
}
Step reduceScatter(int64_t dim, std::vector<CollectiveGroup> groups) {
  return collective(StepKind::ReduceScatter, std::move(groups), dim);
}
Step allToAll(int64_t dim, int64_t concatDim,
              std::vector<CollectiveGroup> groups) {
  return collective(StepKind::AllToAll, std::move(groups), dim, concatDim);
}

DeviceUpdate upd(int64_t device, Box b, std::vector<Box> localCopies = {}) {
  DeviceUpdate u;
  u.device = device;
  u.box = std::move(b);
  u.localCopies = std::move(localCopies);
  return u;
}
DeviceUpdate zeroUpd(int64_t device, Box b) {
  DeviceUpdate u = upd(device, std::move(b));
  u.keep = false;
  return u;
}

Step slice(std::vector<DeviceUpdate> updates) {
  Step s;
  s.kind = StepKind::Slice;
  s.updates = std::move(updates);
  return s;
}
Step keepOrZero(std::vector<DeviceUpdate> updates) {
  Step s = slice(std::move(updates));
  s.kind = StepKind::KeepOrZero;
  return s;
}

Transfer xfer(int64_t from, int64_t to, Box b) {
  return Transfer{from, to, std::move(b)};
}
Step sendRecv(std::vector<DeviceUpdate> updates,
              std::vector<Transfer> transfers, bool accumulate = false) {
  Step s;
  s.kind = StepKind::SendRecv;
  s.updates = std::move(updates);
  s.transfers = std::move(transfers);
  s.accumulate = accumulate;
  return s;
}

Plan plan(std::vector<Step> steps) {
  Plan p;
  p.steps = std::move(steps);
  return p;
}

//===----------------------------------------------------------------------===//
// Expectations
//===----------------------------------------------------------------------===//

constexpr uint64_t kSeeds = 20;

/// `p` must be accepted for seeds 1..20.
void expectAccepted(const Layout &src, const Layout &dst, const Plan &p) {
  for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
    std::optional<std::string> err = checkPlan(src, dst, p, seed);
    EXPECT_FALSE(err.has_value())
        << "seed " << seed << ": " << src.sharding().str() << " -> "
        << dst.sharding().str() << ": " << *err;
    if (err)
      return;
  }
}

/// `p` must be rejected (for every seed) with a message holding every one of
/// `parts`. Returns the message for seed 1.
std::string expectRejected(const Layout &src, const Layout &dst, const Plan &p,
                           std::initializer_list<const char *> parts) {
  std::string first;
  for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
    std::optional<std::string> err = checkPlan(src, dst, p, seed);
    EXPECT_TRUE(err.has_value()) << "seed " << seed << ": accepted";
    if (!err)
      return first;
    for (const char *part : parts)
      EXPECT_NE(err->find(part), std::string::npos)
          << "seed " << seed << ": message lacks \"" << part
          << "\": " << *err;
    if (seed == 1)
      first = *err;
  }
  return first;
}

//===----------------------------------------------------------------------===//
// Conformance cases (Testing.md "Conformance cases"), hand-built plans
//===----------------------------------------------------------------------===//

Layout c1Src() { return verified(homo({0, 1, 2, 3}, {d(0, 2), partial(2)}), k24x8); }
Layout c1Dst() { return verified(homo({0, 1, 2, 3}, {d(0, 2), dup(2)}), k24x8); }
Plan c1Plan() {
  return plan({allReduce({cg({0, 1}, rows(0, 12)), cg({2, 3}, rows(12, 24))})});
}

TEST(CheckerConformance, C1AllReduceInPairs) {
  expectAccepted(c1Src(), c1Dst(), c1Plan());
}

TEST(CheckerConformance, C2ReduceScatter) {
  Layout src = c1Src();
  Layout dst = verified(homo({0, 1, 2, 3}, {d(0, 4)}), k24x8);
  expectAccepted(
      src, dst,
      plan({reduceScatter(0, {cg({0, 1}, rows(0, 12)), cg({2, 3}, rows(12, 24))})}));
}

Layout c3Src() { return verified(homo({0, 1, 2, 3}, {d(0, 4)}), k24x8); }
Layout c3Dst() { return c1Dst(); }
Plan c3Plan() {
  return plan({allGather(0, {cg({0, 1}, rows(0, 12)), cg({2, 3}, rows(12, 24))})});
}

TEST(CheckerConformance, C3AllGather) { expectAccepted(c3Src(), c3Dst(), c3Plan()); }

Layout c4Src() { return verified(homo({0, 1, 2, 3}, {dup(4)}), k24x8); }
Layout c4Dst() { return verified(homo({0, 1, 2, 3}, {d(0, 4)}), k24x8); }
Plan c4Plan() {
  return plan({slice({upd(0, rows(0, 6)), upd(1, rows(6, 12)),
                      upd(2, rows(12, 18)), upd(3, rows(18, 24))})});
}

TEST(CheckerConformance, C4LocalSlice) { expectAccepted(c4Src(), c4Dst(), c4Plan()); }

TEST(CheckerConformance, C5LocalSliceAlongDim1) {
  Layout src = c1Dst();
  Layout dst = verified(homo({0, 1, 2, 3}, {d(0, 2), d(1, 2)}), k24x8);
  expectAccepted(src, dst,
                 plan({slice({upd(0, box({{0, 12}, {0, 4}})),
                              upd(1, box({{0, 12}, {4, 8}})),
                              upd(2, box({{12, 24}, {0, 4}})),
                              upd(3, box({{12, 24}, {4, 8}}))})}));
}

TEST(CheckerConformance, C6StageBoundary) {
  Layout src = c1Dst();
  Layout dst = verified(homo({4, 5, 6, 7}, {d(0, 2), dup(2)}), k24x8);
  expectAccepted(
      src, dst,
      plan({sendRecv({upd(4, rows(0, 12)), upd(5, rows(0, 12)),
                      upd(6, rows(12, 24)), upd(7, rows(12, 24))},
                     {xfer(0, 4, rows(0, 12)), xfer(1, 5, rows(0, 12)),
                      xfer(2, 6, rows(12, 24)), xfer(3, 7, rows(12, 24))})}));
}

TEST(CheckerConformance, C7AllReduceInsideGroups) {
  Layout src = verified(
      het(Role::split(0), {grp({0, 1, 2, 3}, {partial(4)}),
                           grp({4, 5}, {partial(2)}), grp({6}, {})}),
      k24x8);
  Layout dst = verified(het(Role::split(0), {grp({0, 1, 2, 3}, {dup(4)}),
                                             grp({4, 5}, {dup(2)}),
                                             grp({6}, {})}),
                        k24x8);
  expectAccepted(src, dst,
                 plan({allReduce({cg({0, 1, 2, 3}, rows(0, 8)),
                                  cg({4, 5}, rows(8, 16))})}));
}

Layout c8Src() {
  return verified(het(Role::partial(), {grp({0, 1, 2, 3}, {d(0, 4)}),
                                        grp({4, 5}, {d(0, 2)}), grp({6}, {})}),
                  k24x8);
}
Layout c8Dst() {
  return verified(het(Role::dup(), {grp({0, 1, 2, 3}, {d(0, 4)}),
                                    grp({4, 5}, {d(0, 2)}), grp({6}, {})}),
                  k24x8);
}
/// One all-reduce per quarter of dim 0, in quarter order; each is its own
/// step since 4, 5 and 6 take part in several.
std::vector<Step> c8Steps() {
  return {allReduce({cg({0, 4, 6}, rows(0, 6))}),
          allReduce({cg({1, 4, 6}, rows(6, 12))}),
          allReduce({cg({2, 5, 6}, rows(12, 18))}),
          allReduce({cg({3, 5, 6}, rows(18, 24))})};
}

TEST(CheckerConformance, C8CrossGroupAllReducePerQuarter) {
  expectAccepted(c8Src(), c8Dst(), plan(c8Steps()));
}

Layout c9Src() {
  return verified(
      het(Role::partial(), {grp({0, 1}, {d(0, 2)}), grp({2}, {})}), k16x8);
}
Layout c9Dst() {
  return verified(
      het(Role::split(0), {grp({0, 1}, {d(0, 2)}), grp({2}, {})}), k16x8);
}
/// 0 gets rows 0-3 from 2; 1 gets rows 4-7 from 0 and from 2; 2 gets rows
/// 8-15 from 1; each adds its own summand locally.
Plan c9Plan() {
  return plan({sendRecv({upd(0, rows(0, 4), {rows(0, 4)}), upd(1, rows(4, 8)),
                         upd(2, rows(8, 16), {rows(8, 16)})},
                        {xfer(2, 0, rows(0, 4)), xfer(0, 1, rows(4, 8)),
                         xfer(2, 1, rows(4, 8)), xfer(1, 2, rows(8, 16))},
                        /*accumulate=*/true)});
}

TEST(CheckerConformance, C9SummandsPointToPoint) {
  expectAccepted(c9Src(), c9Dst(), c9Plan());
}

TEST(CheckerConformance, C10Hierarchical) {
  Layout src = verified(
      het(Role::partial(), {grp({0, 1, 2, 3}, {partial(4)}),
                            grp({4, 5}, {partial(2)}), grp({6}, {})}),
      k24x8);
  Layout dst = verified(het(Role::dup(), {grp({0, 1, 2, 3}, {dup(4)}),
                                          grp({4, 5}, {dup(2)}), grp({6}, {})}),
                        k24x8);
  std::vector<Step> steps = {reduceScatter(
      0, {cg({0, 1, 2, 3}, rows(0, 24)), cg({4, 5}, rows(0, 24))})};
  for (Step &s : c8Steps())
    steps.push_back(s);
  steps.push_back(
      allGather(0, {cg({0, 1, 2, 3}, rows(0, 24)), cg({4, 5}, rows(0, 24))}));
  expectAccepted(src, dst, plan(steps));
}

Layout c11Src() { return c3Src(); }
Layout c11Dst() { return verified(homo({4, 5}, {d(0, 2)}), k24x8); }
Plan c11Plan() {
  return plan({sendRecv({upd(4, rows(0, 12)), upd(5, rows(12, 24))},
                        {xfer(0, 4, rows(0, 6)), xfer(1, 4, rows(6, 12)),
                         xfer(2, 5, rows(12, 18)), xfer(3, 5, rows(18, 24))})});
}

TEST(CheckerConformance, C11FourToTwoDevices) {
  expectAccepted(c11Src(), c11Dst(), c11Plan());
}

TEST(CheckerConformance, C12AllGather) {
  Layout dst = verified(homo({0, 1, 2, 3}, {dup(4)}), k24x8);
  expectAccepted(c3Src(), dst,
                 plan({allGather(0, {cg({0, 1, 2, 3}, rows(0, 24))})}));
}

TEST(CheckerConformance, C13FourWayToThreeWay) {
  Layout src = verified(homo({0, 1, 2, 3}, {d(0, 4)}), k12x8);
  Layout dst = verified(homo({0, 1, 2}, {d(0, 3)}), k12x8);
  // Grid of 12 one-row blocks; device 3 is not in the destination.
  expectAccepted(
      src, dst,
      plan({sendRecv({upd(0, rows(0, 4), {rows(0, 3)}),
                      upd(1, rows(4, 8), {rows(4, 6)}),
                      upd(2, rows(8, 12), {rows(8, 9)})},
                     {xfer(1, 0, rows(3, 4)), xfer(2, 1, rows(6, 7)),
                      xfer(2, 1, rows(7, 8)), xfer(3, 2, rows(9, 10)),
                      xfer(3, 2, rows(10, 11)), xfer(3, 2, rows(11, 12))})}));
}

Layout c14Src() {
  return verified(het(Role::split(0), {grp({0, 1}, {dup(2)}), grp({2}, {})},
                      {3, 1}),
                  k16x8);
}
Layout c14Dst() { return verified(homo({0, 1, 2}, {dup(3)}), k16x8); }
/// 2 sends rows 12-15 to 0 and to 1; 0 sends rows 0-3 and 8-11 to 2; 1 sends
/// rows 4-7 to 2.
Step c14Step() {
  return sendRecv({upd(0, rows(0, 16), {rows(0, 12)}),
                   upd(1, rows(0, 16), {rows(0, 12)}),
                   upd(2, rows(0, 16), {rows(12, 16)})},
                  {xfer(2, 0, rows(12, 16)), xfer(2, 1, rows(12, 16)),
                   xfer(0, 2, rows(0, 4)), xfer(1, 2, rows(4, 8)),
                   xfer(0, 2, rows(8, 12))});
}

TEST(CheckerConformance, C14Weighted) {
  expectAccepted(c14Src(), c14Dst(), plan({c14Step()}));
}

Layout c15Src() { return verified(homo({0, 1, 2, 3}, {partial(4)}), k24x8); }
Layout c15Dst() {
  return verified(homo({0, 1, 2, 3}, {dup(2), partial(2)}), k24x8);
}

TEST(CheckerConformance, C15FactoredPartialAxis) {
  // Destination classes: 0 and 2 hold class 0, 1 and 3 class 1.
  expectAccepted(c15Src(), c15Dst(),
                 plan({allReduce({cg({0, 2}, rows(0, 24)),
                                  cg({1, 3}, rows(0, 24))})}));
}

//===----------------------------------------------------------------------===//
// Other accepted plans: remaining step kinds, ranks 0 and 3, empty tensors
//===----------------------------------------------------------------------===//

TEST(CheckerAccepted, EmptyPlanForEqualShardings) {
  // Semantics.md "Equality": equal shardings written differently.
  Layout a = verified(homo({0, 1, 2, 3}, {d(0, 2), dup(2)}), k24x8);
  Layout b = verified(homo({0, 2, 1, 3}, {dup(2), d(0, 2)}), k24x8);
  ASSERT_TRUE(equivalent(a, b));
  expectAccepted(a, b, plan({}));
  // A partial layout equal to itself: the summands are already right.
  expectAccepted(c15Src(), c15Src(), plan({}));
  expectAccepted(c8Src(), c8Src(), plan({}));
}

TEST(CheckerAccepted, AllToAllRowsToColumns) {
  Layout src = verified(homo({0, 1}, {d(0, 2)}), k24x8);
  Layout dst = verified(homo({0, 1}, {d(1, 2)}), k24x8);
  expectAccepted(src, dst, plan({allToAll(1, 0, {cg({0, 1}, rows(0, 24))})}));
}

TEST(CheckerAccepted, AllToAllRank3) {
  std::vector<int64_t> shape = {4, 6, 9};
  Layout src = verified(homo({0, 1, 2, 3, 4, 5}, {d(0, 2), d(2, 3)}), shape);
  Layout dst = verified(homo({0, 1, 2, 3, 4, 5}, {d(0, 2), d(1, 3)}), shape);
  // Within each row half, the three devices move from a split of dim 2 to a
  // split of dim 1.
  expectAccepted(src, dst,
                 plan({allToAll(1, 2,
                                {cg({0, 1, 2}, box({{0, 2}, {0, 6}, {0, 9}})),
                                 cg({3, 4, 5}, box({{2, 4}, {0, 6}, {0, 9}}))})}));
}

TEST(CheckerAccepted, KeepOrZeroValueToPartial) {
  Layout src = verified(homo({0, 1}, {dup(2)}), k24x8);
  Layout dst = verified(homo({0, 1}, {partial(2)}), k24x8);
  expectAccepted(src, dst,
                 plan({keepOrZero({upd(0, rows(0, 24)), zeroUpd(1, rows(0, 24))})}));
}

TEST(CheckerAccepted, KeepOrZeroNeedsNoBufferToZero) {
  // Device 1 holds nothing before; it starts with zeros, device 0 keeps the
  // value (it is named in no update).
  Layout src = verified(homo({0}, {}), k24x8);
  Layout dst = verified(homo({0, 1}, {partial(2)}), k24x8);
  expectAccepted(src, dst, plan({keepOrZero({zeroUpd(1, rows(0, 24))})}));
}

TEST(CheckerAccepted, RankZero) {
  std::vector<int64_t> scalar = {};
  Layout src = verified(homo({0, 1}, {partial(2)}), scalar);
  Layout dup2 = verified(homo({0, 1}, {dup(2)}), scalar);
  Layout on0 = verified(homo({0}, {}), scalar);
  expectAccepted(src, dup2, plan({allReduce({cg({0, 1}, Box{})})}));
  expectAccepted(src, on0,
                 plan({sendRecv({upd(0, Box{}, {Box{}})}, {xfer(1, 0, Box{})},
                                /*accumulate=*/true)}));
  expectRejected(src, dup2, plan({}), {"final state: device 0 holds"});
}

TEST(CheckerAccepted, EmptyDimension) {
  std::vector<int64_t> shape = {0, 8};
  Layout src = verified(homo({0, 1}, {d(0, 2)}), shape);
  Layout dst = verified(homo({0, 1}, {dup(2)}), shape);
  expectAccepted(src, dst, plan({allGather(0, {cg({0, 1}, rows(0, 0))})}));
}

TEST(CheckerAccepted, DupOfPartialsAllReduceInPairs) {
  Layout src = verified(homo({0, 1, 2, 3}, {dup(2), partial(2)}), k24x8);
  Layout dst = verified(homo({0, 1, 2, 3}, {dup(4)}), k24x8);
  expectAccepted(src, dst,
                 plan({allReduce({cg({0, 1}, rows(0, 24)),
                                  cg({2, 3}, rows(0, 24))})}));
}

//===----------------------------------------------------------------------===//
// Rejected plans: the mutations of the brief
//===----------------------------------------------------------------------===//

TEST(CheckerRejected, MissingTransfer) {
  Plan p = c11Plan();
  p.steps[0].transfers.pop_back(); // 3 -> 5, rows 18-23
  expectRejected(c11Src(), c11Dst(), p,
                 {"final state: device 5 holds 0 at element (18, 0)",
                  "true value"});
}

TEST(CheckerRejected, DuplicatedSummand) {
  // Devices 0 and 2 hold the same summand class (as do 1 and 3): an
  // all-reduce over all four adds each summand twice.
  Layout src = verified(homo({0, 1, 2, 3}, {dup(2), partial(2)}), k24x8);
  Layout dst = verified(homo({0, 1, 2, 3}, {dup(4)}), k24x8);
  expectRejected(src, dst, plan({allReduce({cg({0, 1, 2, 3}, rows(0, 24))})}),
                 {"final state: device 0 holds", "at element (0, 0)",
                  "true value"});
  // The same summand received twice in a point-to-point plan (C9, 2 -> 1).
  Plan p = c9Plan();
  p.steps[0].transfers.push_back(xfer(2, 1, rows(4, 8)));
  expectRejected(c9Src(), c9Dst(), p,
                 {"final state: device 1 holds", "at element (4, 0)"});
}

TEST(CheckerRejected, TransferReadsOutsideSenderBuffer) {
  Plan p = c11Plan();
  p.steps[0].transfers[0].box = rows(0, 12); // device 0 holds rows 0-5 only
  expectRejected(c11Src(), c11Dst(), p,
                 {"step 0 (SendRecv), transfer 0 (device 0 -> device 4)",
                  "[0,12)x[0,8) is not inside the sender's buffer [0,6)x[0,8)"});
}

TEST(CheckerRejected, WrongFinalBox) {
  Plan p = c4Plan();
  p.steps[0].updates[3].box = rows(12, 18);
  expectRejected(c4Src(), c4Dst(), p,
                 {"final state: device 3 holds box [12,18)x[0,8) but its "
                  "destination box is [18,24)x[0,8)"});
}

TEST(CheckerRejected, GroupMemberDoesNotHoldRegion) {
  // All-gather: group {2, 3} over rows 0-11; device 2 holds rows 12-17.
  Plan p = c3Plan();
  p.steps[0].groups[1].region = rows(0, 12);
  expectRejected(c3Src(), c3Dst(), p,
                 {"step 0 (AllGather), group 1, device 2: does not hold its "
                  "block 0 of the region along dim 0 [0,6)x[0,8)",
                  "its buffer is [12,18)x[0,8)"});
  // All-reduce: {0, 2} over rows 0-11; device 2 holds rows 12-23.
  expectRejected(c1Src(), c1Dst(),
                 plan({allReduce({cg({0, 2}, rows(0, 12))})}),
                 {"step 0 (AllReduce), group 0, device 2: does not hold the "
                  "region [0,12)x[0,8)"});
}

TEST(CheckerRejected, PartialLeftUnreduced) {
  // C8 without its last all-reduce: rows 18-23 stay summands on 3, 5 and 6.
  std::vector<Step> steps = c8Steps();
  steps.pop_back();
  expectRejected(c8Src(), c8Dst(), plan(steps),
                 {"final state: device 3 holds", "at element (18, 0)"});
  // C1 with no step: boxes are right, but 0 holds a summand, not the value.
  expectRejected(c1Src(), c1Dst(), plan({}),
                 {"final state: device 0 holds", "at element (0, 0)"});
}

TEST(CheckerRejected, ZeroStepPlanForDifferentShardings) {
  expectRejected(c3Src(), c3Dst(), plan({}),
                 {"final state: device 0 holds box [0,6)x[0,8) but its "
                  "destination box is [0,12)x[0,8)"});
}

//===----------------------------------------------------------------------===//
// Rejected plans: other preconditions
//===----------------------------------------------------------------------===//

TEST(CheckerRejected, DeviceInTwoGroupsOfOneStep) {
  // C8's four all-reduces fused into one step: 4, 5 and 6 repeat.
  Step fused = allReduce({});
  for (Step &s : c8Steps())
    fused.groups.push_back(s.groups[0]);
  expectRejected(c8Src(), c8Dst(), plan({fused}),
                 {"step 0 (AllReduce), group 1: device 4 appears in more "
                  "than one place"});
}

TEST(CheckerRejected, DeviceTwiceInUpdates) {
  Plan p = c4Plan();
  p.steps[0].updates.push_back(upd(0, rows(0, 6)));
  expectRejected(c4Src(), c4Dst(), p,
                 {"step 0 (Slice): device 0 appears more than once"});
  Plan q = c11Plan();
  q.steps[0].updates.push_back(upd(4, rows(0, 12)));
  expectRejected(c11Src(), c11Dst(), q,
                 {"step 0 (SendRecv): device 4 appears more than once"});
}

TEST(CheckerRejected, SliceOutsideBuffer) {
  Plan p = c4Plan();
  p.steps.push_back(slice({upd(2, rows(0, 6))}));
  expectRejected(c4Src(), c4Dst(), p,
                 {"step 1 (Slice), device 2: keeps box [0,6)x[0,8) which is "
                  "not inside its buffer [12,18)x[0,8)"});
  expectRejected(c4Src(), c4Dst(), plan({slice({upd(7, rows(0, 6))})}),
                 {"step 0 (Slice), device 7", "holds no buffer"});
}

TEST(CheckerRejected, TransferReceiverNotUpdated) {
  Plan p = c11Plan();
  p.steps[0].transfers.push_back(xfer(0, 6, rows(0, 6)));
  expectRejected(c11Src(), c11Dst(), p,
                 {"transfer 4 (device 0 -> device 6)",
                  "receiver 6 has no entry in the step's updates"});
}

TEST(CheckerRejected, TransferOutsideReceiverBox) {
  Plan p = c11Plan();
  p.steps[0].transfers[2].to = 4; // rows 12-17 into 4's rows 0-11
  expectRejected(c11Src(), c11Dst(), p,
                 {"transfer 2 (device 2 -> device 4)",
                  "not inside the receiver's new box [0,12)x[0,8)"});
}

TEST(CheckerRejected, LocalCopyOutsideOldOrNewBox) {
  Plan p = c9Plan();
  p.steps[0].updates[0].localCopies[0] = rows(0, 10); // 0 holds rows 0-7
  expectRejected(c9Src(), c9Dst(), p,
                 {"step 0 (SendRecv), device 0: local copy 0 [0,10)x[0,8) is "
                  "not inside its old buffer [0,8)x[0,8)"});
  Plan q = c9Plan();
  q.steps[0].updates[0].localCopies[0] = rows(0, 8); // new box rows 0-3
  expectRejected(c9Src(), c9Dst(), q,
                 {"local copy 0 [0,8)x[0,8) is not inside its new box "
                  "[0,4)x[0,8)"});
  Plan r = c11Plan();
  r.steps[0].updates[0].localCopies.push_back(rows(0, 6)); // 4 holds nothing
  expectRejected(c11Src(), c11Dst(), r,
                 {"device 4: local copy 0", "it holds no buffer"});
}

TEST(CheckerRejected, OverlapWithoutAccumulate) {
  // 2 receives rows 0-3 from 0 and again from 1.
  Step s = c14Step();
  s.transfers.push_back(xfer(1, 2, rows(0, 4)));
  expectRejected(c14Src(), c14Dst(), plan({s}),
                 {"step 0 (SendRecv), device 2: element (0, 0) is written "
                  "twice (transfer 5 from device 1"});
  // Accumulating, the rows are added twice: a wrong value.
  s.accumulate = true;
  expectRejected(c14Src(), c14Dst(), plan({s}),
                 {"final state: device 2 holds", "at element (0, 0)"});
}

TEST(CheckerRejected, RegionNotDivisible) {
  expectRejected(c3Src(), c3Dst(),
                 plan({allGather(0, {cg({0, 1}, rows(0, 11))})}),
                 {"group 0: region [0,11)x[0,8) of size 11 along dim 0 "
                  "cannot be cut into 2 equal blocks"});
  Layout src = verified(homo({0, 1}, {d(0, 2)}), k24x8);
  Layout dst = verified(homo({0, 1}, {d(1, 2)}), k24x8);
  expectRejected(src, dst,
                 plan({allToAll(1, 0, {cg({0, 1}, rows(0, 24, 7))})}),
                 {"cannot be cut into 2 equal blocks"});
}

TEST(CheckerRejected, AllToAllWrongConcatDim) {
  Layout src = verified(homo({0, 1}, {d(0, 2)}), k24x8);
  Layout dst = verified(homo({0, 1}, {d(1, 2)}), k24x8);
  // Swapped dims: member 0 would need columns 0-3 of every row.
  expectRejected(src, dst, plan({allToAll(0, 1, {cg({0, 1}, rows(0, 24))})}),
                 {"step 0 (AllToAll), group 0, device 0: does not hold its "
                  "block 0 of the region along concatDim 1 [0,24)x[0,4)"});
}

TEST(CheckerRejected, ReplicasDiffer) {
  // Reducing {0,1} and {2,3} gives 0 and 2 (replicas of class 0) different
  // partial sums.
  expectRejected(c15Src(), c15Dst(),
                 plan({allReduce({cg({0, 1}, rows(0, 24)),
                                  cg({2, 3}, rows(0, 24))})}),
                 {"final state: devices 0 and 2 are replicas (decomposition 0, "
                  "summand class (0)) but hold different values at element "
                  "(0, 0)"});
}

TEST(CheckerRejected, SummandsDoNotAddUp) {
  // Both summand holders end with the full value: twice the value in total.
  Layout p2 = verified(homo({0, 1}, {partial(2)}), k24x8);
  expectRejected(p2, p2, plan({allReduce({cg({0, 1}, rows(0, 24))})}),
                 {"final state: the summands at element (0, 0) of "
                  "decomposition 0 (held by devices 0, 1, one per summand "
                  "class) add up to"});
  // Hetero dup of partial groups: each group's decomposition is checked.
  Layout hd = verified(het(Role::dup(), {grp({0, 1}, {partial(2)}),
                                         grp({2, 3}, {partial(2)})}),
                       k24x8);
  expectAccepted(hd, hd, plan({}));
  expectRejected(hd, hd, plan({allReduce({cg({2, 3}, rows(0, 24))})}),
                 {"of decomposition 1 (held by devices 2, 3"});
}

TEST(CheckerRejected, MalformedSteps) {
  expectRejected(c3Src(), c3Dst(),
                 plan({allGather(2, {cg({0, 1}, rows(0, 12))})}),
                 {"step 0 (AllGather): dim 2 is out of range for a rank-2 "
                  "tensor"});
  expectRejected(c4Src(), c4Dst(), plan({slice({upd(0, box({{0, 6}}))})}),
                 {"step 0 (Slice), device 0: box [0,6) has rank 1 but the "
                  "tensor has rank 2"});
  expectRejected(c4Src(), c4Dst(), plan({slice({upd(0, rows(0, 30))})}),
                 {"is not inside the tensor [0,24)x[0,8)"});
  expectRejected(c3Src(), c3Dst(), plan({allGather(0, {cg({}, rows(0, 12))})}),
                 {"group 0: has no members"});
  Step withUpdates = c3Plan().steps[0];
  withUpdates.updates.push_back(upd(0, rows(0, 12)));
  expectRejected(c3Src(), c3Dst(), plan({withUpdates}),
                 {"a collective has no device updates"});
  Layout other = verified(homo({0, 1}, {d(0, 2)}), k16x8);
  expectRejected(c3Src(), other, plan({}), {"different shapes"});
}

//===----------------------------------------------------------------------===//
// Seeds
//===----------------------------------------------------------------------===//

TEST(CheckerSeeds, ValuesDependOnTheSeed) {
  // Every accepted plan above is checked for seeds 1..20. Here, the values a
  // wrong plan is caught with differ from seed to seed, and repeat for one
  // seed.
  Plan p = c11Plan();
  p.steps[0].transfers.pop_back();
  std::set<std::string> messages;
  for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
    std::optional<std::string> err = checkPlan(c11Src(), c11Dst(), p, seed);
    ASSERT_TRUE(err.has_value());
    EXPECT_EQ(*err, *checkPlan(c11Src(), c11Dst(), p, seed));
    messages.insert(*err);
  }
  EXPECT_EQ(messages.size(), kSeeds);
  // Summands depend on the seed too: the unreduced C1 value differs.
  std::set<std::string> partials;
  for (uint64_t seed = 1; seed <= kSeeds; ++seed)
    partials.insert(*checkPlan(c1Src(), c1Dst(), plan({}), seed));
  EXPECT_EQ(partials.size(), kSeeds);
}

//===----------------------------------------------------------------------===//
// Size: the checker runs on benchmark-sized tensors
//===----------------------------------------------------------------------===//

TEST(CheckerSize, MillionElements) {
  std::vector<int64_t> shape = {1024, 1024};
  auto start = std::chrono::steady_clock::now();
  // hetero = partial over 8 devices to hetero = dup, via C8-style all-reduces.
  Layout src = verified(het(Role::partial(), {grp({0, 1, 2, 3}, {d(0, 4)}),
                                              grp({4, 5, 6, 7}, {d(0, 4)})}),
                        shape);
  Layout dst = verified(het(Role::dup(), {grp({0, 1, 2, 3}, {d(0, 4)}),
                                          grp({4, 5, 6, 7}, {d(0, 4)})}),
                        shape);
  Plan p = plan({allReduce({cg({0, 4}, rows(0, 256, 1024)),
                            cg({1, 5}, rows(256, 512, 1024)),
                            cg({2, 6}, rows(512, 768, 1024)),
                            cg({3, 7}, rows(768, 1024, 1024))})});
  EXPECT_FALSE(checkPlan(src, dst, p).has_value());
  // Rows split 8 ways to columns split 8 ways.
  std::vector<int64_t> all = {0, 1, 2, 3, 4, 5, 6, 7};
  Layout r8 = verified(homo(all, {d(0, 8)}), shape);
  Layout c8 = verified(homo(all, {d(1, 8)}), shape);
  EXPECT_FALSE(
      checkPlan(r8, c8, plan({allToAll(1, 0, {cg(all, rows(0, 1024, 1024))})}))
          .has_value());
  double seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  std::cout << "two checks of 2^20-element tensors over 8 devices: " << seconds
            << " s\n";
  EXPECT_LT(seconds, 20.0);
}

} // namespace
