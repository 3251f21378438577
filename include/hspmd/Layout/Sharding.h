//===- Sharding.h - Plain C++ model of an HSPMD sharding --------*- C++ -*-===//
//
// The meaning of `#hspmd.sharding` lives here and nowhere else: which block of
// a tensor each device holds, in which role, and how two shardings compare.
// This library depends on the C++ standard library only, so that the planner,
// the plan checker and the cost model can use it without MLIR and be tested
// directly.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_LAYOUT_SHARDING_H
#define HSPMD_LAYOUT_SHARDING_H

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace hspmd::layout {

/// Marks a dimension whose size is not known statically (the value MLIR uses).
inline constexpr int64_t kDynamic = INT64_MIN;

/// What an axis of a group's grid, or the top tier, does to a tensor.
struct Role {
  enum Kind : uint8_t { Split, Dup, Partial };
  Kind kind = Dup;
  /// The split dimension; meaningful for `Split` only.
  int64_t dim = 0;

  static Role split(int64_t dim) { return {Split, dim}; }
  static Role dup() { return {Dup, 0}; }
  static Role partial() { return {Partial, 0}; }

  bool isSplit() const { return kind == Split; }
  bool isDup() const { return kind == Dup; }
  bool isPartial() const { return kind == Partial; }
  bool operator==(const Role &o) const {
    return kind == o.kind && (kind != Split || dim == o.dim);
  }
  bool operator!=(const Role &o) const { return !(*this == o); }

  /// `d<k>`, `dup` or `partial`.
  std::string str() const;
  /// A single integer for storage: k >= 0 for `d<k>`, -1 dup, -2 partial.
  int64_t encode() const;
  static Role decode(int64_t code);
};

/// One axis of a group's virtual device grid.
struct Axis {
  Role role;
  int64_t size = 0;
  bool operator==(const Axis &o) const {
    return role == o.role && size == o.size;
  }
};

/// A group's ordered device list, stored as maximal runs of consecutive
/// increasing ids (`[0 to 4095]` is one run, `[3, 1]` two), so that copying,
/// comparing, hashing and storing a sharding over thousands of devices costs
/// its number of runs, not of devices. It reads like a
/// `std::vector<int64_t>`; indexing is a binary search over the runs.
class DeviceList {
public:
  struct Run {
    int64_t first = 0, count = 0;
    int64_t last() const { return first + count - 1; }
    bool operator==(const Run &o) const {
      return first == o.first && count == o.count;
    }
  };

  DeviceList() = default;
  DeviceList(const std::vector<int64_t> &ids) { assign(ids.begin(), ids.end()); }
  DeviceList(std::initializer_list<int64_t> ids) {
    assign(ids.begin(), ids.end());
  }

  size_t size() const { return static_cast<size_t>(total); }
  bool empty() const { return total == 0; }
  int64_t operator[](size_t i) const;
  int64_t front() const { return runs.front().first; }
  int64_t back() const { return runs.back().last(); }

  /// Appends `count` (>= 1) consecutive ids from `first`.
  void appendRun(int64_t first, int64_t count);
  void push_back(int64_t id) { appendRun(id, 1); }
  void reserve(size_t) {}
  void clear() {
    runs.clear();
    ends.clear();
    total = 0;
  }
  /// The ids of [first, last), a run at a time (one appendRun per run, not
  /// per id: lists of thousands of ids are usually a few runs).
  template <typename It> void assign(It first, It last) {
    clear();
    while (first != last) {
      int64_t start = *first, count = 1, next;
      for (++first; first != last &&
                    !__builtin_add_overflow(start, count, &next) &&
                    *first == next;
           ++first)
        ++count;
      appendRun(start, count);
    }
  }

  /// The runs, in list order (maximal: no run continues the previous one).
  const std::vector<Run> &getRuns() const { return runs; }
  /// The position of `id` in the list, or -1.
  int64_t position(int64_t id) const;
  /// Every id, in list order.
  std::vector<int64_t> vec() const;
  operator std::vector<int64_t>() const { return vec(); }

  class iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = int64_t;
    using difference_type = std::ptrdiff_t;
    using pointer = const int64_t *;
    using reference = int64_t;
    iterator() = default;
    iterator(const DeviceList *list, size_t run, int64_t offset)
        : list(list), run(run), offset(offset) {}
    int64_t operator*() const { return list->runs[run].first + offset; }
    iterator &operator++() {
      if (++offset == list->runs[run].count) {
        ++run;
        offset = 0;
      }
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const iterator &o) const {
      return run == o.run && offset == o.offset;
    }
    bool operator!=(const iterator &o) const { return !(*this == o); }

  private:
    const DeviceList *list = nullptr;
    size_t run = 0;
    int64_t offset = 0;
  };
  using const_iterator = iterator;
  iterator begin() const { return iterator(this, 0, 0); }
  iterator end() const { return iterator(this, runs.size(), 0); }

  bool operator==(const DeviceList &o) const { return runs == o.runs; }
  bool operator!=(const DeviceList &o) const { return runs != o.runs; }
  /// Lexicographic order of the ids.
  bool operator<(const DeviceList &o) const;

private:
  std::vector<Run> runs;
  /// ends[i]: the ids in runs[0..i].
  std::vector<int64_t> ends;
  int64_t total = 0;
};

/// A device list as printed: `[...]` with every run of kMinPrintedRange (8)
/// or more consecutive increasing ids as `a to b`, other ids one by one.
std::string formatDeviceList(const DeviceList &v);

/// A group's axes as the attribute prints them: `[d0 = 2, dup = 4]`.
std::string formatAxes(const std::vector<Axis> &axes);

bool operator==(const DeviceList &a, const std::vector<int64_t> &b);
inline bool operator==(const std::vector<int64_t> &a, const DeviceList &b) {
  return b == a;
}
inline bool operator!=(const DeviceList &a, const std::vector<int64_t> &b) {
  return !(a == b);
}
inline bool operator!=(const std::vector<int64_t> &a, const DeviceList &b) {
  return !(b == a);
}

/// A device group: an ordered device list and the axes laid over it, outermost
/// axis first.
struct Group {
  DeviceList devices;
  std::vector<Axis> axes;
  bool operator==(const Group &o) const {
    return devices == o.devices && axes == o.axes;
  }
};

/// The structure of a `#hspmd.sharding` attribute, independent of any tensor.
struct Sharding {
  /// The top-tier role; empty for a homogeneous (single-group) sharding.
  std::optional<Role> hetero;
  /// Top-tier weights for `hetero = d<k>`; empty means equal blocks.
  std::vector<int64_t> weights;
  std::vector<Group> groups;

  bool operator==(const Sharding &o) const {
    return hetero == o.hetero && weights == o.weights && groups == o.groups;
  }

  /// Checks every rule that does not need the tensor type. Returns a message
  /// describing the first violation, or nothing when the structure is valid.
  std::optional<std::string> verifyStructure() const;

  /// Checks the rules that need the global shape (split dimensions in range,
  /// static sizes, exact division at each tier). Assumes `verifyStructure`
  /// passed.
  std::optional<std::string> verifyShape(const std::vector<int64_t> &shape) const;

  /// Divides the weights by their gcd and drops them when all are equal, the
  /// canonical form that the printer shows. Assumes `verifyStructure` passed.
  void normalizeWeights();

  /// Whether any tier holds summands.
  bool hasPartial() const;

  /// Every device the tensor lives on, in increasing order.
  std::vector<int64_t> devices() const;

  /// The body of the attribute in its printed form, e.g.
  /// `hetero = d0, groups = [[0, 1] : [dup = 2], [2] : []]`.
  std::string str() const;
};

/// A half-open range of global indices along one dimension.
struct Range {
  int64_t lo = 0, hi = 0;
  int64_t size() const { return hi - lo; }
  bool operator==(const Range &o) const { return lo == o.lo && hi == o.hi; }
  bool operator<(const Range &o) const {
    return lo != o.lo ? lo < o.lo : hi < o.hi;
  }
};
/// A box of global indices: one range per dimension.
using Box = std::vector<Range>;

/// The number of elements in a box (saturating at INT64_MAX).
int64_t volume(const Box &box);
/// The number of elements in a box, or nothing when it does not fit in
/// int64.
std::optional<int64_t> checkedVolume(const Box &box);
/// The bytes of a box of `elementBytes`-byte elements, or nothing when they
/// do not fit in int64.
std::optional<int64_t> checkedBytes(const Box &box, int64_t elementBytes);
/// The intersection of two boxes of equal rank (possibly empty).
Box intersect(const Box &a, const Box &b);
/// Whether the global index `point` lies in `box`.
bool contains(const Box &box, const std::vector<int64_t> &point);

/// What one device holds of a tensor.
struct Placement {
  int64_t group = 0;
  /// Position of the device in its group's device list.
  int64_t position = 0;
  /// Coordinate on each axis of the group, outermost first.
  std::vector<int64_t> coords;
  /// Global indices held.
  Box box;
  /// The local tensor's shape (the extents of `box`).
  std::vector<int64_t> localShape;
  /// Whether the device holds a summand of its block rather than its value.
  bool summand = false;
  /// For summands: which decomposition of the value the summand belongs to
  /// (`hetero = dup` groups each decompose the value on their own) and which
  /// summand of it the device holds. Devices with equal keys are replicas.
  int64_t decomposition = 0;
  std::vector<int64_t> summandClass;
  /// Whether, when a non-reduced value is placed with this sharding, the
  /// device holds the value (true) or zeros (false): Semantics.md.
  bool keeper = true;
};

/// A read-only view of consecutive device ids.
struct DeviceSpan {
  const int64_t *first = nullptr, *last = nullptr;
  const int64_t *begin() const { return first; }
  const int64_t *end() const { return last; }
  size_t size() const { return static_cast<size_t>(last - first); }
  int64_t operator[](size_t i) const { return first[i]; }
};

/// A sharding applied to a global shape. Both must have been verified
/// (`verifyStructure`, `verifyShape`).
class Layout {
public:
  Layout(Sharding sharding, std::vector<int64_t> shape);

  const Sharding &sharding() const { return shardingValue; }
  const std::vector<int64_t> &shape() const { return shapeValue; }
  int64_t rank() const { return static_cast<int64_t>(shapeValue.size()); }

  /// Every device the tensor lives on, in increasing order (listed on first
  /// use).
  const std::vector<int64_t> &devices() const;
  /// The number of devices the tensor lives on.
  size_t numDevices() const { return deviceCount; }
  /// What `device` holds, or nothing when the tensor does not live there.
  std::optional<Placement> place(int64_t device) const;
  /// Whether the tensor lives on `device`.
  bool holds(int64_t device) const { return locate(device).has_value(); }
  /// Whether `device` holds the tensor and is a keeper (`place(device)->
  /// keeper`), without building its placement.
  bool isKeeper(int64_t device) const;
  /// The group of the sharding `device` belongs to. Every device of a group
  /// holds a block of the same shape.
  std::optional<int64_t> groupOf(int64_t device) const {
    if (std::optional<Location> at = locate(device))
      return at->group;
    return std::nullopt;
  }
  /// The block of the tensor a group holds (before its own axes apply).
  Box groupBox(int64_t group) const;

  /// Calls `f(group, block, devices)` for every distinct block held in a
  /// group whose box meets `box` (a non-empty intersection): devices of a
  /// group that differ only along `dup` or `partial` axes hold one block,
  /// and `devices` (a DeviceSpan) lists them in the group's list order. Groups come in
  /// order, each group's blocks in row-major order. The work is the number
  /// of groups whose box meets `box` (found by binary search when the top
  /// tier splits) plus the blocks reported, so a planner can ask for the
  /// holders of a region without scanning every device.
  template <typename F> void forEachBlockMeeting(const Box &box, F &&f) const {
    const std::vector<GroupBlocks> &blocks = groupBlocks();
    int64_t first = 0, last = static_cast<int64_t>(blocks.size());
    groupsMeeting(box, first, last);
    std::vector<int64_t> lo, hi, idx;
    for (int64_t g = first; g < last; ++g) {
      const GroupBlocks &gb = blocks[g];
      if (!blockRanges(gb, box, lo, hi))
        continue;
      idx = lo;
      Box block(gb.box.size());
      while (true) {
        int64_t linear = 0;
        for (size_t k = 0; k < idx.size(); ++k) {
          linear = linear * gb.count[k] + idx[k];
          block[k] = {gb.box[k].lo + gb.size[k] * idx[k],
                      gb.box[k].lo + gb.size[k] * (idx[k] + 1)};
        }
        f(g, static_cast<const Box &>(block),
          DeviceSpan{gb.members.data() + gb.start[linear],
                     gb.members.data() + gb.start[linear + 1]});
        int64_t k = static_cast<int64_t>(idx.size()) - 1;
        while (k >= 0 && ++idx[k] == hi[k]) {
          idx[k] = lo[k];
          --k;
        }
        if (k < 0)
          break;
      }
    }
  }

private:
  /// A group's grid of distinct blocks: `count[k]` blocks of `size[k]`
  /// along dimension k of the group's box, and per block (row-major) the
  /// devices holding it, as `members[start[b] .. start[b + 1])`.
  struct GroupBlocks {
    Box box;
    std::vector<int64_t> count, size, start, members;
  };
  /// Narrows [first, last) to the groups whose top-tier block can meet
  /// `box` along the top tier's split dimension.
  void groupsMeeting(const Box &box, int64_t &first, int64_t &last) const;
  /// The half-open block index ranges of `gb` meeting `box`; false when no
  /// block meets it.
  static bool blockRanges(const GroupBlocks &gb, const Box &box,
                          std::vector<int64_t> &lo, std::vector<int64_t> &hi);

  struct Location {
    int64_t group, position;
  };
  std::optional<Location> locate(int64_t device) const;

  /// The blocks of every group, tabulated on first use.
  const std::vector<GroupBlocks> &groupBlocks() const;

  Sharding shardingValue;
  std::vector<int64_t> shapeValue;
  /// Every run of every group's device list as (first id, last id, group,
  /// position of the first id), sorted by first id: lookup by device is a
  /// binary search over runs, not devices.
  std::vector<std::array<int64_t, 4>> index;
  size_t deviceCount = 0;
  /// Filled on first use (devices(), groupBlocks()): many layouts are built
  /// only to be looked up at a few devices.
  mutable std::optional<std::vector<int64_t>> deviceList;
  mutable std::optional<std::vector<GroupBlocks>> blocks;
  /// Per group, its top-tier range along a top-tier split dimension (computed
  /// once: with weights each range needs the sums of all weights).
  std::vector<Range> topRanges;
};

/// Equality (Semantics.md "Equality"): every device holds the same global
/// elements in the same role, and partial values split their holders into the
/// same summand classes. Layouts of different shapes are never equal.
bool equivalent(const Layout &a, const Layout &b);

/// Lower bound (Semantics.md "Lower bound"): the bytes `device` must receive to
/// go from `src` to `dst`, i.e. the destination elements it must hold in their
/// destination role that it does not already hold in that role. For a
/// destination summand only the devices that would hold the value under the
/// realization rule (the keepers) must hold data, and any role held in the
/// source counts as held.
int64_t lowerBoundBytes(const Layout &src, const Layout &dst, int64_t device,
                        int64_t elementBytes);

/// What devices take with them when they leave (elastic training: a
/// removed device counts as having lost its data): the parts of the tensor
/// that the devices for which `alive` is true cannot rebuild, as disjoint
/// boxes (touching lost cells merged), in row-major order. A point survives
/// when an alive device holds its value, or, for a partial value, when one
/// decomposition has an alive holder of every one of its summands there
/// (replicas of a summand stand in for each other). Empty when nothing is
/// lost. Works on the grid of the blocks' boundaries: cells x devices steps.
std::vector<Box> lostWithout(const Layout &layout,
                             const std::function<bool(int64_t)> &alive);

} // namespace hspmd::layout

#endif // HSPMD_LAYOUT_SHARDING_H
