//===- TrainingPasses.h - passes of the training library --------*- C++ -*-===//
//
// --hspmd-import-cluster, --hspmd-export-cluster, --hspmd-cost-report and
// --hspmd-apply-plan (TrainingPasses.td).
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_PASSES_TRAININGPASSES_H
#define HSPMD_TRAINING_PASSES_TRAININGPASSES_H

#include "hspmd/IR/HspmdDialect.h"
#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::hspmd {

#define GEN_PASS_DECL
#include "hspmd/Training/Passes/TrainingPasses.h.inc"

#define GEN_PASS_REGISTRATION
#include "hspmd/Training/Passes/TrainingPasses.h.inc"

} // namespace mlir::hspmd

#endif // HSPMD_TRAINING_PASSES_TRAININGPASSES_H
