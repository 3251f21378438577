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
    // A program annotated with upstream `shard` (a grid, `shard.shard`)
    // reaches hspmd's pipelines only through the importer; left as it is,
    // bufferization would refuse its ops without saying why.
    WalkResult upstream = module.walk([](Operation *op) {
      if (op->getName().getDialectNamespace() != "shard")
        return WalkResult::advance();
      op->emitError() << "'" << op->getName()
                      << "' is upstream `shard`: hspmd-compile and hspmd-run "
                         "take #hspmd.sharding; convert the program first "
                         "with `hspmd-opt --hspmd-import-shard`";
      return WalkResult::interrupt();
    });
    if (upstream.wasInterrupted())
      return signalPassFailure();
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
