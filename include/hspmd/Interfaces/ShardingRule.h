//===- ShardingRule.h - How an op is partitioned ----------------*- C++ -*-===//

#ifndef HSPMD_INTERFACES_SHARDINGRULE_H
#define HSPMD_INTERFACES_SHARDINGRULE_H

#include "hspmd/Layout/LoopSpace.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/OpDefinition.h"
#include "llvm/ADT/SmallVector.h"

namespace mlir::hspmd {

using ::hspmd::layout::Linearity;

/// An op seen as a loop nest (the loops, which are reductions, which may not
/// be split: ::hspmd::layout::LoopNest) and the loop each tensor dimension of
/// its operands and results follows. A split of a loop splits every tensor
/// that has it, and a split of a reduction loop makes the results partial.
struct ShardingRule : ::hspmd::layout::LoopNest {
  /// A dimension that follows no single loop (a constant index, as in a
  /// broadcast of a unit dimension, or a sum of loops, as in a convolution's
  /// input window): the op reads it at any position, so it is held whole.
  static constexpr int64_t kNoLoop = ::hspmd::layout::kNoLoop;
  /// For each operand: the loop each dimension follows (or kNoLoop), or
  /// nothing for an operand that is not a ranked tensor (scalars are
  /// replicated).
  std::vector<std::optional<std::vector<int64_t>>> operandLoops;
  /// For each result: the loop each dimension follows.
  std::vector<std::vector<int64_t>> resultLoops;
  /// Operands that initialize the results (linalg `outs`): they take the
  /// results' placement, partial included, so a reduction's init is added
  /// exactly once (Semantics.md).
  std::vector<bool> initOperands;
  /// For inits: whether the op reads the value (an accumulator) rather than
  /// only its shape.
  std::vector<bool> initsRead;
  Linearity linearity = Linearity::None;
  /// Whether the reduction loops are blocked because the op's combiner is
  /// not a sum (max, a product...), which splitting the op in two can serve.
  bool combinerNotSum = false;

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
