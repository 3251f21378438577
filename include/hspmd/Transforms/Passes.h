//===- Passes.h - hspmd passes ----------------------------------*- C++ -*-===//

#ifndef HSPMD_TRANSFORMS_PASSES_H
#define HSPMD_TRANSFORMS_PASSES_H

#include "hspmd/IR/HspmdDialect.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Shard/IR/ShardDialect.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::hspmd {

#define GEN_PASS_DECL
#include "hspmd/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "hspmd/Transforms/Passes.h.inc"

} // namespace mlir::hspmd

#endif // HSPMD_TRANSFORMS_PASSES_H
