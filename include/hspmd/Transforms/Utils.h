//===- Utils.h - Helpers shared by the hspmd passes -------------*- C++ -*-===//

#ifndef HSPMD_TRANSFORMS_UTILS_H
#define HSPMD_TRANSFORMS_UTILS_H

#include "hspmd/IR/HspmdDialect.h"
#include "hspmd/Plan/Plan.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Value.h"

namespace mlir::hspmd {

/// The placement stated for `value` by the IR itself: the sharding of the
/// `hspmd.annotate` or `hspmd.reshard` producing it, or the `hspmd.sharding`
/// of the function argument it is. Null when nothing states it.
ShardingAttr getKnownSharding(Value value);

/// The placement of `value`: its known sharding, else that of an
/// `hspmd.annotate` using it (a value annotated where it is used, e.g. a
/// `tensor.empty` placed twice). Null when nothing states it.
ShardingAttr getPlacement(Value value);

/// Bytes per element of `type` (at least 1; i1 counts as one byte).
int64_t getElementBytes(ShapedType type);

class ReshardOp;

/// A reshard's source and destination layouts and the planner's plan.
struct ReshardPlan {
  ::hspmd::layout::Layout src, dst;
  ::hspmd::plan::Plan plan;
  int64_t elementBytes;
};

/// Plans `op` from the known placement of its operand (an error when none is
/// known or it does not fit the type). With `verify`, the independent plan
/// checker proves the plan; a rejected plan is an error.
FailureOr<ReshardPlan> planReshard(ReshardOp op, bool verify);

} // namespace mlir::hspmd

#endif // HSPMD_TRANSFORMS_UTILS_H
