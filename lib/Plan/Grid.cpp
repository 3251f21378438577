//===- Grid.cpp - The uniform grid of a point-to-point plan ----------------===//

#include "Grid.h"

#include <algorithm>
#include <numeric>

using namespace hspmd;
using namespace hspmd::plan;

std::vector<int64_t> hspmd::plan::uniformCell(const layout::Layout &src,
                                              const layout::Layout &dst) {
  const std::vector<int64_t> &shape = src.shape();
  std::vector<int64_t> cell(shape.begin(), shape.end());
  Box whole;
  for (int64_t size : shape)
    whole.push_back({0, size});
  for (const layout::Layout *l : {&src, &dst})
    l->forEachBlockMeeting(whole,
                           [&](int64_t, const Box &block, layout::DeviceSpan) {
                             for (size_t k = 0; k < block.size(); ++k)
                               cell[k] = std::gcd(
                                   cell[k],
                                   std::gcd(block[k].lo, block[k].hi));
                           });
  for (int64_t &c : cell)
    c = std::max<int64_t>(c, 1);
  return cell;
}

int64_t hspmd::plan::cellBytesOf(const std::vector<int64_t> &cell,
                                 int64_t elementBytes) {
  Box cellBox;
  for (int64_t c : cell)
    cellBox.push_back({0, c});
  return *layout::checkedBytes(cellBox, elementBytes);
}
