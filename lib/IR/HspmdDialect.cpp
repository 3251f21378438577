//===- HspmdDialect.cpp - hspmd dialect -----------------------------------===//

#include "hspmd/IR/HspmdDialect.h"
#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/AttributeVerifier.h"
#include "hspmd/IR/HspmdOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::hspmd;

#include "hspmd/IR/HspmdDialect.cpp.inc"

void HspmdDialect::initialize() {
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "hspmd/IR/HspmdOps.cpp.inc"
      >();
}

/// Verifies `hspmd.strategy_shardings = {name = #hspmd.sharding<...>, ...}`
/// for a value of type `type`: every name is one of the strategies the
/// enclosing module declares (`hspmd.strategies`), every sharding valid for
/// the type. `what` prefixes the errors ("argument #0: ").
static LogicalResult verifyStrategyShardings(Operation *op, Attribute value,
                                             Type type, const Twine &what) {
  auto dict = dyn_cast<DictionaryAttr>(value);
  if (!dict)
    return op->emitError() << what << "'hspmd.strategy_shardings' must be a "
                           << "dictionary from strategy names to "
                              "#hspmd.sharding, got "
                           << value;
  auto module = op->getParentOfType<ModuleOp>();
  if (!module && isa<ModuleOp>(op))
    module = cast<ModuleOp>(op);
  auto declared =
      module ? module->getAttrOfType<ArrayAttr>(kStrategiesAttrName) : nullptr;
  for (NamedAttribute entry : dict) {
    if (!declared ||
        !llvm::is_contained(declared.getValue(),
                            StringAttr::get(op->getContext(),
                                            entry.getName().getValue())))
      return op->emitError()
             << what << "strategy '" << entry.getName().getValue()
             << "' is not declared: the module's 'hspmd.strategies' "
             << (declared ? "lists " : "is missing; it lists the names, e.g. ")
             << (declared ? Attribute(declared)
                          : Attribute(ArrayAttr::get(
                                op->getContext(),
                                {StringAttr::get(op->getContext(), "tp")})));
    auto sharding = dyn_cast<ShardingAttr>(entry.getValue());
    if (!sharding)
      return op->emitError() << what << "the sharding of strategy '"
                             << entry.getName().getValue()
                             << "' must be a #hspmd.sharding, got "
                             << entry.getValue();
    if (failed(sharding.verifyForType(type, [&]() {
          return op->emitError() << what << "strategy '"
                                 << entry.getName().getValue() << "': ";
        })))
      return failure();
  }
  return success();
}

/// Verifies `{hspmd.sharding = ...}` (and `hspmd.strategy_shardings`) on
/// argument or result `index` of a function whose type there is `type`.
static LogicalResult verifyValueAttribute(Operation *op, StringRef what,
                                          unsigned index, Type type,
                                          NamedAttribute attr) {
  if (attr.getName() == kStrategyShardingsAttrName)
    return verifyStrategyShardings(op, attr.getValue(), type,
                                   what + " #" + Twine(index) + ": ");
  if (attr.getName() != HspmdDialect::getShardingAttrName())
    return op->emitError() << "unknown " << what << " attribute '"
                           << attr.getName().getValue()
                           << "': the hspmd dialect defines only '"
                           << HspmdDialect::getShardingAttrName()
                           << "' and 'hspmd.strategy_shardings' (and, on "
                              "arguments, 'hspmd.layer' and 'hspmd.parallel')";
  auto sharding = dyn_cast<ShardingAttr>(attr.getValue());
  if (!sharding)
    return op->emitError() << "'" << HspmdDialect::getShardingAttrName()
                           << "' on " << what << " #" << index
                           << " must be a #hspmd.sharding, got "
                           << attr.getValue();
  return sharding.verifyForType(type, [&]() {
    return op->emitError() << what << " #" << index << ": ";
  });
}

LogicalResult HspmdDialect::verifyRegionArgAttribute(Operation *op,
                                                     unsigned regionIndex,
                                                     unsigned argIndex,
                                                     NamedAttribute attr) {
  Type type;
  if (auto fn = dyn_cast<FunctionOpInterface>(op))
    type = fn.getArgumentTypes()[argIndex];
  else
    type = op->getRegion(regionIndex).getArgument(argIndex).getType();
  // What --hspmd-apply-plan reads: the block an argument feeds and how a
  // plan splits it.
  if (attr.getName() == kLayerAttrName) {
    auto layer = dyn_cast<IntegerAttr>(attr.getValue());
    if (!layer || layer.getInt() < 0)
      return op->emitError() << "'hspmd.layer' on argument #" << argIndex
                             << " must be a non-negative integer";
    return success();
  }
  if (attr.getName() == kParallelAttrName) {
    auto role = dyn_cast<StringAttr>(attr.getValue());
    if (!role || !llvm::is_contained(SmallVector<StringRef>{"column", "row",
                                                            "replicated",
                                                            "batch"},
                                     role.getValue()))
      return op->emitError() << "'hspmd.parallel' on argument #" << argIndex
                             << " must be \"column\", \"row\", "
                                "\"replicated\" or \"batch\"";
    return success();
  }
  return verifyValueAttribute(op, "argument", argIndex, type, attr);
}

LogicalResult HspmdDialect::verifyRegionResultAttribute(Operation *op,
                                                        unsigned regionIndex,
                                                        unsigned resultIndex,
                                                        NamedAttribute attr) {
  auto fn = dyn_cast<FunctionOpInterface>(op);
  if (!fn)
    return op->emitError() << "'" << attr.getName().getValue()
                           << "' is allowed on function results only";
  return verifyValueAttribute(op, "result", resultIndex,
                              fn.getResultTypes()[resultIndex], attr);
}

LogicalResult HspmdDialect::verifyOperationAttribute(Operation *op,
                                                     NamedAttribute attr) {
  if (attr.getName() == getShardingAttrName())
    return op->emitError()
           << "'" << getShardingAttrName()
           << "' is allowed on function arguments and results only; use "
              "hspmd.annotate to place the value of an operation";
  if (attr.getName() == kOnAllDevicesAttrName ||
      attr.getName() == kCarriedSummandsAttrName) {
    if (!isa<UnitAttr>(attr.getValue()))
      return op->emitError() << "'" << attr.getName().getValue()
                             << "' is a unit attribute";
    return success();
  }
  // Several strategies in one module (docs/Semantics.md, "Strategies").
  if (attr.getName() == kStrategiesAttrName) {
    auto names = dyn_cast<ArrayAttr>(attr.getValue());
    if (!isa<ModuleOp>(op) || !names || names.empty())
      return op->emitError("'hspmd.strategies' is a non-empty array of "
                           "strategy names on a module");
    llvm::StringSet<> seen;
    for (Attribute a : names) {
      auto name = dyn_cast<StringAttr>(a);
      if (!name || name.getValue().empty())
        return op->emitError() << "'hspmd.strategies' lists names (strings), "
                                  "got "
                               << a;
      if (!seen.insert(name.getValue()).second)
        return op->emitError() << "'hspmd.strategies' lists '"
                               << name.getValue() << "' twice";
    }
    return success();
  }
  if (attr.getName() == kStrategyShardingsAttrName) {
    auto annotate = dyn_cast<AnnotateOp>(op);
    if (!annotate)
      return op->emitError("'hspmd.strategy_shardings' belongs on "
                           "hspmd.annotate and on function arguments and "
                           "results");
    return verifyStrategyShardings(op, attr.getValue(), annotate.getType(),
                                   "");
  }
  if (attr.getName() == kCarriedAsAttrName) {
    auto roles = dyn_cast<ArrayAttr>(attr.getValue());
    auto loop = dyn_cast<LoopLikeOpInterface>(op);
    // (Passes that drop iteration arguments, such as specialization, may
    // leave fewer arguments than strings: later ones describe none.)
    if (!loop || !roles ||
        !llvm::all_of(roles, [](Attribute a) { return isa<StringAttr>(a); }))
      return op->emitError("'hspmd.carried_as' is an array of strings, one "
                           "per iteration argument, on a loop");
    return success();
  }
  if (attr.getName() == kMaxDeviceAttrName) {
    if (!isa<ModuleOp>(op) || !isa<IntegerAttr>(attr.getValue()))
      return op->emitError("'hspmd.max_device' is an integer on a module");
    return success();
  }
  // Attributes of a library above the dialect (the cluster description).
  if (auto *external = getRegisteredInterface<HspmdAttributeVerifierInterface>())
    if (external->owns(attr.getName()))
      return external->verifyAttribute(op, attr);
  return op->emitError() << "unknown hspmd attribute '"
                         << attr.getName().getValue() << "'";
}
