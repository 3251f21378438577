// RUN: hspmd-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{cluster description: kind "H800" has no "eta_attn"}}
module attributes {
  dlti.target_system_spec = #dlti.target_system_spec<"0" = #dlti.target_device_spec<"kind" = "H800", "node" = 0 : i64, "nic" = 0 : i64>>,
  hspmd.device_kinds = #dlti.map<"H800" = #dlti.map<"peak_flops" = 9.89e14 : f64, "hbm_bytes" = 8.0e10 : f64, "hbm_bandwidth" = 3.35e12 : f64, "nvlink_busbw" = 1.55e11 : f64, "nic_busbw" = 4.5e10 : f64, "eta_gemm" = 0.6 : f64, "c_layer" = 1.0e-3 : f64>>
} {}

// -----

// expected-error @+1 {{cluster description: kind "H800": "hbm_bytes" must be a float, got 80 : i64}}
module attributes {
  dlti.target_system_spec = #dlti.target_system_spec<"0" = #dlti.target_device_spec<"kind" = "H800", "node" = 0 : i64, "nic" = 0 : i64>>,
  hspmd.device_kinds = #dlti.map<"H800" = #dlti.map<"peak_flops" = 9.89e14 : f64, "hbm_bytes" = 80 : i64, "hbm_bandwidth" = 3.35e12 : f64, "nvlink_busbw" = 1.55e11 : f64, "nic_busbw" = 4.5e10 : f64, "eta_gemm" = 0.6 : f64, "eta_attn" = 0.45 : f64, "c_layer" = 1.0e-3 : f64>>
} {}

// -----

// expected-error @+1 {{cluster description: rank 1 has unknown kind "H100"}}
module attributes {
  dlti.target_system_spec = #dlti.target_system_spec<"0" = #dlti.target_device_spec<"kind" = "H800", "node" = 0 : i64, "nic" = 0 : i64>, "1" = #dlti.target_device_spec<"kind" = "H100", "node" = 0 : i64, "nic" = 1 : i64>>,
  hspmd.device_kinds = #dlti.map<"H800" = #dlti.map<"peak_flops" = 9.89e14 : f64, "hbm_bytes" = 8.0e10 : f64, "hbm_bandwidth" = 3.35e12 : f64, "nvlink_busbw" = 1.55e11 : f64, "nic_busbw" = 4.5e10 : f64, "eta_gemm" = 0.6 : f64, "eta_attn" = 0.45 : f64, "c_layer" = 1.0e-3 : f64>>
} {}

// -----

// expected-error @+1 {{cluster description: no target device spec for rank 1}}
module attributes {
  dlti.target_system_spec = #dlti.target_system_spec<"0" = #dlti.target_device_spec<"kind" = "H800", "node" = 0 : i64, "nic" = 0 : i64>, "2" = #dlti.target_device_spec<"kind" = "H800", "node" = 0 : i64, "nic" = 2 : i64>>,
  hspmd.device_kinds = #dlti.map<"H800" = #dlti.map<"peak_flops" = 9.89e14 : f64, "hbm_bytes" = 8.0e10 : f64, "hbm_bandwidth" = 3.35e12 : f64, "nvlink_busbw" = 1.55e11 : f64, "nic_busbw" = 4.5e10 : f64, "eta_gemm" = 0.6 : f64, "eta_attn" = 0.45 : f64, "c_layer" = 1.0e-3 : f64>>
} {}

// -----

// expected-error @+1 {{cluster description: rank 0 needs "node" and "nic" as non-negative integers}}
module attributes {
  dlti.target_system_spec = #dlti.target_system_spec<"0" = #dlti.target_device_spec<"kind" = "H800", "nic" = 0 : i64>>,
  hspmd.device_kinds = #dlti.map<"H800" = #dlti.map<"peak_flops" = 9.89e14 : f64, "hbm_bytes" = 8.0e10 : f64, "hbm_bandwidth" = 3.35e12 : f64, "nvlink_busbw" = 1.55e11 : f64, "nic_busbw" = 4.5e10 : f64, "eta_gemm" = 0.6 : f64, "eta_attn" = 0.45 : f64, "c_layer" = 1.0e-3 : f64>>
} {}

// -----

// expected-error @+1 {{cluster description: 'hspmd.device_kinds' needs a 'dlti.target_system_spec' with one #dlti.target_device_spec per rank}}
module attributes {
  hspmd.device_kinds = #dlti.map<"H800" = #dlti.map<"peak_flops" = 9.89e14 : f64, "hbm_bytes" = 8.0e10 : f64, "hbm_bandwidth" = 3.35e12 : f64, "nvlink_busbw" = 1.55e11 : f64, "nic_busbw" = 4.5e10 : f64, "eta_gemm" = 0.6 : f64, "eta_attn" = 0.45 : f64, "c_layer" = 1.0e-3 : f64>>
} {}

// -----

// expected-error @+1 {{cluster description: kind "H800": unknown field "eta_gem"}}
module attributes {
  dlti.target_system_spec = #dlti.target_system_spec<"0" = #dlti.target_device_spec<"kind" = "H800", "node" = 0 : i64, "nic" = 0 : i64>>,
  hspmd.device_kinds = #dlti.map<"H800" = #dlti.map<"peak_flops" = 9.89e14 : f64, "hbm_bytes" = 8.0e10 : f64, "hbm_bandwidth" = 3.35e12 : f64, "nvlink_busbw" = 1.55e11 : f64, "nic_busbw" = 4.5e10 : f64, "eta_gemm" = 0.6 : f64, "eta_attn" = 0.45 : f64, "c_layer" = 1.0e-3 : f64, "eta_gem" = 0.5 : f64>>
} {}

// -----

// expected-error @+1 {{cluster description: device kind 'H800': etaGemm = 1.500000 is outside (0, 1]}}
module attributes {
  dlti.target_system_spec = #dlti.target_system_spec<"0" = #dlti.target_device_spec<"kind" = "H800", "node" = 0 : i64, "nic" = 0 : i64>>,
  hspmd.device_kinds = #dlti.map<"H800" = #dlti.map<"peak_flops" = 9.89e14 : f64, "hbm_bytes" = 8.0e10 : f64, "hbm_bandwidth" = 3.35e12 : f64, "nvlink_busbw" = 1.55e11 : f64, "nic_busbw" = 4.5e10 : f64, "eta_gemm" = 1.5 : f64, "eta_attn" = 0.45 : f64, "c_layer" = 1.0e-3 : f64>>
} {}

// -----

// expected-error @+1 {{'hspmd.device_kinds' belongs on a module}}
func.func @f() attributes {hspmd.device_kinds = #dlti.map<>} {
  return
}
