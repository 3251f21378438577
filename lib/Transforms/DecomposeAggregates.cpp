//===- DecomposeAggregates.cpp - Aggregate ops as what they stand for -----===//
//
// linalg.softmax and other ops implementing AggregatedOpInterface become the
// linalg ops they stand for, which propagation places and the host
// pipeline lowers.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDDECOMPOSEAGGREGATES
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;

namespace {
struct DecomposeAggregatesPass
    : public mlir::hspmd::impl::HspmdDecomposeAggregatesBase<
          DecomposeAggregatesPass> {
  void runOnOperation() override {
    SmallVector<linalg::AggregatedOpInterface> ops;
    getOperation().walk(
        [&](linalg::AggregatedOpInterface op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (linalg::AggregatedOpInterface op : ops) {
      rewriter.setInsertionPoint(op);
      FailureOr<SmallVector<Value>> parts = op.decomposeOperation(rewriter);
      if (failed(parts)) {
        op->emitError() << "cannot write '" << op->getName()
                        << "' as the ops it stands for";
        return signalPassFailure();
      }
      rewriter.replaceOp(op, *parts);
    }
  }
};
} // namespace
