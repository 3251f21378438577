//===- Bounds.h - The common grid of two layouts and reshard bounds -*- C++ -*-===//
//
// What a change of placement must move at least, as a whole (the combining
// bound) and on its busiest device, and the walk over the common grid of two
// layouts that both the bounds and the planner's combine-first plan use.
// Plain C++ on top of Sharding.h.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_LAYOUT_BOUNDS_H
#define HSPMD_LAYOUT_BOUNDS_H

#include "hspmd/Layout/Sharding.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace hspmd::layout {

/// A distinct block of a layout and the devices holding it.
struct BlockHolders {
  int64_t group = 0;
  DeviceSpan devices;
};

/// The common grid of `a` and `b` (two layouts of one shape): along each
/// dimension, every boundary of a block of either cuts it. Calls
/// `f(region, aBlocks, bBlocks)` for every region in row-major order, with
/// the blocks of each layout containing the region (every block meeting a
/// region contains it). Returns false, calling nothing, when the grid has
/// more than `maxRegions` regions.
bool forEachCommonRegion(
    const Layout &a, const Layout &b, int64_t maxRegions,
    const std::function<void(const Box &, const std::vector<BlockHolders> &,
                             const std::vector<BlockHolders> &)> &f);

/// The summands of one region of a partial source, for one decomposition of
/// the value: its summand classes, each with its holders (replicas) in
/// increasing order.
struct RegionSummands {
  int64_t decomposition = 0;
  std::vector<std::vector<int64_t>> classes;
};

/// Sorts the source blocks of a region into value holders (returned, in
/// increasing order) and, per decomposition in increasing order, summand
/// classes (`summands`).
std::vector<int64_t> regionHolders(const Layout &src,
                                   const std::vector<BlockHolders> &blocks,
                                   std::vector<RegionSummands> &summands);

/// The bounds of Semantics.md "Changing a placement" on a whole reshard.
struct ReshardBounds {
  /// Bytes received at least, summed over devices. For a partial source and
  /// a destination without summands, the combining bound: per element with
  /// no value holder, k + |D| - 1 transfers for k summands wanted whole by
  /// devices D, one fewer when D meets the summands' holders (the
  /// decomposition needing fewest); per element with a value holder, one per
  /// device of D without the value. Otherwise the per-device lower bounds
  /// summed.
  int64_t combining = 0;
  /// Bytes the busiest device receives at least: the larger of the largest
  /// per-device lower bound and `combining` over the devices involved
  /// (source or destination), rounded up.
  int64_t busiest = 0;
  /// Whether `combining` is the combining bound proper (a partial source
  /// and a destination without summands).
  bool combines = false;
};

/// The bounds of the reshard from `src` to `dst`, or nothing when they were
/// not computed: a byte count beyond int64, or a partial source whose common
/// grid with the destination has more than 2^22 regions.
std::optional<ReshardBounds> reshardBounds(const Layout &src, const Layout &dst,
                                           int64_t elementBytes);

} // namespace hspmd::layout

#endif // HSPMD_LAYOUT_BOUNDS_H
