//===- PrintLayout.cpp - Show each device's block of annotated tensors ----===//

#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Transforms/Passes.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDPRINTLAYOUT
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;

namespace {

/// `[0, 8) x [0, 32)`, or `scalar` for rank 0.
void printBox(raw_ostream &os, const layout::Box &box) {
  if (box.empty()) {
    os << "scalar";
    return;
  }
  llvm::interleave(
      box, os, [&](const layout::Range &r) { os << "[" << r.lo << ", " << r.hi << ")"; },
      " x ");
}

void printPlacements(raw_ostream &os, ShardingAttr sharding, Type valueType) {
  // The verifier guarantees a static ranked tensor for verified IR; a pass
  // that ran before us without verification may have changed the type.
  auto type = dyn_cast<RankedTensorType>(valueType);
  if (!type || failed(sharding.verifyForType(type, [&] {
        return emitError(UnknownLoc::get(sharding.getContext()));
      }))) {
    os << "  " << valueType << " placed " << sharding
       << ": not a tensor this sharding applies to\n";
    return;
  }
  os << "  " << type << " placed " << sharding << "\n";
  layout::Layout lay(sharding.getLayout(),
                     std::vector<int64_t>(type.getShape().begin(),
                                          type.getShape().end()));
  for (int64_t device : lay.devices()) {
    layout::Placement p = *lay.place(device);
    os << "  device " << device << ": ";
    printBox(os, p.box);
    os << " -> " << RankedTensorType::get(p.localShape, type.getElementType());
    if (p.summand)
      os << (p.keeper ? ", summand" : ", summand (zeros for a new value)");
    os << "\n";
  }
}

struct PrintLayoutPass
    : public mlir::hspmd::impl::HspmdPrintLayoutBase<PrintLayoutPass> {
  using HspmdPrintLayoutBase::HspmdPrintLayoutBase;

  void runOnOperation() override {
    raw_ostream &os = toStderr ? llvm::errs() : llvm::outs();
    StringAttr name = StringAttr::get(&getContext(),
                                      HspmdDialect::getShardingAttrName());
    getOperation()->walk([&](FunctionOpInterface fn) {
      auto funcName = fn.getNameAttr();
      for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i)
        if (auto s = fn.getArgAttrOfType<ShardingAttr>(i, name)) {
          os << "@" << funcName.getValue() << " argument #" << i << "\n";
          printPlacements(os, s, fn.getArgumentTypes()[i]);
        }
      for (unsigned i = 0, e = fn.getNumResults(); i < e; ++i)
        if (auto s = fn.getResultAttrOfType<ShardingAttr>(i, name)) {
          os << "@" << funcName.getValue() << " result #" << i << "\n";
          printPlacements(os, s, fn.getResultTypes()[i]);
        }
      AsmState state(fn);
      fn->walk([&](Operation *op) {
        ShardingAttr sharding;
        if (auto a = dyn_cast<AnnotateOp>(op))
          sharding = a.getSharding();
        else if (auto r = dyn_cast<ReshardOp>(op))
          sharding = r.getSharding();
        else
          return;
        os << "@" << funcName.getValue() << " ";
        op->getResult(0).printAsOperand(os, state);
        os << " = " << op->getName() << " at " << op->getLoc() << "\n";
        printPlacements(os, sharding, op->getResult(0).getType());
      });
    });
    markAllAnalysesPreserved();
  }
};

} // namespace
