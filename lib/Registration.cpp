//===- Registration.cpp - Registration shared by every hspmd tool ---------===//

#include "hspmd/InitAll.h"
#include "hspmd/IR/HspmdDialect.h"
#include "hspmd/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

void mlir::hspmd::registerAllDialects(DialectRegistry &registry) {
  registry.insert<HspmdDialect>();
}

void mlir::hspmd::registerAllPassesAndPipelines() { registerHspmdPasses(); }
