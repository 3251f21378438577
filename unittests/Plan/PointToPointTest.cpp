//===- PointToPointTest.cpp - The point-to-point planner at scale ---------===//
//
// Case 6 of Semantics.md "Changing a placement" read literally walks every cell
// of the uniform grid, which can have 2^41 cells. The planner walks regions
// (boxes of cells with the same holders) and deals runs of cells to senders
// instead; these tests hold it to the literal rule where the two orders agree
// (rank 0 and 1), and show that grids of 2^41 cells and reshards to 32,768
// devices plan at once.
//
//===----------------------------------------------------------------------===//

#include "PlanTestUtils.h"

#include "hspmd/Plan/Checker.h"
#include "hspmd/Plan/Planner.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace hspmd;
using namespace hspmd::plan;
using namespace hspmd::plan::testing;
using layout::Layout;
using layout::Placement;

namespace {

bool extendsBox(Box &last, const Box &box) {
  int64_t differing = -1;
  for (size_t k = 0; k < box.size(); ++k)
    if (!(last[k] == box[k])) {
      if (differing >= 0 || last[k].hi != box[k].lo)
        return false;
      differing = static_cast<int64_t>(k);
    }
  if (differing < 0)
    return false;
  last[differing].hi = box[differing].hi;
  return true;
}

/// Case 6 of Semantics.md "Changing a placement" word for word, one cell of the
/// uniform grid at a time (the planner's algorithm before it walked regions;
/// exponential in the grid).
Plan literalPointToPoint(const Layout &src, const Layout &dst,
                         int64_t elementBytes) {
  int64_t rank = src.rank();
  const std::vector<int64_t> &shape = src.shape();
  std::vector<int64_t> cell(rank);
  for (int64_t k = 0; k < rank; ++k) {
    int64_t g = shape[k];
    for (const Layout *l : {&src, &dst})
      for (int64_t d : l->devices()) {
        Placement p = *l->place(d);
        g = std::gcd(g, std::gcd(p.box[k].lo, p.box[k].hi));
      }
    cell[k] = std::max<int64_t>(g, 1);
  }
  std::vector<std::pair<int64_t, Placement>> sources;
  for (int64_t d : src.devices())
    sources.push_back({d, *src.place(d)});
  std::map<int64_t, int64_t> bytesSent;
  Step step;
  step.kind = StepKind::SendRecv;
  step.accumulate = src.sharding().hasPartial();
  for (int64_t d : dst.devices()) {
    Placement to = *dst.place(d);
    std::optional<Placement> from = src.place(d);
    DeviceUpdate update{d, to.box, true, {}};
    if ((to.summand && !to.keeper) || layout::volume(to.box) == 0) {
      step.updates.push_back(std::move(update));
      continue;
    }
    const auto &groupDevices = dst.sharding().groups[to.group].devices;
    std::set<int64_t> ownGroup(groupDevices.begin(), groupDevices.end());
    auto pickSender = [&](const std::vector<int64_t> &candidates) {
      return *std::min_element(
          candidates.begin(), candidates.end(), [&](int64_t a, int64_t b) {
            return std::make_tuple(!ownGroup.count(a), bytesSent[a], a) <
                   std::make_tuple(!ownGroup.count(b), bytesSent[b], b);
          });
    };
    std::vector<Transfer> received;
    auto receive = [&](int64_t sender, const Box &box) {
      bytesSent[sender] += layout::volume(box) * elementBytes;
      for (auto it = received.rbegin(); it != received.rend(); ++it)
        if (it->from == sender) {
          if (extendsBox(it->box, box))
            return;
          break;
        }
      received.push_back({sender, d, box});
    };
    auto keepOwn = [&](const Box &box) {
      if (update.localCopies.empty() ||
          !extendsBox(update.localCopies.back(), box))
        update.localCopies.push_back(box);
    };
    std::vector<int64_t> idx(rank);
    for (int64_t k = 0; k < rank; ++k)
      idx[k] = to.box[k].lo;
    while (true) {
      Box c(rank);
      for (int64_t k = 0; k < rank; ++k)
        c[k] = {idx[k], idx[k] + cell[k]};
      if (from && !from->summand && layout::intersect(from->box, c) == c) {
        keepOwn(c);
      } else {
        std::vector<int64_t> values;
        std::map<int64_t, std::map<std::vector<int64_t>, std::vector<int64_t>>>
            decompositions;
        for (const auto &[s, p] : sources) {
          if (!(layout::intersect(p.box, c) == c))
            continue;
          if (!p.summand)
            values.push_back(s);
          else
            decompositions[p.decomposition][p.summandClass].push_back(s);
        }
        if (!values.empty()) {
          receive(pickSender(values), c);
        } else {
          bool ownSummand =
              from && from->summand && layout::intersect(from->box, c) == c;
          int64_t dec;
          if (ownSummand) {
            dec = from->decomposition;
          } else {
            dec = decompositions.begin()->first;
            for (const auto &[id, classes] : decompositions)
              if (classes.size() < decompositions[dec].size())
                dec = id;
          }
          for (const auto &[cls, replicas] : decompositions[dec]) {
            if (ownSummand && cls == from->summandClass) {
              keepOwn(c);
              continue;
            }
            receive(pickSender(replicas), c);
          }
        }
      }
      int64_t k = rank - 1;
      for (; k >= 0; --k) {
        idx[k] += cell[k];
        if (idx[k] < to.box[k].hi)
          break;
        idx[k] = to.box[k].lo;
      }
      if (k < 0)
        break;
    }
    step.transfers.insert(step.transfers.end(), received.begin(),
                          received.end());
    step.updates.push_back(std::move(update));
  }
  Plan plan;
  plan.strategy = "point-to-point";
  plan.steps.push_back(std::move(step));
  return plan;
}

/// Random pairs of rank 0 and 1 over up to 8 devices, with long dimensions
/// so that regions hold many cells and senders are balanced inside them:
/// the planner's plan is the literal rule's, entry for entry, and correct.
TEST(PointToPoint, SameAsTheLiteralRuleInOneDimension) {
  std::mt19937_64 shapes(3);
  RandomShardings gen(777, 8);
  const std::vector<int64_t> dims{1, 6, 12, 24, 60, 120, 360};
  int64_t compared = 0, balanced = 0;
  for (int64_t i = 0; i < 5000; ++i) {
    uint64_t seed = 9000 + i;
    gen.rng.seed(seed);
    shapes.seed(seed);
    std::vector<int64_t> shape;
    if (std::uniform_int_distribution<int>(0, 4)(shapes))
      shape.push_back(dims[std::uniform_int_distribution<size_t>(
          0, dims.size() - 1)(shapes)]);
    layout::Sharding a = gen.next(shape), b = gen.next(shape);
    Layout src(a, shape), dst(b, shape);
    Plan got = planPointToPoint(src, dst, 4);
    Plan want = literalPointToPoint(src, dst, 4);
    ASSERT_FALSE(got.error) << *got.error;
    ASSERT_EQ(describe(got), describe(want))
        << "seed " << seed << ": " << a.str() << " -> " << b.str();
    std::optional<std::string> err = checkPlan(src, dst, got, seed);
    ASSERT_FALSE(err) << "seed " << seed << ": " << *err;
    ++compared;
    std::set<std::pair<int64_t, int64_t>> pairs;
    for (const Transfer &t : got.steps[0].transfers)
      pairs.insert({t.from, t.to});
    balanced += pairs.size() < got.steps[0].transfers.size();
  }
  EXPECT_EQ(compared, 5000);
  // Messages of several blocks (senders taking turns, or blocks apart) must
  // occur, or the comparison proves little about the dealing of cells.
  EXPECT_GT(balanced, 100);
}

/// Two replicas, one receiver needing 15 cells they both hold: the literal
/// rule alternates cell by cell; so does the planner, dealing runs.
TEST(PointToPoint, SendersTakeTurnsCellByCell) {
  std::vector<int64_t> shape{16};
  Layout src = layoutOf("[0, 1] : [dup = 2]", shape);
  Layout dst = layoutOf(
      "hetero = d0, weights = [1, 15], groups = [[2] : [], [3] : []]", shape);
  Plan p = planPointToPoint(src, dst, 4);
  EXPECT_EQ(describe(p), describe(literalPointToPoint(src, dst, 4)));
  std::vector<int64_t> senders;
  for (const Transfer &t : p.steps[0].transfers)
    if (t.to == 3)
      senders.push_back(t.from);
  EXPECT_EQ(senders, (std::vector<int64_t>{1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
                                           1, 0, 1}));
}

/// A common grid of 2^41 unit cells (block boundaries at 1 and 2^40): two
/// regions per receiver, one transfer.
TEST(PointToPoint, TwoToTheFortyOneCells) {
  const int64_t n = int64_t(1) << 41;
  std::vector<int64_t> shape{n};
  Layout src = layoutOf("hetero = d0, weights = [1, " + std::to_string(n - 1) +
                            "], groups = [[0] : [], [1] : []]",
                        shape);
  Layout dst = layoutOf("[0, 1] : [d0 = 2]", shape);
  Plan p = planReshard(src, dst, 4);
  ASSERT_FALSE(p.error) << *p.error;
  EXPECT_EQ(p.strategy, "point-to-point");
  ASSERT_EQ(p.steps.size(), 1u);
  const Step &s = p.steps[0];
  ASSERT_EQ(s.transfers.size(), 1u);
  EXPECT_EQ(s.transfers[0].from, 1);
  EXPECT_EQ(s.transfers[0].to, 0);
  EXPECT_EQ(s.transfers[0].box, (Box{{1, n / 2}}));
  ASSERT_EQ(s.updates.size(), 2u);
  EXPECT_EQ(s.updates[0].localCopies, (std::vector<Box>{{{0, 1}}}));
  EXPECT_EQ(s.updates[1].localCopies, (std::vector<Box>{{{n / 2, n}}}));
  for (const DeviceTraffic &t : traffic(p, 4))
    EXPECT_EQ(t.received, t.device == 0 ? (n / 2 - 1) * 4 : 0);
  // Too large to simulate: the checker says so instead of trying.
  EXPECT_TRUE(checkerRefuses(src, dst));
}

/// One device to 32,768: linear in the devices (the planner once built the
/// receiver's group as a set per receiver, quadratic).
TEST(PointToPoint, OneToThirtyTwoThousandDevices) {
  const int64_t n = 32768;
  std::string devices;
  for (int64_t d = 0; d < n; ++d)
    devices += (d ? ", " : "") + std::to_string(d);
  for (const char *axis : {"d0", "dup"}) {
    std::vector<int64_t> shape{n, 8};
    Layout src = layoutOf("[0] : []", shape);
    Layout dst = layoutOf("[" + devices + "] : [" + axis + " = " +
                              std::to_string(n) + "]",
                          shape);
    Plan p = planReshard(src, dst, 4);
    ASSERT_FALSE(p.error) << *p.error;
    ASSERT_EQ(p.steps.size(), 1u) << axis;
    EXPECT_EQ(p.steps[0].transfers.size(), static_cast<size_t>(n - 1)) << axis;
    for (const Transfer &t : p.steps[0].transfers)
      ASSERT_EQ(t.from, 0);
  }
}

/// A grid too large even in regions is refused with a reason, at once.
TEST(PointToPoint, TooManyRegionsIsRefused) {
  // Two replicas cut along different dimensions, 4096 and 2048 ways: the
  // receiver of the whole tensor sees 4096 x 2048 regions.
  std::string a, b;
  for (int64_t d = 0; d < 4096; ++d)
    a += (d ? ", " : "") + std::to_string(d);
  for (int64_t d = 4096; d < 6144; ++d)
    b += (d > 4096 ? ", " : "") + std::to_string(d);
  std::vector<int64_t> shape{4096, 2048};
  Layout src = layoutOf("hetero = dup, groups = [[" + a + "] : [d0 = 4096], [" +
                            b + "] : [d1 = 2048]]",
                        shape);
  Layout dst = layoutOf("[6144] : []", shape);
  Plan p = planReshard(src, dst, 4);
  ASSERT_TRUE(p.error);
  EXPECT_NE(p.error->find("regions"), std::string::npos) << *p.error;
  EXPECT_TRUE(p.steps.empty());
}

/// Counts that do not fit in int64 are refused, not wrapped.
TEST(PointToPoint, BytesBeyondInt64AreRefused) {
  std::vector<int64_t> shape{int64_t(1) << 32, int64_t(1) << 32};
  Layout src = layoutOf("[0] : []", shape);
  Layout dst = layoutOf("[1] : []", shape);
  Plan p = planReshard(src, dst, 4);
  ASSERT_TRUE(p.error);
  EXPECT_NE(p.error->find("64 bits"), std::string::npos) << *p.error;
}

} // namespace
