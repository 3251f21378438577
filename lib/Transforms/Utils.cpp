//===- Utils.cpp - Helpers shared by the hspmd passes ---------------------===//

#include "hspmd/Transforms/Utils.h"
#include "hspmd/IR/HspmdOps.h"

#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace mlir::hspmd;

ShardingAttr mlir::hspmd::getKnownSharding(Value value) {
  if (auto annotate = value.getDefiningOp<AnnotateOp>())
    return annotate.getSharding();
  if (auto reshard = value.getDefiningOp<ReshardOp>())
    return reshard.getSharding();
  if (auto plan = value.getDefiningOp<PlanOp>())
    return plan.getSharding();
  auto arg = dyn_cast<BlockArgument>(value);
  if (!arg)
    return {};
  auto fn = dyn_cast<FunctionOpInterface>(arg.getOwner()->getParentOp());
  if (!fn || arg.getOwner() != &fn.getFunctionBody().front())
    return {};
  return fn.getArgAttrOfType<ShardingAttr>(arg.getArgNumber(),
                                           HspmdDialect::getShardingAttrName());
}

int64_t mlir::hspmd::getElementBytes(ShapedType type) {
  unsigned bits = type.getElementType().isIndex()
                      ? 64
                      : type.getElementType().getIntOrFloatBitWidth();
  return std::max<int64_t>(1, (bits + 7) / 8);
}
