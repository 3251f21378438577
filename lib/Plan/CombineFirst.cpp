//===- CombineFirst.cpp - Partial sources: add summands, then send ---------===//
//
// The point-to-point plan of case 6 sends every summand a receiver lacks to
// every receiver: an element wanted whole by |D| devices costs k |D|
// transfers for k summands, and a receiver of a block of a value split over
// k devices takes k blocks. Adding the summands where they already are
// first costs k - 1 transfers, then one per receiver that is not the device
// that added them: the combining bound of Semantics.md "Changing a
// placement". Which device adds each cell (a "reducer", one of the summands'
// holders) decides how the load spreads; the planner makes this plan twice
// (reducers among the receivers where possible, and reducers chosen by load
// alone) and keeps the cheapest plan by the busiest device's bytes received,
// then the total (planReshard).
//
//===----------------------------------------------------------------------===//

#include "hspmd/Layout/Bounds.h"
#include "hspmd/Plan/Planner.h"

#include "Grid.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

using namespace hspmd;
using namespace hspmd::plan;
using layout::Layout;

namespace {

/// The same bounds on work as the point-to-point planner: beyond them this
/// plan is not made (the point-to-point plan, which has its own, is used).
constexpr int64_t kMaxRegions = int64_t(1) << 22;
constexpr int64_t kMaxEntries = int64_t(1) << 22;

int64_t saturatingAdd(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r))
    return b < 0 ? INT64_MIN : INT64_MAX;
  return r;
}

int64_t saturatingMul(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r))
    return INT64_MAX;
  return r;
}

/// Bytes per device so far (received, or sent).
using Loads = std::unordered_map<int64_t, int64_t>;

/// A device that may take cells, what one cell adds to its load, and
/// whether it wins ties.
struct Candidate {
  int64_t device, perCell;
  bool preferred;
};

/// Deals `count` cells among `cands` so that the highest load after is as
/// low as it can be (water filling): the candidate whose load after one
/// more cell is lowest (then a preferred one, then the lowest id) goes
/// first, and one whose cells cost it nothing (a receiver refunded what it
/// adds) takes every cell once it is first; otherwise each candidate takes
/// the cells that bring it up to a common level. Every candidate's cells are
/// one contiguous run, so a region is cut into at most one piece per
/// candidate (dealing cell by cell between equal loads cut it into
/// thousands of pieces, each a slice to send and add). Returns false, having
/// stopped, once `out` would hold more than `maxPieces` pieces.
bool dealByLoad(const std::vector<Candidate> &cands, int64_t count,
                Loads &load, std::vector<Piece> &out, int64_t maxPieces) {
  if (count <= 0 || cands.empty())
    return true;
  using Key = std::tuple<__int128, int, int64_t>;
  auto keyOf = [&](const Candidate &c) {
    return Key{__int128(load[c.device]) + c.perCell, c.preferred ? 0 : 1,
               c.device};
  };
  std::vector<size_t> order(cands.size());
  for (size_t i = 0; i < cands.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return keyOf(cands[a]) < keyOf(cands[b]);
  });
  std::vector<int64_t> take(cands.size(), 0);
  // The first candidate whose cells cost nothing, and the level from which
  // it is first.
  std::optional<size_t> sink;
  for (size_t i : order)
    if (cands[i].perCell <= 0) {
      sink = i;
      break;
    }
  if (sink && *sink == order.front()) {
    take[*sink] = count;
  } else {
    // The lowest level L at which the paying candidates take `count` cells
    // (candidate i takes floor((L - load_i) / perCell_i) of them), capped
    // where the sink becomes first.
    auto takes = [&](size_t i, __int128 level) -> __int128 {
      const Candidate &c = cands[i];
      if (c.perCell <= 0)
        return 0;
      __int128 room = level - __int128(load[c.device]);
      return room < c.perCell ? 0 : room / c.perCell;
    };
    auto total = [&](__int128 level) {
      __int128 sum = 0;
      for (size_t i = 0; i < cands.size(); ++i)
        sum += takes(i, level);
      return sum;
    };
    __int128 lo = std::get<0>(keyOf(cands[order.front()])), hi = lo;
    for (const Candidate &c : cands)
      if (c.perCell > 0)
        hi = std::max<__int128>(hi, __int128(load[c.device]) +
                                        __int128(c.perCell) * count);
    __int128 cap = sink ? std::get<0>(keyOf(cands[*sink])) : hi;
    if (total(std::min(cap, hi)) >= count) {
      while (lo < hi) {
        __int128 mid = lo + (hi - lo) / 2;
        if (total(mid) >= count)
          hi = mid;
        else
          lo = mid + 1;
      }
    } else {
      lo = cap; // the paying ones fill up to the sink's level; it takes the rest
    }
    int64_t given = 0;
    for (size_t i = 0; i < cands.size(); ++i) {
      take[i] = static_cast<int64_t>(
          std::min<__int128>(takes(i, lo), count));
      given = saturatingAdd(given, take[i]);
    }
    // Too many at the level: the last ones in the order of preference (the
    // highest load after, then not preferred, then the highest id) give
    // one back each.
    for (auto it = order.rbegin(); given > count && it != order.rend(); ++it)
      if (take[*it] > 0) {
        take[*it] -= std::min(take[*it], given - count);
        given = 0;
        for (int64_t t : take)
          given = saturatingAdd(given, t);
      }
    if (given < count)
      take[sink ? *sink : order.front()] += count - given;
  }
  int64_t first = 0;
  for (size_t i : order) {
    if (take[i] == 0)
      continue;
    if (static_cast<int64_t>(out.size()) >= maxPieces)
      return false;
    const Candidate &c = cands[i];
    out.push_back({c.device, first, take[i]});
    load[c.device] =
        saturatingAdd(load[c.device], saturatingMul(take[i], c.perCell));
    first += take[i];
  }
  return true;
}

/// One side of a batched exchange being built: a device's update and the
/// transfers it receives, adjacent boxes from one sender merged.
struct Receiver {
  DeviceUpdate update;
  std::vector<Transfer> in;
  std::unordered_map<int64_t, size_t> lastFrom;
};

} // namespace

std::optional<Plan> hspmd::plan::planCombineFirst(const Layout &src,
                                                  const Layout &dst,
                                                  int64_t elementBytes,
                                                  bool preferReceivers) {
  if (!src.sharding().hasPartial() || dst.sharding().hasPartial())
    return std::nullopt;
  layout::Box whole;
  for (int64_t size : src.shape())
    whole.push_back({0, size});
  std::optional<int64_t> wholeCount = layout::checkedVolume(whole);
  if (!wholeCount || *wholeCount == 0 ||
      !layout::checkedBytes(whole, elementBytes))
    return std::nullopt;
  // The uniform grid, its largest cell extent cut once more into up to 8
  // parts per source device: a block held whole by every summand holder is
  // one cell of the uniform grid, and its additions must still spread over
  // its holders (as a reduce-scatter does), in parts fine enough to even
  // out loads that differ by less than a cell.
  std::vector<int64_t> cell = uniformCell(src, dst);
  if (!cell.empty()) {
    size_t j = std::max_element(cell.begin(), cell.end()) - cell.begin();
    int64_t parts = std::min<int64_t>(
        8 * static_cast<int64_t>(src.devices().size()), cell[j]);
    while (parts > 1 && cell[j] % parts != 0)
      --parts;
    cell[j] /= parts;
  }
  int64_t cellBytes = cellBytesOf(cell, elementBytes);

  // Every receiver is charged its whole destination block up front (what
  // it receives unless it holds or adds parts itself), so that choosing
  // who adds each cell sees the load to come.
  Loads received, sent;
  std::map<int64_t, Receiver> targets, reducers;
  for (int64_t d : dst.devices()) {
    Box box = dst.place(d)->box;
    targets[d].update = {d, box, true, {}};
    received[d] = *layout::checkedBytes(box, elementBytes);
  }
  int64_t entries = 0;
  auto transfer = [&](Receiver &r, int64_t from, const Box &box) {
    auto it = r.lastFrom.find(from);
    if (it != r.lastFrom.end() && extends(r.in[it->second].box, box))
      return;
    r.lastFrom[from] = r.in.size();
    r.in.push_back({from, r.update.device, box});
    ++entries;
  };
  auto keep = [&](Receiver &r, const Box &box) {
    std::vector<Box> &copies = r.update.localCopies;
    if (copies.empty() || !extends(copies.back(), box)) {
      copies.push_back(box);
      ++entries;
    }
  };
  auto reducer = [&](int64_t d) -> Receiver & {
    auto [it, inserted] = reducers.try_emplace(d);
    if (inserted) {
      Box own = src.place(d)->box;
      it->second.update = {d, own, true, {own}};
      ++entries;
    }
    return it->second;
  };

  std::vector<layout::RegionSummands> summands;
  std::vector<Piece> pieces, senders;
  bool dealt = true;
  // Whether a receiver adds summands it receives in the second exchange.
  bool addsOnReceipt = false;
  bool walked = layout::forEachCommonRegion(
      src, dst, kMaxRegions,
      [&](const Box &region, const std::vector<layout::BlockHolders> &from,
          const std::vector<layout::BlockHolders> &to) {
        if (!dealt || entries > kMaxEntries)
          return;
        int64_t cells = 1;
        for (size_t k = 0; k < region.size(); ++k)
          cells *= region[k].size() / cell[k];
        auto boxes = [&](int64_t first, int64_t count, auto &&f) {
          forEachRangeBox(region, cell, first, count, f);
        };
        std::vector<int64_t> wanted;
        for (const layout::BlockHolders &b : to)
          wanted.insert(wanted.end(), b.devices.begin(), b.devices.end());
        std::sort(wanted.begin(), wanted.end());
        auto isWanted = [&](int64_t d) {
          return std::binary_search(wanted.begin(), wanted.end(), d);
        };
        std::vector<int64_t> values =
            layout::regionHolders(src, from, summands);

        if (!values.empty()) {
          // A value exists: receivers without it get it, as in case 6.
          std::vector<Candidate> cands;
          for (int64_t v : values)
            cands.push_back({v, cellBytes, false});
          int64_t regionBytes = saturatingMul(cells, cellBytes);
          for (int64_t d : wanted) {
            if (std::binary_search(values.begin(), values.end(), d)) {
              keep(targets[d], region);
              received[d] = saturatingAdd(received[d], -regionBytes);
              continue;
            }
            pieces.clear();
            dealt = dealByLoad(cands, cells, sent, pieces,
                               kMaxEntries - entries);
            for (const Piece &p : pieces)
              boxes(p.first, p.count, [&](const Box &box) {
                transfer(targets[d], p.sender, box);
              });
          }
          return;
        }

        // Summands only: the decomposition needing fewest transfers.
        const layout::RegionSummands *best = nullptr;
        int64_t bestCost = INT64_MAX;
        for (const layout::RegionSummands &rs : summands) {
          bool meets = false;
          for (const std::vector<int64_t> &replicas : rs.classes)
            for (int64_t h : replicas)
              meets = meets || isWanted(h);
          int64_t cost = static_cast<int64_t>(rs.classes.size()) - (meets ? 1 : 0);
          if (cost < bestCost) {
            bestCost = cost;
            best = &rs;
          }
        }
        const auto &classes = best->classes;
        int64_t k = static_cast<int64_t>(classes.size());
        bool anyWanted = false;
        for (const std::vector<int64_t> &replicas : classes)
          for (int64_t h : replicas)
            anyWanted = anyWanted || isWanted(h);
        // A reducer among the receivers is refunded the cells it adds.
        std::vector<Candidate> cands;
        std::unordered_map<int64_t, size_t> classOf;
        for (size_t c = 0; c < classes.size(); ++c)
          for (int64_t h : classes[c]) {
            classOf[h] = c;
            bool in = isWanted(h);
            if (preferReceivers && anyWanted && !in)
              continue;
            cands.push_back({h, (k - 1) * cellBytes - (in ? cellBytes : 0), in});
          }
        // A single receiver holding no summand may add cells itself, taking
        // every summand in the second exchange (as the point-to-point plan
        // does) when the holders are busier.
        bool lone = wanted.size() == 1 && !classOf.count(wanted[0]);
        if (lone)
          cands.push_back({wanted[0], (k - 1) * cellBytes, false});
        pieces.clear();
        dealt = dealByLoad(cands, cells, received, pieces, kMaxEntries - entries);
        for (const Piece &p : pieces) {
          int64_t r = p.sender;
          bool holds = classOf.count(r);
          addsOnReceipt = addsOnReceipt || !holds;
          for (size_t c = 0; c < classes.size() && dealt; ++c) {
            if (holds && c == classOf[r])
              continue;
            std::vector<Candidate> replicas;
            for (int64_t h : classes[c])
              replicas.push_back({h, cellBytes, false});
            senders.clear();
            dealt = dealByLoad(replicas, p.count, sent, senders,
                               kMaxEntries - entries);
            Receiver &into = holds ? reducer(r) : targets[r];
            for (const Piece &s : senders)
              boxes(p.first + s.first, s.count, [&](const Box &box) {
                transfer(into, s.sender, box);
              });
          }
          if (!holds)
            continue; // the lone receiver: nobody else wants these cells
          for (int64_t d : wanted) {
            if (d == r) {
              boxes(p.first, p.count,
                    [&](const Box &box) { keep(targets[d], box); });
              continue;
            }
            boxes(p.first, p.count,
                  [&](const Box &box) { transfer(targets[d], r, box); });
            sent[r] = saturatingAdd(sent[r], saturatingMul(p.count, cellBytes));
          }
        }
      });
  if (!walked || !dealt || entries > kMaxEntries)
    return std::nullopt;

  // One batched exchange per side, receivers in increasing id.
  auto exchange = [](std::map<int64_t, Receiver> &receivers, bool adds) {
    Step step;
    step.kind = StepKind::SendRecv;
    step.accumulate = adds;
    for (auto &[d, r] : receivers) {
      step.updates.push_back(std::move(r.update));
      step.transfers.insert(step.transfers.end(), r.in.begin(), r.in.end());
    }
    return step;
  };
  Plan plan;
  plan.strategy = "combine-first";
  if (!reducers.empty())
    plan.steps.push_back(exchange(reducers, /*adds=*/true));
  plan.steps.push_back(exchange(targets, addsOnReceipt));
  return plan;
}
