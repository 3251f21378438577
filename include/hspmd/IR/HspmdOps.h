//===- HspmdOps.h - hspmd operations ----------------------------*- C++ -*-===//

#ifndef HSPMD_IR_HSPMDOPS_H
#define HSPMD_IR_HSPMDOPS_H

#include "hspmd/IR/HspmdDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "hspmd/IR/HspmdOps.h.inc"

#endif // HSPMD_IR_HSPMDOPS_H
