//===- Bounds.cpp - The common grid of two layouts and reshard bounds ------===//

#include "hspmd/Layout/Bounds.h"

#include <algorithm>
#include <map>

using namespace hspmd;
using namespace hspmd::layout;

namespace {

/// Every distinct block boundary of `l` along each dimension, added to `cuts`.
void addCuts(const Layout &l, std::vector<std::vector<int64_t>> &cuts) {
  Box whole;
  for (int64_t size : l.shape())
    whole.push_back({0, size});
  l.forEachBlockMeeting(whole, [&](int64_t, const Box &block, DeviceSpan) {
    for (size_t k = 0; k < block.size(); ++k) {
      cuts[k].push_back(block[k].lo);
      cuts[k].push_back(block[k].hi);
    }
  });
}

std::vector<BlockHolders> blocksAt(const Layout &l, const Box &region) {
  std::vector<BlockHolders> out;
  l.forEachBlockMeeting(region, [&](int64_t g, const Box &, DeviceSpan ds) {
    out.push_back({g, ds});
  });
  return out;
}

constexpr int64_t kMaxBoundRegions = int64_t(1) << 22;

} // namespace

bool hspmd::layout::forEachCommonRegion(
    const Layout &a, const Layout &b, int64_t maxRegions,
    const std::function<void(const Box &, const std::vector<BlockHolders> &,
                             const std::vector<BlockHolders> &)> &f) {
  int64_t rank = a.rank();
  std::vector<std::vector<int64_t>> cuts(rank);
  for (int64_t k = 0; k < rank; ++k)
    cuts[k] = {0, a.shape()[k]};
  addCuts(a, cuts);
  addCuts(b, cuts);
  int64_t regions = 1;
  for (int64_t k = 0; k < rank; ++k) {
    std::sort(cuts[k].begin(), cuts[k].end());
    cuts[k].erase(std::unique(cuts[k].begin(), cuts[k].end()), cuts[k].end());
    int64_t n = static_cast<int64_t>(cuts[k].size()) - 1;
    if (n <= 0)
      return true; // an empty dimension: no regions
    if (__builtin_mul_overflow(regions, n, &regions) || regions > maxRegions)
      return false;
  }
  std::vector<int64_t> idx(rank, 0);
  Box region(rank);
  for (int64_t r = 0; r < regions; ++r) {
    for (int64_t k = 0; k < rank; ++k)
      region[k] = {cuts[k][idx[k]], cuts[k][idx[k] + 1]};
    f(region, blocksAt(a, region), blocksAt(b, region));
    for (int64_t k = rank - 1; k >= 0; --k) {
      if (++idx[k] + 1 < static_cast<int64_t>(cuts[k].size()))
        break;
      idx[k] = 0;
    }
  }
  return true;
}

std::vector<int64_t>
hspmd::layout::regionHolders(const Layout &src,
                             const std::vector<BlockHolders> &blocks,
                             std::vector<RegionSummands> &summands) {
  std::vector<int64_t> values;
  std::map<int64_t, std::map<std::vector<int64_t>, std::vector<int64_t>>> decs;
  for (const BlockHolders &b : blocks) {
    // The devices of one block differ only along dup and partial axes: they
    // all hold values or all hold summands.
    if (!src.place(b.devices[0])->summand) {
      values.insert(values.end(), b.devices.begin(), b.devices.end());
      continue;
    }
    for (int64_t d : b.devices) {
      Placement p = *src.place(d);
      decs[p.decomposition][p.summandClass].push_back(d);
    }
  }
  std::sort(values.begin(), values.end());
  summands.clear();
  for (auto &[dec, classes] : decs) {
    RegionSummands rs{dec, {}};
    for (auto &[key, replicas] : classes) {
      std::sort(replicas.begin(), replicas.end());
      rs.classes.push_back(std::move(replicas));
    }
    summands.push_back(std::move(rs));
  }
  return values;
}

std::optional<ReshardBounds>
hspmd::layout::reshardBounds(const Layout &src, const Layout &dst,
                             int64_t elementBytes) {
  ReshardBounds out;
  __int128 total = 0;
  int64_t busiest = 0;
  for (int64_t d : dst.devices()) {
    int64_t b = lowerBoundBytes(src, dst, d, elementBytes);
    if (b == INT64_MAX)
      return std::nullopt;
    total += b;
    busiest = std::max(busiest, b);
  }
  out.combines = src.sharding().hasPartial() && !dst.sharding().hasPartial();
  if (out.combines) {
    // The per-device bounds count every element |D| times when no device
    // holds its value (a summand held is not the value); the combining
    // bound adds k - 1, less one where D meets the summands' holders.
    std::vector<RegionSummands> summands;
    bool walked = forEachCommonRegion(
        src, dst, kMaxBoundRegions,
        [&](const Box &region, const std::vector<BlockHolders> &from,
            const std::vector<BlockHolders> &to) {
          if (!regionHolders(src, from, summands).empty() || summands.empty())
            return;
          std::vector<int64_t> wanted;
          for (const BlockHolders &b : to)
            wanted.insert(wanted.end(), b.devices.begin(), b.devices.end());
          std::sort(wanted.begin(), wanted.end());
          int64_t extra = INT64_MAX;
          for (const RegionSummands &rs : summands) {
            bool meets = false;
            for (const std::vector<int64_t> &replicas : rs.classes)
              for (int64_t h : replicas)
                meets = meets ||
                        std::binary_search(wanted.begin(), wanted.end(), h);
            int64_t k = static_cast<int64_t>(rs.classes.size());
            extra = std::min(extra, k - 1 - (meets ? 1 : 0));
          }
          total += __int128(extra) * volume(region) * elementBytes;
        });
    if (!walked)
      return std::nullopt;
  }
  if (total > INT64_MAX || total < 0)
    return std::nullopt;
  out.combining = static_cast<int64_t>(total);
  std::vector<int64_t> involved = src.devices();
  involved.insert(involved.end(), dst.devices().begin(), dst.devices().end());
  std::sort(involved.begin(), involved.end());
  int64_t n = std::unique(involved.begin(), involved.end()) - involved.begin();
  int64_t share = n ? (out.combining + n - 1) / n : 0;
  out.busiest = std::max(busiest, share);
  return out;
}
