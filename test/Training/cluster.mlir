// A cluster description round-trips: compact JSON -> DLTI on the module ->
// compact JSON, for every example cluster of the HSPMD paper.
// RUN: for f in %S/../../examples/clusters/*.json; do hspmd-opt --hspmd-import-cluster=file=$f --hspmd-export-cluster=file=%t.json %s -o /dev/null && diff $f %t.json || exit 1; done

// The module form: one target device spec per rank, per-kind constants.
// RUN: hspmd-opt --hspmd-import-cluster=file=%S/../../examples/clusters/24xh20-15xh800.json %s | FileCheck %s
// CHECK: dlti.target_system_spec = #dlti.target_system_spec<"0" = #dlti.target_device_spec<"kind" = "H20", "node" = 0 : i64, "nic" = 0 : i64>
// CHECK-SAME: "23" = #dlti.target_device_spec<"kind" = "H20", "node" = 2 : i64, "nic" = 7 : i64>
// CHECK-SAME: "24" = #dlti.target_device_spec<"kind" = "H800", "node" = 3 : i64, "nic" = 0 : i64>
// CHECK-SAME: "38" = #dlti.target_device_spec<"kind" = "H800", "node" = 4 : i64, "nic" = 6 : i64>>
// CHECK-SAME: hspmd.device_kinds = #dlti.map<"H20" = #dlti.map<"peak_flops" = 1.480000e+14 : f64
// CHECK-SAME: "H800" = #dlti.map<"peak_flops" = 9.890000e+14 : f64
// CHECK-SAME: hspmd.link_latency = #dlti.map<"intra_node" = 7.9999999999999996E-6 : f64, "inter_node" = 2.000000e-05 : f64>

// A printed module parses and verifies again, and exports the same JSON.
// RUN: hspmd-opt --hspmd-import-cluster=name=24xH20+15xH800 %s | hspmd-opt --hspmd-export-cluster=file=%t.2.json -o /dev/null
// RUN: diff %S/../../examples/clusters/24xh20-15xh800.json %t.2.json

// Overrides and kinds without priors; a node shared by two kinds.
// RUN: hspmd-opt --hspmd-import-cluster=file=%S/Inputs/custom.json --hspmd-export-cluster %s -o /dev/null | FileCheck %s --check-prefix=CUSTOM
// CUSTOM: "A100": {
// CUSTOM-NEXT: "peak_flops": 3.12e+14,
// CUSTOM-NEXT: "hbm_bytes": 80000000000,
// CUSTOM-NEXT: "hbm_bandwidth": 2e+12,
// CUSTOM-NEXT: "nvlink_busbw": 230000000000,
// CUSTOM-NEXT: "nic_busbw": 25000000000,
// CUSTOM-NEXT: "eta_gemm": 0.7,
// CUSTOM-NEXT: "eta_attn": 0.5,
// CUSTOM-NEXT: "c_layer": 0.001
// CUSTOM: "H800": {
// CUSTOM-NEXT: "peak_flops": 9.89e+14,
// CUSTOM: "eta_gemm": 0.7,
// (The A100 range is printed with the 6 ranks its node holds of it.)
// CUSTOM: "first": 0,
// CUSTOM-NEXT: "last": 5,
// CUSTOM-NEXT: "kind": "A100",
// CUSTOM-NEXT: "per_node": 6
// CUSTOM-NEXT: }
// CUSTOM: "first": 6,
// CUSTOM-NEXT: "last": 9,
// CUSTOM-NEXT: "kind": "H800",
// CUSTOM-NEXT: "per_node": 8,
// CUSTOM-NEXT: "node": 0,
// CUSTOM-NEXT: "first_nic": 6
// CUSTOM-NEXT: }

module {}
