//===- Registration.cpp - Registration shared by every hspmd tool ---------===//

#include "hspmd/InitAll.h"
#include "hspmd/IR/HspmdDialect.h"
#include "hspmd/Interfaces/ShardingRule.h"
#include "hspmd/Training/Passes/ClusterDlti.h"
#include "hspmd/Training/Passes/TrainingPasses.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Pipelines.h"

#include "mlir/IR/DialectRegistry.h"

void mlir::hspmd::registerAllDialects(DialectRegistry &registry) {
  registry.insert<HspmdDialect>();
  registerShardingRuleModels(registry);
  registerClusterAttributeVerifier(registry);
}

void mlir::hspmd::registerAllPassesAndPipelines() {
  registerHspmdPasses();
  registerHspmdTrainingPasses();
  registerPipelines();
}
