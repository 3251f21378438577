//===- Strip.cpp - The single-device program ------------------------------===//

#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Interfaces/FunctionInterfaces.h"

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDSTRIP
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;

namespace {
struct StripPass : public mlir::hspmd::impl::HspmdStripBase<StripPass> {
  void runOnOperation() override {
    // Strategies place values and never change them: one body runs.
    SmallVector<WithStrategyOp> bodies;
    getOperation()->walk([&](WithStrategyOp op) { bodies.push_back(op); });
    for (WithStrategyOp op : bodies)
      inlineStrategyBody(op);
    getOperation()->walk([](Operation *op) {
      if (isa<AnnotateOp, ReshardOp>(op)) {
        op->getResult(0).replaceAllUsesWith(op->getOperand(0));
        op->erase();
      }
    });
    // Placements and strategies alike.
    getOperation()->removeAttr(kStrategiesAttrName);
    for (StringRef name : {StringRef(HspmdDialect::getShardingAttrName()),
                           StringRef(kStrategyShardingsAttrName)})
      getOperation()->walk([&](FunctionOpInterface fn) {
        for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i)
          fn.removeArgAttr(i, name);
        for (unsigned i = 0, e = fn.getNumResults(); i < e; ++i)
          fn.removeResultAttr(i, StringAttr::get(&getContext(), name));
      });
  }
};
} // namespace
