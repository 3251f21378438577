//===- SelectStrategy.cpp - One of several strategies ---------------------===//
//
// A module declaring several strategies carries, next to each placement, a
// dictionary of the placements other strategies give the value; keeping one
// strategy writes its placements in place of the defaults.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Interfaces/FunctionInterfaces.h"

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDSELECTSTRATEGY
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;

namespace {

struct SelectStrategyPass
    : public mlir::hspmd::impl::HspmdSelectStrategyBase<SelectStrategyPass> {
  using HspmdSelectStrategyBase::HspmdSelectStrategyBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto declared = module->getAttrOfType<ArrayAttr>(kStrategiesAttrName);
    if (!declared) {
      module.emitError() << "--hspmd-select-strategy: the module declares no "
                            "strategies (a module attribute "
                         << kStrategiesAttrName << " = [\"a\", \"b\"])";
      return signalPassFailure();
    }
    if (!llvm::is_contained(declared.getValue(),
                            StringAttr::get(&getContext(), name))) {
      module.emitError() << "--hspmd-select-strategy: unknown strategy '"
                         << name << "'; the module declares " << declared;
      return signalPassFailure();
    }
    StringAttr chosenName = StringAttr::get(&getContext(), name);
    // The one strategy runs wherever a body chooses one at run time.
    SmallVector<WithStrategyOp> bodies;
    module.walk([&](WithStrategyOp op) { bodies.push_back(op); });
    for (WithStrategyOp op : bodies)
      inlineStrategyBody(op);
    applyStrategy(module, chosenName);
    // The strategy's sharding from a dictionary, or null when it keeps the
    // default.
    auto chosen = [&](Attribute dict) -> ShardingAttr {
      auto d = dyn_cast_or_null<DictionaryAttr>(dict);
      return d ? d.getAs<ShardingAttr>(chosenName) : ShardingAttr();
    };
    StringRef sharding = HspmdDialect::getShardingAttrName();
    module.walk([&](FunctionOpInterface fn) {
      for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i) {
        if (ShardingAttr s =
                chosen(fn.getArgAttr(i, kStrategyShardingsAttrName)))
          fn.setArgAttr(i, sharding, s);
        fn.removeArgAttr(i, kStrategyShardingsAttrName);
      }
      for (unsigned i = 0, e = fn.getNumResults(); i < e; ++i) {
        if (ShardingAttr s =
                chosen(fn.getResultAttr(i, kStrategyShardingsAttrName)))
          fn.setResultAttr(i, sharding, s);
        fn.removeResultAttr(i, StringAttr::get(&getContext(),
                                               kStrategyShardingsAttrName));
      }
    });
    module->removeAttr(kStrategiesAttrName);
  }
};

} // namespace
