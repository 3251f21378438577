//===- ClusterJson.h - The compact JSON form of a cluster -------*- C++ -*-===//
//
// A cluster as users write it: kinds by name (a built-in prior, "H20" or
// "H800", with any field overridden, or every field given), the link
// latencies, and rank ranges, each of one kind, filling consecutive nodes:
//
//   {
//     "kinds": {"H20": {}, "H800": {"eta_gemm": 0.7}},
//     "latency": {"intra_node": 8e-6, "inter_node": 2e-5},
//     "ranks": [{"first": 0, "last": 31, "kind": "H20", "per_node": 8},
//               {"first": 32, "last": 47, "kind": "H800", "per_node": 8}]
//   }
//
// Ranges cover 0..N-1 in order; device i of a node sends through NIC i. A
// range starts on a new node unless it gives "node" (and "first_nic"), for
// nodes shared by two kinds. Kinds are numbered in name order. Read and
// written with llvm::json; printed two-space indented.
// Field names and units: docs/CostModel.md ("Cluster description").
//
//===----------------------------------------------------------------------===//

#ifndef HSPMD_TRAINING_CLUSTERJSON_H
#define HSPMD_TRAINING_CLUSTERJSON_H

#include "hspmd/Training/Cluster.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hspmd::training {

/// The per-kind fields, in the order they are printed: (name, member).
const std::vector<std::pair<const char *, double DeviceKind::*>> &
deviceKindFields();

/// Parses the compact JSON form into `out`. On error, a message naming the
/// offending place ("[line:column, byte=N]" or a JSON path).
std::optional<std::string> parseClusterJson(const std::string &text,
                                            Cluster &out);

/// The compact JSON form: ranks of one kind on consecutive full nodes of one
/// size are one range.
std::string printClusterJson(const Cluster &cluster);

/// A cluster by the name of one of the paper's (`32xH20+16xH800`,
/// `24xH20`, ...; any spelling canonicalClusterName accepts): H20 ranks
/// first, 8 per node.
std::optional<Cluster> namedCluster(const std::string &name);

} // namespace hspmd::training

#endif // HSPMD_TRAINING_CLUSTERJSON_H
