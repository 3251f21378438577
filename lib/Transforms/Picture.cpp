//===- Picture.cpp - A placed tensor's blocks, laid out to be drawn -------===//

#include "Picture.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace mlir::hspmd::draw;

namespace {

std::string join(const std::vector<std::string> &parts, const char *sep) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i)
    s += (i ? sep : "") + parts[i];
  return s;
}

/// Summand classes joined by `+`, those of several devices in parentheses:
/// `(0,1)+2`.
std::string sumText(const std::vector<std::string> &classes) {
  std::vector<std::string> parts;
  for (const std::string &c : classes)
    parts.push_back(c.find_first_of(",-") == std::string::npos ? c
                                                               : "(" + c + ")");
  return join(parts, "+");
}

/// How `shape` folds onto rows and columns; nothing when the folded rows do
/// not fit in int64.
std::optional<Fold> foldShape(const std::vector<int64_t> &shape) {
  Fold f;
  size_t rank = shape.size();
  if (rank == 0) {
    f.note = "a scalar: one cell";
    return f;
  }
  f.cols = shape.back();
  if (rank == 1) {
    f.note = "rank 1: one row";
    return f;
  }
  std::string dims;
  for (size_t k = 0; k + 1 < rank; ++k) {
    if (llvm::MulOverflow(f.rows, shape[k], f.rows))
      return std::nullopt;
    dims += (k ? " x " : "") + std::to_string(shape[k]);
  }
  if (rank > 2)
    f.note = "rank " + std::to_string(rank) + ": the rows are dimensions 0-" +
             std::to_string(rank - 2) + " flattened row-major (" + dims +
             " = " + std::to_string(f.rows) + " rows), the columns dimension " +
             std::to_string(rank - 1);
  return f;
}

/// Appends the rectangles of `box` in the folded picture: one per contiguous
/// run of folded rows. False, appending nothing, past `budget` rectangles.
bool foldBox(const std::vector<int64_t> &shape, int64_t rows,
             const layout::Box &box, int64_t budget, std::vector<Rect> &out) {
  size_t rank = shape.size();
  if (budget < 1)
    return false;
  if (rank == 0) {
    out.push_back({0, 1, 0, 1});
    return true;
  }
  layout::Range c = box.back();
  // The innermost leading dimension the box does not cover whole: its rows
  // are contiguous, one run per index of the dimensions outside it.
  int64_t j = -1;
  for (size_t k = rank - 1; k-- > 0;)
    if (box[k].lo != 0 || box[k].hi != shape[k]) {
      j = static_cast<int64_t>(k);
      break;
    }
  if (j < 0) {
    out.push_back({0, rows, c.lo, c.hi});
    return true;
  }
  int64_t stride = 1, runs = 1;
  for (size_t k = j + 1; k + 1 < rank; ++k)
    stride *= shape[k]; // a divisor of `rows`: no overflow
  for (int64_t k = 0; k < j; ++k)
    if (llvm::MulOverflow(runs, box[k].size(), runs) || runs > budget)
      return false;
  std::vector<int64_t> idx(j);
  for (int64_t k = 0; k < j; ++k)
    idx[k] = box[k].lo;
  while (true) {
    int64_t lin = 0;
    for (int64_t k = 0; k < j; ++k)
      lin = lin * shape[k] + idx[k];
    int64_t top = (lin * shape[j] + box[j].lo) * stride;
    out.push_back({top, top + box[j].size() * stride, c.lo, c.hi});
    int64_t k = j - 1;
    while (k >= 0 && ++idx[k] == box[k].hi) {
      idx[k] = box[k].lo;
      --k;
    }
    if (k < 0)
      return true;
  }
}

/// The holders of one block sorted into summand classes, the keepers'
/// class first (one class when they hold the value), each labelled.
std::vector<DrawnBlock> summandClasses(const layout::Layout &lay,
                                       int64_t group, const layout::Box &block,
                                       layout::DeviceSpan devices) {
  std::vector<DrawnBlock> classes;
  std::map<std::vector<int64_t>, size_t> byClass;
  for (int64_t d : devices) {
    layout::Placement p = *lay.place(d);
    auto [it, inserted] = byClass.try_emplace(p.summandClass, classes.size());
    if (inserted) {
      DrawnBlock b;
      b.group = group;
      b.box = block;
      b.summand = p.summand;
      b.keeper = p.keeper;
      classes.push_back(std::move(b));
    }
    classes[it->second].devices.push_back(d);
  }
  std::stable_partition(classes.begin(), classes.end(),
                        [](const DrawnBlock &b) { return b.keeper; });
  std::vector<std::string> labels;
  for (DrawnBlock &b : classes) {
    std::sort(b.devices.begin(), b.devices.end());
    b.label = deviceListText(b.devices);
    labels.push_back(b.label);
  }
  if (classes.size() > 1)
    classes[0].label = sumText(labels);
  return classes;
}

} // namespace

std::string mlir::hspmd::draw::deviceListText(
    const std::vector<int64_t> &devices) {
  std::string s;
  for (size_t i = 0; i < devices.size();) {
    size_t j = i;
    while (j + 1 < devices.size() && devices[j + 1] == devices[j] + 1)
      ++j;
    if (!s.empty())
      s += ",";
    s += std::to_string(devices[i]);
    if (j - i >= 2) {
      s += "-" + std::to_string(devices[j]);
      i = j + 1;
    } else {
      ++i;
    }
  }
  return s;
}

Picture mlir::hspmd::draw::buildPicture(const layout::Layout &lay) {
  Picture pic;
  const std::vector<int64_t> &shape = lay.shape();
  if (llvm::is_contained(shape, 0)) {
    pic.skipped = "an empty tensor (a dimension of size 0): no block to draw";
    return pic;
  }
  std::optional<Fold> fold = foldShape(shape);
  if (!fold) {
    pic.skipped = "more folded rows than fit in 64 bits: not drawn";
    return pic;
  }
  pic.fold = *fold;
  const std::optional<layout::Role> &hetero = lay.sharding().hetero;
  // Where groups overlap (each holds the whole tensor, or a summand of it),
  // each group gets a panel of its own.
  bool perGroup = hetero && !hetero->isSplit();
  pic.panelsAreSummands = hetero && hetero->isPartial();
  size_t numGroups = lay.sharding().groups.size();
  pic.panels.resize(perGroup ? numGroups : 1);
  for (size_t g = 0; perGroup && g < numGroups; ++g)
    pic.panels[g].group = static_cast<int64_t>(g);
  layout::Box whole;
  for (int64_t size : shape)
    whole.push_back({0, size});
  int64_t pieces = 0;
  bool tooMany = false;
  lay.forEachBlockMeeting(whole, [&](int64_t group, const layout::Box &block,
                                     layout::DeviceSpan devices) {
    if (tooMany)
      return;
    std::vector<Rect> rects;
    std::vector<DrawnBlock> classes =
        summandClasses(lay, group, block, devices);
    if (!foldBox(shape, pic.fold.rows, block, kMaxPieces - pieces, rects) ||
        (pieces += static_cast<int64_t>(rects.size() * classes.size())) >
            kMaxPieces) {
      tooMany = true;
      return;
    }
    Panel &panel = pic.panels[perGroup ? group : 0];
    if (panel.layers.size() < classes.size())
      panel.layers.resize(classes.size());
    for (size_t i = 0; i < classes.size(); ++i) {
      classes[i].rects = rects;
      panel.layers[i].push_back(std::move(classes[i]));
    }
  });
  if (tooMany) {
    pic.panels.clear();
    pic.skipped = "more than " + std::to_string(kMaxPieces) +
                  " pieces (blocks, their summand classes and strips): not "
                  "drawn";
  }
  return pic;
}

//===----------------------------------------------------------------------===//
// The terminal picture
//===----------------------------------------------------------------------===//

namespace {

/// The most bands of rows and columns a terminal picture draws.
constexpr size_t kMaxTextRows = 64, kMaxTextCols = 32;
/// The width the columns share, borders included, and the most lines the
/// rows share.
constexpr int64_t kTextWidth = 80, kTextHeight = 8;

/// Every boundary of a block along the rows (or the columns), with 0 and
/// the extent.
std::vector<int64_t> cutsOf(const Picture &pic, bool rows) {
  std::set<int64_t> cuts = {0, rows ? pic.fold.rows : pic.fold.cols};
  for (const Panel &panel : pic.panels)
    for (const Layer &layer : panel.layers)
      for (const DrawnBlock &b : layer)
        for (const Rect &r : b.rects) {
          cuts.insert(rows ? r.top : r.left);
          cuts.insert(rows ? r.bottom : r.right);
        }
  return {cuts.begin(), cuts.end()};
}

/// A block covering a cell, and the panel it is drawn in.
struct Cover {
  size_t panel;
  const DrawnBlock *block;
};

/// The holders of a cell: the devices holding the value, then per
/// decomposition its summand classes joined by `+`, separated by ` | `.
std::string cellLabel(const Picture &pic, const std::vector<Cover> &covers) {
  std::set<int64_t> values;
  std::map<size_t, std::vector<std::string>> sums;
  for (const Cover &c : covers) {
    if (!c.block->summand) {
      values.insert(c.block->devices.begin(), c.block->devices.end());
      continue;
    }
    size_t decomposition = pic.panelsAreSummands ? 0 : c.panel;
    sums[decomposition].push_back(deviceListText(c.block->devices));
  }
  std::vector<std::string> parts;
  if (!values.empty())
    parts.push_back(deviceListText({values.begin(), values.end()}));
  for (auto &entry : sums)
    parts.push_back(sumText(entry.second));
  return parts.empty() ? "?" : join(parts, " | ");
}

/// The cells cut at every block boundary and their labels, row-major.
struct Grid {
  std::vector<int64_t> rowCuts, colCuts;
  std::vector<std::string> labels;
  size_t rows() const { return rowCuts.size() - 1; }
  size_t cols() const { return colCuts.size() - 1; }
  const std::string &at(size_t i, size_t j) const {
    return labels[i * cols() + j];
  }
};

Grid labelCells(const Picture &pic) {
  Grid g{cutsOf(pic, true), cutsOf(pic, false), {}};
  std::vector<std::vector<Cover>> covers(g.rows() * g.cols());
  auto band = [](const std::vector<int64_t> &cuts, int64_t x) {
    return static_cast<size_t>(std::lower_bound(cuts.begin(), cuts.end(), x) -
                               cuts.begin());
  };
  for (size_t p = 0; p < pic.panels.size(); ++p)
    for (const Layer &layer : pic.panels[p].layers)
      for (const DrawnBlock &b : layer)
        for (const Rect &r : b.rects)
          for (size_t i = band(g.rowCuts, r.top); i < band(g.rowCuts, r.bottom);
               ++i)
            for (size_t j = band(g.colCuts, r.left);
                 j < band(g.colCuts, r.right); ++j)
              covers[i * g.cols() + j].push_back({p, &b});
  for (const std::vector<Cover> &c : covers)
    g.labels.push_back(cellLabel(pic, c));
  return g;
}

/// Sizes of bands sharing `total` characters in proportion to their extent
/// (`cuts` over `extent`), rounded down, each at least `least[i]`.
std::vector<int64_t> bandSizes(const std::vector<int64_t> &cuts,
                               int64_t extent, int64_t total,
                               const std::vector<int64_t> &least) {
  std::vector<int64_t> sizes;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    double share = double(cuts[i + 1] - cuts[i]) * double(total) / extent;
    sizes.push_back(std::max(least[i], static_cast<int64_t>(share)));
  }
  return sizes;
}

/// Positions of the borders before each band and after the last.
std::vector<int64_t> borders(const std::vector<int64_t> &sizes) {
  std::vector<int64_t> at = {0};
  for (int64_t s : sizes)
    at.push_back(at.back() + s + 1);
  return at;
}

/// The box-drawing character joining lines going up, down, left, right.
const char *junction(bool up, bool down, bool left, bool right) {
  static const char *const table[16] = {
      " ", "─", "─", "─", "│", "┌", "┐", "┬",
      "│", "└", "┘", "┴", "│", "├", "┤", "┼"};
  return table[(up << 3) | (down << 2) | (left << 1) | int(right)];
}

/// Draws the grid's borders: a border between two cells only where their
/// labels differ, so cells with the same holders form one region.
void drawBorders(const Grid &g, const std::vector<int64_t> &ys,
                 const std::vector<int64_t> &xs,
                 std::vector<std::vector<std::string>> &canvas) {
  size_t rows = g.rows(), cols = g.cols();
  // vertical(i, b): a border left of column b along row band i.
  auto vertical = [&](size_t i, size_t b) {
    return b == 0 || b == cols || g.at(i, b - 1) != g.at(i, b);
  };
  auto horizontal = [&](size_t a, size_t j) {
    return a == 0 || a == rows || g.at(a - 1, j) != g.at(a, j);
  };
  for (size_t i = 0; i < rows; ++i)
    for (size_t b = 0; b <= cols; ++b)
      if (vertical(i, b))
        for (int64_t y = ys[i] + 1; y < ys[i + 1]; ++y)
          canvas[y][xs[b]] = "│";
  for (size_t a = 0; a <= rows; ++a)
    for (size_t j = 0; j < cols; ++j)
      if (horizontal(a, j))
        for (int64_t x = xs[j] + 1; x < xs[j + 1]; ++x)
          canvas[ys[a]][x] = "─";
  for (size_t a = 0; a <= rows; ++a)
    for (size_t b = 0; b <= cols; ++b)
      canvas[ys[a]][xs[b]] =
          junction(a > 0 && vertical(a - 1, b), a < rows && vertical(a, b),
                   b > 0 && horizontal(a, b - 1), b < cols && horizontal(a, b));
}

/// Writes each region's label once, centred in it.
void drawLabels(const Grid &g, const std::vector<int64_t> &ys,
                const std::vector<int64_t> &xs,
                std::vector<std::vector<std::string>> &canvas) {
  size_t rows = g.rows(), cols = g.cols();
  std::vector<bool> seen(rows * cols, false);
  for (size_t i0 = 0; i0 < rows; ++i0)
    for (size_t j0 = 0; j0 < cols; ++j0) {
      if (seen[i0 * cols + j0])
        continue;
      // The region: the cells reachable through equal neighbours.
      const std::string &label = g.at(i0, j0);
      size_t iMin = i0, iMax = i0, jMin = j0, jMax = j0;
      std::vector<std::pair<size_t, size_t>> todo = {{i0, j0}};
      seen[i0 * cols + j0] = true;
      while (!todo.empty()) {
        auto [i, j] = todo.back();
        todo.pop_back();
        iMin = std::min(iMin, i), iMax = std::max(iMax, i);
        jMin = std::min(jMin, j), jMax = std::max(jMax, j);
        auto visit = [&](size_t y, size_t x) {
          if (y < rows && x < cols && !seen[y * cols + x] &&
              g.at(y, x) == label) {
            seen[y * cols + x] = true;
            todo.push_back({y, x});
          }
        };
        visit(i - 1, j), visit(i + 1, j), visit(i, j - 1), visit(i, j + 1);
      }
      int64_t x0 = xs[jMin] + 1, width = xs[jMax + 1] - x0;
      int64_t y = ys[iMin] + 1 + (ys[iMax + 1] - ys[iMin] - 2) / 2;
      int64_t len = std::min<int64_t>(label.size(), width);
      int64_t x = x0 + (width - len) / 2;
      for (int64_t k = 0; k < len; ++k)
        canvas[y][x + k] = std::string(1, label[k]);
    }
}

} // namespace

std::string mlir::hspmd::draw::textPicture(const Picture &pic) {
  if (pic.skipped)
    return *pic.skipped + "\n";
  Grid g = labelCells(pic);
  if (g.rows() > kMaxTextRows || g.cols() > kMaxTextCols)
    return std::to_string(g.rows()) + " x " + std::to_string(g.cols()) +
           " cells: too many for a text picture (format=html draws them)\n";
  // Columns share the width in proportion to their extent, each wide
  // enough for its labels; rows share up to kTextHeight lines, about as
  // tall as the tensor is against the width (a character is about twice as
  // tall as wide), one line each at least.
  std::vector<int64_t> widest(g.cols(), 0), oneLine(g.rows(), 1);
  for (size_t i = 0; i < g.rows(); ++i)
    for (size_t j = 0; j < g.cols(); ++j)
      widest[j] = std::max<int64_t>(widest[j], g.at(i, j).size() + 2);
  int64_t width = kTextWidth - static_cast<int64_t>(g.cols()) - 1;
  int64_t height = 0;
  if (pic.fold.rows > 1) {
    double tall = 40.0 * double(pic.fold.rows) / double(pic.fold.cols);
    height = std::min<int64_t>(kTextHeight, std::llround(tall));
  }
  height = std::max<int64_t>(height, g.rows());
  std::vector<int64_t> xs =
      borders(bandSizes(g.colCuts, pic.fold.cols, width, widest));
  std::vector<int64_t> ys =
      borders(bandSizes(g.rowCuts, pic.fold.rows, height, oneLine));
  std::vector<std::vector<std::string>> canvas(
      ys.back() + 1, std::vector<std::string>(xs.back() + 1, " "));
  drawBorders(g, ys, xs, canvas);
  drawLabels(g, ys, xs, canvas);
  std::string out;
  for (const std::vector<std::string> &line : canvas) {
    for (const std::string &c : line)
      out += c;
    out += "\n";
  }
  return out;
}
