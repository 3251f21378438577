//===- DeviceListTest.cpp - Device lists stored as runs ------------------===//
//
// A DeviceList must read exactly like the vector of ids it stands for, while
// storing maximal runs of consecutive ids; a Layout looks devices up through
// the runs. Checked against the plain vector on random lists.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Layout/Sharding.h"

#include <gtest/gtest.h>

#include <random>

using namespace hspmd::layout;

namespace {

TEST(DeviceList, RunsAreMaximal) {
  DeviceList l{0, 1, 2, 3, 7, 8, 5, 6, 9};
  ASSERT_EQ(l.getRuns().size(), 4u);
  EXPECT_EQ(l.getRuns()[0], (DeviceList::Run{0, 4}));
  EXPECT_EQ(l.getRuns()[1], (DeviceList::Run{7, 2}));
  EXPECT_EQ(l.getRuns()[2], (DeviceList::Run{5, 2}));
  EXPECT_EQ(l.getRuns()[3], (DeviceList::Run{9, 1}));
  DeviceList r;
  r.appendRun(0, 4096);
  r.appendRun(4096, 4096);
  ASSERT_EQ(r.getRuns().size(), 1u);
  EXPECT_EQ(r.size(), 8192u);
  EXPECT_EQ(r[8191], 8191);
  EXPECT_EQ(r.position(5000), 5000);
  EXPECT_EQ(r.position(8192), -1);
}

TEST(DeviceList, ReadsLikeItsVector) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<int64_t> ids;
    int64_t next = static_cast<int64_t>(rng() % 5);
    int n = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      ids.push_back(next);
      // Mostly consecutive, sometimes a jump forward or backward.
      switch (rng() % 4) {
      case 0:
        next += 2 + static_cast<int64_t>(rng() % 5);
        break;
      case 1:
        next = static_cast<int64_t>(rng() % 100);
        break;
      default:
        ++next;
      }
    }
    DeviceList l(ids);
    ASSERT_EQ(l.size(), ids.size());
    ASSERT_EQ(l.vec(), ids);
    ASSERT_TRUE(l == ids);
    ASSERT_EQ(l.front(), ids.front());
    ASSERT_EQ(l.back(), ids.back());
    for (size_t i = 0; i < ids.size(); ++i)
      ASSERT_EQ(l[i], ids[i]) << "trial " << trial << " index " << i;
    std::vector<int64_t> walked(l.begin(), l.end());
    ASSERT_EQ(walked, ids);
    for (int64_t d = 0; d < 110; ++d) {
      auto it = std::find(ids.begin(), ids.end(), d);
      int64_t want = it == ids.end() ? -1 : it - ids.begin();
      ASSERT_EQ(l.position(d), want) << "trial " << trial << " id " << d;
    }
    // Runs are maximal, so equal lists have equal runs.
    for (size_t k = 1; k < l.getRuns().size(); ++k)
      ASSERT_NE(l.getRuns()[k - 1].last() + 1, l.getRuns()[k].first);
    DeviceList copy;
    copy.assign(ids.begin(), ids.end());
    ASSERT_TRUE(copy == l);
    std::vector<int64_t> other = ids;
    other.back() += 1000;
    ASSERT_FALSE(DeviceList(other) == l);
    ASSERT_EQ(DeviceList(other) < l, other < ids);
  }
}

/// A Layout finds every device through the runs, in any group order.
TEST(DeviceList, LayoutLooksUpByRuns) {
  Sharding s;
  s.hetero = Role::split(0);
  Group a, b;
  a.devices.appendRun(100, 8);
  a.devices.appendRun(3, 8);
  a.axes = {{Role::split(1), 16}};
  b.devices.appendRun(50, 4);
  b.axes = {{Role::dup(), 4}};
  s.groups = {a, b};
  ASSERT_FALSE(s.verifyStructure());
  Layout l(s, {8, 32});
  std::vector<int64_t> all;
  for (int64_t d = 3; d < 11; ++d)
    all.push_back(d);
  for (int64_t d = 50; d < 54; ++d)
    all.push_back(d);
  for (int64_t d = 100; d < 108; ++d)
    all.push_back(d);
  EXPECT_EQ(l.devices(), all);
  EXPECT_EQ(l.numDevices(), all.size());
  for (int64_t d = 0; d < 120; ++d) {
    bool listed = std::find(all.begin(), all.end(), d) != all.end();
    ASSERT_EQ(l.holds(d), listed) << d;
  }
  // Device 3 is position 8 of group 0: the ninth column block of 2.
  std::optional<Placement> p = l.place(3);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->group, 0);
  EXPECT_EQ(p->position, 8);
  EXPECT_EQ(p->box[1].lo, 16);
  EXPECT_EQ(p->box[1].hi, 18);
  EXPECT_EQ(l.place(52)->position, 2);
  // Overlapping runs are rejected, naming the repeated id.
  Sharding bad = s;
  bad.groups[1].devices.appendRun(9, 1);
  bad.groups[1].axes = {{Role::dup(), 5}};
  std::optional<std::string> err = bad.verifyStructure();
  ASSERT_TRUE(err);
  EXPECT_NE(err->find("device 9 appears more than once"), std::string::npos)
      << *err;
}

} // namespace

namespace {

/// isKeeper answers what place()->keeper says, on shardings with partial
/// axes at every position and at the top tier, and device lists in several
/// runs.
TEST(DeviceList, IsKeeperAgreesWithPlace) {
  auto group = [](std::vector<int64_t> ids, std::vector<Axis> axes) {
    Group g;
    g.devices = ids;
    g.axes = std::move(axes);
    return g;
  };
  std::vector<Sharding> cases;
  for (auto axes : std::vector<std::vector<Axis>>{
           {{Role::dup(), 2}, {Role::split(0), 2}, {Role::partial(), 2}},
           {{Role::partial(), 2}, {Role::split(0), 2}, {Role::dup(), 2}},
           {{Role::split(1), 2}, {Role::partial(), 4}},
           {{Role::dup(), 2}, {Role::partial(), 2}, {Role::split(0), 2}},
           {{Role::split(0), 8}}}) {
    Sharding s;
    s.groups.push_back(group({9, 10, 11, 0, 1, 2, 3, 20}, axes));
    cases.push_back(s);
  }
  Sharding het;
  het.hetero = Role::partial();
  het.groups.push_back(group({4, 5}, {{Role::partial(), 2}}));
  het.groups.push_back(group({7, 8, 0, 1}, {{Role::split(0), 2}, {Role::partial(), 2}}));
  cases.push_back(het);
  for (const Sharding &s : cases) {
    ASSERT_FALSE(s.verifyStructure()) << s.str();
    Layout l(s, {8, 8});
    for (int64_t d = 0; d < 24; ++d) {
      std::optional<Placement> p = l.place(d);
      EXPECT_EQ(l.isKeeper(d), p && p->keeper) << s.str() << " device " << d;
    }
  }
}

} // namespace
