//===- CheckRemoval.cpp - Carried values survive removing devices ---------===//
//
// Elastic training removes devices by switching to placements without them;
// a removed device has lost its data. Before anything moves, every value a
// step loop carries must be whole on the devices that remain.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Layout/BoxText.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/Support/raw_ostream.h"

#include <set>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDCHECKREMOVAL
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;

namespace {


struct CheckRemovalPass
    : public mlir::hspmd::impl::HspmdCheckRemovalBase<CheckRemovalPass> {
  using HspmdCheckRemovalBase::HspmdCheckRemovalBase;

  void runOnOperation() override {
    std::set<int64_t> removed(devices.begin(), devices.end());
    if (removed.empty()) {
      getOperation().emitError()
          << "--hspmd-check-removal needs the devices removed "
             "(devices=6 or devices=6,7)";
      return signalPassFailure();
    }
    std::string names;
    for (int64_t d : removed)
      names += (names.empty() ? "" : ", ") + std::to_string(d);
    bool failed = false;
    for (auto fn : getOperation().getOps<func::FuncOp>()) {
      if (fn.isExternal())
        continue;
      for (auto loop : fn.getBody().front().getOps<scf::ForOp>()) {
        if (!checkLoop(loop, removed, names))
          failed = true;
      }
    }
    if (failed)
      signalPassFailure();
  }

  /// Whether every tensor `loop` carries survives; an error naming what
  /// would be lost otherwise.
  bool checkLoop(scf::ForOp loop, const std::set<int64_t> &removed,
                 const std::string &names) {
    auto alive = [&](int64_t d) { return !removed.count(d); };
    std::string report;
    llvm::raw_string_ostream os(report);
    int64_t values = 0, losing = 0;
    for (auto [i, arg] : llvm::enumerate(loop.getRegionIterArgs())) {
      auto type = dyn_cast<RankedTensorType>(arg.getType());
      if (!type)
        continue;
      ShardingAttr s = getPlacement(arg);
      if (!s) {
        loop.emitError() << "iteration argument #" << i
                         << " has no placement: run --hspmd-propagate first";
        return false;
      }
      if (!type.hasStaticShape())
        continue;
      ++values;
      std::vector<int64_t> shape(type.getShape().begin(),
                                 type.getShape().end());
      layout::Layout l(s.getLayout(), shape);
      std::vector<layout::Box> lost = layout::lostWithout(l, alive);
      if (lost.empty())
        continue;
      ++losing;
      os << "\n  iteration argument #" << i;
      if (auto roles = loop->getAttrOfType<ArrayAttr>(kCarriedAsAttrName))
        if (i < roles.size())
          if (StringRef role = cast<StringAttr>(roles[i]).getValue();
              !role.empty())
            os << " (" << role << ")";
      os << " (" << type << ", placed " << s << "): ";
      for (auto [k, box] : llvm::enumerate(lost)) {
        if (k == 8) {
          os << ", and " << lost.size() - 8 << " more";
          break;
        }
        os << (k ? ", " : "") << layout::boxText(box);
      }
    }
    if (losing) {
      loop.emitError() << "removing device" << (removed.size() > 1 ? "s " : " ")
                       << names << " loses data this loop carries ("
                       << losing << " of " << values << " values"
                       << (loop->hasAttr(kCarriedAsAttrName)
                               ? ", each strategy's copy counted"
                               : "")
                       << "; the parts only removed devices hold):"
                       << report;
      return false;
    }
    loop.emitRemark() << "after removing device"
                      << (removed.size() > 1 ? "s " : " ") << names
                      << ", every block of the " << values
                      << " tensors this loop carries still has a holder";
    return true;
  }
};

} // namespace
