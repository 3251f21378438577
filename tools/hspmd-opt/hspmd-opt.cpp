//===- hspmd-opt.cpp - mlir-opt with the hspmd dialect and passes ---------===//

#include "hspmd/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include <malloc.h>

int main(int argc, char **argv) {
  // Planning and specializing for thousands of devices allocates and frees
  // many large vectors; glibc's defaults return the heap's top to the
  // system after each (a brk call and TLB flush every time, a quarter of
  // the time at 4096 devices) and map each large block anew. Keep freed
  // memory for reuse instead.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mlir::registerAllPasses();
  mlir::hspmd::registerAllPassesAndPipelines();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  // gpu-module-to-binary (the CUDA target) translates kernels to LLVM IR.
  mlir::registerAllToLLVMIRTranslations(registry);
  mlir::hspmd::registerAllDialects(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "hspmd optimizer driver\n", registry));
}
