//===- HspmdPlugin.cpp - hspmd as a dialect and pass plugin ---------------===//
//
// One shared library that stock `mlir-opt` (or any tool built on MlirOptMain)
// loads with `--load-dialect-plugin` and `--load-pass-plugin`.
//
//===----------------------------------------------------------------------===//

#include "hspmd/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "hspmd", LLVM_VERSION_STRING,
          [](mlir::DialectRegistry *registry) {
            mlir::hspmd::registerAllDialects(*registry);
          }};
}

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "hspmd", LLVM_VERSION_STRING,
          []() { mlir::hspmd::registerAllPassesAndPipelines(); }};
}
