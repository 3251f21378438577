//===- CommReport.cpp - Per-device cost of every reshard ------------------===//

#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MathExtras.h"
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

struct DeviceRow {
  int64_t sent = 0, received = 0, messages = 0, lowerBound = 0;
};

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
    const layout::Layout &src = planned->src, &dst = planned->dst;
    const plan::Plan &p = planned->plan;
    int64_t elementBytes = planned->elementBytes;
    auto type = cast<RankedTensorType>(op.getType());
    ShardingAttr source = getPlacement(op.getInput());

    std::map<int64_t, DeviceRow> rows;
    for (int64_t d : src.devices())
      rows[d];
    for (int64_t d : dst.devices())
      rows[d].lowerBound = layout::lowerBoundBytes(src, dst, d, elementBytes);
    for (const plan::DeviceTraffic &t : plan::traffic(p, elementBytes)) {
      if (t.overflow)
        return op.emitError() << "the bytes device " << t.device
                              << " sends or receives in this reshard do not "
                                 "fit in 64 bits";
      DeviceRow &r = rows[t.device];
      r.sent = t.sent;
      r.received = t.received;
      r.messages = t.messages;
    }
    int64_t totalReceived = 0, totalBound = 0;
    for (auto &[d, r] : rows)
      if (llvm::AddOverflow(totalReceived, r.received, totalReceived) ||
          llvm::AddOverflow(totalBound, r.lowerBound, totalBound))
        return op.emitError("the total bytes received in this reshard do not "
                            "fit in 64 bits");

    // `file:line:col` where the location has one, MLIR's form otherwise.
    std::string loc;
    llvm::raw_string_ostream locStream(loc);
    if (auto fileLoc = op.getLoc()->findInstanceOf<FileLineColLoc>())
      locStream << fileLoc.getFilename().getValue() << ":"
                << fileLoc.getLine() << ":" << fileLoc.getColumn();
    else
      op.getLoc().print(locStream);
    if (format == "json") {
      llvm::json::Array devices;
      for (auto &[d, r] : rows)
        devices.push_back(llvm::json::Object{{"device", d},
                                             {"sent", r.sent},
                                             {"received", r.received},
                                             {"messages", r.messages},
                                             {"lower_bound", r.lowerBound}});
      reports.push_back(llvm::json::Object{
          {"loc", loc},
          {"plan", p.strategy},
          {"devices", std::move(devices)},
          {"total_received", totalReceived},
          {"total_lower_bound", totalBound}});
      return success();
    }
    llvm::raw_ostream &os = llvm::errs();
    os << "reshard at " << loc << ": " << type << "\n  from " << source
       << "\n  to   " << op.getSharding() << "\n  plan: " << p.strategy
       << ", " << p.steps.size() << " step" << (p.steps.size() == 1 ? "" : "s")
       << "\n";
    os << llvm::formatv("  {0,7} {1,12} {2,12} {3,9} {4,12}\n", "device",
                        "sent", "received", "messages", "lower_bound");
    for (auto &[d, r] : rows)
      os << llvm::formatv("  {0,7} {1,12} {2,12} {3,9} {4,12}\n", d, r.sent,
                          r.received, r.messages, r.lowerBound);
    os << "  total received " << totalReceived << " bytes, lower bound "
       << totalBound << " bytes";
    if (totalBound > 0)
      os << llvm::formatv(" (ratio {0:F2})",
                          double(totalReceived) / double(totalBound));
    os << "\n";
    return success();
  }
};

} // namespace
