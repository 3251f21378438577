//===- CostReport.cpp - Per-device cost of a placed program ---------------===//
//
// The MLIR front end of the cost model: FLOPs and bytes per device from the
// local shapes each device's program would have (the layouts of the values
// an op reads and writes), communication from the resolver's plans, times
// from the module's cluster description and lib/Training.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Training/Collectives.h"
#include "hspmd/Training/Passes/ClusterDlti.h"
#include "hspmd/Training/Passes/TrainingPasses.h"
#include "hspmd/Training/Passes/TrainingPlanAttr.h"
#include "hspmd/Training/TrainingPlanner.h"
#include "hspmd/Training/Specs.h"
#include "hspmd/Training/Timeline.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
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

/// Seconds in the picture's attributes: 12 significant digits.
std::string exact(double v) {
  std::string s;
  llvm::raw_string_ostream(s) << llvm::format("%.12g", v);
  return s;
}

/// A reshard's plan step with its times: a collective's groups, or the
/// messages of a point-to-point step (local steps are not priced).
struct PricedStep {
  const char *name; // a kCommKinds entry
  struct Group {
    std::vector<int64_t> devices;
    double seconds;
  };
  std::vector<Group> groups;
  struct Message {
    int64_t from, to;
    double seconds;
  };
  std::vector<Message> messages;
};

/// The dependency-aware schedule of a placed program (docs/CostModel.md,
/// "The cost report"): a clock per device, and for each value the time it
/// is ready on each device that holds it. Ops are taken in program order;
/// a device runs one thing at a time, in that order, each as soon as its
/// inputs are there.
class DependencySchedule {
public:
  struct Event {
    double start, end;
    std::string cls;  // "compute" or "comm <kind>"
    std::string id;   // "op<N>" or "r<K>.s<S>": the same on every device
    std::string what; // the op's name, or the collective kind
    Location loc;
    /// The events ("id@device") whose ends this one waited for.
    std::vector<std::string> after;
  };

  /// `op` runs for `seconds[d]` on each device d of the map; other ops take
  /// no time, their results ready when their operands are.
  void compute(Operation *op, const std::map<int64_t, double> &seconds) {
    std::string id = "op" + std::to_string(nextOp++);
    for (auto &[d, s] : seconds) {
      double start = clock[d];
      std::vector<std::string> after;
      for (Value v : op->getOperands()) {
        Ready r = readyOn(v, d);
        start = std::max(start, r.time);
        addUnique(after, r.event);
      }
      record(d, {start, start + s, "compute", id,
                 op->getName().getStringRef().str(), op->getLoc(),
                 std::move(after)});
    }
    for (Value r : op->getResults())
      if (const layout::Layout *l = layoutOf(r))
        for (int64_t d : l->devices()) {
          if (seconds.count(d)) {
            ready[{r, d}] = last[d];
            continue;
          }
          Ready latest;
          for (Value v : op->getOperands()) {
            Ready o = readyOn(v, d);
            if (o.time > latest.time)
              latest = o;
          }
          ready[{r, d}] = latest;
        }
  }

  /// The steps of a reshard, in order. A collective's group starts when
  /// every member is free and holds its input (the reshard's source, or
  /// what its previous step left there) and ends `seconds` later on all.
  /// A point-to-point step: each device sends its messages one after the
  /// other, and receives them one after the other, from its clock on; a
  /// message, in the plan's order, starts when its sender's previous send
  /// and its receiver's previous receive ended and the sender holds its
  /// input. A device is busy from its first message's start to its last
  /// message's end. The result is ready on a device when its last step
  /// ended, or, where it moved nothing, when the source was ready there.
  void reshard(ReshardOp op, llvm::ArrayRef<PricedStep> steps, int64_t index) {
    Value src = op.getInput();
    std::map<int64_t, Ready> done; // the end of each device's last step
    auto input = [&](int64_t d) {
      auto it = done.find(d);
      return it != done.end() ? it->second : readyOn(src, d);
    };
    for (auto [k, step] : llvm::enumerate(steps)) {
      std::string id = llvm::formatv("r{0}.s{1}", index, k).str();
      std::string cls = std::string("comm ") + step.name;
      std::map<int64_t, Event> events;
      for (const PricedStep::Group &g : step.groups) {
        double start = 0;
        std::vector<std::string> after;
        for (int64_t m : g.devices) {
          Ready in = input(m);
          start = std::max({start, clock[m], in.time});
          addUnique(after, last[m].event);
          addUnique(after, in.event);
        }
        for (int64_t m : g.devices)
          events.insert({m,
                         {start, start + g.seconds, cls, id, step.name,
                          op.getLoc(), after}});
      }
      std::map<int64_t, double> out, in;
      for (const PricedStep::Message &msg : step.messages) {
        double &o = out.try_emplace(msg.from, clock[msg.from]).first->second;
        double &i = in.try_emplace(msg.to, clock[msg.to]).first->second;
        Ready have = input(msg.from);
        double start = std::max({o, i, have.time});
        double end = start + msg.seconds;
        o = i = end;
        std::vector<std::string> after;
        addUnique(after, have.event);
        addUnique(after, last[msg.from].event);
        addUnique(after, last[msg.to].event);
        for (int64_t d : {msg.from, msg.to}) {
          auto [it, fresh] = events.insert(
              {d, {start, end, cls, id, step.name, op.getLoc(), after}});
          if (fresh)
            continue;
          if (start < it->second.start) {
            it->second.start = start;
            it->second.after = after;
          }
          it->second.end = std::max(it->second.end, end);
        }
      }
      for (auto &[d, e] : events) {
        record(d, e);
        done[d] = last[d];
      }
    }
    if (const layout::Layout *l = layoutOf(op.getResult()))
      for (int64_t d : l->devices())
        ready[{op.getResult(), d}] = input(d);
  }

  /// The latest end of any event: the step with dependencies.
  double end() const {
    double t = 0;
    for (auto &[d, c] : clock)
      t = std::max(t, c);
    return t;
  }

  const std::vector<Event> &eventsOf(int64_t d) const {
    static const std::vector<Event> none;
    auto it = events.find(d);
    return it == events.end() ? none : it->second;
  }

  std::function<const layout::Layout *(Value)> layoutOf;

private:
  struct Ready {
    double time = 0;
    std::string event; // "id@device", or empty for a function argument
  };

  Ready readyOn(Value v, int64_t d) const {
    auto it = ready.find({v, d});
    return it == ready.end() ? Ready() : it->second;
  }

  static void addUnique(std::vector<std::string> &list, const std::string &s) {
    if (!s.empty() && llvm::find(list, s) == list.end())
      list.push_back(s);
  }

  void record(int64_t d, Event e) {
    clock[d] = e.end;
    last[d] = {e.end, e.id + "@" + std::to_string(d)};
    events[d].push_back(std::move(e));
  }

  std::map<int64_t, double> clock;
  std::map<int64_t, Ready> last; // each device's latest event
  llvm::DenseMap<std::pair<Value, int64_t>, Ready> ready;
  std::map<int64_t, std::vector<Event>> events;
  int64_t nextOp = 0;
};

struct CostReportPass
    : public mlir::hspmd::impl::HspmdCostReportBase<CostReportPass> {
  using HspmdCostReportBase::HspmdCostReportBase;

  LayoutCache layouts;
  std::map<int64_t, DeviceCost> devices;
  DependencySchedule schedule;

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
    schedule.layoutOf = [this](Value v) { return layouts.layoutOf(v); };
    llvm::json::Array reshards;
    for (auto fn : module.getOps<func::FuncOp>()) {
      if (fn.isExternal())
        continue;
      if (failed(costFunction(fn, cluster, reshards)))
        return signalPassFailure();
    }
    FailureOr<std::optional<llvm::json::Object>> step =
        trainingStep(module, cluster);
    if (failed(step))
      return signalPassFailure();
    print(cluster, std::move(reshards), std::move(*step));
    if (!timeline.empty() && failed(writeTimeline(module, cluster)))
      return signalPassFailure();
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
        int64_t index = static_cast<int64_t>(reshards.size());
        FailureOr<std::vector<PricedStep>> steps =
            costReshard(reshard, cluster, reshards);
        if (failed(steps))
          return failure();
        schedule.reshard(reshard, *steps, index);
      } else {
        schedule.compute(&op, costCompute(&op, cluster));
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
  /// results; returns the seconds it takes on each (none for ops that are
  /// not priced).
  std::map<int64_t, double> costCompute(Operation *op,
                                        const training::Cluster &cluster) {
    std::map<int64_t, double> seconds;
    if (isa<AnnotateOp, func::ReturnOp, PlanOp>(op) || op->getNumResults() == 0)
      return seconds;
    const layout::Layout *out = layouts.layoutOf(op->getResult(0));
    if (!out)
      return seconds;
    auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
    bool elementwise =
        !linalgOp && op->getNumOperands() > 0 &&
        isa<arith::ArithDialect, math::MathDialect>(op->getDialect());
    if (!linalgOp && !elementwise)
      return seconds;
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
      double s;
      if (contraction) {
        c.contractionFlops += flops;
        s = flops / (kind.peakFlops * kind.etaGemm);
      } else {
        double bytes = 0;
        for (Value v : op->getOperands())
          bytes += bytesOn(layouts, v, d);
        for (Value v : op->getResults())
          bytes += bytesOn(layouts, v, d);
        s = bytes / kind.hbmBandwidth;
      }
      c.computeSeconds += s;
      seconds[d] = s;
    }
    return seconds;
  }

  /// A point-to-point step: a device sends and receives at once; its
  /// messages go one after the other in each direction.
  PricedStep costSendRecv(const plan::Step &step, int64_t elementBytes,
                          const training::Cluster &cluster) {
    PricedStep ps{"send_recv", {}, {}};
    std::map<int64_t, double> out, in;
    for (const plan::Transfer &t : step.transfers) {
      double bytes = static_cast<double>(layout::volume(t.box)) *
                     static_cast<double>(elementBytes);
      double s = training::pointToPointTime(bytes, cluster.link(t.from, t.to));
      out[t.from] += s;
      in[t.to] += s;
      ps.messages.push_back({t.from, t.to, s});
    }
    std::map<int64_t, double> busy = out;
    for (auto &[d, s] : in)
      busy[d] = std::max(busy[d], s);
    for (auto &[d, s] : busy)
      devices[d].commSeconds["send_recv"] += s;
    return ps;
  }

  /// Communication of `op` on every device; returns its plan's steps with
  /// their times.
  FailureOr<std::vector<PricedStep>>
  costReshard(ReshardOp op, const training::Cluster &cluster,
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
    std::vector<PricedStep> priced;
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
      case plan::StepKind::SendRecv:
        priced.push_back(costSendRecv(step, elementBytes, cluster));
        continue;
      default:
        continue; // local steps
      }
      PricedStep &ps = priced.emplace_back(PricedStep{name, {}, {}});
      for (const plan::CollectiveGroup &g : step.groups) {
        double bytes = static_cast<double>(layout::volume(g.region)) *
                       static_cast<double>(elementBytes);
        double s = training::collectiveTime(*kind, bytes,
                                        static_cast<int64_t>(g.devices.size()),
                                        cluster.groupLink(g.devices));
        for (int64_t d : g.devices)
          devices[d].commSeconds[name] += s;
        ps.groups.push_back(
            {std::vector<int64_t>(g.devices.begin(), g.devices.end()), s});
      }
    }
    std::string loc;
    llvm::raw_string_ostream os(loc);
    op.getLoc().print(os);
    reshards.push_back(llvm::json::Object{{"loc", loc},
                                          {"plan", p.strategy},
                                          {"total_received", total}});
    return priced;
  }

  /// Stages, numbered by their first device: each one's devices.
  std::map<int64_t, std::vector<int64_t>> stages() const {
    std::map<std::vector<Operation *>, int64_t> stageIds;
    std::map<int64_t, std::vector<int64_t>> stageDevices;
    for (auto &[d, c] : devices) {
      int64_t id =
          stageIds.try_emplace(c.ops, static_cast<int64_t>(stageIds.size()))
              .first->second;
      stageDevices[id].push_back(d);
    }
    return stageDevices;
  }

  double stepOf(int64_t d) const {
    const DeviceCost &c = devices.at(d);
    return c.computeSeconds + c.commTotal();
  }

  /// The step as the report sums it: the slowest device's compute plus
  /// communication.
  double summedStep() const {
    double step = 0;
    for (auto &[d, c] : devices)
      step = std::max(step, stepOf(d));
    return step;
  }

  /// With a recorded training plan (`hspmd.training_plan`, TrainingPlanAttr.h),
  /// the step-time model's prediction of one training step of that plan on
  /// the module's cluster: the same `predictStep` the planner ranked it
  /// with, printed next to the per-op prices of the program. Nothing
  /// without the attribute; an error at the module when the plan does not
  /// run the model on the cluster.
  FailureOr<std::optional<llvm::json::Object>>
  trainingStep(ModuleOp module, const training::Cluster &cluster) {
    FailureOr<std::optional<RecordedTrainingPlan>> recorded =
        readTrainingPlan(module);
    if (failed(recorded))
      return failure();
    if (!*recorded)
      return std::optional<llvm::json::Object>();
    const RecordedTrainingPlan &r = **recorded;
    if (std::optional<std::string> e =
            training::validatePlan(r.model, cluster, r.plan)) {
      module.emitError() << "'" << getTrainingPlanAttrName()
                         << "' does not run on the module's cluster: " << *e;
      return failure();
    }
    training::StepReport report =
        training::predictStep(r.model, cluster, r.plan);
    if (report.error) {
      module.emitError() << "'" << getTrainingPlanAttrName()
                         << "': " << *report.error;
      return failure();
    }
    llvm::json::Array stageRows;
    for (const training::StageReport &st : report.stages) {
      const training::StagePlan &plan =
          r.plan.pipelines[st.pipeline].stages[st.stage];
      stageRows.push_back(llvm::json::Object{
          {"pipeline", st.pipeline},
          {"stage", st.stage},
          {"devices", training::formatDeviceRanges(plan.devices)},
          {"kind", st.kind},
          {"first_layer", st.firstLayer},
          {"layers", st.layers},
          {"tp", st.tp},
          {"micro_batch_s", st.cost.timing.total()},
          {"finish_s", st.finish},
          {"sync_s", st.syncSeconds},
          {"optimizer_s", st.optimizerSeconds},
          {"end_s", st.end},
          {"memory_bytes", st.memoryBytes},
          {"capacity", st.memoryCapacity}});
    }
    return std::optional<llvm::json::Object>(llvm::json::Object{
        {"plan", training::describePlan(cluster, r.plan)},
        {"micro_batch_size", training::microBatchSizeOf(r.model, r.plan)},
        {"recompute", training::recomputeName(r.plan.recompute)},
        {"virtual_stages", r.plan.virtualStages},
        {"stages", std::move(stageRows)},
        {"makespan_s", report.makespan},
        {"peak_memory_fraction", report.peakMemoryFraction},
        {"step_s", report.stepSeconds}});
  }

  /// The training step's lines of the table (JSON: `training_step`).
  static void printTrainingStep(const llvm::json::Object &step) {
    llvm::errs() << "training step of the recorded plan: "
                 << *step.getString("plan") << "\n";
    for (const llvm::json::Value &row : *step.getArray("stages")) {
      const llvm::json::Object &st = *row.getAsObject();
      llvm::errs() << llvm::formatv(
          "  pipeline {0} stage {1}: devices {2} ({3}, TP {4}), layers "
          "{5}-{6}: {7:e3} s per micro-batch, done {8:e3} s, "
          "gradient sync {9:e3} s, optimizer {10:e3} s, memory {11:f1}% of "
          "{12:e3}\n",
          *st.getInteger("pipeline"), *st.getInteger("stage"),
          *st.getString("devices"), *st.getString("kind"),
          *st.getInteger("tp"), *st.getInteger("first_layer"),
          *st.getInteger("first_layer") + *st.getInteger("layers") - 1,
          *st.getNumber("micro_batch_s"), *st.getNumber("finish_s"),
          *st.getNumber("sync_s"), *st.getNumber("optimizer_s"),
          100 * *st.getNumber("memory_bytes") / *st.getNumber("capacity"),
          *st.getNumber("capacity"));
    }
    llvm::errs() << llvm::formatv(
        "predicted training step (step model): {0:e3} s (pipelines "
        "{1:e3} s)\n",
        *step.getNumber("step_s"), *step.getNumber("makespan_s"));
  }

  void print(const training::Cluster &cluster, llvm::json::Array reshards,
             std::optional<llvm::json::Object> stepModel) {
    double step = summedStep();
    std::map<int64_t, std::vector<int64_t>> stageDevices = stages();
    std::map<int64_t, int64_t> stageOf;
    for (auto &[id, members] : stageDevices)
      for (int64_t d : members)
        stageOf[d] = id;
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
      llvm::json::Object report{
          {"devices", std::move(rows)},
          {"stages", std::move(stages)},
          {"reshards", std::move(reshards)},
          {"step_s", step},
          {"step_with_dependencies_s", schedule.end()}};
      if (stepModel)
        report["training_step"] = std::move(*stepModel);
      llvm::errs() << llvm::formatv("{0:2}",
                                    llvm::json::Value(std::move(report)))
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
    llvm::errs() << llvm::formatv(
        "predicted step time with dependencies: {0:e3} s\n", schedule.end());
    if (stepModel)
      printTrainingStep(*stepModel);
  }

  /// The schedule as a picture: a row per stage, or per set of its devices
  /// whose events are the same where they differ.
  LogicalResult writeTimeline(ModuleOp module,
                              const training::Cluster &cluster) {
    double summed = summedStep();
    training::Schedule chart;
    chart.stepSeconds = schedule.end();
    chart.title = llvm::formatv("predicted step with dependencies: {0:e3} s "
                                "\u00b7 compute + communication summed: "
                                "{1:e3} s",
                                chart.stepSeconds, summed)
                      .str();
    std::map<int64_t, std::vector<int64_t>> stageDevices = stages();
    chart.attrs = {{"data-summed-seconds", exact(summed)},
                   {"data-stages", std::to_string(stageDevices.size())}};
    auto same = [](const std::vector<DependencySchedule::Event> &a,
                   const std::vector<DependencySchedule::Event> &b) {
      if (a.size() != b.size())
        return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id || a[i].start != b[i].start ||
            a[i].end != b[i].end)
          return false;
      return true;
    };
    for (auto &[id, members] : stageDevices) {
      std::vector<std::vector<int64_t>> rows;
      for (int64_t d : members) {
        auto it = llvm::find_if(rows, [&](const std::vector<int64_t> &r) {
          return same(schedule.eventsOf(r.front()), schedule.eventsOf(d));
        });
        if (it == rows.end())
          rows.push_back({d});
        else
          it->push_back(d);
      }
      for (const std::vector<int64_t> &row : rows)
        chart.rows.push_back(timelineRow(cluster, id, members, row));
    }
    training::TimelineOptions options;
    options.notes.push_back(
        "boxes: each op a device computes, each reshard step it takes part "
        "in; idle: waiting for its inputs");
    std::string svg;
    llvm::raw_string_ostream os(svg);
    training::writeScheduleSvg(chart, options, os);
    return writeOutputFile(timeline, svg, [&] {
      return module.emitError()
             << "--hspmd-cost-report: cannot write the timeline to ";
    });
  }

  /// The row of `row`'s devices (some or all of stage `stage`'s `members`),
  /// drawn from the events of its first device.
  training::ScheduleRow timelineRow(const training::Cluster &cluster,
                                    int64_t stage,
                                    const std::vector<int64_t> &members,
                                    const std::vector<int64_t> &row) {
    std::vector<std::string> kinds;
    for (int64_t d : row)
      if (llvm::find(kinds, cluster.kindOf(d).name) == kinds.end())
        kinds.push_back(cluster.kindOf(d).name);
    std::string kindText = llvm::join(kinds, "+");
    std::string devicesText = training::formatDeviceRanges(row);
    const std::vector<DependencySchedule::Event> &events =
        schedule.eventsOf(row.front());
    double end = events.empty() ? 0 : events.back().end;
    training::ScheduleRow r;
    r.line1 = llvm::formatv("stage {0} \u00b7 {1}", stage, kindText).str();
    r.line2 = "devices " + devicesText;
    if (row.size() != members.size())
      r.line2 += " of " + training::formatDeviceRanges(members);
    r.tooltip = llvm::formatv("stage {0}, devices {1} ({2}): compute {3:e3} s, "
                              "communication {4:e3} s, summed {5:e3} s; with "
                              "dependencies ends at {6:e3} s",
                              stage, devicesText, kindText,
                              devices.at(row.front()).computeSeconds,
                              devices.at(row.front()).commTotal(),
                              stepOf(row.front()), end)
                    .str();
    r.attrs = {{"data-stage", std::to_string(stage)},
               {"data-devices", devicesText},
               {"data-kinds", kindText},
               {"data-summed", exact(stepOf(row.front()))},
               {"data-end", exact(end)}};
    for (const DependencySchedule::Event &e : events) {
      training::ScheduleBox box;
      box.cls = e.cls;
      box.start = e.start;
      box.end = e.end;
      std::string loc;
      llvm::raw_string_ostream los(loc);
      e.loc.print(los);
      box.tooltip = llvm::formatv("{0} ({1}) at {2}: {3:e3} s", e.what, e.id,
                                  loc, e.end - e.start)
                        .str();
      box.attrs = {{"data-id", e.id},
                   {e.cls == "compute" ? "data-op" : "data-kind", e.what},
                   {"data-after", llvm::join(e.after, " ")}};
      r.boxes.push_back(std::move(box));
    }
    return r;
  }
};

} // namespace
