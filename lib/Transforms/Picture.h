//===- Picture.h - A placed tensor's blocks, to be drawn --------*- C++ -*-===//
//
// What --hspmd-draw draws of one layout: its distinct blocks folded onto rows
// and columns, sorted into panels (one per group where groups overlap:
// `hetero = dup` or `partial`) and layers (one per summand class of a
// block), and the terminal picture of them. Plain C++ on top of
// hspmd::layout; the HTML is written by the pass (Draw.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_LIB_TRANSFORMS_PICTURE_H
#define HSPMD_LIB_TRANSFORMS_PICTURE_H

#include "hspmd/Layout/Sharding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir::hspmd::draw {

namespace layout = ::hspmd::layout;

/// How a tensor's dimensions map onto the picture's rows and columns: a
/// rank-2 tensor as it is; for a higher rank, the leading dimensions
/// flattened row-major into rows and the last one as columns; a vector as
/// one row; a scalar as one cell.
struct Fold {
  int64_t rows = 1, cols = 1;
  /// Says how the tensor was folded; empty for rank 2.
  std::string note;
};

/// Rows [top, bottom) and columns [left, right) of the folded picture.
struct Rect {
  int64_t top = 0, bottom = 0, left = 0, right = 0;
};

/// One distinct block as drawn: all of its holders when they hold the
/// value, one summand class of them when they hold summands.
struct DrawnBlock {
  int64_t group = 0;
  layout::Box box;
  /// The block folded: one rectangle, or one strip per contiguous run of
  /// folded rows when a block of a higher rank is not contiguous in them.
  std::vector<Rect> rects;
  /// The holders (of this summand class), in increasing order.
  std::vector<int64_t> devices;
  bool summand = false;
  /// For summands: whether the holders keep a new value placed this way
  /// (the others hold zeros).
  bool keeper = true;
  /// What the block is labelled with: its holders; on the first summand
  /// class of a block, the holders of every class joined by `+`, a class of
  /// several devices in parentheses (`(0,1)+(2,3)`).
  std::string label;
};

/// Blocks that do not overlap. Layer 0 holds the values and the first
/// summand class of every block (the keepers' class), layer i the i-th.
using Layer = std::vector<DrawnBlock>;

/// A part of the picture: the whole layout, or, where groups overlap, one
/// group's share of it.
struct Panel {
  /// The group drawn; -1 when the panel draws every group.
  int64_t group = -1;
  std::vector<Layer> layers;
};

struct Picture {
  Fold fold;
  std::vector<Panel> panels;
  /// Whether the panels are summands of the value (`hetero = partial`);
  /// otherwise several panels each hold the whole tensor (`hetero = dup`).
  bool panelsAreSummands = false;
  /// Why nothing is drawn (an empty tensor, too many pieces); `panels` is
  /// then empty.
  std::optional<std::string> skipped;
};

/// The most rectangles (strips of every summand class of every block) a
/// picture draws.
inline constexpr int64_t kMaxPieces = 4096;

/// The picture of `layout`.
Picture buildPicture(const layout::Layout &layout);

/// `0-3,6`: device ids in increasing order, runs of three or more written
/// as ranges.
std::string deviceListText(const std::vector<int64_t> &devices);

/// The terminal picture: a grid of box-drawing characters cut at every
/// block boundary, at most about 80 columns wide, each region labelled with
/// its holders. Neighbouring cells with the same holders in the same roles
/// form one region. Summand classes are joined by `+` (the keepers' class
/// first, a class of several devices in parentheses); where groups each
/// hold the value their own way (`hetero = dup`), the devices holding the
/// value come first and each group's decomposition into summands follows,
/// separated by ` | `.
std::string textPicture(const Picture &picture);

} // namespace mlir::hspmd::draw

#endif // HSPMD_LIB_TRANSFORMS_PICTURE_H
