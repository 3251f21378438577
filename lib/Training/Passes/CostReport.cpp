//===- CostReport.cpp - Per-device cost of a placed program ---------------===//
//
// The MLIR front end of the cost model: FLOPs and bytes per device from the
// local shapes each device's program would have (the layouts of the values
// an op reads and writes), communication from the resolver's plans, times
// from the module's cluster description and lib/Training.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Training/Collectives.h"
#include "hspmd/Training/Passes/ClusterDlti.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Training/Passes/TrainingPasses.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDCOSTREPORT
#include "hspmd/Training/Passes/TrainingPasses.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;
namespace plan = ::hspmd::plan;
namespace training = ::hspmd::training;

namespace {

const char *const kCommKinds[] = {"all_reduce", "all_gather", "reduce_scatter",
                                  "all_to_all", "send_recv"};

struct DeviceCost {
  /// All FLOPs, and those of contractions (matmuls, reductions of products).
  double flops = 0, contractionFlops = 0, computeSeconds = 0;
  std::map<std::string, double> commSeconds;
  int64_t sent = 0, received = 0;
  double weightBytes = 0, peakBytes = 0;
  /// The ops it computes, in order: devices computing the same ops form a
  /// stage (a pipeline stage, or the replicas of one).
  std::vector<Operation *> ops;

  double commTotal() const {
    double t = 0;
    for (auto &[kind, s] : commSeconds)
      t += s;
    return t;
  }
};

/// Bytes of `v`'s block on `d` (0 when it does not live there).
double bytesOn(LayoutCache &layouts, Value v, int64_t d) {
  std::optional<layout::Placement> p = layouts.place(v, d);
  if (!p)
    return 0;
  double n = 1;
  for (int64_t s : p->localShape)
    n *= static_cast<double>(s);
  return n * getElementBytes(cast<ShapedType>(v.getType()));
}

struct CostReportPass
    : public mlir::hspmd::impl::HspmdCostReportBase<CostReportPass> {
  using HspmdCostReportBase::HspmdCostReportBase;

  LayoutCache layouts;
  std::map<int64_t, DeviceCost> devices;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (format != "table" && format != "json") {
      module.emitError() << "--hspmd-cost-report: unknown format '" << format
                         << "', expected 'table' or 'json'";
      return signalPassFailure();
    }
    FailureOr<training::Cluster> read = requireCluster(
        module, "--hspmd-cost-report needs a cluster description");
    if (failed(read))
      return signalPassFailure();
    const training::Cluster &cluster = *read;
    if (failed(checkDevices(module, cluster)))
      return signalPassFailure();
    llvm::json::Array reshards;
    for (auto fn : module.getOps<func::FuncOp>()) {
      if (fn.isExternal())
        continue;
      if (failed(costFunction(fn, cluster, reshards)))
        return signalPassFailure();
    }
    print(cluster, std::move(reshards));
    markAllAnalysesPreserved();
  }

  /// Every device a sharding of the program names must be a rank of the
  /// cluster (the costs index the cluster by device). Checked where each
  /// sharding is written, an annotate, a reshard, a plan or a function's
  /// argument or result, before anything reads the cluster.
  static LogicalResult checkDevices(ModuleOp module,
                                    const training::Cluster &cluster) {
    auto check = [&](ShardingAttr s,
                     function_ref<InFlightDiagnostic()> emit) {
      if (!s)
        return success();
      // Ranks are 0 to size - 1: a run of ids is inside when both ends are.
      layout::Sharding l = s.getLayout();
      size_t total = 0;
      for (const layout::Group &g : l.groups)
        total += g.devices.size();
      for (const layout::Group &g : l.groups)
        for (const layout::DeviceList::Run &r : g.devices.getRuns()) {
          if (cluster.contains(r.first) && cluster.contains(r.last()))
            continue;
          int64_t d = cluster.contains(r.first) ? cluster.size() : r.first;
          InFlightDiagnostic diag = emit();
          diag << "device " << d << " of ";
          if (total <= 64)
            diag << s;
          else
            diag << "this sharding (" << total << " devices)";
          diag << " is not in the cluster description, which has "
               << cluster.size() << " rank" << (cluster.size() == 1 ? "" : "s");
          if (cluster.size() > 0)
            diag << " (0 to " << cluster.size() - 1 << ")";
          return failure();
        }
      return success();
    };
    StringRef name = HspmdDialect::getShardingAttrName();
    WalkResult walked = module.walk([&](Operation *op) {
      ShardingAttr s;
      if (auto a = dyn_cast<AnnotateOp>(op))
        s = a.getSharding();
      else if (auto r = dyn_cast<ReshardOp>(op))
        s = r.getSharding();
      else if (auto p = dyn_cast<PlanOp>(op))
        s = p.getSharding();
      if (failed(check(s, [&] { return op->emitError(); })))
        return WalkResult::interrupt();
      auto fn = dyn_cast<FunctionOpInterface>(op);
      if (!fn)
        return WalkResult::advance();
      for (unsigned i = 0; i < fn.getNumArguments(); ++i) {
        Location loc = fn.isExternal() ? op->getLoc()
                                       : fn.getArgument(i).getLoc();
        if (failed(check(fn.getArgAttrOfType<ShardingAttr>(i, name),
                         [&] { return mlir::emitError(loc); })))
          return WalkResult::interrupt();
      }
      for (unsigned i = 0; i < fn.getNumResults(); ++i)
        if (failed(check(fn.getResultAttrOfType<ShardingAttr>(i, name),
                         [&] { return op->emitError(); })))
          return WalkResult::interrupt();
      return WalkResult::advance();
    });
    return failure(walked.wasInterrupted());
  }

  LogicalResult costFunction(func::FuncOp fn, const training::Cluster &cluster,
                             llvm::json::Array &reshards) {
    // Weights: the arguments each device holds.
    for (BlockArgument arg : fn.getArguments())
      if (const layout::Layout *l = layouts.layoutOf(arg))
        for (int64_t d : l->devices())
          devices[d].weightBytes += bytesOn(layouts, arg, d);
    // Peak live bytes, in program order of the top-level ops: a value lives
    // from its op to its last top-level user.
    Block &body = fn.getBody().front();
    llvm::DenseMap<Operation *, int64_t> index;
    for (auto [i, op] : llvm::enumerate(body))
      index[&op] = static_cast<int64_t>(i);
    std::vector<std::vector<Value>> dies(body.getOperations().size() + 1);
    std::map<int64_t, double> live, peak;
    for (auto [i, op] : llvm::enumerate(body)) {
      for (Value r : op.getResults()) {
        int64_t last = static_cast<int64_t>(i);
        for (Operation *user : r.getUsers())
          if (Operation *top = body.findAncestorOpInBlock(*user))
            last = std::max(last, index.lookup(top));
        dies[last].push_back(r);
      }
    }
    for (auto [i, op] : llvm::enumerate(body)) {
      if (auto reshard = dyn_cast<ReshardOp>(op)) {
        if (failed(costReshard(reshard, cluster, reshards)))
          return failure();
      } else {
        costCompute(&op, cluster);
      }
      if (isa<AnnotateOp>(op))
        continue; // the annotated value itself, counted at its producer
      for (Value r : op.getResults())
        if (const layout::Layout *l = layouts.layoutOf(r))
          for (int64_t d : l->devices())
            live[d] += bytesOn(layouts, r, d);
      for (auto &[d, bytes] : live)
        peak[d] = std::max(peak[d], bytes);
      for (Value r : dies[i])
        if (!isa_and_nonnull<AnnotateOp>(r.getDefiningOp()))
          if (const layout::Layout *l = layouts.layoutOf(r))
            for (int64_t d : l->devices())
              live[d] -= bytesOn(layouts, r, d);
    }
    for (auto &[d, bytes] : peak)
      devices[d].peakBytes =
          std::max(devices[d].peakBytes, devices[d].weightBytes + bytes);
    return success();
  }

  /// FLOPs and time of `op` on every device that computes one of its
  /// results.
  void costCompute(Operation *op, const training::Cluster &cluster) {
    if (isa<AnnotateOp, func::ReturnOp, PlanOp>(op) || op->getNumResults() == 0)
      return;
    const layout::Layout *out = layouts.layoutOf(op->getResult(0));
    if (!out)
      return;
    auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
    bool elementwise =
        !linalgOp && op->getNumOperands() > 0 &&
        isa<arith::ArithDialect, math::MathDialect>(op->getDialect());
    if (!linalgOp && !elementwise)
      return;
    double perPoint = 1;
    bool contraction = false;
    if (linalgOp) {
      perPoint = 0;
      linalgOp.getBlock()->walk([&](Operation *inner) {
        if (isa<arith::ArithDialect, math::MathDialect>(inner->getDialect()) &&
            !isa<arith::ConstantOp>(inner))
          perPoint += 1;
      });
      // A contraction sums products of two operands (matmuls, einsums):
      // it runs at GEMM speed; other ops are bound by memory.
      bool multiplies = false;
      linalgOp.getBlock()->walk([&](Operation *inner) {
        if (isa<arith::MulFOp, arith::MulIOp>(inner))
          multiplies = true;
      });
      contraction = linalgOp.getNumReductionLoops() > 0 && multiplies &&
                    linalgOp.getNumDpsInputs() >= 2;
    }
    for (int64_t d : out->devices()) {
      double points = 1;
      if (linalgOp) {
        SmallVector<int64_t> loops = linalgOp.getStaticLoopRanges();
        for (OpOperand &operand : op->getOpOperands()) {
          if (!isa<RankedTensorType>(operand.get().getType()))
            continue;
          const layout::Layout *l = layouts.layoutOf(operand.get());
          std::optional<layout::Placement> p =
              l ? l->place(d) : std::nullopt;
          if (!p)
            continue;
          AffineMap map = linalgOp.getMatchingIndexingMap(&operand);
          for (unsigned j = 0; j < map.getNumResults(); ++j)
            if (auto dim = dyn_cast<AffineDimExpr>(map.getResult(j)))
              loops[dim.getPosition()] = std::min(
                  loops[dim.getPosition()], p->localShape[j]);
        }
        for (int64_t s : loops)
          points *= static_cast<double>(s);
      } else {
        std::optional<layout::Placement> p = out->place(d);
        for (int64_t s : p->localShape)
          points *= static_cast<double>(s);
      }
      DeviceCost &c = devices[d];
      double flops = points * perPoint;
      c.ops.push_back(op);
      c.flops += flops;
      const training::DeviceKind &kind = cluster.kindOf(d);
      if (contraction) {
        c.contractionFlops += flops;
        c.computeSeconds += flops / (kind.peakFlops * kind.etaGemm);
      } else {
        double bytes = 0;
        for (Value v : op->getOperands())
          bytes += bytesOn(layouts, v, d);
        for (Value v : op->getResults())
          bytes += bytesOn(layouts, v, d);
        c.computeSeconds += bytes / kind.hbmBandwidth;
      }
    }
  }

  LogicalResult costReshard(ReshardOp op, const training::Cluster &cluster,
                            llvm::json::Array &reshards) {
    FailureOr<ReshardPlan> planned = planReshard(op, /*verify=*/false);
    if (failed(planned))
      return failure();
    const plan::Plan &p = planned->plan;
    int64_t elementBytes = planned->elementBytes;
    int64_t total = 0;
    for (const plan::DeviceTraffic &t : plan::traffic(p, elementBytes)) {
      DeviceCost &c = devices[t.device];
      if (t.overflow || llvm::AddOverflow(c.sent, t.sent, c.sent) ||
          llvm::AddOverflow(c.received, t.received, c.received) ||
          llvm::AddOverflow(total, t.received, total))
        return op.emitError() << "the bytes device " << t.device
                              << " sends or receives do not fit in 64 bits";
    }
    for (const plan::Step &step : p.steps) {
      std::optional<training::Collective> kind;
      const char *name = nullptr;
      switch (step.kind) {
      case plan::StepKind::AllReduce:
        kind = training::Collective::AllReduce;
        name = "all_reduce";
        break;
      case plan::StepKind::AllGather:
        kind = training::Collective::AllGather;
        name = "all_gather";
        break;
      case plan::StepKind::ReduceScatter:
        kind = training::Collective::ReduceScatter;
        name = "reduce_scatter";
        break;
      case plan::StepKind::AllToAll:
        kind = training::Collective::AllToAll;
        name = "all_to_all";
        break;
      case plan::StepKind::SendRecv: {
        // A device sends and receives at once; its messages go one after
        // the other in each direction.
        std::map<int64_t, double> out, in;
        for (const plan::Transfer &t : step.transfers) {
          double bytes = static_cast<double>(layout::volume(t.box)) *
                         static_cast<double>(elementBytes);
          double s =
              training::pointToPointTime(bytes, cluster.link(t.from, t.to));
          out[t.from] += s;
          in[t.to] += s;
        }
        std::map<int64_t, double> busy = out;
        for (auto &[d, s] : in)
          busy[d] = std::max(busy[d], s);
        for (auto &[d, s] : busy)
          devices[d].commSeconds["send_recv"] += s;
        continue;
      }
      default:
        continue; // local steps
      }
      for (const plan::CollectiveGroup &g : step.groups) {
        double bytes = static_cast<double>(layout::volume(g.region)) *
                       static_cast<double>(elementBytes);
        double s = training::collectiveTime(*kind, bytes,
                                        static_cast<int64_t>(g.devices.size()),
                                        cluster.groupLink(g.devices));
        for (int64_t d : g.devices)
          devices[d].commSeconds[name] += s;
      }
    }
    std::string loc;
    llvm::raw_string_ostream os(loc);
    op.getLoc().print(os);
    reshards.push_back(llvm::json::Object{{"loc", loc},
                                          {"plan", p.strategy},
                                          {"total_received", total}});
    return success();
  }

  void print(const training::Cluster &cluster, llvm::json::Array reshards) {
    double step = 0;
    for (auto &[d, c] : devices)
      step = std::max(step, c.computeSeconds + c.commTotal());
    // Stages, numbered by their first device.
    std::map<std::vector<Operation *>, int64_t> stageIds;
    std::map<int64_t, int64_t> stageOf;
    std::map<int64_t, std::vector<int64_t>> stageDevices;
    for (auto &[d, c] : devices) {
      int64_t id =
          stageIds.try_emplace(c.ops, static_cast<int64_t>(stageIds.size()))
              .first->second;
      stageOf[d] = id;
      stageDevices[id].push_back(d);
    }
    auto stepOf = [&](int64_t d) {
      const DeviceCost &c = devices.at(d);
      return c.computeSeconds + c.commTotal();
    };
    if (format == "json") {
      llvm::json::Array rows;
      for (auto &[d, c] : devices) {
        llvm::json::Object comm;
        for (const char *kind : kCommKinds)
          comm[kind] = c.commSeconds.count(kind) ? c.commSeconds.at(kind) : 0.0;
        rows.push_back(llvm::json::Object{
            {"device", d},
            {"stage", stageOf[d]},
            {"kind", cluster.kindOf(d).name},
            {"flops", c.flops},
            {"contraction_flops", c.contractionFlops},
            {"compute_s", c.computeSeconds},
            {"comm_s", std::move(comm)},
            {"sent", c.sent},
            {"received", c.received},
            {"weight_bytes", c.weightBytes},
            {"peak_bytes", c.peakBytes},
            {"capacity", cluster.kindOf(d).hbmBytes},
            {"step_s", c.computeSeconds + c.commTotal()}});
      }
      llvm::json::Array stages;
      for (auto &[id, members] : stageDevices) {
        double slowest = 0, flops = 0;
        for (int64_t d : members) {
          slowest = std::max(slowest, stepOf(d));
          flops = std::max(flops, devices.at(d).flops);
        }
        stages.push_back(llvm::json::Object{
            {"stage", id},
            {"devices", llvm::json::Array(members)},
            {"flops", flops},
            {"step_s", slowest}});
      }
      llvm::errs() << llvm::formatv(
                          "{0:2}", llvm::json::Value(llvm::json::Object{
                                       {"devices", std::move(rows)},
                                       {"stages", std::move(stages)},
                                       {"reshards", std::move(reshards)},
                                       {"step_s", step}}))
                   << "\n";
      return;
    }
    llvm::errs() << llvm::formatv("{0,6} {1,6} {2,12} {3,11} {4,11} {5,11} "
                                  "{6,11} {7,11} {8,11} {9,13} {10,13} "
                                  "{11,11}\n",
                                  "device", "kind", "flops", "compute_s",
                                  "all_reduce", "all_gather", "reduce_sc",
                                  "all_to_all", "send_recv", "peak_bytes",
                                  "capacity", "step_s");
    for (auto &[d, c] : devices) {
      auto comm = [&, &c = c](const char *k) {
        return c.commSeconds.count(k) ? c.commSeconds.at(k) : 0.0;
      };
      const training::DeviceKind &kind = cluster.kindOf(d);
      llvm::errs() << llvm::formatv(
          "{0,6} {1,6} {2,12:e3} {3,11:e3} {4,11:e3} {5,11:e3} {6,11:e3} "
          "{7,11:e3} {8,11:e3} {9,13:e3} {10,13:e3} {11,11:e3}{12}\n",
          d, kind.name, c.flops, c.computeSeconds, comm("all_reduce"),
          comm("all_gather"), comm("reduce_scatter"), comm("all_to_all"),
          comm("send_recv"), c.peakBytes, kind.hbmBytes,
          c.computeSeconds + c.commTotal(),
          c.peakBytes > kind.hbmBytes ? "  over capacity" : "");
    }
    for (auto &[id, members] : stageDevices) {
      double slowest = 0;
      for (int64_t d : members)
        slowest = std::max(slowest, stepOf(d));
      std::string list;
      for (int64_t d : members)
        list += (list.empty() ? "" : ", ") + std::to_string(d);
      llvm::errs() << llvm::formatv("stage {0}: devices {1}: {2:e3} s\n", id,
                                    list, slowest);
    }
    llvm::errs() << llvm::formatv("predicted step time: {0:e3} s\n", step);
  }
};

} // namespace
