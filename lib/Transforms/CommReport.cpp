//===- CommReport.cpp - Per-device cost of every reshard ------------------===//

#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Layout/Bounds.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDCOMMREPORT
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;
namespace plan = ::hspmd::plan;

namespace {

/// `a / b`, or null when the bound is 0 (JSON has no infinity).
llvm::json::Value ratio(int64_t a, int64_t b) {
  if (b == 0)
    return nullptr;
  return double(a) / double(b);
}

struct CommReportPass
    : public mlir::hspmd::impl::HspmdCommReportBase<CommReportPass> {
  using HspmdCommReportBase::HspmdCommReportBase;

  void runOnOperation() override {
    if (format != "table" && format != "json") {
      getOperation()->emitError()
          << "--hspmd-comm-report: unknown format '" << format
          << "', expected 'table' or 'json'";
      return signalPassFailure();
    }
    llvm::json::Array reports;
    bool failedAny = false;
    getOperation()->walk([&](ReshardOp op) {
      if (failed(report(op, reports)))
        failedAny = true;
    });
    if (format == "json")
      llvm::errs() << llvm::formatv("{0:2}", llvm::json::Value(std::move(reports)))
                   << "\n";
    if (failedAny)
      signalPassFailure();
    markAllAnalysesPreserved();
  }

  LogicalResult report(ReshardOp op, llvm::json::Array &reports) {
    FailureOr<ReshardPlan> planned = planReshard(op, verifyPlans);
    if (failed(planned))
      return failure();
    const plan::Plan &p = planned->plan;
    auto type = cast<RankedTensorType>(op.getType());
    ShardingAttr source = getPlacement(op.getInput());

    FailureOr<std::vector<TrafficRow>> traffic = reshardTraffic(op, *planned);
    if (failed(traffic))
      return failure();
    const std::vector<TrafficRow> &rows = *traffic;
    auto totals = trafficTotals(rows);
    if (!totals)
      return op.emitError("the total bytes received in this reshard do not "
                          "fit in 64 bits");
    auto [totalReceived, totalBound] = *totals;
    std::string loc = locationText(op.getLoc());
    if (format == "json") {
      int64_t busiest = 0;
      for (const TrafficRow &r : rows)
        busiest = std::max(busiest, r.received);
      // The whole reshard's bounds (Semantics.md "Changing a placement");
      // not computed for partial sources over more than 2^22 grid regions.
      // (The table's line comes from boundsText.)
      std::optional<layout::ReshardBounds> bounds =
          layout::reshardBounds(planned->src, planned->dst,
                                planned->elementBytes);
      llvm::json::Array devices;
      for (const TrafficRow &r : rows)
        devices.push_back(llvm::json::Object{{"device", r.device},
                                             {"sent", r.sent},
                                             {"received", r.received},
                                             {"messages", r.messages},
                                             {"lower_bound", r.lowerBound}});
      llvm::json::Object report{{"loc", loc},
                                {"plan", p.strategy},
                                {"devices", std::move(devices)},
                                {"total_received", totalReceived},
                                {"total_lower_bound", totalBound},
                                {"busiest_received", busiest}};
      if (bounds) {
        report["combining_bound"] = bounds->combining;
        report["combining_is_sum_of_lower_bounds"] = !bounds->combines;
        report["busiest_bound"] = bounds->busiest;
        report["combining_ratio"] = ratio(totalReceived, bounds->combining);
        report["busiest_ratio"] = ratio(busiest, bounds->busiest);
      }
      reports.push_back(std::move(report));
      return success();
    }
    llvm::raw_ostream &os = llvm::errs();
    os << "reshard at " << loc << ": " << type << "\n  from " << source
       << "\n  to   " << op.getSharding() << "\n  plan: " << p.strategy
       << ", " << p.steps.size() << " step" << (p.steps.size() == 1 ? "" : "s")
       << "\n";
    printTrafficTable(os, rows, totalReceived, totalBound);
    os << "\n";
    os << "  " << boundsText(*planned, rows) << "\n";
    return success();
  }
};

} // namespace
