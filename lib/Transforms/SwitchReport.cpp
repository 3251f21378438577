//===- SwitchReport.cpp - The fused plan of a switch between strategies ---===//
//
// A training loop carries its persistent values (parameters, optimizer
// state) from step to step. Switching strategies moves each of them from its
// placement under one strategy to its placement under the other; fused, all
// blocks one device sends another travel as one message.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Layout/BoxText.h"
#include "hspmd/Plan/Checker.h"
#include "hspmd/Plan/Planner.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDSWITCHREPORT
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;
namespace plan = ::hspmd::plan;

namespace {

/// One value a top-level loop carries, under one strategy.
struct Carried {
  Location loc;
  int64_t index;
  RankedTensorType type;
  ShardingAttr placement;
};

struct DeviceRow {
  int64_t sent = 0, received = 0, lowerBound = 0;
  std::set<int64_t> peers;
};

struct SwitchReportPass
    : public ::mlir::hspmd::impl::HspmdSwitchReportBase<SwitchReportPass> {
  using HspmdSwitchReportBase::HspmdSwitchReportBase;

  /// The tensors the top-level loops carry, in order, with their placements
  /// under `strategy` (a copy of the module is selected and propagated).
  FailureOr<std::vector<Carried>> placedUnder(StringRef strategy) {
    ModuleOp module = getOperation();
    OwningOpRef<ModuleOp> copy(cast<ModuleOp>(module->clone()));
    PassManager pm(module.getContext());
    if (!strategy.empty()) {
      HspmdSelectStrategyOptions select;
      select.name = strategy.str();
      pm.addPass(createHspmdSelectStrategy(select));
    }
    pm.addPass(createHspmdPropagate());
    // Deduction's remarks are for a compile; the report keeps its errors.
    ScopedDiagnosticHandler quiet(module.getContext(), [](Diagnostic &d) {
      return success(d.getSeverity() == DiagnosticSeverity::Remark);
    });
    if (failed(pm.run(*copy)))
      return failure();
    std::vector<Carried> values;
    for (auto fn : copy->getOps<func::FuncOp>()) {
      if (fn.isExternal())
        continue;
      for (auto loop : fn.getBody().front().getOps<scf::ForOp>())
        for (auto [i, arg] : llvm::enumerate(loop.getRegionIterArgs())) {
          auto type = dyn_cast<RankedTensorType>(arg.getType());
          if (!type)
            continue;
          ShardingAttr s = getPlacement(arg);
          if (!type.hasStaticShape()) {
            // hspmd partitions static shapes only; the report would
            // otherwise leave the value out without a word.
            emitError(loop.getLoc())
                << "iteration argument #" << i << " (" << type
                << ") has a dynamic shape: a switch moves tensors of static "
                   "shape only";
            return failure();
          }
          if (!s) {
            emitError(loop.getLoc()) << "iteration argument #" << i
                                     << " has no placement under "
                                     << (strategy.empty()
                                             ? std::string("the default")
                                             : "'" + strategy.str() + "'");
            return failure();
          }
          values.push_back({loop.getLoc(), int64_t(i), type, s});
        }
    }
    return values;
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    // The strategies named must be the module's; a module choosing its
    // strategy per step (hspmd.with_strategy) has no default to name by
    // omission.
    auto declared = module->getAttrOfType<ArrayAttr>(kStrategiesAttrName);
    std::string names;
    if (declared)
      for (Attribute a : declared)
        names += (names.empty() ? "'" : ", '") +
                 cast<StringAttr>(a).getValue().str() + "'";
    bool choosing = false;
    module.walk([&](WithStrategyOp) {
      choosing = true;
      return WalkResult::interrupt();
    });
    for (const std::string *name : {&from.getValue(), &to.getValue()}) {
      bool known = declared && llvm::any_of(declared, [&](Attribute a) {
                     return cast<StringAttr>(a).getValue() == *name;
                   });
      if (name->empty() && choosing) {
        module.emitError()
            << "--hspmd-switch-report: the module chooses its strategy per "
               "step (hspmd.with_strategy): name both with from= and to= "
               "(it declares "
            << names << ")";
        return signalPassFailure();
      }
      if (!name->empty() && !known) {
        module.emitError() << "--hspmd-switch-report: '" << *name
                           << "' is not a strategy of the module"
                           << (declared ? " (it declares " + names + ")"
                                        : std::string(" (it declares none)"));
        return signalPassFailure();
      }
    }
    // One after the other: a problem of the module (a dynamic shape) is
    // reported once.
    FailureOr<std::vector<Carried>> a = placedUnder(from);
    if (failed(a))
      return signalPassFailure();
    FailureOr<std::vector<Carried>> b = placedUnder(to);
    if (failed(b))
      return signalPassFailure();
    if (a->size() != b->size()) {
      module.emitError() << "--hspmd-switch-report: the loops carry "
                         << a->size() << " placed tensors under '" << from
                         << "' but " << b->size() << " under '" << to << "'";
      return signalPassFailure();
    }
    std::set<int64_t> lost(removed.begin(), removed.end());
    std::map<int64_t, DeviceRow> rows;
    int64_t perValueMessages = 0;
    llvm::raw_ostream &os = llvm::errs();
    os << "switch from " << (from.empty() ? "the default" : "'" + from + "'")
       << " to " << (to.empty() ? "the default" : "'" + to + "'") << ": "
       << a->size() << " carried value" << (a->size() == 1 ? "" : "s");
    if (!lost.empty()) {
      os << ", without device" << (lost.size() == 1 ? "" : "s");
      for (int64_t d : lost)
        os << " " << d;
    }
    os << "\n";
    bool failedAny = false;
    for (size_t v = 0; v < a->size(); ++v) {
      const Carried &x = (*a)[v], &y = (*b)[v];
      std::vector<int64_t> shape(x.type.getShape().begin(),
                                 x.type.getShape().end());
      layout::Layout src(x.placement.getLayout(), shape),
          dst(y.placement.getLayout(), shape);
      int64_t bytes = getElementBytes(x.type);
      plan::Plan p = plan::planPointToPoint(src, dst, bytes);
      if (p.error) {
        emitError(x.loc) << "cannot plan the switch of iteration argument #"
                         << x.index << ": " << *p.error;
        failedAny = true;
        continue;
      }
      if (std::optional<std::string> why = plan::checkerRefuses(src, dst)) {
        emitError(x.loc) << "cannot verify the switch of iteration argument #"
                         << x.index << ": " << *why;
        failedAny = true;
        continue;
      }
      if (std::optional<std::string> err = plan::checkPlan(src, dst, p)) {
        emitError(x.loc) << "internal error: the switch plan of iteration "
                            "argument #"
                         << x.index << " fails the plan checker: " << *err;
        failedAny = true;
        continue;
      }
      int64_t received = 0;
      std::string fromRemoved;
      for (const plan::Step &step : p.steps) {
        if (step.kind != plan::StepKind::SendRecv) {
          if (step.kind != plan::StepKind::Slice &&
              step.kind != plan::StepKind::KeepOrZero) {
            emitError(x.loc) << "the switch of iteration argument #"
                             << x.index << " needs a "
                             << plan::stepName(step.kind)
                             << " step: it holds partial sums under one "
                                "strategy, and a switch moves values";
            failedAny = true;
          }
          continue;
        }
        for (const plan::Transfer &t : step.transfers) {
          int64_t n = layout::volume(t.box) * bytes;
          if (lost.count(t.from) && fromRemoved.empty())
            fromRemoved = std::to_string(t.from);
          rows[t.from].sent += n;
          rows[t.from].peers.insert(t.to);
          rows[t.to].received += n;
          received += n;
          ++perValueMessages;
        }
      }
      for (int64_t d : dst.devices())
        rows[d].lowerBound += layout::lowerBoundBytes(src, dst, d, bytes);
      for (int64_t d : src.devices())
        rows[d];
      os << "  iteration argument #" << x.index << " of the loop at "
         << locationText(x.loc) << ": " << x.type << "\n    from " << x.placement << "\n    to   "
         << y.placement << "\n    " << received << " bytes\n";
      if (!fromRemoved.empty()) {
        std::vector<layout::Box> gone =
            layout::lostWithout(src, [&](int64_t d) { return !lost.count(d); });
        auto diag = emitError(x.loc)
                    << "the switch reads iteration argument #" << x.index
                    << " from removed device " << fromRemoved;
        if (gone.empty())
          diag << ", though the devices that remain hold all of it (the "
                  "point-to-point planner does not avoid removed senders yet)";
        else {
          diag << "; lost with it, held by removed devices only:";
          for (auto [k, box] : llvm::enumerate(gone)) {
            if (k == 8) {
              diag << ", and " << gone.size() - 8 << " more";
              break;
            }
            diag << (k ? ", " : " ") << layout::boxText(box);
          }
        }
        failedAny = true;
      }
    }
    if (failedAny)
      return signalPassFailure();
    // One message per pair of devices: a device's messages are its peers.
    std::vector<TrafficRow> table;
    int64_t messages = 0;
    for (auto &[d, r] : rows) {
      table.push_back({d, r.sent, r.received, int64_t(r.peers.size()),
                       r.lowerBound});
      messages += int64_t(r.peers.size());
    }
    auto totals = trafficTotals(table);
    if (!totals) {
      module.emitError("the bytes of this switch do not fit in 64 bits");
      return signalPassFailure();
    }
    printTrafficTable(os, table, totals->first, totals->second);
    os << "; " << messages << " messages, one per pair of devices ("
       << perValueMessages << " value by value)\n";
    markAllAnalysesPreserved();
  }
};

} // namespace
