//===- Pipelines.h - hspmd pass pipelines -----------------------*- C++ -*-===//

#ifndef HSPMD_TRANSFORMS_PIPELINES_H
#define HSPMD_TRANSFORMS_PIPELINES_H

#include "mlir/Pass/PassManager.h"

namespace mlir::hspmd {

/// Bufferization, loops and the LLVM dialect for a program without hspmd ops
/// left: the common tail of `--hspmd-to-llvm` and of the reference run.
void addHostToLLVMPipeline(OpPassManager &pm);

/// The whole pipeline from an annotated program to the LLVM dialect, calling
/// the runtime: `--hspmd-to-llvm`.
void addToLLVMPipeline(OpPassManager &pm);

/// Registers the pipelines with the global registry.
void registerPipelines();

} // namespace mlir::hspmd

#endif // HSPMD_TRANSFORMS_PIPELINES_H
