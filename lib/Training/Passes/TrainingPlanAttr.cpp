//===- TrainingPlanAttr.cpp - A training plan recorded on a module --------===//

#include "hspmd/Training/Passes/TrainingPlanAttr.h"
#include "hspmd/Training/Specs.h"
#include "hspmd/Training/Text.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::hspmd;
namespace training = ::hspmd::training;

DictionaryAttr
mlir::hspmd::trainingPlanAttr(MLIRContext *context,
                              const training::ModelConfig &model,
                              const training::TrainingPlan &plan) {
  Builder b(context);
  SmallVector<Attribute> pipelines;
  for (const training::PipelinePlan &pipeline : plan.pipelines) {
    SmallVector<Attribute> stages;
    for (const training::StagePlan &stage : pipeline.stages)
      stages.push_back(b.getDictionaryAttr(
          {b.getNamedAttr("devices", b.getDenseI64ArrayAttr(stage.devices)),
           b.getNamedAttr("layers", b.getI64IntegerAttr(stage.layers))}));
    pipelines.push_back(b.getDictionaryAttr(
        {b.getNamedAttr("micro_batches",
                        b.getI64IntegerAttr(pipeline.microBatches)),
         b.getNamedAttr("stages", b.getArrayAttr(stages))}));
  }
  return b.getDictionaryAttr(
      {b.getNamedAttr("model",
                      b.getStringAttr(training::formatModelFields(model))),
       b.getNamedAttr(
           "micro_batch_size",
           b.getI64IntegerAttr(training::microBatchSizeOf(model, plan))),
       b.getNamedAttr("recompute",
                      b.getStringAttr(training::recomputeName(plan.recompute))),
       b.getNamedAttr("virtual_stages",
                      b.getI64IntegerAttr(plan.virtualStages)),
       b.getNamedAttr("zero", b.getBoolAttr(plan.zero)),
       b.getNamedAttr("pipelines", b.getArrayAttr(pipelines))});
}

namespace {

/// Reads one dictionary of the attribute, naming where it is on error.
struct FieldReader {
  Operation *op;
  DictionaryAttr dict;
  std::string where;

  InFlightDiagnostic error() {
    return op->emitError() << "'" << getTrainingPlanAttrName() << "'" << where
                           << ": ";
  }

  template <typename T> FailureOr<T> get(StringRef key, StringRef expected) {
    Attribute a = dict.get(key);
    auto typed = dyn_cast_or_null<T>(a);
    if (!typed) {
      error() << "'" << key << "' must be " << expected
              << (a ? "" : " (missing)");
      return failure();
    }
    return typed;
  }

  FailureOr<int64_t> positive(StringRef key) {
    FailureOr<IntegerAttr> a = get<IntegerAttr>(key, "a positive integer");
    if (failed(a))
      return failure();
    if (a->getValue().getSignificantBits() > 64 || a->getInt() < 1) {
      error() << "'" << key << "' must be a positive integer, got "
              << *a;
      return failure();
    }
    return a->getInt();
  }

  LogicalResult onlyKeys(ArrayRef<StringRef> keys) {
    for (NamedAttribute field : dict)
      if (!llvm::is_contained(keys, field.getName().getValue())) {
        error() << "unknown field '" << field.getName().getValue()
                << "', expected " << llvm::join(keys, ", ");
        return failure();
      }
    return success();
  }
};

} // namespace

FailureOr<RecordedTrainingPlan> mlir::hspmd::parseTrainingPlan(Operation *op,
                                                               Attribute attr) {
  auto dict = dyn_cast<DictionaryAttr>(attr);
  if (!dict) {
    op->emitError() << "'" << getTrainingPlanAttrName()
                    << "' must be a dictionary";
    return failure();
  }
  FieldReader top{op, dict, ""};
  RecordedTrainingPlan r;
  if (failed(top.onlyKeys({"model", "micro_batch_size", "recompute",
                           "virtual_stages", "zero", "pipelines"})))
    return failure();

  FailureOr<StringAttr> model =
      top.get<StringAttr>("model", "a string of model fields");
  if (failed(model))
    return failure();
  r.model.name = "program";
  for (const std::string &field :
       training::splitSpec(model->getValue().str(), ','))
    if (std::optional<std::string> e =
            training::applyModelField(training::trim(field), r.model)) {
      top.error() << *e;
      return failure();
    }
  if (std::optional<std::string> e = training::validate(r.model)) {
    top.error() << "model: " << *e;
    return failure();
  }

  FailureOr<int64_t> mbs = top.positive("micro_batch_size");
  FailureOr<int64_t> virtualStages = top.positive("virtual_stages");
  if (failed(mbs) || failed(virtualStages))
    return failure();
  r.plan.microBatchSize = *mbs;
  r.plan.virtualStages = *virtualStages;
  FailureOr<StringAttr> recompute =
      top.get<StringAttr>("recompute", "\"none\", \"selective\" or \"full\"");
  if (failed(recompute))
    return failure();
  std::optional<training::Recompute> rc =
      training::parseRecompute(recompute->getValue().str());
  if (!rc) {
    top.error() << "'recompute' must be \"none\", \"selective\" or "
                   "\"full\", got \""
                << recompute->getValue() << "\"";
    return failure();
  }
  r.plan.recompute = *rc;
  FailureOr<BoolAttr> zero = top.get<BoolAttr>("zero", "true or false");
  if (failed(zero))
    return failure();
  r.plan.zero = zero->getValue();

  FailureOr<ArrayAttr> pipelines =
      top.get<ArrayAttr>("pipelines", "an array of pipelines");
  if (failed(pipelines))
    return failure();
  if (pipelines->empty()) {
    top.error() << "'pipelines' is empty";
    return failure();
  }
  for (auto [p, pipelineAttr] : llvm::enumerate(*pipelines)) {
    auto pipelineDict = dyn_cast<DictionaryAttr>(pipelineAttr);
    std::string where = " pipeline " + std::to_string(p);
    if (!pipelineDict) {
      op->emitError() << "'" << getTrainingPlanAttrName() << "'" << where
                      << " must be a dictionary";
      return failure();
    }
    FieldReader pr{op, pipelineDict, where};
    if (failed(pr.onlyKeys({"micro_batches", "stages"})))
      return failure();
    training::PipelinePlan pipeline;
    FailureOr<int64_t> m = pr.positive("micro_batches");
    FailureOr<ArrayAttr> stages =
        failed(m) ? FailureOr<ArrayAttr>(failure())
                  : pr.get<ArrayAttr>("stages", "an array of stages");
    if (failed(stages))
      return failure();
    if (stages->empty()) {
      pr.error() << "'stages' is empty";
      return failure();
    }
    pipeline.microBatches = *m;
    for (auto [s, stageAttr] : llvm::enumerate(*stages)) {
      FieldReader sr{op, dyn_cast<DictionaryAttr>(stageAttr),
                     where + " stage " + std::to_string(s)};
      if (!sr.dict) {
        sr.error() << "must be a dictionary";
        return failure();
      }
      if (failed(sr.onlyKeys({"devices", "layers"})))
        return failure();
      training::StagePlan stage;
      FailureOr<int64_t> layers = sr.positive("layers");
      FailureOr<DenseI64ArrayAttr> devices =
          failed(layers) ? FailureOr<DenseI64ArrayAttr>(failure())
                         : sr.get<DenseI64ArrayAttr>(
                               "devices", "an array<i64: ...> of ranks");
      if (failed(devices))
        return failure();
      if (devices->empty()) {
        sr.error() << "'devices' is empty";
        return failure();
      }
      stage.layers = *layers;
      stage.devices.assign(devices->asArrayRef().begin(),
                           devices->asArrayRef().end());
      pipeline.stages.push_back(std::move(stage));
    }
    r.plan.pipelines.push_back(std::move(pipeline));
  }
  return r;
}

FailureOr<std::optional<RecordedTrainingPlan>>
mlir::hspmd::readTrainingPlan(ModuleOp module) {
  Attribute attr = module->getAttr(getTrainingPlanAttrName());
  if (!attr)
    return std::optional<RecordedTrainingPlan>();
  FailureOr<RecordedTrainingPlan> r = parseTrainingPlan(module, attr);
  if (failed(r))
    return failure();
  return std::optional<RecordedTrainingPlan>(std::move(*r));
}
