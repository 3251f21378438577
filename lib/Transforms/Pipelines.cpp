//===- Pipelines.cpp - hspmd pass pipelines -------------------------------===//

#include "hspmd/Transforms/Pipelines.h"
#include "hspmd/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void mlir::hspmd::addHostToLLVMPipeline(OpPassManager &pm) {
  // Elementwise arith/math ops on tensors become linalg.generic, which
  // bufferizes.
  pm.addPass(createConvertElementwiseToLinalgPass());
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  // A loop carrying a tensor may yield a new buffer each iteration (a device
  // program's loop yields what a collective returned); ownership-based
  // deallocation frees the previous one.
  bufferize.allowReturnAllocsFromLoops = true;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // Every buffer is freed after its last use (the runtime's results too).
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertLinalgToLoopsPass());
  // What bufferization leaves: `bufferization.clone` (a helper updating its
  // argument in place) becomes an alloc and a copy.
  pm.addPass(createConvertBufferizationToMemRefPass());
  // Subviews at run-time offsets expand to affine.apply, so affine is
  // lowered after the strided metadata is expanded.
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void mlir::hspmd::addToLLVMPipeline(OpPassManager &pm) {
  pm.addPass(createHspmdPropagate());
  pm.addPass(createHspmdResolveComm());
  pm.addPass(createHspmdSpecialize());
  pm.addPass(createHspmdLowerToRuntime());
  pm.addPass(createCanonicalizerPass());
  addHostToLLVMPipeline(pm);
}

void mlir::hspmd::registerPipelines() {
  PassPipelineRegistration<>(
      "hspmd-to-llvm",
      "The whole hspmd pipeline for CPU execution: propagate, resolve-comm, "
      "specialize, lower-to-runtime, then bufferization, loops and the LLVM "
      "dialect",
      addToLLVMPipeline);
  PassPipelineRegistration<>(
      "hspmd-reference-to-llvm",
      "The single-device program (placements stripped) down to the LLVM "
      "dialect: what hspmd-run --reference runs",
      [](OpPassManager &pm) {
        pm.addPass(createHspmdStrip());
        addHostToLLVMPipeline(pm);
      });
}
