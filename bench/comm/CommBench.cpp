//===- CommBench.cpp - Bytes moved by the planner (bench/comm) ------------===//
//
// For the conformance cases C1-C15 and transformer-layer reshards, prints the
// bytes the plan moves (received, summed over devices) against the lower
// bound of Semantics.md "Changing a placement" and against the naive plan (gather the whole tensor on
// every destination device, then slice), and checks every plan with the
// independent checker. Run by hand: build/bench/comm/hspmd-comm-bench.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Layout/Bounds.h"
#include "hspmd/Plan/Checker.h"
#include "hspmd/Plan/Planner.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../unittests/Plan/PlanTestUtils.h"

using namespace hspmd;
using namespace hspmd::plan;
using hspmd::plan::testing::layoutOf;

namespace {

struct Case {
  std::string name, src, dst;
  std::vector<int64_t> shape;
  int64_t elementBytes = 4;
};

/// The naive plan: every destination device receives the whole tensor value
/// (for a partial source, every summand class of one decomposition), except
/// what it already holds as a value.
int64_t naiveBytes(const layout::Layout &src, const layout::Layout &dst,
                   int64_t elementBytes) {
  int64_t total = 1;
  for (int64_t s : src.shape())
    total *= s;
  int64_t classes = 1;
  std::vector<std::vector<int64_t>> seen;
  for (int64_t d : src.devices()) {
    layout::Placement p = *src.place(d);
    if (p.summand && p.decomposition == 0) {
      bool found = false;
      for (const auto &c : seen)
        found |= c == p.summandClass;
      if (!found)
        seen.push_back(p.summandClass);
    }
  }
  if (!seen.empty())
    classes = static_cast<int64_t>(seen.size());
  int64_t bytes = 0;
  for (int64_t d : dst.devices()) {
    std::optional<layout::Placement> own = src.place(d);
    int64_t held = own && !own->summand ? layout::volume(own->box) : 0;
    bytes += (total * classes - held) * elementBytes;
  }
  return bytes;
}

} // namespace

int main() {
  const std::vector<int64_t> s24x8{24, 8}, s16x8{16, 8}, s12x8{12, 8};
  // A transformer layer: hidden 4096, FFN 16384, a micro-batch of 8 x 1024
  // tokens, bf16 (2 bytes).
  const std::vector<int64_t> act{8192, 4096}, w{4096, 16384};
  const std::string g421 = "[[0, 1, 2, 3] : %s, [4, 5] : %s, [6] : []]";
  std::vector<Case> cases = {
      {"C1", "[0, 1, 2, 3] : [d0 = 2, partial = 2]", "[0, 1, 2, 3] : [d0 = 2, dup = 2]", s24x8},
      {"C2", "[0, 1, 2, 3] : [d0 = 2, partial = 2]", "[0, 1, 2, 3] : [d0 = 4]", s24x8},
      {"C3", "[0, 1, 2, 3] : [d0 = 4]", "[0, 1, 2, 3] : [d0 = 2, dup = 2]", s24x8},
      {"C4", "[0, 1, 2, 3] : [dup = 4]", "[0, 1, 2, 3] : [d0 = 4]", s24x8},
      {"C5", "[0, 1, 2, 3] : [d0 = 2, dup = 2]", "[0, 1, 2, 3] : [d0 = 2, d1 = 2]", s24x8},
      {"C6", "[0, 1, 2, 3] : [d0 = 2, dup = 2]", "[4, 5, 6, 7] : [d0 = 2, dup = 2]", s24x8},
      {"C7", "hetero = d0, groups = [[0, 1, 2, 3] : [partial = 4], [4, 5] : [partial = 2], [6] : []]",
       "hetero = d0, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]", s24x8},
      {"C8", "hetero = partial, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]",
       "hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]", s24x8},
      {"C9", "hetero = partial, groups = [[0, 1] : [d0 = 2], [2] : []]",
       "hetero = d0, groups = [[0, 1] : [d0 = 2], [2] : []]", s16x8},
      {"C10", "hetero = partial, groups = [[0, 1, 2, 3] : [partial = 4], [4, 5] : [partial = 2], [6] : []]",
       "hetero = dup, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]", s24x8},
      {"C11", "[0, 1, 2, 3] : [d0 = 4]", "[4, 5] : [d0 = 2]", s24x8},
      {"C12", "[0, 1, 2, 3] : [d0 = 4]", "[0, 1, 2, 3] : [dup = 4]", s24x8},
      {"C13", "[0, 1, 2, 3] : [d0 = 4]", "[0, 1, 2] : [d0 = 3]", s12x8},
      {"C14", "hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]",
       "[0, 1, 2] : [dup = 3]", s16x8},
      {"C15", "[0, 1, 2, 3] : [partial = 4]", "[0, 1, 2, 3] : [dup = 2, partial = 2]", s24x8},
      // Pipeline boundary from a TP4 stage to a TP2 stage: activations split
      // by columns.
      {"TP4->TP2 stage", "[0, 1, 2, 3] : [d1 = 4]", "[4, 5] : [d1 = 2]", act, 2},
      // ZeRO-3 parameter gather: a weight sharded over 8 data-parallel ranks
      // is gathered on every rank.
      {"ZeRO gather", "[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 8]",
       "[0, 1, 2, 3, 4, 5, 6, 7] : [dup = 8]", w, 2},
      // Heterogeneous gradient reduction: each group of 4/2/1 devices holds a
      // gradient summand split its own way; all end with the sum.
      {"hetero grad sum", "hetero = partial, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]",
       "hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]", w, 2},
      {"hetero grad RS", "hetero = partial, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]",
       "hetero = d1, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]",
       {4096, 14336}, 2},
      // Partial sources leaving their devices: a row-parallel layer's output
      // at a pipeline boundary (TP2 to TP2, and TP4 summands to one device),
      // a gradient leaving its group, the heterogeneous MLP's result to
      // device 0.
      {"partial->pair", "[0, 1] : [partial = 2]", "[2, 3] : [d0 = 2]", act, 2},
      {"TP4 partial->1", "[0, 1, 2, 3] : [partial = 4]", "[4] : []", act, 2},
      {"grad leaves group", "[0, 1] : [partial = 2]", "[1, 2] : [dup = 2]", w, 2},
      {"hetero partial->0", "hetero = partial, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]",
       "[0] : []", act, 2},
      // Re-balancing a batch from 4:2:1 to 2:1:1 speed ratios.
      {"rebalance 421->211", "hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]",
       "hetero = d0, weights = [2, 1, 1], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]",
       {2800, 4096}, 2},
  };
  (void)g421;

  std::printf("%-20s %-15s %12s %12s %12s %7s %7s %12s %12s %7s %7s\n",
              "case", "plan", "moved", "combining", "naive", "/comb",
              "/naive", "busiest", "busy_bound", "/busy", "check");
  bool allOk = true;
  for (const Case &c : cases) {
    layout::Layout src = layoutOf(c.src, c.shape), dst = layoutOf(c.dst, c.shape);
    Plan p = planReshard(src, dst, c.elementBytes);
    int64_t moved = 0, busiest = 0;
    for (const DeviceTraffic &t : traffic(p, c.elementBytes)) {
      moved += t.received;
      busiest = std::max(busiest, t.received);
    }
    std::optional<layout::ReshardBounds> bounds =
        layout::reshardBounds(src, dst, c.elementBytes);
    if (!bounds) {
      std::fprintf(stderr, "%s: bounds not computed\n", c.name.c_str());
      return 1;
    }
    int64_t naive = naiveBytes(src, dst, c.elementBytes);
    bool small = layout::volume(src.groupBox(0)) <= (int64_t(1) << 22);
    std::string check = "skipped";
    if (small) {
      std::optional<std::string> err = checkPlan(src, dst, p);
      check = err ? "FAILED" : "ok";
      if (err) {
        allOk = false;
        std::fprintf(stderr, "%s: %s\n", c.name.c_str(), err->c_str());
      }
    }
    auto ratio = [](int64_t a, int64_t b) {
      // A zero bound with traffic happens only for destinations holding
      // summands, whose bound credits any summand already held: no ratio.
      return b ? std::to_string(double(a) / double(b)).substr(0, 5)
               : std::string(a ? "n/a" : "-");
    };
    std::printf("%-20s %-15s %12lld %12lld %12lld %7s %7s %12lld %12lld %7s "
                "%7s%s\n",
                c.name.c_str(), p.strategy.c_str(), (long long)moved,
                (long long)bounds->combining, (long long)naive,
                ratio(moved, bounds->combining).c_str(),
                ratio(moved, naive).c_str(), (long long)busiest,
                (long long)bounds->busiest,
                ratio(busiest, bounds->busiest).c_str(), check.c_str(),
                src.sharding().hasPartial()
                    ? (bounds->combines ? "  (partial source)"
                                        : "  (partial to partial)")
                    : "");
  }
  return allOk ? 0 : 1;
}
