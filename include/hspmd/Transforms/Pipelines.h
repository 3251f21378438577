//===- Pipelines.h - hspmd pass pipelines -----------------------*- C++ -*-===//

#ifndef HSPMD_TRANSFORMS_PIPELINES_H
#define HSPMD_TRANSFORMS_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir::hspmd {

/// Bufferization, loops and the LLVM dialect for a program without hspmd ops
/// left: the common tail of `--hspmd-to-llvm` and of the reference run.
void addHostToLLVMPipeline(OpPassManager &pm);

/// The whole pipeline from an annotated program to the LLVM dialect, calling
/// the runtime: `--hspmd-to-llvm`.
void addToLLVMPipeline(OpPassManager &pm);

/// Options of the CUDA target's pipelines (`--hspmd-to-cuda`,
/// `--hspmd-reference-to-cuda`).
struct CudaPipelineOptions : public PassPipelineOptions<CudaPipelineOptions> {
  PassOptions::Option<std::string> chip{
      *this, "chip", llvm::cl::desc("The GPU architecture (sm_90: H100/H200)"),
      llvm::cl::init("sm_90")};
  PassOptions::Option<std::string> features{
      *this, "features",
      llvm::cl::desc("PTX features (sm_90 needs PTX 7.8 or later)"),
      llvm::cl::init("+ptx80")};
  PassOptions::Option<std::string> toolkit{
      *this, "toolkit",
      llvm::cl::desc("The CUDA toolkit (ptxas, fatbinary, libdevice); "
                     "default: the one the build found")};
  PassOptions::Option<int> optLevel{
      *this, "opt-level", llvm::cl::desc("Device code optimization level"),
      llvm::cl::init(3)};
  PassOptions::Option<int64_t> blockSize{
      *this, "block-size", llvm::cl::desc("Threads per block of a kernel"),
      llvm::cl::init(256)};
};

/// Bufferization, kernels, library calls and the LLVM dialect for a program
/// without hspmd ops left, compiled for an NVIDIA GPU.
void addHostToCudaPipeline(OpPassManager &pm,
                           const CudaPipelineOptions &options);

/// The whole pipeline for NVIDIA GPUs: `--hspmd-to-cuda`.
void addToCudaPipeline(OpPassManager &pm, const CudaPipelineOptions &options);

/// Registers the pipelines with the global registry.
void registerPipelines();

} // namespace mlir::hspmd

#endif // HSPMD_TRANSFORMS_PIPELINES_H
