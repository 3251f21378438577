//===- Planner.cpp - Communication resolution -----------------------------===//
//
// Cases are tried in the order of Semantics.md "Changing a placement". The collective cases are found
// from what each device holds (its box and role under both layouts), not from
// the way the shardings are written, so equal layouts written differently and
// axes that must be factored (an axis of 4 read as 2 x 2) need no special
// handling.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Plan/Planner.h"

#include "Grid.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <functional>
#include <set>
#include <unordered_map>

using namespace hspmd;
using namespace hspmd::plan;
using layout::Layout;
using layout::Placement;
using layout::Range;

namespace {

/// Bounds on the work of one plan. The uniform grid of Semantics.md "Changing a
/// placement" (case 6) can have 2^41 cells; the point-to-point planner walks
/// regions (boxes of cells with the same holders) instead and balances senders
/// over runs of cells, so its work is the regions it visits plus the plan
/// entries it writes. Beyond these bounds planning would take minutes and the
/// plan would not fit in memory: the plan carries an error instead.
constexpr int64_t kMaxRegions = int64_t(1) << 22;
constexpr int64_t kMaxEntries = int64_t(1) << 22;

/// A device and its placement under the source and the destination.
struct Holder {
  int64_t device;
  std::optional<Placement> src, dst;
  /// The rank of `src->box` and `dst->box` among the distinct boxes of the
  /// holders (ordered as boxes are): comparing two of them compares the
  /// boxes. -1 without a placement.
  int64_t srcBox = -1, dstBox = -1;
};

std::vector<Holder> holders(const Layout &src, const Layout &dst) {
  // Both lists are sorted (Layout::devices).
  std::vector<int64_t> all;
  std::set_union(src.devices().begin(), src.devices().end(),
                 dst.devices().begin(), dst.devices().end(),
                 std::back_inserter(all));
  std::vector<Holder> out;
  out.reserve(all.size());
  std::map<Box, int64_t> boxes; // a handful: the blocks of the two layouts
  for (int64_t d : all) {
    Holder &h = out.emplace_back(Holder{d, src.place(d), dst.place(d)});
    for (const std::optional<Placement> *p : {&h.src, &h.dst})
      if (*p)
        boxes.try_emplace((*p)->box, 0);
  }
  int64_t rank = 0;
  for (auto &entry : boxes)
    entry.second = rank++;
  for (Holder &h : out) {
    if (h.src)
      h.srcBox = boxes.at(h.src->box);
    if (h.dst)
      h.dstBox = boxes.at(h.dst->box);
  }
  return out;
}

/// The role of a placement as a comparable key: empty for a value, otherwise
/// the decomposition followed by the summand class.
std::vector<int64_t> roleKey(const Placement &p) {
  if (!p.summand)
    return {};
  std::vector<int64_t> key{p.decomposition};
  key.insert(key.end(), p.summandClass.begin(), p.summandClass.end());
  return key;
}

/// roleKey(a) against roleKey(b) (-1, 0, 1), without building either.
int compareRoles(const Placement &a, const Placement &b) {
  if (a.summand != b.summand)
    return a.summand ? 1 : -1;
  if (!a.summand)
    return 0;
  if (a.decomposition != b.decomposition)
    return a.decomposition < b.decomposition ? -1 : 1;
  if (a.summandClass != b.summandClass)
    return a.summandClass < b.summandClass ? -1 : 1;
  return 0;
}

/// The holders in runs of equal keys under the strict order `less`, the runs
/// in increasing order and each in `hs` order: what a std::map from the key
/// to its holders would hold, without a key built per holder (at thousands
/// of devices the keys' copies were most of a plan's time).
template <typename Less>
std::vector<std::vector<const Holder *>> runsBy(const std::vector<Holder> &hs,
                                                Less less) {
  std::vector<const Holder *> order;
  order.reserve(hs.size());
  for (const Holder &h : hs)
    order.push_back(&h);
  std::stable_sort(order.begin(), order.end(), less);
  std::vector<std::vector<const Holder *>> runs;
  for (size_t k = 0; k < order.size(); ++k) {
    if (k == 0 || less(order[k - 1], order[k]))
      runs.emplace_back();
    runs.back().push_back(order[k]);
  }
  return runs;
}

/// Where each holder stands among the devices of its layout, for pairing
/// replicas: devices with the same box and role get slots 0, 1, ... in
/// (group, position) order. Indexed like `hs`; -1 where the holder has no
/// placement in that layout.
std::vector<int64_t> replicaSlots(const std::vector<Holder> &hs,
                                  bool ofSource) {
  auto placement = [&](const Holder *h) -> const std::optional<Placement> & {
    return ofSource ? h->src : h->dst;
  };
  std::vector<int64_t> slot(hs.size(), -1);
  std::vector<const Holder *> order;
  for (const Holder &h : hs)
    if (placement(&h))
      order.push_back(&h);
  auto boxOf = [&](const Holder *h) {
    return ofSource ? h->srcBox : h->dstBox;
  };
  auto sameClass = [&](const Holder *x, const Holder *y) {
    return boxOf(x) == boxOf(y) &&
           compareRoles(*placement(x), *placement(y)) == 0;
  };
  std::sort(order.begin(), order.end(), [&](const Holder *x, const Holder *y) {
    const Placement &a = *placement(x), &b = *placement(y);
    if (boxOf(x) != boxOf(y))
      return boxOf(x) < boxOf(y);
    if (int c = compareRoles(a, b))
      return c < 0;
    return std::tie(a.group, a.position, x->device) <
           std::tie(b.group, b.position, y->device);
  });
  for (size_t k = 0; k < order.size(); ++k)
    slot[order[k] - hs.data()] =
        k > 0 && sameClass(order[k - 1], order[k])
            ? slot[order[k - 1] - hs.data()] + 1
            : 0;
  return slot;
}

/// Whether `parts`, in order, are the consecutive equal blocks of `whole`
/// along `dim` (and equal to it elsewhere).
bool areBlocksAlong(const std::vector<Box> &parts, const Box &whole,
                    int64_t dim) {
  int64_t n = static_cast<int64_t>(parts.size());
  int64_t size = whole[dim].size();
  if (n == 0 || size % n != 0)
    return false;
  for (int64_t i = 0; i < n; ++i)
    for (size_t k = 0; k < whole.size(); ++k) {
      Range want = whole[k];
      if (static_cast<int64_t>(k) == dim)
        want = {whole[k].lo + size / n * i, whole[k].lo + size / n * (i + 1)};
      if (!(parts[i][k] == want))
        return false;
    }
  return true;
}

/// The dimension along which `parts` (in some order) are the equal blocks of
/// `whole`, with the order; nothing if there is none.
std::optional<std::pair<int64_t, std::vector<size_t>>>
findBlockDim(const std::vector<Box> &parts, const Box &whole) {
  for (size_t dim = 0; dim < whole.size(); ++dim) {
    std::vector<size_t> order(parts.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return parts[a][dim].lo < parts[b][dim].lo;
    });
    std::vector<Box> sorted;
    for (size_t i : order)
      sorted.push_back(parts[i]);
    if (areBlocksAlong(sorted, whole, static_cast<int64_t>(dim)))
      return std::make_pair(static_cast<int64_t>(dim), order);
  }
  return std::nullopt;
}

/// Collective groups found for one kind of step, bucketed by group size so
/// that each step has groups of one size (as the IR ops require).
struct GroupsBySize {
  std::map<size_t, std::vector<CollectiveGroup>> bySize;
  void add(CollectiveGroup g) {
    if (g.devices.size() > 1)
      bySize[g.devices.size()].push_back(std::move(g));
  }
  void emit(Plan &plan, StepKind kind, int64_t dim = 0, int64_t concat = 0) {
    for (auto &[size, groups] : bySize) {
      Step s;
      s.kind = kind;
      s.dim = dim;
      s.concatDim = concat;
      s.groups = std::move(groups);
      plan.steps.push_back(std::move(s));
    }
  }
};

/// Case 2: every destination block is already held by its device, as a
/// value (or it is a summand a device may hold as zeros).
std::optional<Plan> planLocal(const std::vector<Holder> &hs) {
  Step slice, keep;
  slice.kind = StepKind::Slice;
  keep.kind = StepKind::KeepOrZero;
  for (const Holder &h : hs) {
    if (!h.dst)
      continue;
    const Placement &to = *h.dst;
    if (to.summand && !to.keeper) {
      keep.updates.push_back({h.device, to.box, /*keep=*/false, {}});
      continue;
    }
    if (!h.src || h.src->summand ||
        !(layout::intersect(h.src->box, to.box) == to.box))
      return std::nullopt;
    if (to.summand)
      keep.updates.push_back({h.device, to.box, /*keep=*/true, {}});
    else if (!(h.src->box == to.box))
      slice.updates.push_back({h.device, to.box, true, {}});
  }
  Plan plan;
  plan.strategy = "local";
  if (!slice.updates.empty())
    plan.steps.push_back(std::move(slice));
  if (!keep.updates.empty())
    plan.steps.push_back(std::move(keep));
  return plan;
}

using ClassSet = std::set<std::vector<int64_t>>;

/// The summand classes of the source that hold part of a box in a
/// decomposition: those whose blocks meet it, containing it or not (a
/// group splitting rows and another splitting columns of one partial value
/// each hold part of the other's blocks; adding only the classes whose
/// blocks contain a box would miss them). Computed once per (box,
/// decomposition): a plan asks for the same box once per device, and every
/// call walks all holders.
class CoveringClasses {
public:
  /// Summand holders by their source block: a query visits the distinct
  /// blocks (a few per group), not every device.
  explicit CoveringClasses(const std::vector<Holder> &hs) {
    for (const Holder &h : hs)
      if (h.src && h.src->summand)
        byBlock[h.src->box].push_back(&h);
  }

  const ClassSet &operator()(const Box &box, int64_t dec) {
    auto [it, inserted] = memo.try_emplace({box, dec});
    if (inserted)
      for (const auto &[block, holders] : byBlock)
        if (meets(block, box))
          for (const Holder *h : holders)
            if (h->src->decomposition == dec)
              it->second.insert(roleKey(*h->src));
    return it->second;
  }

private:
  static bool meets(const Box &a, const Box &b) {
    for (size_t k = 0; k < b.size(); ++k)
      if (std::max(a[k].lo, b[k].lo) >= std::min(a[k].hi, b[k].hi))
        return false;
    return true;
  }
  std::map<Box, std::vector<const Holder *>> byBlock;
  std::map<std::pair<Box, int64_t>, ClassSet> memo;
};

bool sameDevices(const Layout &a, const Layout &b) {
  return a.devices() == b.devices();
}

/// Case 3, partial to less partial on the same blocks: all-reduce among the
/// devices that hold one block, end in one destination role, and are the
/// same replica of their source summand. Like every case-3 collective, its
/// groups stay inside one device group of the source and of the destination
/// (top-tier changes are case 5's).
std::optional<Plan> planAllReduce(const std::vector<Holder> &hs) {
  for (const Holder &h : hs) {
    if (!h.src->summand && h.dst->summand)
      return std::nullopt;
    if (!(h.src->box == h.dst->box))
      return std::nullopt;
  }
  std::vector<int64_t> slot = replicaSlots(hs, /*ofSource=*/true);
  // Buckets: (source box, destination role, source decomposition, slot,
  // source group, destination group).
  std::vector<std::vector<const Holder *>> buckets =
      runsBy(hs, [&](const Holder *a, const Holder *b) {
        if (a->srcBox != b->srcBox)
          return a->srcBox < b->srcBox;
        if (int c = compareRoles(*a->dst, *b->dst))
          return c < 0;
        return std::make_tuple(a->src->decomposition, slot[a - hs.data()],
                               a->src->group, a->dst->group) <
               std::make_tuple(b->src->decomposition, slot[b - hs.data()],
                               b->src->group, b->dst->group);
      });
  // Check at the level of summand classes that the result is the
  // destination: after the step every device holds the sum of its group's
  // source classes. Value holders must end with all classes of their block;
  // replicas of a destination summand with equal sets; and the classes of
  // one block's destination summands must split the source classes exactly.
  // Each bucket's classes once; devices point at their bucket's set.
  std::vector<ClassSet> bucketClasses;
  bucketClasses.reserve(buckets.size());
  std::vector<const ClassSet *> after(hs.size());
  GroupsBySize groups;
  for (const std::vector<const Holder *> &members : buckets) {
    ClassSet &classes = bucketClasses.emplace_back();
    for (const Holder *h : members) {
      if (!h->src->summand && members.size() > 1)
        return std::nullopt; // a value would be added to other data
      if (!classes.insert(roleKey(*h->src)).second)
        return std::nullopt; // a summand would be counted twice
    }
    for (const Holder *h : members)
      after[h - hs.data()] = &classes;
    CollectiveGroup g{{}, members.front()->src->box};
    for (const Holder *h : members)
      g.devices.push_back(h->device);
    groups.add(std::move(g));
  }
  CoveringClasses covering(hs);
  auto complete = [&](const ClassSet &classes, const Box &box) {
    if (classes.empty() || classes.begin()->empty())
      return false;
    int64_t dec = classes.begin()->front();
    for (const auto &c : classes)
      if (c.empty() || c.front() != dec)
        return false;
    return classes == covering(box, dec);
  };
  std::map<std::pair<const ClassSet *, Box>, bool> completeMemo;
  std::map<std::pair<Box, int64_t>,
           std::map<std::vector<int64_t>, const ClassSet *>>
      summands; // (box, dst decomposition) -> dst class -> source classes
  for (const Holder &h : hs) {
    const ClassSet &got = *after[&h - hs.data()];
    if (!h.dst->summand) {
      if (!h.src->summand)
        continue;
      auto [it, inserted] = completeMemo.try_emplace({&got, h.src->box});
      if (inserted)
        it->second = complete(got, h.src->box);
      if (!it->second)
        return std::nullopt;
      continue;
    }
    auto &byClass = summands[{h.dst->box, h.dst->decomposition}];
    auto [it, inserted] = byClass.insert({h.dst->summandClass, &got});
    if (!inserted && it->second != &got && *it->second != got)
      return std::nullopt; // replicas would differ
  }
  for (auto &[key, byClass] : summands) {
    ClassSet all;
    size_t count = 0;
    for (auto &[cls, got] : byClass) {
      all.insert(got->begin(), got->end());
      count += got->size();
    }
    if (count != all.size() || !complete(all, key.first))
      return std::nullopt;
  }
  if (groups.bySize.empty())
    return std::nullopt;
  Plan plan;
  plan.strategy = "all-reduce";
  groups.emit(plan, StepKind::AllReduce);
  return plan;
}

/// Case 3, partial to split: reduce-scatter among the devices holding one
/// block whose destination blocks cut it along one dimension.
std::optional<Plan> planReduceScatter(const std::vector<Holder> &hs) {
  for (const Holder &h : hs)
    if (!h.src->summand || h.dst->summand)
      return std::nullopt;
  std::vector<int64_t> slot = replicaSlots(hs, /*ofSource=*/true);
  // Buckets: (source box, source decomposition, slot, source group,
  // destination group).
  std::vector<std::vector<const Holder *>> buckets =
      runsBy(hs, [&](const Holder *a, const Holder *b) {
        if (a->srcBox != b->srcBox)
          return a->srcBox < b->srcBox;
        return std::make_tuple(a->src->decomposition, slot[a - hs.data()],
                               a->src->group, a->dst->group) <
               std::make_tuple(b->src->decomposition, slot[b - hs.data()],
                               b->src->group, b->dst->group);
      });
  std::optional<int64_t> dim;
  GroupsBySize groups;
  CoveringClasses covering(hs);
  for (const std::vector<const Holder *> &members : buckets) {
    std::vector<Box> parts;
    ClassSet classes;
    for (const Holder *h : members) {
      parts.push_back(h->dst->box);
      if (!classes.insert(roleKey(*h->src)).second)
        return std::nullopt;
    }
    const Box &whole = members.front()->src->box;
    if (classes != covering(whole, members.front()->src->decomposition))
      return std::nullopt;
    auto found = findBlockDim(parts, whole);
    if (!found || (dim && *dim != found->first && members.size() > 1))
      return std::nullopt;
    if (members.size() > 1)
      dim = found->first;
    CollectiveGroup g{{}, whole};
    for (size_t i : found->second)
      g.devices.push_back(members[i]->device);
    groups.add(std::move(g));
  }
  if (!dim)
    return std::nullopt;
  Plan plan;
  plan.strategy = "reduce-scatter";
  groups.emit(plan, StepKind::ReduceScatter, *dim);
  return plan;
}

/// Case 3, split to less split: all-gather among the devices ending with one
/// block whose source blocks cut it along one dimension.
std::optional<Plan> planAllGather(const std::vector<Holder> &hs) {
  std::map<std::tuple<Box, Box, int64_t, int64_t>, int64_t> seen;
  std::map<std::tuple<Box, int64_t, int64_t, int64_t>,
           std::vector<const Holder *>>
      buckets;
  for (const Holder &h : hs) {
    if (h.src->summand || h.dst->summand)
      return std::nullopt;
    int64_t slot = seen[{h.src->box, h.dst->box, h.src->group, h.dst->group}]++;
    buckets[{h.dst->box, slot, h.src->group, h.dst->group}].push_back(&h);
  }
  std::optional<int64_t> dim;
  GroupsBySize groups;
  CoveringClasses covering(hs);
  for (auto &[key, members] : buckets) {
    std::vector<Box> parts;
    for (const Holder *h : members)
      parts.push_back(h->src->box);
    const Box &whole = std::get<0>(key);
    auto found = findBlockDim(parts, whole);
    if (!found || (dim && *dim != found->first && members.size() > 1))
      return std::nullopt;
    if (members.size() > 1)
      dim = found->first;
    CollectiveGroup g{{}, whole};
    for (size_t i : found->second)
      g.devices.push_back(members[i]->device);
    groups.add(std::move(g));
  }
  if (!dim)
    return std::nullopt;
  Plan plan;
  plan.strategy = "all-gather";
  groups.emit(plan, StepKind::AllGather, *dim);
  return plan;
}

/// Case 3, split on one dimension to split on another: all-to-all.
std::optional<Plan> planAllToAll(const std::vector<Holder> &hs, int64_t rank) {
  for (int64_t split = 0; split < rank; ++split)
    for (int64_t concat = 0; concat < rank; ++concat) {
      if (split == concat)
        continue;
      std::map<std::tuple<Box, Box, int64_t, int64_t>, int64_t> seen;
      std::map<std::tuple<Box, int64_t, int64_t, int64_t>,
               std::vector<const Holder *>>
          buckets;
      bool ok = true;
      for (const Holder &h : hs) {
        if (h.src->summand || h.dst->summand) {
          ok = false;
          break;
        }
        // The group's region: the source block widened along `concat` to the
        // destination block's extent there.
        Box region = h.src->box;
        region[concat] = h.dst->box[concat];
        int64_t slot =
            seen[{h.src->box, h.dst->box, h.src->group, h.dst->group}]++;
        buckets[{region, slot, h.src->group, h.dst->group}].push_back(&h);
      }
      if (!ok)
        return std::nullopt;
      GroupsBySize groups;
      for (auto &[key, members] : buckets) {
        std::vector<size_t> order(members.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
          return members[a]->src->box[concat].lo <
                 members[b]->src->box[concat].lo;
        });
        std::vector<Box> in, out;
        for (size_t i : order) {
          in.push_back(members[i]->src->box);
          out.push_back(members[i]->dst->box);
        }
        const Box &region = std::get<0>(key);
        if (!areBlocksAlong(in, region, concat) ||
            !areBlocksAlong(out, region, split)) {
          ok = false;
          break;
        }
        CollectiveGroup g{{}, region};
        for (size_t i : order)
          g.devices.push_back(members[i]->device);
        groups.add(std::move(g));
      }
      if (!ok || groups.bySize.empty())
        continue;
      Plan plan;
      plan.strategy = "all-to-all";
      groups.emit(plan, StepKind::AllToAll, split, concat);
      return plan;
    }
  return std::nullopt;
}

/// Case 5 from a partial source: the groups hold summands (`hetero =
/// partial`) and must end replicated (`hetero = dup`) on the same groups.
/// Inside each group a reduce-scatter first turns the group's own `partial`
/// axis into a split, so that every device holds a distinct block of its
/// group's summand; then, block by block of the common grid in increasing
/// order, one all-reduce over the block's holder in every group; then an
/// all-gather inside each group reaches the destination layout.
std::optional<Plan> planHierarchical(const Layout &src, const Layout &dst) {
  const layout::Sharding &s = src.sharding(), &d = dst.sharding();
  if (!s.hetero || !s.hetero->isPartial() || !d.hetero || !d.hetero->isDup() ||
      s.groups.size() != d.groups.size())
    return std::nullopt;
  int64_t rank = src.rank();
  // The intermediate: each group's partial axis becomes a split along the
  // first dimension it divides and the group does not split yet.
  layout::Sharding mid = s;
  for (size_t g = 0; g < s.groups.size(); ++g) {
    std::vector<int64_t> a = s.groups[g].devices, b = d.groups[g].devices;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a != b)
      return std::nullopt;
    for (layout::Axis &axis : mid.groups[g].axes) {
      if (axis.role.isDup())
        return std::nullopt; // replicas: left to the general case
      if (!axis.role.isPartial())
        continue;
      std::optional<int64_t> dim;
      for (int64_t k = 0; k < rank && !dim; ++k) {
        bool taken = false;
        int64_t extent = src.shape()[k];
        for (const layout::Axis &other : s.groups[g].axes)
          if (other.role.isSplit() && other.role.dim == k) {
            taken = true;
          }
        if (!taken && extent % axis.size == 0)
          dim = k;
      }
      if (!dim)
        return std::nullopt;
      axis.role = layout::Role::split(*dim);
    }
  }
  if (mid.verifyStructure() || mid.verifyShape(src.shape()))
    return std::nullopt;
  Layout midLayout(mid, src.shape());
  layout::Sharding midDup = mid;
  midDup.hetero = layout::Role::dup();
  Layout midDupLayout(midDup, src.shape());

  Plan plan;
  plan.strategy = "hierarchical";
  // 1. Inside each group: reduce-scatter among the devices that differ only
  //    along the group's partial axis.
  std::vector<Holder> pre = holders(src, midLayout);
  std::map<std::pair<int64_t, Box>, std::vector<const Holder *>> buckets;
  for (const Holder &h : pre)
    buckets[{h.src->group, h.src->box}].push_back(&h);
  std::map<std::pair<size_t, int64_t>, std::vector<CollectiveGroup>> scatter;
  for (auto &[key, members] : buckets) {
    if (members.size() == 1) {
      if (!(members.front()->src->box == members.front()->dst->box))
        return std::nullopt;
      continue;
    }
    std::vector<Box> parts;
    for (const Holder *h : members)
      parts.push_back(h->dst->box);
    auto found = findBlockDim(parts, key.second);
    if (!found)
      return std::nullopt;
    CollectiveGroup g{{}, key.second};
    for (size_t i : found->second)
      g.devices.push_back(members[i]->device);
    scatter[{g.devices.size(), found->first}].push_back(std::move(g));
  }
  for (auto &[key, groups] : scatter) {
    Step step;
    step.kind = StepKind::ReduceScatter;
    step.dim = key.second;
    step.groups = std::move(groups);
    plan.steps.push_back(std::move(step));
  }
  // 2. Across groups, block by block of the common grid.
  std::vector<std::set<int64_t>> cuts(rank);
  for (int64_t dev : midLayout.devices()) {
    Placement p = *midLayout.place(dev);
    for (int64_t k = 0; k < rank; ++k) {
      cuts[k].insert(p.box[k].lo);
      cuts[k].insert(p.box[k].hi);
    }
  }
  std::vector<std::vector<int64_t>> bounds(rank);
  for (int64_t k = 0; k < rank; ++k) {
    bounds[k].assign(cuts[k].begin(), cuts[k].end());
    if (bounds[k].size() < 2)
      return std::nullopt; // an empty dimension: nothing to reduce
  }
  int64_t numCells = 1;
  for (int64_t k = 0; k < rank; ++k)
    if (__builtin_mul_overflow(numCells,
                               static_cast<int64_t>(bounds[k].size()) - 1,
                               &numCells))
      numCells = INT64_MAX;
  if (numCells > kMaxEntries) {
    Plan failed;
    failed.strategy = plan.strategy;
    failed.error = "the hierarchical plan would have more than " +
                   std::to_string(kMaxEntries) + " cross-group all-reduces";
    return failed;
  }
  std::vector<size_t> idx(rank, 0);
  while (true) {
    Box cell(rank);
    for (int64_t k = 0; k < rank; ++k)
      cell[k] = {bounds[k][idx[k]], bounds[k][idx[k] + 1]};
    // The intermediate has no replicas: each group holds a cell of the grid
    // cut by every boundary in exactly one block, on one device.
    CollectiveGroup g{{}, cell};
    midLayout.forEachBlockMeeting(
        cell, [&](int64_t, const Box &, layout::DeviceSpan devices) {
          g.devices.push_back(devices[0]);
        });
    if (g.devices.size() != mid.groups.size())
      return std::nullopt;
    Step step;
    step.kind = StepKind::AllReduce;
    step.groups.push_back(std::move(g));
    plan.steps.push_back(std::move(step));
    int64_t k = rank - 1;
    for (; k >= 0; --k)
      if (++idx[k] + 1 < bounds[k].size())
        break;
      else
        idx[k] = 0;
    if (k < 0)
      break;
  }
  // 3. Inside each group: from the split blocks to the destination layout.
  if (!layout::equivalent(midDupLayout, dst)) {
    std::vector<Holder> post = holders(midDupLayout, dst);
    std::optional<Plan> rest = planLocal(post);
    if (!rest)
      rest = planAllGather(post);
    if (!rest)
      return std::nullopt;
    for (Step &step : rest->steps)
      plan.steps.push_back(std::move(step));
  }
  return plan;
}

/// The senders candidate for some cells, ordered as Semantics.md "Changing a placement" chooses them:
/// fewest bytes sent so far, then lowest id.
using SenderOrder = std::set<std::pair<int64_t, int64_t>>;

/// Every pool of candidate senders the planner has used, kept ordered by the
/// bytes each has sent so far. Regions with the same candidates share a
/// pool, so that choosing among the thousands of replicas of one block costs
/// a lookup per region, not a pass over the replicas (a replicated tensor
/// sent to as many new devices was quadratic).
class SenderPools {
public:
  explicit SenderPools(const std::vector<int64_t> &sources)
      : sources(sources), bytes(sources.size(), 0), member(sources.size()) {}

  /// The pool under `key`, made of `candidates()` on first use.
  SenderOrder &pool(std::vector<int64_t> key,
                    const std::function<std::vector<int64_t>()> &candidates) {
    auto [it, inserted] = pools.try_emplace(std::move(key));
    if (inserted)
      for (int64_t c : candidates()) {
        size_t s = slotOf(c);
        it->second.insert({bytes[s], c});
        member[s].push_back(&it->second);
      }
    return it->second;
  }

  /// Device `d` sends `added` more bytes: every pool holding it reorders.
  void charge(int64_t d, int64_t added) {
    size_t s = slotOf(d);
    int64_t now;
    if (__builtin_add_overflow(bytes[s], added, &now))
      now = INT64_MAX; // saturates: only the choice of sender depends on it
    for (SenderOrder *order : member[s]) {
      order->erase({bytes[s], d});
      order->insert({now, d});
    }
    bytes[s] = now;
  }

  /// The index of source device `d` (in increasing device order).
  size_t slotOf(int64_t d) const {
    return std::lower_bound(sources.begin(), sources.end(), d) -
           sources.begin();
  }

private:
  const std::vector<int64_t> &sources;
  std::vector<int64_t> bytes;
  std::map<std::vector<int64_t>, SenderOrder> pools; // stable addresses
  std::vector<std::vector<SenderOrder *>> member;
};

/// The sender rule of Semantics.md "Changing a placement" (case 6), cell by
/// cell, for `count` cells of `cellBytes` each that the senders of `order` can
/// send: every cell goes to the candidate with the fewest bytes sent so far,
/// then the lowest id. The same candidate wins consecutive cells until its
/// bytes pass the runner-up's, so the cells are dealt in runs, one step per
/// run: the work is the number of pieces written, not of cells. Returns false,
/// having stopped, once `out` holds `maxPieces` (senders taking turns on a fine
/// grid write a piece per cell).
bool dealCells(SenderOrder &order, int64_t count, int64_t cellBytes,
               SenderPools &pools, std::vector<Piece> &out,
               int64_t maxPieces) {
  int64_t first = 0;
  while (first < count) {
    if (static_cast<int64_t>(out.size()) >= maxPieces)
      return false;
    auto [bx, x] = *order.begin();
    int64_t take = count - first;
    if (order.size() > 1) {
      auto [by, y] = *std::next(order.begin());
      // x wins the cell after taking t more while (bx + t * cellBytes, x) <
      // (by, y).
      __int128 gap = __int128(by) - bx;
      __int128 wins = x < y ? gap / cellBytes + 1
                            : (gap + cellBytes - 1) / cellBytes;
      take = static_cast<int64_t>(std::min<__int128>(wins, take));
    }
    out.push_back({x, first, take});
    int64_t added;
    if (__builtin_mul_overflow(take, cellBytes, &added))
      added = INT64_MAX;
    pools.charge(x, added);
    first += take;
  }
  return true;
}

} // namespace

Plan hspmd::plan::planPointToPoint(const Layout &src, const Layout &dst,
                                   int64_t elementBytes) {
  int64_t rank = src.rank();
  const std::vector<int64_t> &shape = src.shape();
  Box whole;
  for (int64_t size : shape)
    whole.push_back({0, size});
  if (!layout::checkedBytes(whole, elementBytes))
    return Plan{{}, "point-to-point",
                "the tensor's bytes do not fit in 64 bits"};

  std::vector<Placement> sources, targets;
  for (int64_t d : src.devices())
    sources.push_back(*src.place(d));
  for (int64_t d : dst.devices())
    targets.push_back(*dst.place(d));
  std::vector<int64_t> cell = uniformCell(src, dst);
  int64_t cellBytes = cellBytesOf(cell, elementBytes);

  SenderPools pools(src.devices());
  auto slotOf = [&](int64_t d) { return pools.slotOf(d); };
  // Per source block (by its device list), the destination groups of its
  // devices: whether a block offers a sender from the receiver's own group.
  std::map<const int64_t *, std::vector<int64_t>> groupsOfBlock;
  auto dstGroupsOf = [&](layout::DeviceSpan devices)
      -> const std::vector<int64_t> & {
    auto [it, inserted] = groupsOfBlock.try_emplace(devices.begin());
    if (inserted) {
      for (int64_t c : devices)
        if (std::optional<int64_t> g = dst.groupOf(c))
          it->second.push_back(*g);
      std::sort(it->second.begin(), it->second.end());
      it->second.erase(std::unique(it->second.begin(), it->second.end()),
                       it->second.end());
    }
    return it->second;
  };

  Plan plan;
  plan.strategy = "point-to-point";
  int64_t regionsSeen = 0, entries = 0;
  auto tooLarge = [&](const std::string &what) {
    Plan failed;
    failed.strategy = plan.strategy;
    failed.error = what;
    return failed;
  };
  Step step;
  step.kind = StepKind::SendRecv;
  step.accumulate = src.sharding().hasPartial();
  for (size_t t = 0; t < targets.size(); ++t) {
    int64_t d = dst.devices()[t];
    const Placement &to = targets[t];
    std::optional<Placement> from = src.place(d);
    DeviceUpdate update{d, to.box, true, {}};
    if ((to.summand && !to.keeper) || layout::volume(to.box) == 0) {
      step.updates.push_back(std::move(update));
      continue; // holds zeros (or nothing)
    }

    // The source blocks meeting the destination block, clipped to it. Their
    // boundaries cut each dimension of the block into intervals; a region,
    // one interval per dimension, has the same holders in every cell.
    struct Held {
      Box box;
      layout::DeviceSpan devices;
    };
    std::vector<Held> held;
    src.forEachBlockMeeting(to.box, [&](int64_t, const Box &block,
                                        layout::DeviceSpan devices) {
      held.push_back({layout::intersect(block, to.box), devices});
    });
    std::vector<std::vector<int64_t>> cuts(rank);
    int64_t numRegions = 1;
    for (int64_t k = 0; k < rank; ++k) {
      cuts[k] = {to.box[k].lo, to.box[k].hi};
      for (const Held &h : held) {
        cuts[k].push_back(h.box[k].lo);
        cuts[k].push_back(h.box[k].hi);
      }
      std::sort(cuts[k].begin(), cuts[k].end());
      cuts[k].erase(std::unique(cuts[k].begin(), cuts[k].end()),
                    cuts[k].end());
      if (__builtin_mul_overflow(numRegions,
                                 static_cast<int64_t>(cuts[k].size()) - 1,
                                 &numRegions))
        numRegions = INT64_MAX;
    }
    if (numRegions > kMaxRegions - regionsSeen)
      return tooLarge("the point-to-point plan would visit more than " +
                      std::to_string(kMaxRegions) +
                      " regions of the common grid (blocks with the same "
                      "holders)");
    regionsSeen += numRegions;

    // Each region's holders (indices into `held`), in one flat array.
    std::vector<int64_t> regionStart(numRegions + 1, 0), regionHeld;
    auto forEachCovered = [&](const Held &h, auto &&visit) {
      std::vector<int64_t> lo(rank), hi(rank), idx(rank);
      for (int64_t k = 0; k < rank; ++k) {
        lo[k] = std::lower_bound(cuts[k].begin(), cuts[k].end(), h.box[k].lo) -
                cuts[k].begin();
        hi[k] = std::lower_bound(cuts[k].begin(), cuts[k].end(), h.box[k].hi) -
                cuts[k].begin();
        if (lo[k] >= hi[k])
          return;
      }
      idx = lo;
      while (true) {
        int64_t linear = 0;
        for (int64_t k = 0; k < rank; ++k)
          linear = linear * (static_cast<int64_t>(cuts[k].size()) - 1) + idx[k];
        visit(linear);
        int64_t k = rank - 1;
        for (; k >= 0; --k) {
          if (++idx[k] < hi[k])
            break;
          idx[k] = lo[k];
        }
        if (k < 0)
          return;
      }
    };
    for (const Held &h : held)
      forEachCovered(h, [&](int64_t r) { ++regionStart[r + 1]; });
    for (int64_t r = 0; r < numRegions; ++r)
      regionStart[r + 1] += regionStart[r];
    regionHeld.resize(regionStart[numRegions]);
    {
      std::vector<int64_t> fill(regionStart.begin(), regionStart.end() - 1);
      for (size_t i = 0; i < held.size(); ++i)
        forEachCovered(held[i],
                       [&](int64_t r) { regionHeld[fill[r]++] = i; });
    }

    std::vector<Transfer> received;
    std::unordered_map<int64_t, size_t> lastFrom; // sender -> its last entry
    auto receive = [&](int64_t sender, const Box &box) {
      auto it = lastFrom.find(sender);
      if (it != lastFrom.end() && extends(received[it->second].box, box))
        return;
      lastFrom[sender] = received.size();
      received.push_back({sender, d, box});
      ++entries;
    };
    auto keepOwn = [&](const Box &box) {
      if (update.localCopies.empty() ||
          !extends(update.localCopies.back(), box)) {
        update.localCopies.push_back(box);
        ++entries;
      }
    };
    // Semantics.md "Changing a placement": a sender from the receiver's
    // destination group if there is one, then by fewest bytes, then lowest id.
    auto preferOwnGroup = [&](std::vector<int64_t> candidates) {
      std::vector<int64_t> own;
      for (int64_t c : candidates)
        if (dst.groupOf(c) == to.group)
          own.push_back(c);
      return own.empty() ? candidates : own;
    };
    // The pool of the value holders of some blocks: keyed by the blocks and
    // whether the receiver's own group is among their devices', never by
    // the (possibly thousands of) devices themselves.
    auto valuePool = [&](const std::vector<const Held *> &blocks)
        -> SenderOrder & {
      bool own = false;
      for (const Held *h : blocks) {
        const std::vector<int64_t> &groups = dstGroupsOf(h->devices);
        own = own || std::binary_search(groups.begin(), groups.end(), to.group);
      }
      std::vector<int64_t> key{0, own ? to.group : -1};
      for (const Held *h : blocks)
        key.push_back(
            static_cast<int64_t>(reinterpret_cast<intptr_t>(h->devices.begin())));
      return pools.pool(std::move(key), [&] {
        std::vector<int64_t> all;
        for (const Held *h : blocks)
          for (int64_t c : h->devices)
            if (!own || dst.groupOf(c) == to.group)
              all.push_back(c);
        return all;
      });
    };
    // The pool of one summand class's replicas (a handful), keyed by them.
    auto replicaPool = [&](const std::vector<int64_t> &replicas)
        -> SenderOrder & {
      std::vector<int64_t> candidates = preferOwnGroup(replicas);
      std::vector<int64_t> key{1};
      key.insert(key.end(), candidates.begin(), candidates.end());
      return pools.pool(std::move(key), [&] { return candidates; });
    };

    // Regions in row-major order; inside a region, its cells in row-major
    // order: the order of Semantics.md "Changing a placement" for rank 0
    // and 1 (in more dimensions it interleaves the rows of neighbouring
    // regions; docs/Deviations.md).
    std::vector<int64_t> idx(rank, 0);
    for (int64_t r = 0; r < numRegions; ++r) {
      Box region(rank);
      int64_t cells = 1;
      for (int64_t k = 0; k < rank; ++k) {
        region[k] = {cuts[k][idx[k]], cuts[k][idx[k] + 1]};
        cells *= region[k].size() / cell[k];
      }
      bool ownValue = from && !from->summand &&
                      layout::intersect(from->box, region) == region;
      if (ownValue) {
        keepOwn(region);
      } else {
        // The blocks of one group hold values or summands alike.
        std::vector<const Held *> valueBlocks;
        std::map<int64_t, std::map<std::vector<int64_t>, std::vector<int64_t>>>
            decompositions;
        for (int64_t i = regionStart[r]; i < regionStart[r + 1]; ++i) {
          const Held &h = held[regionHeld[i]];
          if (!sources[slotOf(h.devices[0])].summand) {
            valueBlocks.push_back(&h);
            continue;
          }
          for (int64_t s : h.devices) {
            const Placement &p = sources[slotOf(s)];
            decompositions[p.decomposition][p.summandClass].push_back(s);
          }
        }
        std::vector<Piece> pieces;
        bool dealt = true;
        if (!valueBlocks.empty()) {
          dealt = dealCells(valuePool(valueBlocks), cells, cellBytes, pools,
                            pieces, kMaxEntries - entries);
        } else {
          // Summands only: keep the own summand if there is one, and take the
          // other classes of its decomposition; else the decomposition with
          // the fewest classes.
          bool ownSummand = from && from->summand &&
                            layout::intersect(from->box, region) == region;
          int64_t dec;
          if (ownSummand) {
            dec = from->decomposition;
          } else {
            dec = decompositions.begin()->first;
            for (const auto &[id, classes] : decompositions)
              if (classes.size() < decompositions[dec].size())
                dec = id;
          }
          for (auto &[cls, replicas] : decompositions[dec]) {
            if (ownSummand && cls == from->summandClass) {
              keepOwn(region);
              continue;
            }
            std::sort(replicas.begin(), replicas.end());
            dealt = dealt && dealCells(replicaPool(replicas), cells, cellBytes,
                                       pools, pieces, kMaxEntries - entries);
          }
          // Cell by cell, the classes take turns: entries are created in
          // the order of their first cell, then of their class.
          std::stable_sort(pieces.begin(), pieces.end(),
                           [](const Piece &a, const Piece &b) {
                             return a.first < b.first;
                           });
        }
        if (!dealt)
          entries = kMaxEntries + 1;
        else
          for (const Piece &piece : pieces)
            forEachRangeBox(region, cell, piece.first, piece.count,
                            [&](const Box &box) { receive(piece.sender, box); });
      }
      if (entries > kMaxEntries)
        return tooLarge("the point-to-point plan would have more than " +
                        std::to_string(kMaxEntries) +
                        " transfers and local copies");
      for (int64_t k = rank - 1; k >= 0; --k) {
        if (++idx[k] + 1 < static_cast<int64_t>(cuts[k].size()))
          break;
        idx[k] = 0;
      }
    }
    step.transfers.insert(step.transfers.end(), received.begin(),
                          received.end());
    step.updates.push_back(std::move(update));
  }
  plan.steps.push_back(std::move(step));
  return plan;
}

namespace {
/// Case 6 for a partial source and a destination without summands: the
/// point-to-point plan or the combine-first plan (made twice), whichever
/// has the fewest bytes received by the busiest device, then in total; on a
/// tie the point-to-point plan (one exchange).
Plan planPartialToWhole(const Layout &src, const Layout &dst,
                        int64_t elementBytes) {
  Plan best = planPointToPoint(src, dst, elementBytes);
  if (best.error)
    return best;
  auto cost = [&](const Plan &p) {
    int64_t busiest = 0, total = 0;
    for (const DeviceTraffic &t : traffic(p, elementBytes)) {
      busiest = std::max(busiest, t.received);
      total = t.received > INT64_MAX - total ? INT64_MAX : total + t.received;
    }
    return std::make_pair(busiest, total);
  };
  std::pair<int64_t, int64_t> bestCost = cost(best);
  for (bool preferReceivers : {true, false})
    if (std::optional<Plan> p =
            planCombineFirst(src, dst, elementBytes, preferReceivers)) {
      std::pair<int64_t, int64_t> c = cost(*p);
      if (c < bestCost) {
        bestCost = c;
        best = std::move(*p);
      }
    }
  return best;
}
} // namespace

Plan hspmd::plan::planReshard(const Layout &src, const Layout &dst,
                              int64_t elementBytes) {
  // Every count below (bytes per device, per box) is at most the tensor's.
  Box whole;
  for (int64_t size : src.shape())
    whole.push_back({0, size});
  if (!layout::checkedBytes(whole, elementBytes))
    return Plan{{}, "", "the tensor's bytes do not fit in 64 bits"};
  if (layout::equivalent(src, dst))
    return Plan{{}, "equal"};
  if (layout::volume(whole) == 0) {
    // No elements (a dimension of size 0): every destination block is empty,
    // so each device makes its own; nothing moves, and no slice is taken of
    // an empty buffer (upstream's slice verifier rejects offset 0 there).
    Plan plan;
    plan.strategy = "local";
    Step zeros;
    zeros.kind = StepKind::KeepOrZero;
    for (int64_t d : dst.devices())
      zeros.updates.push_back({d, dst.place(d)->box, /*keep=*/false, {}});
    plan.steps.push_back(std::move(zeros));
    return plan;
  }
  std::vector<Holder> hs = holders(src, dst);
  if (std::optional<Plan> p = planLocal(hs))
    return *p;
  if (sameDevices(src, dst)) {
    if (std::optional<Plan> p = planAllReduce(hs))
      return *p;
    if (std::optional<Plan> p = planReduceScatter(hs))
      return *p;
    if (std::optional<Plan> p = planAllGather(hs))
      return *p;
    if (std::optional<Plan> p = planAllToAll(hs, src.rank()))
      return *p;
  }
  if (std::optional<Plan> p = planHierarchical(src, dst))
    return *p;
  if (src.sharding().hasPartial() && !dst.sharding().hasPartial())
    return planPartialToWhole(src, dst, elementBytes);
  return planPointToPoint(src, dst, elementBytes);
}
