//===- LoopSpace.cpp - Shardings carried through an op's loops ------------===//

#include "hspmd/Layout/LoopSpace.h"

namespace hspmd::layout {

void canonicalizeGroup(Group &g) {
  size_t n = g.axes.size();
  std::vector<size_t> order;
  std::vector<bool> taken(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (taken[i])
      continue;
    for (size_t j = i; j < n; ++j)
      if (!taken[j] && g.axes[j].role == g.axes[i].role) {
        order.push_back(j);
        taken[j] = true;
      }
  }
  bool identity = true;
  for (size_t i = 0; i < n; ++i)
    identity &= order[i] == i;
  if (!identity) {
    // The device at position q of the reordered grid has the coordinates
    // it had at position p of the original one.
    std::vector<int64_t> stride(n, 1);
    for (size_t i = n; i-- > 1;)
      stride[i - 1] = stride[i] * g.axes[i].size;
    std::vector<int64_t> devices(g.devices.size());
    for (size_t q = 0; q < devices.size(); ++q) {
      int64_t rest = static_cast<int64_t>(q), p = 0;
      for (size_t j = n; j-- > 0;) {
        int64_t size = g.axes[order[j]].size;
        p += (rest % size) * stride[order[j]];
        rest /= size;
      }
      devices[q] = g.devices[p];
    }
    std::vector<Axis> axes;
    for (size_t j : order)
      axes.push_back(g.axes[j]);
    g.devices = std::move(devices);
    g.axes = std::move(axes);
  }
  std::vector<Axis> merged;
  for (const Axis &a : g.axes) {
    if (!merged.empty() && merged.back().role == a.role)
      merged.back().size *= a.size;
    else
      merged.push_back(a);
  }
  g.axes = std::move(merged);
}

Sharding mapRoles(const Sharding &s, const std::function<Role(Role)> &f) {
  Sharding out = s;
  if (out.hetero) {
    out.hetero = f(*out.hetero);
    if (!out.hetero->isSplit())
      out.weights.clear();
  }
  for (Group &g : out.groups) {
    for (Axis &a : g.axes)
      a.role = f(a.role);
    canonicalizeGroup(g);
  }
  return out;
}

Sharding lift(const Sharding &s, const std::vector<int64_t> &dimLoops,
              const LoopNest &nest) {
  return mapRoles(s, [&](Role r) {
    if (!r.isSplit())
      return r;
    int64_t loop = dimLoops[r.dim];
    return loop == kNoLoop || nest.blockedLoops[loop] ? Role::dup()
                                                      : Role::split(loop);
  });
}

Sharding project(const Sharding &loops, const std::vector<int64_t> &dimLoops,
                 const LoopNest &nest, bool resultLike) {
  return mapRoles(loops, [&](Role r) {
    if (!r.isSplit())
      return r;
    for (size_t k = 0; k < dimLoops.size(); ++k)
      if (dimLoops[k] == r.dim)
        return Role::split(static_cast<int64_t>(k));
    if (resultLike && nest.reductionLoops[r.dim])
      return Role::partial();
    return Role::dup();
  });
}

Sharding reduced(const Sharding &s) {
  return mapRoles(s,
                  [](Role r) { return r.isPartial() ? Role::dup() : r; });
}

std::optional<Role> mergeRole(Role a, Role b, Linearity linearity) {
  if (a == b) {
    if (a.isPartial() && linearity != Linearity::Additive)
      return std::nullopt;
    return a;
  }
  if (a.isPartial() || b.isPartial()) {
    // An op linear in each operand separately (a product, a matmul) takes
    // one operand's summands against the other's whole value: each summand
    // gives a summand of the result. Added to a value, a summand would be
    // miscounted.
    if (linearity == Linearity::Multiplicative && (a.isDup() || b.isDup()))
      return Role::partial();
    return std::nullopt;
  }
  if (a.isDup())
    return b;
  if (b.isDup())
    return a;
  return std::nullopt;
}

bool merge(Sharding &acc, const Sharding &other, Linearity linearity) {
  if (acc.hetero.has_value() != other.hetero.has_value() ||
      acc.groups.size() != other.groups.size())
    return false;
  Sharding out = acc;
  if (acc.hetero) {
    std::optional<Role> r = mergeRole(*acc.hetero, *other.hetero, linearity);
    if (!r)
      return false;
    out.hetero = r;
    // Weights belong to the top-tier split: both sides splitting must agree;
    // a dup side takes the split side's.
    if (acc.hetero->isSplit() && other.hetero->isSplit() &&
        acc.weights != other.weights)
      return false;
    out.weights = acc.hetero->isSplit() ? acc.weights : other.weights;
  }
  for (size_t g = 0; g < acc.groups.size(); ++g) {
    const Group &a = acc.groups[g], &b = other.groups[g];
    if (a.devices != b.devices || a.axes.size() != b.axes.size())
      return false;
    for (size_t i = 0; i < a.axes.size(); ++i) {
      if (a.axes[i].size != b.axes[i].size)
        return false;
      std::optional<Role> r = mergeRole(a.axes[i].role, b.axes[i].role,
                                        linearity);
      if (!r)
        return false;
      out.groups[g].axes[i].role = *r;
    }
  }
  if (out.verifyStructure())
    return false; // e.g. one loop split on two axes of a group
  acc = std::move(out);
  return true;
}

namespace {
Sharding replicatedOnSorted(std::vector<int64_t> devices) {
  Sharding out;
  Group g;
  g.devices = std::move(devices);
  if (g.devices.size() > 1)
    g.axes.push_back({Role::dup(), static_cast<int64_t>(g.devices.size())});
  out.groups.push_back(std::move(g));
  return out;
}
} // namespace

Sharding replicatedOn(const std::set<int64_t> &devices) {
  return replicatedOnSorted({devices.begin(), devices.end()});
}

Sharding replicated(const Sharding &s) { return replicatedOnSorted(s.devices()); }

} // namespace hspmd::layout
