//===- ClusterDlti.h - A cluster description in upstream DLTI ---*- C++ -*-===//
//
// A module describes the cluster it runs on with upstream DLTI:
//
//   module attributes {
//     dlti.target_system_spec = #dlti.target_system_spec<
//       "0" = #dlti.target_device_spec<"kind" = "H800", "node" = 0 : i64,
//                                      "nic" = 0 : i64>, ...>,
//     hspmd.device_kinds = #dlti.map<
//       "H800" = #dlti.map<"peak_flops" = 9.89e14 : f64, ...>, ...>,
//     hspmd.link_latency = #dlti.map<"intra_node" = 8.0e-6 : f64,
//                                    "inter_node" = 2.0e-5 : f64>
//   }
//
// One target device spec per world rank (ids "0".."N-1"); per kind, every
// field of docs/CostModel.md ("Cluster description") as an f64.
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_PASSES_CLUSTERDLTI_H
#define HSPMD_TRAINING_PASSES_CLUSTERDLTI_H

#include "hspmd/Training/Cluster.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"

namespace mlir::hspmd {

/// The name of the module attribute holding the per-kind constants.
inline StringRef getDeviceKindsAttrName() { return "hspmd.device_kinds"; }
inline StringRef getLinkLatencyAttrName() { return "hspmd.link_latency"; }

/// The module's cluster. Nothing (and no diagnostic) when the module has no
/// `hspmd.device_kinds`; failure, with a diagnostic located at the module,
/// when the description is incomplete or wrong.
FailureOr<std::optional<::hspmd::training::Cluster>>
readCluster(ModuleOp module);

/// The module's cluster, for a pass that needs one: without a description,
/// the error "<missing>; run --hspmd-import-cluster first" at the module.
FailureOr<::hspmd::training::Cluster> requireCluster(ModuleOp module,
                                                 const Twine &missing);

/// Writes `cluster` onto `module` (replacing any description).
void writeCluster(ModuleOp module, const ::hspmd::training::Cluster &cluster);

/// Makes the hspmd dialect verify the description's attributes
/// (`hspmd.device_kinds`, `hspmd.link_latency`) with `readCluster`
/// (hspmd/IR/AttributeVerifier.h).
void registerClusterAttributeVerifier(DialectRegistry &registry);

} // namespace mlir::hspmd

#endif // HSPMD_TRAINING_PASSES_CLUSTERDLTI_H
