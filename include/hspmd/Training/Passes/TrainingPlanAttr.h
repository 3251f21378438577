//===- TrainingPlanAttr.h - A training plan recorded on a module -*- C++ -*-===//
//
// `--hspmd-apply-plan` records the plan it wrote as shardings on the module,
// so that later passes price the training step with the same step-time
// model (`predictStep`) the planner ranked it with:
//
//   module attributes {
//     hspmd.training_plan = {
//       model = "layers=2,hidden=64,ffn=128,heads=4,...",  // model fields
//       micro_batch_size = 1 : i64, recompute = "none",
//       virtual_stages = 1 : i64, zero = true,
//       pipelines = [{micro_batches = 4 : i64,
//                     stages = [{devices = array<i64: 0, 1>,
//                                layers = 1 : i64}, ...]}, ...]}
//   }
//
// `model` holds the fields of `applyModelField` (hspmd/Training/Specs.h),
// comma-separated, applied to an empty model. A user may write the attribute
// by hand for a program that is one step of a known plan.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_PASSES_TRAININGPLANATTR_H
#define HSPMD_TRAINING_PASSES_TRAININGPLANATTR_H

#include "hspmd/Training/StepTime.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::hspmd {

inline StringRef getTrainingPlanAttrName() { return "hspmd.training_plan"; }

struct RecordedTrainingPlan {
  ::hspmd::training::ModelConfig model;
  ::hspmd::training::TrainingPlan plan;
};

/// The attribute recording `plan` for `model`.
DictionaryAttr trainingPlanAttr(MLIRContext *context,
                                const ::hspmd::training::ModelConfig &model,
                                const ::hspmd::training::TrainingPlan &plan);

/// The plan `attr` records; failure, with a diagnostic at `op` naming the
/// field, when it is malformed. The plan is not checked against a cluster
/// (`validatePlan` does that).
FailureOr<RecordedTrainingPlan> parseTrainingPlan(Operation *op,
                                                  Attribute attr);

/// The module's recorded plan: nothing (and no diagnostic) without the
/// attribute.
FailureOr<std::optional<RecordedTrainingPlan>>
readTrainingPlan(ModuleOp module);

} // namespace mlir::hspmd

#endif // HSPMD_TRAINING_PASSES_TRAININGPLANATTR_H
