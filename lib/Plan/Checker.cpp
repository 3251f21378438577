//===- Checker.cpp - Independent plan checker -----------------------------===//
//
// Simulates a plan on per-device buffers of pseudo-random 64-bit integers
// (arithmetic modulo 2^64, so summation order never matters and a dropped or
// duplicated summand changes the result with overwhelming probability).
//
// This file deliberately shares nothing with the planner, nor with the helpers
// of Plan.cpp: it uses only the layout model (`Layout::place`) and the plan
// data structures. Everything else it needs is written below.
//
// Step semantics simulated (see Plan.h):
//   Slice          each listed device keeps `box` (inside its buffer).
//   KeepOrZero     `keep`: as Slice; `!keep`: zeros over `box`, no buffer
//                  needed before.
//   AllReduce      members each hold `region`; the region of each member's
//                  buffer becomes the sum over the members. The buffer keeps
//                  its box (the reduction is in place), so a device holding
//                  more than the region keeps the rest (spec C8: device 6
//                  takes part in four all-reduces, one per quarter).
//   AllGather      member i holds block i of `region` along `dim`; every
//                  member's buffer becomes `region`.
//   ReduceScatter  members hold `region`; member i's buffer becomes block i of
//                  the sum along `dim`.
//   AllToAll       member i holds block i of `region` along `concatDim`;
//                  member j's buffer becomes block j of `region` along `dim`.
//   SendRecv       every listed device gets a new buffer over `box`: zeros,
//                  plus its local copies, plus every transfer it receives, all
//                  added; transfers read the buffers as they were before the
//                  step. Without `accumulate`, the pieces a receiver gets must
//                  not overlap (a runtime may copy rather than add them).
//
//===----------------------------------------------------------------------===//

#include "hspmd/Plan/Checker.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <utility>

using namespace hspmd;
using namespace hspmd::plan;
using layout::Layout;
using layout::Placement;
using layout::Range;

namespace {

using Error = std::optional<std::string>;

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

const char *kindName(StepKind kind) {
  switch (kind) {
  case StepKind::Slice:
    return "Slice";
  case StepKind::KeepOrZero:
    return "KeepOrZero";
  case StepKind::AllReduce:
    return "AllReduce";
  case StepKind::AllGather:
    return "AllGather";
  case StepKind::ReduceScatter:
    return "ReduceScatter";
  case StepKind::AllToAll:
    return "AllToAll";
  case StepKind::SendRecv:
    return "SendRecv";
  }
  return "unknown";
}

std::string boxStr(const Box &box) {
  if (box.empty())
    return "[] (rank 0)";
  std::string s;
  for (size_t k = 0; k < box.size(); ++k) {
    if (k)
      s += "x";
    s += "[" + std::to_string(box[k].lo) + "," + std::to_string(box[k].hi) +
         ")";
  }
  return s;
}

std::string intsStr(const std::vector<int64_t> &v) {
  std::string s = "(";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i)
      s += ", ";
    s += std::to_string(v[i]);
  }
  return s + ")";
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

/// splitmix64's finalizer: a bijection of 64-bit integers that mixes well.
uint64_t mix64(uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// A key for the true values, depending on the seed only.
uint64_t trueKey(uint64_t seed) { return mix64(mix64(seed) ^ 0x7472756576616cULL); }

/// A key for the summands of one class of one decomposition.
uint64_t summandKey(uint64_t seed, int64_t decomposition,
                    const std::vector<int64_t> &summandClass) {
  uint64_t h = mix64(mix64(seed) ^ 0x73756d6d616e64ULL);
  h = mix64(h ^ static_cast<uint64_t>(decomposition));
  for (int64_t c : summandClass)
    h = mix64(h ^ static_cast<uint64_t>(c));
  return mix64(h ^ summandClass.size());
}

/// The pseudo-random value of element `linear` under `key`.
uint64_t valueAt(uint64_t key, int64_t linear) {
  return mix64(key ^ mix64(static_cast<uint64_t>(linear) * 0xd6e8feb86659fd93ULL));
}

//===----------------------------------------------------------------------===//
// Boxes and buffers
//===----------------------------------------------------------------------===//

int64_t volumeOf(const Box &box) { return layout::volume(box); }

/// Whether `inner` is a well-formed box inside `outer` (same rank).
bool within(const Box &inner, const Box &outer) {
  if (inner.size() != outer.size())
    return false;
  for (size_t k = 0; k < inner.size(); ++k)
    if (inner[k].lo > inner[k].hi || inner[k].lo < outer[k].lo ||
        inner[k].hi > outer[k].hi)
      return false;
  return true;
}

/// Row-major offset of global `point` in a buffer over `box`.
int64_t offsetIn(const Box &box, const std::vector<int64_t> &point) {
  int64_t off = 0;
  for (size_t k = 0; k < box.size(); ++k)
    off = off * box[k].size() + (point[k] - box[k].lo);
  return off;
}

/// Calls `f(start, length)` for each contiguous innermost run of `box`, in
/// row-major order. Nothing for an empty box; one run of one element for
/// rank 0.
template <typename F> void forEachRun(const Box &box, F &&f) {
  if (volumeOf(box) == 0)
    return;
  size_t rank = box.size();
  std::vector<int64_t> p(rank);
  if (rank == 0) {
    f(p, int64_t(1));
    return;
  }
  for (size_t k = 0; k < rank; ++k)
    p[k] = box[k].lo;
  int64_t len = box[rank - 1].size();
  while (true) {
    f(p, len);
    int64_t k = static_cast<int64_t>(rank) - 2;
    while (k >= 0 && ++p[k] == box[k].hi) {
      p[k] = box[k].lo;
      --k;
    }
    if (k < 0)
      return;
  }
}

/// The global point at `start` advanced by `i` along the innermost dimension.
std::vector<int64_t> pointAt(std::vector<int64_t> start, int64_t i) {
  if (!start.empty())
    start.back() += i;
  return start;
}

struct Buffer {
  Box box;
  std::vector<uint64_t> values;
};

Buffer zeros(const Box &box) {
  return Buffer{box, std::vector<uint64_t>(volumeOf(box), 0)};
}

/// Adds (or copies) `from` over `region` into `to`; `region` lies in both.
void transferInto(const Buffer &from, const Box &region, Buffer &to,
                  bool add) {
  forEachRun(region, [&](const std::vector<int64_t> &p, int64_t len) {
    const uint64_t *src = from.values.data() + offsetIn(from.box, p);
    uint64_t *dst = to.values.data() + offsetIn(to.box, p);
    if (add)
      for (int64_t i = 0; i < len; ++i)
        dst[i] += src[i];
    else
      std::copy(src, src + len, dst);
  });
}

Buffer extract(const Buffer &from, const Box &region) {
  Buffer out = zeros(region);
  transferInto(from, region, out, /*add=*/false);
  return out;
}

/// Block `i` of `n` equal blocks of `region` along `dim` (n divides it).
Box blockOf(const Box &region, int64_t dim, int64_t i, int64_t n) {
  Box b = region;
  int64_t size = region[dim].size() / n;
  b[dim].lo = region[dim].lo + size * i;
  b[dim].hi = b[dim].lo + size;
  return b;
}

//===----------------------------------------------------------------------===//
// Cells: a partition of the tensor on which a layout's holders are constant
//===----------------------------------------------------------------------===//

/// Calls `f(cell, holders)` for each cell of the grid cut by every boundary of
/// `placements`' boxes, with the indices of the placements holding the cell.
template <typename F>
void forEachCell(const std::vector<int64_t> &shape,
                 const std::vector<Placement> &placements, F &&f) {
  size_t rank = shape.size();
  std::vector<std::vector<Range>> pieces(rank);
  for (size_t k = 0; k < rank; ++k) {
    std::set<int64_t> cuts{0, shape[k]};
    for (const Placement &p : placements) {
      cuts.insert(std::clamp<int64_t>(p.box[k].lo, 0, shape[k]));
      cuts.insert(std::clamp<int64_t>(p.box[k].hi, 0, shape[k]));
    }
    std::vector<int64_t> c(cuts.begin(), cuts.end());
    for (size_t i = 0; i + 1 < c.size(); ++i)
      pieces[k].push_back({c[i], c[i + 1]});
    if (pieces[k].empty())
      return; // a dimension of size 0: no elements
  }
  std::vector<size_t> idx(rank, 0);
  Box cell(rank);
  std::vector<size_t> holders;
  while (true) {
    for (size_t k = 0; k < rank; ++k)
      cell[k] = pieces[k][idx[k]];
    holders.clear();
    for (size_t i = 0; i < placements.size(); ++i)
      if (within(cell, placements[i].box))
        holders.push_back(i);
    f(static_cast<const Box &>(cell), static_cast<const std::vector<size_t> &>(holders));
    int64_t k = static_cast<int64_t>(rank) - 1;
    while (k >= 0 && ++idx[k] == pieces[k].size()) {
      idx[k] = 0;
      --k;
    }
    if (k < 0)
      return;
  }
}

/// The summand holders of a cell: decomposition -> summand class -> indices
/// of the holders (replicas).
using ClassMap =
    std::map<int64_t, std::map<std::vector<int64_t>, std::vector<size_t>>>;

ClassMap classesOf(const std::vector<Placement> &placements,
                   const std::vector<size_t> &holders) {
  ClassMap classes;
  for (size_t h : holders)
    if (placements[h].summand)
      classes[placements[h].decomposition][placements[h].summandClass]
          .push_back(h);
  return classes;
}

//===----------------------------------------------------------------------===//
// The simulator
//===----------------------------------------------------------------------===//

class Simulator {
public:
  Simulator(const Layout &src, const Layout &dst, uint64_t seed)
      : src(src), dst(dst), seed(seed), shape(src.shape()),
        rank(static_cast<int64_t>(src.shape().size())) {
    for (int64_t size : shape)
      full.push_back({0, size});
    strides.assign(rank, 1);
    for (int64_t k = rank - 2; k >= 0; --k)
      strides[k] = strides[k + 1] * shape[k + 1];
  }

  void initialize();
  Error apply(size_t index, const Step &step);
  Error finalCheck();

private:
  int64_t linearOf(const std::vector<int64_t> &p) const {
    int64_t l = 0;
    for (int64_t k = 0; k < rank; ++k)
      l += p[k] * strides[k];
    return l;
  }

  Error checkBox(const std::string &at, const std::string &what,
                 const Box &box) const;
  Error checkDim(const std::string &at, const char *name, int64_t dim) const;
  Error applyLocal(const std::string &at, const Step &step);
  Error applyCollective(const std::string &at, const Step &step);
  Error applySendRecv(const std::string &at, const Step &step);

  const Layout &src, &dst;
  uint64_t seed;
  std::vector<int64_t> shape;
  int64_t rank;
  Box full;
  std::vector<int64_t> strides;
  /// Each device's buffer; a device absent here holds nothing.
  std::map<int64_t, Buffer> held;
};

void Simulator::initialize() {
  const std::vector<int64_t> &devices = src.devices();
  std::vector<Placement> placements;
  for (int64_t d : devices) {
    placements.push_back(*src.place(d));
    held[d] = zeros(placements.back().box);
  }
  uint64_t tkey = trueKey(seed);
  forEachCell(shape, placements, [&](const Box &cell,
                                     const std::vector<size_t> &holders) {
    // Per decomposition: its classes in increasing order, each with its key
    // and its replicas (indices into `holders`); the last class completes
    // the sum. Replicas get the same summand because it depends only on
    // (element, decomposition, class).
    struct Class {
      uint64_t key;
      std::vector<size_t> replicas;
    };
    std::vector<size_t> slot(placements.size());
    for (size_t j = 0; j < holders.size(); ++j)
      slot[holders[j]] = j;
    std::vector<std::vector<Class>> decompositions;
    for (auto &[dec, byClass] : classesOf(placements, holders)) {
      decompositions.emplace_back();
      for (auto &[cls, members] : byClass) {
        Class c{summandKey(seed, dec, cls), {}};
        for (size_t h : members)
          c.replicas.push_back(slot[h]);
        decompositions.back().push_back(std::move(c));
      }
    }
    std::vector<size_t> valueHolders;
    for (size_t j = 0; j < holders.size(); ++j)
      if (!placements[holders[j]].summand)
        valueHolders.push_back(j);

    std::vector<uint64_t *> run(holders.size());
    forEachRun(cell, [&](const std::vector<int64_t> &p, int64_t len) {
      for (size_t j = 0; j < holders.size(); ++j) {
        Buffer &b = held[devices[holders[j]]];
        run[j] = b.values.data() + offsetIn(b.box, p);
      }
      int64_t base = linearOf(p);
      for (int64_t i = 0; i < len; ++i) {
        uint64_t truth = valueAt(tkey, base + i);
        for (size_t j : valueHolders)
          run[j][i] = truth;
        for (const std::vector<Class> &dec : decompositions) {
          uint64_t sum = 0;
          for (size_t c = 0; c < dec.size(); ++c) {
            uint64_t v = c + 1 < dec.size() ? valueAt(dec[c].key, base + i)
                                            : truth - sum;
            sum += v;
            for (size_t j : dec[c].replicas)
              run[j][i] = v;
          }
        }
      }
    });
  });
}

Error Simulator::checkBox(const std::string &at, const std::string &what,
                          const Box &box) const {
  if (static_cast<int64_t>(box.size()) != rank)
    return at + ": " + what + " " + boxStr(box) + " has rank " +
           std::to_string(box.size()) + " but the tensor has rank " +
           std::to_string(rank);
  for (const Range &r : box)
    if (r.lo > r.hi)
      return at + ": " + what + " " + boxStr(box) +
             " has a range whose end precedes its start";
  if (!within(box, full))
    return at + ": " + what + " " + boxStr(box) +
           " is not inside the tensor " + boxStr(full);
  return std::nullopt;
}

Error Simulator::checkDim(const std::string &at, const char *name,
                          int64_t dim) const {
  if (dim < 0 || dim >= rank)
    return at + ": " + name + " " + std::to_string(dim) +
           " is out of range for a rank-" + std::to_string(rank) + " tensor";
  return std::nullopt;
}

Error Simulator::apply(size_t index, const Step &step) {
  std::string at =
      "step " + std::to_string(index) + " (" + kindName(step.kind) + ")";
  switch (step.kind) {
  case StepKind::Slice:
  case StepKind::KeepOrZero:
    return applyLocal(at, step);
  case StepKind::AllReduce:
  case StepKind::AllGather:
  case StepKind::ReduceScatter:
  case StepKind::AllToAll:
    return applyCollective(at, step);
  case StepKind::SendRecv:
    return applySendRecv(at, step);
  }
  return at + ": unknown step kind " +
         std::to_string(static_cast<int>(step.kind));
}

Error Simulator::applyLocal(const std::string &at, const Step &step) {
  if (!step.groups.empty())
    return at + ": a local step has no collective groups, got " +
           std::to_string(step.groups.size());
  if (!step.transfers.empty())
    return at + ": a local step has no transfers, got " +
           std::to_string(step.transfers.size());
  std::set<int64_t> seen;
  for (const DeviceUpdate &u : step.updates) {
    std::string dev = "device " + std::to_string(u.device);
    if (!seen.insert(u.device).second)
      return at + ": " + dev + " appears more than once in the updates";
    if (Error e = checkBox(at + ", " + dev, "box", u.box))
      return e;
    if (!u.localCopies.empty())
      return at + ", " + dev + ": local copies belong to SendRecv steps only";
    if (step.kind == StepKind::KeepOrZero && !u.keep) {
      held[u.device] = zeros(u.box);
      continue;
    }
    auto it = held.find(u.device);
    if (it == held.end())
      return at + ", " + dev + ": keeps box " + boxStr(u.box) +
             " but holds no buffer";
    if (!within(u.box, it->second.box))
      return at + ", " + dev + ": keeps box " + boxStr(u.box) +
             " which is not inside its buffer " + boxStr(it->second.box);
    it->second = extract(it->second, u.box);
  }
  return std::nullopt;
}

Error Simulator::applyCollective(const std::string &at, const Step &step) {
  if (!step.updates.empty())
    return at + ": a collective has no device updates, got " +
           std::to_string(step.updates.size());
  if (!step.transfers.empty())
    return at + ": a collective has no transfers, got " +
           std::to_string(step.transfers.size());
  bool usesDim = step.kind != StepKind::AllReduce;
  if (usesDim)
    if (Error e = checkDim(at, "dim", step.dim))
      return e;
  if (step.kind == StepKind::AllToAll)
    if (Error e = checkDim(at, "concatDim", step.concatDim))
      return e;

  // Validate every group before changing anything.
  std::set<int64_t> seen;
  for (size_t g = 0; g < step.groups.size(); ++g) {
    const CollectiveGroup &grp = step.groups[g];
    std::string atg = at + ", group " + std::to_string(g);
    if (grp.devices.empty())
      return atg + ": has no members";
    for (int64_t d : grp.devices)
      if (!seen.insert(d).second)
        return atg + ": device " + std::to_string(d) +
               " appears in more than one place in the step's groups";
    if (Error e = checkBox(atg, "region", grp.region))
      return e;
    int64_t n = static_cast<int64_t>(grp.devices.size());
    if (usesDim && grp.region[step.dim].size() % n != 0)
      return atg + ": region " + boxStr(grp.region) + " of size " +
             std::to_string(grp.region[step.dim].size()) + " along dim " +
             std::to_string(step.dim) + " cannot be cut into " +
             std::to_string(n) + " equal blocks, one per member";
    if (step.kind == StepKind::AllToAll &&
        grp.region[step.concatDim].size() % n != 0)
      return atg + ": region " + boxStr(grp.region) + " of size " +
             std::to_string(grp.region[step.concatDim].size()) +
             " along concatDim " + std::to_string(step.concatDim) +
             " cannot be cut into " + std::to_string(n) +
             " equal blocks, one per member";
    for (int64_t i = 0; i < n; ++i) {
      int64_t d = grp.devices[i];
      Box need = grp.region;
      std::string role = "the region";
      if (step.kind == StepKind::AllGather) {
        need = blockOf(grp.region, step.dim, i, n);
        role = "its block " + std::to_string(i) + " of the region along dim " +
               std::to_string(step.dim);
      } else if (step.kind == StepKind::AllToAll) {
        need = blockOf(grp.region, step.concatDim, i, n);
        role = "its block " + std::to_string(i) +
               " of the region along concatDim " +
               std::to_string(step.concatDim);
      }
      std::string dev = atg + ", device " + std::to_string(d);
      auto it = held.find(d);
      if (it == held.end())
        return dev + ": does not hold " + role + " " + boxStr(need) +
               ": it holds no buffer";
      if (!within(need, it->second.box))
        return dev + ": does not hold " + role + " " + boxStr(need) +
               ": its buffer is " + boxStr(it->second.box);
    }
  }

  // Apply: groups have disjoint members, so each reads only its own buffers.
  for (const CollectiveGroup &grp : step.groups) {
    int64_t n = static_cast<int64_t>(grp.devices.size());
    auto buf = [&](int64_t i) -> Buffer & { return held[grp.devices[i]]; };
    switch (step.kind) {
    case StepKind::AllReduce: {
      Buffer sum = zeros(grp.region);
      for (int64_t i = 0; i < n; ++i)
        transferInto(buf(i), grp.region, sum, /*add=*/true);
      for (int64_t i = 0; i < n; ++i)
        transferInto(sum, grp.region, buf(i), /*add=*/false);
      break;
    }
    case StepKind::AllGather: {
      Buffer all = zeros(grp.region);
      for (int64_t i = 0; i < n; ++i)
        transferInto(buf(i), blockOf(grp.region, step.dim, i, n), all,
                     /*add=*/false);
      for (int64_t i = 0; i < n; ++i)
        buf(i) = all;
      break;
    }
    case StepKind::ReduceScatter: {
      Buffer sum = zeros(grp.region);
      for (int64_t i = 0; i < n; ++i)
        transferInto(buf(i), grp.region, sum, /*add=*/true);
      for (int64_t i = 0; i < n; ++i)
        buf(i) = extract(sum, blockOf(grp.region, step.dim, i, n));
      break;
    }
    case StepKind::AllToAll: {
      std::vector<Buffer> out;
      for (int64_t j = 0; j < n; ++j) {
        Box mine = blockOf(grp.region, step.dim, j, n);
        out.push_back(zeros(mine));
        for (int64_t i = 0; i < n; ++i) {
          Box piece =
              layout::intersect(blockOf(grp.region, step.concatDim, i, n), mine);
          transferInto(buf(i), piece, out.back(), /*add=*/false);
        }
      }
      for (int64_t j = 0; j < n; ++j)
        buf(j) = std::move(out[j]);
      break;
    }
    default:
      break;
    }
  }
  return std::nullopt;
}

Error Simulator::applySendRecv(const std::string &at, const Step &step) {
  if (!step.groups.empty())
    return at + ": a SendRecv step has no collective groups, got " +
           std::to_string(step.groups.size());
  // Receivers and their new boxes.
  std::map<int64_t, size_t> receiver;
  for (size_t u = 0; u < step.updates.size(); ++u) {
    const DeviceUpdate &up = step.updates[u];
    std::string dev = at + ", device " + std::to_string(up.device);
    if (!receiver.emplace(up.device, u).second)
      return at + ": device " + std::to_string(up.device) +
             " appears more than once in the updates";
    if (Error e = checkBox(dev, "new box", up.box))
      return e;
    for (size_t c = 0; c < up.localCopies.size(); ++c) {
      const Box &lc = up.localCopies[c];
      std::string what = "local copy " + std::to_string(c);
      if (Error e = checkBox(dev, what, lc))
        return e;
      auto it = held.find(up.device);
      if (it == held.end())
        return dev + ": " + what + " " + boxStr(lc) +
               " reads its old buffer, but it holds no buffer";
      if (!within(lc, it->second.box))
        return dev + ": " + what + " " + boxStr(lc) +
               " is not inside its old buffer " + boxStr(it->second.box);
      if (!within(lc, up.box))
        return dev + ": " + what + " " + boxStr(lc) +
               " is not inside its new box " + boxStr(up.box);
    }
  }
  for (size_t t = 0; t < step.transfers.size(); ++t) {
    const Transfer &tr = step.transfers[t];
    std::string what = at + ", transfer " + std::to_string(t) + " (device " +
                       std::to_string(tr.from) + " -> device " +
                       std::to_string(tr.to) + ")";
    if (Error e = checkBox(what, "box", tr.box))
      return e;
    auto it = held.find(tr.from);
    if (it == held.end())
      return what + ": sender " + std::to_string(tr.from) + " sends box " +
             boxStr(tr.box) + " but holds no buffer";
    if (!within(tr.box, it->second.box))
      return what + ": box " + boxStr(tr.box) +
             " is not inside the sender's buffer " + boxStr(it->second.box);
    auto r = receiver.find(tr.to);
    if (r == receiver.end())
      return what + ": receiver " + std::to_string(tr.to) +
             " has no entry in the step's updates";
    const Box &newBox = step.updates[r->second].box;
    if (!within(tr.box, newBox))
      return what + ": box " + boxStr(tr.box) +
             " is not inside the receiver's new box " + boxStr(newBox);
  }

  // Build the new buffers from the old ones.
  std::vector<Buffer> fresh;
  std::vector<std::vector<int32_t>> writer; // !accumulate: who wrote each element
  for (const DeviceUpdate &up : step.updates) {
    fresh.push_back(zeros(up.box));
    if (!step.accumulate)
      writer.emplace_back(volumeOf(up.box), -1);
  }
  // Contribution ids: local copies of update u are numbered per receiver,
  // transfers after them; only used for messages.
  auto addPiece = [&](size_t u, const Buffer &from, const Box &box,
                      int32_t id, const std::string &name) -> Error {
    Buffer &to = fresh[u];
    if (!step.accumulate) {
      Error clash;
      std::vector<int32_t> &w = writer[u];
      forEachRun(box, [&](const std::vector<int64_t> &p, int64_t len) {
        if (clash)
          return;
        int64_t off = offsetIn(to.box, p);
        for (int64_t i = 0; i < len; ++i) {
          if (w[off + i] >= 0) {
            clash = at + ", device " + std::to_string(step.updates[u].device) +
                    ": element " + intsStr(pointAt(p, i)) +
                    " is written twice (" + name +
                    " overlaps an earlier piece) in a step that does not "
                    "accumulate";
            return;
          }
          w[off + i] = id;
        }
      });
      if (clash)
        return clash;
    }
    transferInto(from, box, to, /*add=*/true);
    return std::nullopt;
  };
  for (size_t u = 0; u < step.updates.size(); ++u) {
    const DeviceUpdate &up = step.updates[u];
    for (size_t c = 0; c < up.localCopies.size(); ++c)
      if (Error e = addPiece(u, held[up.device], up.localCopies[c],
                             static_cast<int32_t>(c),
                             "local copy " + std::to_string(c)))
        return e;
  }
  for (size_t t = 0; t < step.transfers.size(); ++t) {
    const Transfer &tr = step.transfers[t];
    if (Error e = addPiece(receiver[tr.to], held[tr.from], tr.box,
                           static_cast<int32_t>(t),
                           "transfer " + std::to_string(t) + " from device " +
                               std::to_string(tr.from)))
      return e;
  }
  for (size_t u = 0; u < step.updates.size(); ++u)
    held[step.updates[u].device] = std::move(fresh[u]);
  return std::nullopt;
}

Error Simulator::finalCheck() {
  const std::vector<int64_t> &devices = dst.devices();
  std::vector<Placement> placements;
  std::vector<const Buffer *> buffers;
  for (int64_t d : devices) {
    placements.push_back(*dst.place(d));
    const Box &want = placements.back().box;
    auto it = held.find(d);
    if (it == held.end())
      return "final state: device " + std::to_string(d) +
             " holds nothing but its destination box is " + boxStr(want);
    if (it->second.box != want)
      return "final state: device " + std::to_string(d) + " holds box " +
             boxStr(it->second.box) + " but its destination box is " +
             boxStr(want);
    buffers.push_back(&it->second);
  }

  uint64_t tkey = trueKey(seed);
  Error error;
  forEachCell(shape, placements, [&](const Box &cell,
                                     const std::vector<size_t> &holders) {
    if (error)
      return;
    ClassMap classes = classesOf(placements, holders);
    std::vector<const uint64_t *> run(placements.size());
    forEachRun(cell, [&](const std::vector<int64_t> &p, int64_t len) {
      if (error)
        return;
      for (size_t h : holders)
        run[h] = buffers[h]->values.data() + offsetIn(buffers[h]->box, p);
      int64_t base = linearOf(p);
      for (int64_t i = 0; i < len; ++i) {
        uint64_t truth = valueAt(tkey, base + i);
        for (size_t h : holders) {
          if (placements[h].summand || run[h][i] == truth)
            continue;
          error = "final state: device " + std::to_string(devices[h]) +
                  " holds " + std::to_string(run[h][i]) + " at element " +
                  intsStr(pointAt(p, i)) + " but the true value is " +
                  std::to_string(truth);
          return;
        }
        for (auto &[dec, byClass] : classes) {
          uint64_t sum = 0;
          for (auto &[cls, members] : byClass) {
            uint64_t v = run[members.front()][i];
            for (size_t m = 1; m < members.size(); ++m) {
              if (run[members[m]][i] == v)
                continue;
              error = "final state: devices " +
                      std::to_string(devices[members.front()]) + " and " +
                      std::to_string(devices[members[m]]) +
                      " are replicas (decomposition " + std::to_string(dec) +
                      ", summand class " + intsStr(cls) +
                      ") but hold different values at element " +
                      intsStr(pointAt(p, i)) + ": " + std::to_string(v) +
                      " and " + std::to_string(run[members[m]][i]);
              return;
            }
            sum += v;
          }
          if (sum == truth)
            continue;
          std::string reps;
          for (auto &[cls, members] : byClass)
            reps += (reps.empty() ? "" : ", ") +
                    std::to_string(devices[members.front()]);
          error = "final state: the summands at element " +
                  intsStr(pointAt(p, i)) + " of decomposition " +
                  std::to_string(dec) + " (held by devices " + reps +
                  ", one per summand class) add up to " + std::to_string(sum) +
                  " but the true value is " + std::to_string(truth);
          return;
        }
      }
    });
  });
  return error;
}

} // namespace

std::optional<std::string>
hspmd::plan::checkerRefuses(const layout::Layout &src,
                            const layout::Layout &dst, int64_t limit) {
  for (const Layout *l : {&src, &dst}) {
    int64_t total = 0;
    for (int64_t d : l->devices()) {
      int64_t v = volumeOf(l->place(d)->box);
      if (__builtin_add_overflow(total, v, &total) ||
          total > limit)
        return std::string("the plan checker simulates every element, and the ") +
               (l == &src ? "source" : "destination") +
               " blocks hold more than " + std::to_string(limit) +
               " elements";
    }
  }
  return std::nullopt;
}

std::optional<std::string> hspmd::plan::checkPlan(const layout::Layout &src,
                                                  const layout::Layout &dst,
                                                  const Plan &plan,
                                                  uint64_t seed) {
  if (src.shape() != dst.shape())
    return "the source and destination layouts have different shapes " +
           intsStr(src.shape()) + " and " + intsStr(dst.shape());
  Simulator sim(src, dst, seed);
  sim.initialize();
  for (size_t i = 0; i < plan.steps.size(); ++i)
    if (Error e = sim.apply(i, plan.steps[i]))
      return e;
  return sim.finalCheck();
}
