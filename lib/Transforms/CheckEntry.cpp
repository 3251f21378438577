//===- CheckEntry.cpp - The entry point of a program ----------------------===//

#include "hspmd/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDCHECKENTRY
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;

namespace {
struct CheckEntryPass
    : public mlir::hspmd::impl::HspmdCheckEntryBase<CheckEntryPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto main = module.lookupSymbol<func::FuncOp>("main");
    if (!main) {
      module.emitError()
          << "the program has no entry point: hspmd-run runs "
             "`func.func @main()`, which takes no arguments and returns "
             "nothing";
      return signalPassFailure();
    }
    if (main.isExternal()) {
      main.emitError() << "the entry point `@main` is only declared: it "
                          "needs a body";
      return signalPassFailure();
    }
    FunctionType type = main.getFunctionType();
    if (type.getNumInputs() || type.getNumResults()) {
      main.emitError()
          << "the entry point `@main` must take no arguments and return "
             "nothing, got "
          << type
          << ": hspmd-run has no values to pass it and uses nothing it "
             "returns (print results instead)";
      return signalPassFailure();
    }
  }
};
} // namespace
