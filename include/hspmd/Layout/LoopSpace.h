//===- LoopSpace.h - Shardings carried through an op's loops ----*- C++ -*-===//
//
// The algebra propagation uses to carry shardings through an op seen as a
// loop nest: a tensor sharding is *lifted* to the op's loops (a split of
// dimension k becomes a split of the loop k follows), the operands' lifted
// shardings are *merged* axis by axis, and the merged loop sharding is
// *projected* back onto every operand and result (a split loop an operand
// lacks becomes `dup`; a split reduction loop makes results `partial`). Both
// tiers work the same way. Plain C++, like the rest of Layout, so it is unit
// tested against the layout model directly.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_LAYOUT_LOOPSPACE_H
#define HSPMD_LAYOUT_LOOPSPACE_H

#include "hspmd/Layout/Sharding.h"

#include <functional>
#include <optional>
#include <set>
#include <vector>

namespace hspmd::layout {

/// How partial (summand) operands may flow through an op.
enum class Linearity {
  /// Not linear: partial operands are reduced first.
  None,
  /// Additive in all tensor operands (add, subtract, negate, sum, transpose,
  /// copy, concatenate): they may all be partial on the same axes, giving a
  /// partial result.
  Additive,
  /// Linear in each operand separately (multiply, matmul; an init it reads
  /// is added): one partial operand against the others' whole values gives a
  /// partial result. Propagation carries the summands through such an op or
  /// reduces them first, whichever moves fewer bytes.
  Multiplicative,
};

/// A dimension that follows no single loop (a constant index, as in a
/// broadcast of a unit dimension, or a sum of loops, as in a convolution's
/// input window): the op reads it at any position, so it is held whole.
inline constexpr int64_t kNoLoop = -1;

/// An op's loops: their sizes, which are reductions, and which may not be
/// split (a reshape's inner dimensions, sliced or padded dimensions, loops of
/// a convolution window, reduction loops of a combiner other than a sum).
struct LoopNest {
  std::vector<int64_t> loopSizes;
  std::vector<bool> reductionLoops;
  std::vector<bool> blockedLoops;
};

/// Maps every role of `s` (both tiers) through `f`, then canonicalizes each
/// group (see canonicalizeGroup). Weights are dropped when the top tier
/// stops being a split.
Sharding mapRoles(const Sharding &s, const std::function<Role(Role)> &f);

/// Puts equal roles of a group next to each other (permuting the device list
/// so that every device keeps its block) and merges them into one axis:
/// projections can turn two axes into `dup`, which a sharding writes as one.
/// The layout is unchanged.
void canonicalizeGroup(Group &g);

/// `s`, a sharding of a tensor whose dimension k follows loop `dimLoops[k]`,
/// in the op's loop space; splits of blocked loops and of dimensions that
/// follow no loop become `dup` (the operand is gathered along them first).
Sharding lift(const Sharding &s, const std::vector<int64_t> &dimLoops,
              const LoopNest &nest);

/// The loop sharding `loops` seen by a tensor whose dimension k follows loop
/// `dimLoops[k]`: a split loop the tensor has becomes a split of its
/// dimension, one it lacks becomes `dup`, or `partial` for a result (or an
/// init, `resultLike`) when the loop is a reduction.
Sharding project(const Sharding &loops, const std::vector<int64_t> &dimLoops,
                 const LoopNest &nest, bool resultLike);

/// `s` with every partial role replaced by dup: the placement after reducing.
Sharding reduced(const Sharding &s);

/// Two roles of one axis merged: equal roles stay (partial ones only where
/// the op is additive), dup gives way to the other role (to partial only
/// where the op is multiplicative), anything else conflicts.
std::optional<Role> mergeRole(Role a, Role b, Linearity linearity);

/// Merges `other` into `acc` axis by axis; fails, leaving `acc` unchanged,
/// when the two are not laid over the same device grid (same groups, device
/// lists and axis sizes), a role or the top-tier weights conflict, or the
/// merge is not a valid sharding (one loop split on two axes of a group).
bool merge(Sharding &acc, const Sharding &other, Linearity linearity);

/// Every device of `devices`, in increasing order, holding the whole tensor.
Sharding replicatedOn(const std::set<int64_t> &devices);

/// Every device of `s` holding the whole tensor.
Sharding replicated(const Sharding &s);

} // namespace hspmd::layout

#endif // HSPMD_LAYOUT_LOOPSPACE_H
