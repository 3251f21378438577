//===- AttrNames.h - Names of the dialect's discardable attrs ---*- C++ -*-===//
//
// Every `hspmd.` attribute name a pass reads or writes, defined once (the
// dialect verifies them in HspmdDialect.cpp). `hspmd.sharding` is the
// dialect's own (HspmdDialect::getShardingAttrName); the cluster
// description's are in hspmd/Training/Passes/ClusterDlti.h.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_IR_ATTRNAMES_H
#define HSPMD_IR_ATTRNAMES_H

#include "llvm/ADT/StringRef.h"

namespace mlir::hspmd {

/// Unit attribute: an op that runs on every device (its scalar results are
/// everyone's).
inline constexpr llvm::StringLiteral kOnAllDevicesAttrName =
    "hspmd.on_all_devices";
/// Integer on the module: the largest device id the program uses.
inline constexpr llvm::StringLiteral kMaxDeviceAttrName = "hspmd.max_device";
/// Function argument attributes of a training program
/// (--hspmd-apply-plan): the block an argument feeds and how it is split.
inline constexpr llvm::StringLiteral kLayerAttrName = "hspmd.layer";
inline constexpr llvm::StringLiteral kParallelAttrName = "hspmd.parallel";
/// Array of names on the module: the strategies it holds.
inline constexpr llvm::StringLiteral kStrategiesAttrName = "hspmd.strategies";
/// Unit, on an op --hspmd-propagate=carry-float-products=true carried
/// floating-point summands through: later propagations carry them too.
inline constexpr llvm::StringLiteral kCarriedSummandsAttrName =
    "hspmd.carried_summands";
/// On a loop --hspmd-expand-strategies added per-strategy copies to: what
/// each iteration argument stands for ("" for the program's own), for the
/// diagnostics of later passes.
inline constexpr llvm::StringLiteral kCarriedAsAttrName = "hspmd.carried_as";
/// Dictionary from strategy names to shardings, on an annotation, a function
/// argument or a result: the placements strategies give the value where they
/// differ from its own sharding.
inline constexpr llvm::StringLiteral kStrategyShardingsAttrName =
    "hspmd.strategy_shardings";

} // namespace mlir::hspmd

#endif // HSPMD_IR_ATTRNAMES_H
