//===- Sharding.cpp - Plain C++ model of an HSPMD sharding ----------------===//

#include "hspmd/Layout/Sharding.h"
#include "hspmd/Layout/BoxText.h"
#include "hspmd/Layout/Limits.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

using namespace hspmd::layout;

namespace {
using i128 = __int128;

std::string joinInts(const std::vector<int64_t> &v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i)
      s += ", ";
    s += std::to_string(v[i]);
  }
  return s + "]";
}

/// Product of the axis sizes, or nothing on overflow.
std::optional<int64_t> axisProduct(const Group &g) {
  int64_t p = 1;
  for (const Axis &a : g.axes)
    if (__builtin_mul_overflow(p, a.size, &p))
      return std::nullopt;
  return p;
}

/// The blocks of a dimension of size `size` cut by the top tier, one per
/// group, from prefix sums of the weights (128-bit: weights and sizes are
/// user numbers). Linear in the groups.
std::vector<Range> topTierRanges(const Sharding &s, int64_t size) {
  int64_t n = static_cast<int64_t>(s.groups.size());
  std::vector<Range> out;
  i128 total = 0, before = 0;
  for (int64_t w : s.weights)
    total += w;
  for (int64_t g = 0; g < n; ++g) {
    if (s.weights.empty()) {
      out.push_back({size / n * g, size / n * (g + 1)});
      continue;
    }
    i128 upto = before + s.weights[g];
    out.push_back({static_cast<int64_t>(i128(size) * before / total),
                   static_cast<int64_t>(i128(size) * upto / total)});
    before = upto;
  }
  return out;
}
} // namespace

std::string hspmd::layout::formatDeviceList(const DeviceList &v) {
  std::string s = "[";
  bool first = true;
  for (const DeviceList::Run &r : v.getRuns()) {
    auto item = [&](const std::string &text) {
      s += (first ? "" : ", ") + text;
      first = false;
    };
    if (r.count >= kMinPrintedRange) {
      item(std::to_string(r.first) + " to " + std::to_string(r.last()));
      continue;
    }
    for (int64_t i = 0; i < r.count; ++i)
      item(std::to_string(r.first + i));
  }
  return s + "]";
}

std::string Role::str() const {
  switch (kind) {
  case Split:
    return "d" + std::to_string(dim);
  case Dup:
    return "dup";
  case Partial:
    return "partial";
  }
  return "?";
}

int64_t Role::encode() const {
  switch (kind) {
  case Split:
    return dim;
  case Dup:
    return -1;
  case Partial:
    return -2;
  }
  return -1;
}

Role Role::decode(int64_t code) {
  if (code >= 0)
    return split(code);
  return code == -2 ? partial() : dup();
}

int64_t DeviceList::operator[](size_t i) const {
  size_t r = static_cast<size_t>(
      std::upper_bound(ends.begin(), ends.end(), static_cast<int64_t>(i)) -
      ends.begin());
  int64_t before = r ? ends[r - 1] : 0;
  return runs[r].first + (static_cast<int64_t>(i) - before);
}

void DeviceList::appendRun(int64_t first, int64_t count) {
  int64_t next;
  if (!runs.empty() && runs.back().count > 0 &&
      !__builtin_add_overflow(runs.back().first, runs.back().count, &next) &&
      next == first) {
    runs.back().count += count;
    ends.back() += count;
  } else {
    runs.push_back({first, count});
    ends.push_back(total + count);
  }
  total += count;
}

int64_t DeviceList::position(int64_t id) const {
  for (size_t r = 0; r < runs.size(); ++r)
    if (id >= runs[r].first && id <= runs[r].last())
      return (r ? ends[r - 1] : 0) + (id - runs[r].first);
  return -1;
}

std::vector<int64_t> DeviceList::vec() const {
  std::vector<int64_t> ids;
  ids.reserve(size());
  for (const Run &r : runs)
    for (int64_t i = 0; i < r.count; ++i)
      ids.push_back(r.first + i);
  return ids;
}

bool DeviceList::operator<(const DeviceList &o) const {
  return std::lexicographical_compare(begin(), end(), o.begin(), o.end());
}

bool hspmd::layout::operator==(const DeviceList &a,
                               const std::vector<int64_t> &b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

std::optional<std::string> Sharding::verifyStructure() const {
  if (hetero && groups.size() < 2)
    return "`hetero` needs at least two groups, got " +
           std::to_string(groups.size());
  if (groups.empty())
    return std::string("a sharding needs at least one group");
  if (!hetero && groups.size() != 1)
    return std::string("several groups need a `hetero` role");
  if (!weights.empty()) {
    if (!hetero || !hetero->isSplit())
      return "`weights` are only allowed with `hetero = d<k>`, not with "
             "`hetero = " +
             (hetero ? hetero->str() : std::string("none")) + "`";
    if (weights.size() != groups.size())
      return "`weights` has " + std::to_string(weights.size()) +
             " entries but there are " + std::to_string(groups.size()) +
             " groups";
    for (int64_t w : weights)
      if (w <= 0)
        return "weights must be positive, got " + std::to_string(w);
    int64_t sum = 0;
    for (int64_t w : weights)
      if (__builtin_add_overflow(sum, w, &sum))
        return std::string("the sum of the weights overflows int64");
  }
  if (hetero && hetero->isSplit() && hetero->dim < 0)
    return "split dimension " + std::to_string(hetero->dim) + " is negative";
  // Duplicates are looked for among the runs, sorted by first id
  // (shardings list thousands of devices in a few runs); only when two
  // overlap, a walk in order names the first repeated id.
  std::vector<DeviceList::Run> sorted;
  for (const Group &grp : groups)
    sorted.insert(sorted.end(), grp.devices.getRuns().begin(),
                  grp.devices.getRuns().end());
  std::sort(sorted.begin(), sorted.end(),
            [](const DeviceList::Run &a, const DeviceList::Run &b) {
              return a.first < b.first;
            });
  bool repeats = false;
  for (size_t i = 1; i < sorted.size(); ++i)
    repeats |= sorted[i].first <= sorted[i - 1].last();
  std::set<int64_t> seen;
  for (size_t g = 0; g < groups.size(); ++g) {
    const Group &grp = groups[g];
    std::string where =
        groups.size() > 1 ? " in group " + std::to_string(g) : std::string();
    if (grp.devices.empty())
      return "group " + std::to_string(g) + " has no devices";
    for (const DeviceList::Run &r : grp.devices.getRuns())
      for (int64_t d : {r.first, r.last()})
        if (d < 0 || d >= kMaxDevice)
          return "device id " + std::to_string(d) +
                 " is out of range: ids must be in [0, 2^31)";
    if (repeats)
      for (int64_t d : grp.devices)
        if (!seen.insert(d).second)
          return "device " + std::to_string(d) + " appears more than once";
    for (size_t i = 0; i < grp.axes.size(); ++i) {
      const Axis &a = grp.axes[i];
      if (a.role.isSplit() && a.role.dim < 0)
        return "split dimension " + std::to_string(a.role.dim) + " is negative";
      if (a.size < 2)
        return "axis `" + a.role.str() + " = " + std::to_string(a.size) + "`" +
               where + " has size " + std::to_string(a.size) +
               ": axis sizes must be at least 2";
      for (size_t j = 0; j < i; ++j)
        if (grp.axes[j].role == a.role)
          return "role `" + a.role.str() + "` appears more than once" + where;
    }
    std::optional<int64_t> prod = axisProduct(grp);
    if (!prod || *prod != static_cast<int64_t>(grp.devices.size()))
      return "the axes" + where + " multiply to " +
             (prod ? std::to_string(*prod) : std::string("more than 2^63")) +
             " but the group has " + std::to_string(grp.devices.size()) +
             " device" + (grp.devices.size() == 1 ? "" : "s");
  }
  return std::nullopt;
}

std::optional<std::string>
Sharding::verifyShape(const std::vector<int64_t> &shape) const {
  int64_t rank = static_cast<int64_t>(shape.size());
  for (int64_t k = 0; k < rank; ++k)
    if (shape[k] < 0)
      return "dimension " + std::to_string(k) +
             " is dynamic: annotated tensors must have a static shape";
  auto checkDim = [&](const Role &r) -> std::optional<std::string> {
    if (r.isSplit() && r.dim >= rank)
      return "split dimension `" + r.str() + "` is out of range for a rank-" +
             std::to_string(rank) + " tensor";
    return std::nullopt;
  };
  if (hetero)
    if (auto err = checkDim(*hetero))
      return err;
  for (const Group &g : groups)
    for (const Axis &a : g.axes)
      if (auto err = checkDim(a.role))
        return err;

  int64_t n = static_cast<int64_t>(groups.size());
  if (hetero && hetero->isSplit()) {
    int64_t size = shape[hetero->dim];
    if (weights.empty()) {
      if (size % n != 0)
        return "dimension " + std::to_string(hetero->dim) + " of size " +
               std::to_string(size) + " cannot be cut into " +
               std::to_string(n) + " equal blocks, one per group";
    } else {
      // Weights count after reduction by their gcd (Semantics.md).
      int64_t total = 0, g = 0;
      for (int64_t w : weights) {
        total += w;
        g = std::gcd(g, w);
      }
      total /= g;
      if (size % total != 0)
        return "dimension " + std::to_string(hetero->dim) + " of size " +
               std::to_string(size) + " cannot be cut by weights " +
               joinInts(weights) + ": their reduced sum " +
               std::to_string(total) + " must divide it";
    }
  }
  std::vector<Range> top;
  if (hetero && hetero->isSplit())
    top = topTierRanges(*this, shape[hetero->dim]);
  for (int64_t g = 0; g < n; ++g) {
    const Group &grp = groups[g];
    for (const Axis &a : grp.axes) {
      if (!a.role.isSplit())
        continue;
      int64_t extent = shape[a.role.dim];
      if (hetero && hetero->isSplit() && hetero->dim == a.role.dim)
        extent = top[g].size();
      if (extent % a.size != 0)
        return "axis `" + a.role.str() + " = " + std::to_string(a.size) + "`" +
               (n > 1 ? " in group " + std::to_string(g) : "") +
               " does not divide dimension " + std::to_string(a.role.dim) +
               (n > 1 && hetero && hetero->isSplit() &&
                        hetero->dim == a.role.dim
                    ? " of the group's block, of size "
                    : " of size ") +
               std::to_string(extent);
    }
  }
  return std::nullopt;
}

void Sharding::normalizeWeights() {
  if (weights.empty())
    return;
  int64_t g = 0;
  for (int64_t w : weights)
    g = std::gcd(g, w);
  bool allEqual = true;
  for (int64_t &w : weights) {
    w /= g;
    allEqual &= w == weights.front();
  }
  if (allEqual)
    weights.clear();
}

bool Sharding::hasPartial() const {
  if (hetero && hetero->isPartial())
    return true;
  for (const Group &g : groups)
    for (const Axis &a : g.axes)
      if (a.role.isPartial())
        return true;
  return false;
}

std::vector<int64_t> Sharding::devices() const {
  std::vector<DeviceList::Run> runs;
  for (const Group &g : groups)
    runs.insert(runs.end(), g.devices.getRuns().begin(),
                g.devices.getRuns().end());
  std::sort(runs.begin(), runs.end(),
            [](const DeviceList::Run &a, const DeviceList::Run &b) {
              return a.first < b.first;
            });
  std::vector<int64_t> all;
  for (const DeviceList::Run &r : runs)
    for (int64_t i = 0; i < r.count; ++i)
      all.push_back(r.first + i);
  if (!std::is_sorted(all.begin(), all.end()))
    std::sort(all.begin(), all.end());
  return all;
}

std::string hspmd::layout::formatAxes(const std::vector<Axis> &axes) {
  std::string s = "[";
  for (size_t i = 0; i < axes.size(); ++i) {
    if (i)
      s += ", ";
    s += axes[i].role.str() + " = " + std::to_string(axes[i].size);
  }
  return s + "]";
}

std::string Sharding::str() const {
  auto groupStr = [](const Group &g) {
    return formatDeviceList(g.devices) + " : " + formatAxes(g.axes);
  };
  if (!hetero)
    return groups.empty() ? std::string() : groupStr(groups.front());
  std::string s = "hetero = " + hetero->str();
  if (!weights.empty())
    s += ", weights = " + joinInts(weights);
  s += ", groups = [";
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g)
      s += ", ";
    s += groupStr(groups[g]);
  }
  return s + "]";
}

int64_t hspmd::layout::volume(const Box &box) {
  // Saturates: callers that report counts use checkedVolume instead.
  return checkedVolume(box).value_or(INT64_MAX);
}

std::optional<int64_t> hspmd::layout::checkedVolume(const Box &box) {
  for (const Range &r : box)
    if (r.size() <= 0)
      return 0; // empty, however large the other extents
  int64_t v = 1;
  for (const Range &r : box)
    if (__builtin_mul_overflow(v, std::max<int64_t>(r.size(), 0), &v))
      return std::nullopt;
  return v;
}

std::optional<int64_t> hspmd::layout::checkedBytes(const Box &box,
                                                   int64_t elementBytes) {
  std::optional<int64_t> v = checkedVolume(box);
  int64_t bytes;
  if (!v || __builtin_mul_overflow(*v, elementBytes, &bytes))
    return std::nullopt;
  return bytes;
}

Box hspmd::layout::intersect(const Box &a, const Box &b) {
  Box out(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    out[i].lo = std::max(a[i].lo, b[i].lo);
    out[i].hi = std::max(out[i].lo, std::min(a[i].hi, b[i].hi));
  }
  return out;
}

bool hspmd::layout::contains(const Box &box, const std::vector<int64_t> &p) {
  for (size_t i = 0; i < box.size(); ++i)
    if (p[i] < box[i].lo || p[i] >= box[i].hi)
      return false;
  return true;
}

Layout::Layout(Sharding sharding, std::vector<int64_t> shape)
    : shardingValue(std::move(sharding)), shapeValue(std::move(shape)) {
  const std::vector<Group> &groups = shardingValue.groups;
  for (size_t g = 0; g < groups.size(); ++g) {
    int64_t p = 0;
    for (const DeviceList::Run &r : groups[g].devices.getRuns()) {
      index.push_back({r.first, r.last(), static_cast<int64_t>(g), p});
      p += r.count;
    }
    deviceCount += groups[g].devices.size();
  }
  if (!std::is_sorted(index.begin(), index.end()))
    std::sort(index.begin(), index.end());

  const auto &hetero = shardingValue.hetero;
  if (hetero && hetero->isSplit())
    topRanges = topTierRanges(shardingValue, shapeValue[hetero->dim]);
}

const std::vector<int64_t> &Layout::devices() const {
  if (!deviceList) {
    deviceList.emplace();
    deviceList->reserve(deviceCount);
    for (const auto &e : index)
      for (int64_t d = e[0]; d <= e[1]; ++d)
        deviceList->push_back(d);
  }
  return *deviceList;
}

const std::vector<Layout::GroupBlocks> &Layout::groupBlocks() const {
  if (blocks)
    return *blocks;
  blocks.emplace();
  const std::vector<Group> &groups = shardingValue.groups;
  // Each group's grid of distinct blocks: the block index along a dimension
  // combines the coordinates of the axes splitting it, outer axis first (as
  // `place` narrows the box axis by axis).
  size_t rank = shapeValue.size();
  for (size_t g = 0; g < groups.size(); ++g) {
    const Group &grp = groups[g];
    GroupBlocks gb;
    gb.box = groupBox(static_cast<int64_t>(g));
    gb.count.assign(rank, 1);
    for (const Axis &a : grp.axes)
      if (a.role.isSplit())
        gb.count[a.role.dim] *= a.size;
    int64_t numBlocks = 1;
    for (size_t k = 0; k < rank; ++k) {
      gb.size.push_back(gb.box[k].size() / gb.count[k]);
      numBlocks *= gb.count[k];
    }
    std::vector<int64_t> blockOf(grp.devices.size());
    std::vector<int64_t> coords(grp.axes.size()), idx(rank);
    for (size_t p = 0; p < grp.devices.size(); ++p) {
      int64_t rest = static_cast<int64_t>(p);
      for (size_t i = grp.axes.size(); i-- > 0;) {
        coords[i] = rest % grp.axes[i].size;
        rest /= grp.axes[i].size;
      }
      std::fill(idx.begin(), idx.end(), 0);
      for (size_t i = 0; i < grp.axes.size(); ++i)
        if (grp.axes[i].role.isSplit())
          idx[grp.axes[i].role.dim] =
              idx[grp.axes[i].role.dim] * grp.axes[i].size + coords[i];
      int64_t linear = 0;
      for (size_t k = 0; k < rank; ++k)
        linear = linear * gb.count[k] + idx[k];
      blockOf[p] = linear;
    }
    gb.start.assign(numBlocks + 1, 0);
    for (int64_t b : blockOf)
      ++gb.start[b + 1];
    for (int64_t b = 0; b < numBlocks; ++b)
      gb.start[b + 1] += gb.start[b];
    gb.members.resize(grp.devices.size());
    std::vector<int64_t> fill(gb.start.begin(), gb.start.end() - 1);
    size_t p = 0;
    for (int64_t d : grp.devices)
      gb.members[fill[blockOf[p++]]++] = d;
    blocks->push_back(std::move(gb));
  }
  return *blocks;
}

void Layout::groupsMeeting(const Box &box, int64_t &first,
                           int64_t &last) const {
  if (topRanges.empty())
    return;
  int64_t h = shardingValue.hetero->dim;
  // Top-tier ranges increase along the dimension: the groups meeting
  // [lo, hi) are those ending after lo and starting before hi.
  auto begin = std::partition_point(
      topRanges.begin(), topRanges.end(),
      [&](const Range &r) { return r.hi <= box[h].lo; });
  auto end = std::partition_point(
      begin, topRanges.end(), [&](const Range &r) { return r.lo < box[h].hi; });
  first = begin - topRanges.begin();
  last = end - topRanges.begin();
}

bool Layout::blockRanges(const GroupBlocks &gb, const Box &box,
                         std::vector<int64_t> &lo, std::vector<int64_t> &hi) {
  size_t rank = gb.box.size();
  lo.assign(rank, 0);
  hi.assign(rank, 1);
  for (size_t k = 0; k < rank; ++k) {
    int64_t from = std::max(box[k].lo, gb.box[k].lo);
    int64_t to = std::min(box[k].hi, gb.box[k].hi);
    if (from >= to)
      return false; // also every empty box and every empty dimension
    int64_t s = gb.size[k];
    lo[k] = (from - gb.box[k].lo) / s;
    hi[k] = (to - gb.box[k].lo - 1) / s + 1;
  }
  return true;
}

std::optional<Layout::Location> Layout::locate(int64_t device) const {
  auto it = std::upper_bound(
      index.begin(), index.end(), device,
      [](int64_t d, const std::array<int64_t, 4> &e) { return d < e[0]; });
  if (it == index.begin())
    return std::nullopt;
  --it;
  if (device > (*it)[1])
    return std::nullopt;
  return Location{(*it)[2], (*it)[3] + (device - (*it)[0])};
}

Box Layout::groupBox(int64_t group) const {
  Box box;
  for (int64_t size : shapeValue)
    box.push_back({0, size});
  if (!topRanges.empty())
    box[shardingValue.hetero->dim] = topRanges[group];
  return box;
}

bool Layout::isKeeper(int64_t device) const {
  std::optional<Location> loc = locate(device);
  if (!loc)
    return false;
  const auto &hetero = shardingValue.hetero;
  if (hetero && hetero->isPartial() && loc->group != 0)
    return false;
  const Group &grp = shardingValue.groups[loc->group];
  int64_t rest = loc->position;
  for (size_t i = grp.axes.size(); i-- > 0;) {
    if (grp.axes[i].role.isPartial() && rest % grp.axes[i].size != 0)
      return false;
    rest /= grp.axes[i].size;
  }
  return true;
}

std::optional<Placement> Layout::place(int64_t device) const {
  std::optional<Location> loc = locate(device);
  if (!loc)
    return std::nullopt;
  const Group &grp = shardingValue.groups[loc->group];
  Placement p;
  p.group = loc->group;
  p.position = loc->position;
  p.box = groupBox(loc->group);
  size_t numAxes = grp.axes.size();
  p.coords.assign(numAxes, 0);
  int64_t rest = loc->position;
  for (size_t i = numAxes; i-- > 0;) {
    p.coords[i] = rest % grp.axes[i].size;
    rest /= grp.axes[i].size;
  }
  const auto &hetero = shardingValue.hetero;
  bool heteroPartial = hetero && hetero->isPartial();
  if (heteroPartial) {
    p.summand = true;
    p.summandClass.push_back(loc->group);
    p.keeper = loc->group == 0;
  }
  for (size_t i = 0; i < numAxes; ++i) {
    const Axis &a = grp.axes[i];
    if (a.role.isSplit()) {
      Range &r = p.box[a.role.dim];
      int64_t block = r.size() / a.size;
      r.lo += block * p.coords[i];
      r.hi = r.lo + block;
    } else if (a.role.isPartial()) {
      p.summand = true;
      p.summandClass.push_back(p.coords[i]);
      p.keeper &= p.coords[i] == 0;
    }
  }
  if (hetero && hetero->isDup())
    p.decomposition = loc->group;
  for (const Range &r : p.box)
    p.localShape.push_back(r.size());
  return p;
}

namespace {
/// The holders of one element and how they split into roles, in a form that
/// does not depend on how the sharding was written: the devices holding the
/// value, then for each decomposition into summands the sorted set of its
/// summand classes (each a sorted device list).
using Structure =
    std::pair<std::vector<int64_t>, std::set<std::set<std::vector<int64_t>>>>;

Structure structureAt(const Layout &layout,
                      const std::vector<Placement> &placements,
                      const std::vector<int64_t> &devices,
                      const std::vector<int64_t> &point) {
  Structure s;
  std::map<int64_t, std::map<std::vector<int64_t>, std::vector<int64_t>>> dec;
  Box unit;
  for (int64_t x : point)
    unit.push_back({x, x + 1});
  // Only the blocks holding the point, not every device.
  std::vector<int64_t> holding;
  layout.forEachBlockMeeting(unit, [&](int64_t, const Box &, DeviceSpan ds) {
    holding.insert(holding.end(), ds.begin(), ds.end());
  });
  std::sort(holding.begin(), holding.end());
  for (int64_t d : holding) {
    size_t i = std::lower_bound(devices.begin(), devices.end(), d) -
               devices.begin();
    const Placement &p = placements[i];
    if (!p.summand)
      s.first.push_back(d);
    else
      dec[p.decomposition][p.summandClass].push_back(d);
  }
  for (auto &[d, classes] : dec) {
    std::set<std::vector<int64_t>> cs;
    for (auto &[key, members] : classes)
      cs.insert(members);
    s.second.insert(std::move(cs));
  }
  return s;
}
} // namespace

bool hspmd::layout::equivalent(const Layout &a, const Layout &b) {
  if (a.shape() != b.shape() || a.devices() != b.devices())
    return false;
  const std::vector<int64_t> &devices = a.devices();
  std::vector<Placement> pa, pb;
  bool anyPartial = false;
  for (int64_t d : devices) {
    pa.push_back(*a.place(d));
    pb.push_back(*b.place(d));
    if (pa.back().box != pb.back().box ||
        pa.back().summand != pb.back().summand)
      return false;
    anyPartial |= pa.back().summand;
  }
  if (!anyPartial)
    return true;
  // Summand classes can only differ between cells of the grid that every
  // block boundary cuts; compare the role structure of one point per cell.
  int64_t rank = a.rank();
  std::vector<std::vector<int64_t>> cuts(rank);
  for (int64_t k = 0; k < rank; ++k) {
    std::set<int64_t> bounds;
    for (const Placement &p : pa) {
      bounds.insert(p.box[k].lo);
      bounds.insert(p.box[k].hi);
    }
    bounds.erase(a.shape()[k]);
    cuts[k].assign(bounds.begin(), bounds.end());
    if (a.shape()[k] == 0)
      return true; // no elements, nothing can differ
  }
  std::vector<size_t> idx(rank, 0);
  std::vector<int64_t> point(rank);
  while (true) {
    for (int64_t k = 0; k < rank; ++k)
      point[k] = cuts[k][idx[k]];
    if (structureAt(a, pa, devices, point) !=
        structureAt(b, pb, devices, point))
      return false;
    int64_t k = rank - 1;
    while (k >= 0 && ++idx[k] == cuts[k].size())
      idx[k--] = 0;
    if (k < 0)
      return true;
  }
}

int64_t hspmd::layout::lowerBoundBytes(const Layout &src, const Layout &dst,
                                       int64_t device, int64_t elementBytes) {
  std::optional<Placement> to = dst.place(device);
  if (!to || (to->summand && !to->keeper))
    return 0;
  int64_t need = volume(to->box);
  if (std::optional<Placement> from = src.place(device))
    if (!from->summand || to->summand)
      need -= volume(intersect(from->box, to->box));
  int64_t bytes;
  if (__builtin_mul_overflow(need, elementBytes, &bytes))
    return INT64_MAX;
  return bytes;
}

std::vector<Box>
hspmd::layout::lostWithout(const Layout &layout,
                           const std::function<bool(int64_t)> &alive) {
  const std::vector<int64_t> &shape = layout.shape();
  int64_t rank = layout.rank();
  std::vector<Box> lost;
  for (int64_t size : shape)
    if (size == 0)
      return lost; // no elements to lose
  std::vector<std::pair<int64_t, Placement>> held;
  std::vector<std::set<int64_t>> cuts(rank);
  for (int64_t k = 0; k < rank; ++k)
    cuts[k] = {0, shape[k]};
  for (int64_t d : layout.devices()) {
    std::optional<Placement> p = layout.place(d);
    if (!p || volume(p->box) == 0)
      continue;
    for (int64_t k = 0; k < rank; ++k) {
      cuts[k].insert(p->box[k].lo);
      cuts[k].insert(p->box[k].hi);
    }
    held.emplace_back(d, std::move(*p));
  }
  std::vector<std::vector<int64_t>> edges(rank);
  for (int64_t k = 0; k < rank; ++k)
    edges[k].assign(cuts[k].begin(), cuts[k].end());
  auto contains = [&](const Box &outer, const Box &cell) {
    for (int64_t k = 0; k < rank; ++k)
      if (cell[k].lo < outer[k].lo || cell[k].hi > outer[k].hi)
        return false;
    return true;
  };
  auto survives = [&](const Box &cell) {
    // Per decomposition, the summand classes holding the cell and whether
    // each has an alive holder.
    std::map<int64_t, std::map<std::vector<int64_t>, bool>> classes;
    for (const auto &[d, p] : held) {
      if (!contains(p.box, cell))
        continue;
      if (!p.summand) {
        if (alive(d))
          return true;
        continue;
      }
      bool &any = classes[p.decomposition][p.summandClass];
      any = any || alive(d);
    }
    for (const auto &[decomposition, members] : classes)
      if (std::all_of(members.begin(), members.end(),
                      [](const auto &m) { return m.second; }))
        return true;
    return false;
  };
  // Every cell, row-major; lost cells that touch are merged into boxes.
  std::vector<size_t> at(rank, 0);
  while (true) {
    Box cell(rank);
    for (int64_t k = 0; k < rank; ++k)
      cell[k] = Range{edges[k][at[k]], edges[k][at[k] + 1]};
    if (!survives(cell)) {
      bool merged = false;
      if (!lost.empty() && rank > 0) {
        Box &last = lost.back();
        merged = last[rank - 1].hi == cell[rank - 1].lo;
        for (int64_t k = 0; k + 1 < rank && merged; ++k)
          merged = last[k].lo == cell[k].lo && last[k].hi == cell[k].hi;
        if (merged)
          last[rank - 1].hi = cell[rank - 1].hi;
      }
      if (!merged)
        lost.push_back(cell);
    }
    int64_t k = rank - 1;
    for (; k >= 0; --k) {
      if (++at[k] + 1 < edges[k].size())
        break;
      at[k] = 0;
    }
    if (k < 0)
      break;
  }
  // Boxes equal but along one dimension, where they touch, are one box:
  // along the last dimension first, then outwards.
  for (int64_t k = rank - 2; k >= 0; --k) {
    std::vector<Box> merged;
    for (const Box &b : lost) {
      bool joined = false;
      for (Box &m : merged) {
        bool same = m[k].hi == b[k].lo;
        for (int64_t j = 0; j < rank && same; ++j)
          same = j == k || m[j] == b[j];
        if (same) {
          m[k].hi = b[k].hi;
          joined = true;
          break;
        }
      }
      if (!joined)
        merged.push_back(b);
    }
    lost = std::move(merged);
  }
  return lost;
}

std::string hspmd::layout::boxText(const Box &box) {
  if (box.empty())
    return "scalar";
  std::string s;
  for (size_t i = 0; i < box.size(); ++i) {
    if (i)
      s += " x ";
    s += "[" + std::to_string(box[i].lo) + ", " + std::to_string(box[i].hi) +
         ")";
  }
  return s;
}
