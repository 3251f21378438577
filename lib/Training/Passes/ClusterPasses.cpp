//===- ClusterPasses.cpp - Import and export cluster descriptions ---------===//

#include "hspmd/Training/ClusterJson.h"
#include "hspmd/Training/Passes/ClusterDlti.h"
#include "hspmd/Training/Passes/TrainingPasses.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDIMPORTCLUSTER
#define GEN_PASS_DEF_HSPMDEXPORTCLUSTER
#include "hspmd/Training/Passes/TrainingPasses.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace training = ::hspmd::training;

namespace {

struct ImportClusterPass
    : public mlir::hspmd::impl::HspmdImportClusterBase<ImportClusterPass> {
  using HspmdImportClusterBase::HspmdImportClusterBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (file.empty() == name.empty()) {
      module.emitError("--hspmd-import-cluster needs exactly one of file=... "
                       "and name=...");
      return signalPassFailure();
    }
    training::Cluster cluster;
    if (!name.empty()) {
      std::optional<training::Cluster> named = training::namedCluster(name);
      if (!named) {
        module.emitError() << "unknown cluster name '" << name
                           << "': use <a>xH20+<b>xH800, e.g. 32xH20+16xH800";
        return signalPassFailure();
      }
      cluster = std::move(*named);
    } else {
      std::string error;
      std::unique_ptr<llvm::MemoryBuffer> buffer =
          openInputFile(file, &error);
      if (!buffer) {
        module.emitError() << "cannot read cluster file '" << file
                           << "': " << error;
        return signalPassFailure();
      }
      if (std::optional<std::string> e =
              training::parseClusterJson(buffer->getBuffer().str(), cluster)) {
        module.emitError() << "cluster file '" << file << "': " << *e;
        return signalPassFailure();
      }
    }
    writeCluster(module, cluster);
  }
};

struct ExportClusterPass
    : public mlir::hspmd::impl::HspmdExportClusterBase<ExportClusterPass> {
  using HspmdExportClusterBase::HspmdExportClusterBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<training::Cluster> cluster =
        requireCluster(module, "the module has no cluster description");
    if (failed(cluster))
      return signalPassFailure();
    if (failed(writeOutputFile(file, training::printClusterJson(*cluster),
                               [&] {
                                 return module.emitError() << "cannot write ";
                               })))
      return signalPassFailure();
    markAllAnalysesPreserved();
  }
};

} // namespace
