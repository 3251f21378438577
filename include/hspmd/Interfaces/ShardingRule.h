//===- ShardingRule.h - How an op is partitioned ----------------*- C++ -*-===//

#ifndef HSPMD_INTERFACES_SHARDINGRULE_H
#define HSPMD_INTERFACES_SHARDINGRULE_H

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/OpDefinition.h"
#include "llvm/ADT/SmallVector.h"

namespace mlir::hspmd {

/// How partial (summand) operands may flow through an op.
enum class Linearity {
  /// Not linear: partial operands are reduced first.
  None,
  /// Additive in all tensor operands (add, subtract, negate, sum, transpose,
  /// copy): they may all be partial on the same axes, giving a partial result.
  Additive,
  /// Linear in each operand separately (multiply, matmul): a partial operand
  /// is allowed only against non-partial others. (Propagation currently
  /// reduces such operands first; the rule records that it need not.)
  Multiplicative,
};

/// An op seen as a loop nest. Each tensor dimension of an operand or result
/// follows one loop; a split of that loop splits every tensor that has it,
/// and a split of a reduction loop makes the results partial.
struct ShardingRule {
  SmallVector<int64_t> loopSizes;
  SmallVector<bool> reductionLoops;
  /// Loops that may not be split: a reshape's inner dimensions (a split of
  /// the collapsed dimension maps to the outermost one of its group) and the
  /// sliced dimensions of a slice. A split there is gathered first.
  SmallVector<bool> blockedLoops;
  /// A dimension that follows no single loop (a constant index, as in a
  /// broadcast of a unit dimension, or a sum of loops, as in a convolution's
  /// input window): the op reads it at any position, so it is held whole.
  static constexpr int64_t kNoLoop = -1;
  /// For each operand: the loop each dimension follows (or kNoLoop), or
  /// nothing for an operand that is not a ranked tensor (scalars are
  /// replicated).
  SmallVector<std::optional<SmallVector<int64_t>>> operandLoops;
  /// For each result: the loop each dimension follows.
  SmallVector<SmallVector<int64_t>> resultLoops;
  /// Operands that initialize the results (linalg `outs`): they take the
  /// results' placement, partial included, so a reduction's init is added
  /// exactly once (spec §1.2).
  SmallVector<bool> initOperands;
  /// For inits: whether the op reads the value (an accumulator) rather than
  /// only its shape.
  SmallVector<bool> initsRead;
  Linearity linearity = Linearity::None;

  /// A rule for `rank`-dimensional elementwise ops with `numOperands` tensor
  /// operands and one result.
  static ShardingRule elementwise(int64_t rank, ArrayRef<int64_t> shape,
                                  unsigned numOperands, Linearity linearity);
};

/// Attaches the sharding-rule interface to upstream linalg, arith, math and
/// tensor ops.
void registerShardingRuleModels(DialectRegistry &registry);

} // namespace mlir::hspmd

#include "hspmd/Interfaces/ShardingRuleInterface.h.inc"

#endif // HSPMD_INTERFACES_SHARDINGRULE_H
