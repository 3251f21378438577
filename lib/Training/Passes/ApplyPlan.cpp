//===- ApplyPlan.cpp - A training plan written as shardings ---------------===//

#include "hspmd/IR/AttrNames.h"
#include "hspmd/Training/TrainingPlanner.h"
#include "hspmd/Training/Specs.h"
#include "hspmd/Training/Passes/ClusterDlti.h"
#include "hspmd/Training/Passes/TrainingPasses.h"
#include "hspmd/Training/Passes/TrainingPlanAttr.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDAPPLYPLAN
#include "hspmd/Training/Passes/TrainingPasses.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace training = ::hspmd::training;
namespace layout = ::hspmd::layout;

namespace {

struct ApplyPlanPass
    : public mlir::hspmd::impl::HspmdApplyPlanBase<ApplyPlanPass> {
  using HspmdApplyPlanBase::HspmdApplyPlanBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<training::Cluster> cluster = requireCluster(
        module, "--hspmd-apply-plan needs a cluster description");
    if (failed(cluster))
      return signalPassFailure();
    training::ModelConfig model;
    model.name = "program";
    model.layers = layers;
    model.hidden = hidden;
    model.ffn = ffn;
    model.heads = heads;
    model.seqLen = seq;
    model.vocab = vocab;
    model.microBatch = 1;
    if (std::optional<std::string> e = training::validate(model)) {
      module.emitError() << "--hspmd-apply-plan: " << *e
                         << " (give layers, hidden, ffn, heads and seq)";
      return signalPassFailure();
    }
    training::TrainingPlannerOptions options;
    if (std::optional<std::string> e =
            training::parsePositiveIntList(tpDegrees, options.tpDegrees)) {
      module.emitError() << "--hspmd-apply-plan: tp-degrees: " << *e;
      return signalPassFailure();
    }
    training::TrainingPlannerResult result =
        training::planTraining(model, *cluster, globalBatch, options);
    if (result.error) {
      module.emitError() << "--hspmd-apply-plan: no plan: " << *result.error;
      return signalPassFailure();
    }
    const training::TrainingPlan &plan = result.best.plan;
    mlir::emitRemark(module.getLoc())
        << "plan: " << training::describePlan(*cluster, plan) << ", predicted "
        << llvm::formatv("{0:f3}", result.best.stepSeconds).str()
        << " s per step ("
        << result.best.origin << ")";
    for (auto fn : module.getOps<func::FuncOp>())
      for (BlockArgument arg : fn.getArguments())
        if (failed(annotate(fn, arg, plan)))
          return signalPassFailure();
    // What --hspmd-cost-report prices the step of (TrainingPlanAttr.h).
    module->setAttr(getTrainingPlanAttrName(),
                    trainingPlanAttr(module.getContext(), model, plan));
  }

  /// The TP group of the stage running block `l` in `pipeline`.
  static const std::vector<int64_t> *
  groupOf(const training::PipelinePlan &pipeline, int64_t l) {
    int64_t first = 0;
    for (const training::StagePlan &stage : pipeline.stages) {
      if (l < first + stage.layers)
        return &stage.devices;
      first += stage.layers;
    }
    return nullptr;
  }

  LogicalResult annotate(func::FuncOp fn, BlockArgument arg,
                         const training::TrainingPlan &plan) {
    unsigned i = arg.getArgNumber();
    auto layerAttr = fn.getArgAttrOfType<IntegerAttr>(i, kLayerAttrName);
    if (!layerAttr)
      return success();
    auto emitError = [&]() {
      return fn.emitError() << "argument #" << i << ": ";
    };
    auto role = fn.getArgAttrOfType<StringAttr>(i, kParallelAttrName);
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (!role || !type || type.getRank() == 0)
      return emitError() << "'hspmd.layer' needs a ranked tensor and "
                            "'hspmd.parallel' (column, row, replicated or "
                            "batch)";
    int64_t l = layerAttr.getInt();
    if (l < 0 || l >= layers)
      return emitError() << "layer " << l << " is outside the model's "
                         << layers << " blocks";
    StringRef r = role.getValue();
    std::optional<layout::Role> split;
    if (r == "column")
      split = layout::Role::split(type.getRank() - 1);
    else if (r == "row")
      split = layout::Role::split(0);
    else if (r != "replicated" && r != "batch")
      return emitError() << "unknown 'hspmd.parallel' value '" << r << "'";
    layout::Sharding s;
    for (const training::PipelinePlan &pipeline : plan.pipelines) {
      const std::vector<int64_t> *devices = groupOf(pipeline, l);
      if (!devices)
        return emitError() << "no stage of the plan runs layer " << l;
      layout::Group g;
      g.devices = *devices;
      int64_t t = static_cast<int64_t>(devices->size());
      if (t > 1) {
        if (split && type.getDimSize(split->dim) % t != 0)
          return emitError() << "dimension " << split->dim << " ("
                             << type.getDimSize(split->dim)
                             << ") does not split over " << t << " devices";
        g.axes.push_back({split ? *split : layout::Role::dup(), t});
      }
      s.groups.push_back(std::move(g));
      s.weights.push_back(pipeline.microBatches);
    }
    if (s.groups.size() == 1) {
      s.weights.clear();
    } else if (r == "batch") {
      s.hetero = layout::Role::split(0);
      int64_t total = 0;
      for (int64_t w : s.weights)
        total += w;
      if (type.getDimSize(0) % total != 0)
        return emitError() << "dimension 0 (" << type.getDimSize(0)
                           << ") does not split into the plan's " << total
                           << " micro-batches";
    } else {
      s.hetero = layout::Role::dup();
      s.weights.clear();
    }
    if (std::optional<std::string> e = s.verifyStructure())
      return emitError() << "the plan gives an invalid sharding: " << *e;
    fn.setArgAttr(i, HspmdDialect::getShardingAttrName(),
                  ShardingAttr::get(fn.getContext(), s));
    return success();
  }
};

} // namespace
