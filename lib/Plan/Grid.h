//===- Grid.h - The uniform grid of a point-to-point plan -------*- C++ -*-===//
//
// Helpers the point-to-point plans share (lib/Plan only): the uniform grid
// whose cell is the gcd of every block boundary, runs of its cells as boxes,
// and merging boxes that touch.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_LIB_PLAN_GRID_H
#define HSPMD_LIB_PLAN_GRID_H

#include "hspmd/Layout/Sharding.h"

#include <cstdint>
#include <vector>

namespace hspmd::plan {
using layout::Box;

/// The cell of the uniform grid of Semantics.md "Changing a placement" (case
/// 6): along each dimension, the gcd of every block boundary of both layouts
/// (at least 1).
std::vector<int64_t> uniformCell(const layout::Layout &src,
                                 const layout::Layout &dst);

/// The bytes of one cell; the tensor's bytes must fit in int64.
int64_t cellBytesOf(const std::vector<int64_t> &cell, int64_t elementBytes);

/// Merges `box` into `last` when the two are adjacent along one dimension
/// and equal along the others.
inline bool extends(Box &last, const Box &box) {
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

/// Calls `f(box)` for the boxes covering cells [first, first + count) of
/// `region` in row-major order, the region being cut into cells of extents
/// `cell`: a range of consecutive cells is at most 2 * rank - 1 boxes.
template <typename F>
void forEachRangeBox(const Box &region, const std::vector<int64_t> &cell,
                     int64_t first, int64_t count, F &&f) {
  size_t rank = region.size();
  if (rank == 0) {
    f(region);
    return;
  }
  std::vector<int64_t> extent(rank), stride(rank), c(rank);
  for (size_t k = 0; k < rank; ++k)
    extent[k] = region[k].size() / cell[k];
  stride[rank - 1] = 1;
  for (size_t k = rank - 1; k-- > 0;)
    stride[k] = stride[k + 1] * extent[k + 1];
  int64_t at = first, end = first + count;
  while (at < end) {
    for (size_t k = 0; k < rank; ++k)
      c[k] = at / stride[k] % extent[k];
    // The outermost dimension after which `at` is at coordinate 0: from
    // there on, whole slabs of the inner dimensions fit.
    size_t outer = rank - 1;
    while (outer > 0 && c[outer] == 0)
      --outer;
    for (size_t k = outer; k < rank; ++k) {
      int64_t take = std::min(extent[k] - c[k], (end - at) / stride[k]);
      if (take == 0)
        continue;
      Box box(rank);
      for (size_t i = 0; i < rank; ++i) {
        int64_t lo = i < k ? c[i] : i == k ? c[k] : 0;
        int64_t hi = i < k ? c[i] + 1 : i == k ? c[k] + take : extent[i];
        box[i] = {region[i].lo + lo * cell[i], region[i].lo + hi * cell[i]};
      }
      f(static_cast<const Box &>(box));
      at += take * stride[k];
      break;
    }
  }
}

/// A run of consecutive cells of a region sent by one device.
struct Piece {
  int64_t sender, first, count;
};

} // namespace hspmd::plan

#endif // HSPMD_LIB_PLAN_GRID_H
