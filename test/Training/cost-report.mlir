// A matmul split over its contraction on devices 0 and 1 of one H800 node:
// each device multiplies 8x8 by 8x4 (2 * 8 * 8 * 4 = 512 FLOPs at
// 9.89e14 * 0.6 FLOP/s = 8.628e-13 s) after filling its 8x4 f32 accumulator
// (128 bytes at 3.35e12 B/s = 3.821e-11 s), then the partial sums are
// all-reduced: a ring over 2 devices of 8 x 4 f32 = 128 bytes, 2(n-1) = 2
// steps of 8 us plus 2(n-1)/n * 128 bytes at the H800 NVLink bus bandwidth
// 1.55e11 B/s; each device sends and receives 2(n-1)/n * 128 = 128 bytes.
// RUN: hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-cost-report=format=json %s -o /dev/null 2>&1 | FileCheck %s
// (Keys are sorted.)
// CHECK:      "all_reduce": 1.60008258064{{[0-9]*}}e-05,
// CHECK:      "compute_s": 3.90717{{[0-9]*}}e-11,
// CHECK:      "contraction_flops": 512,
// CHECK:      "device": 0,
// CHECK:      "flops": 512,
// CHECK:      "received": 128,
// CHECK:      "sent": 128,
// CHECK:      "device": 1,
// CHECK:      "reshards": [
// CHECK:          "plan": "all-reduce",
// CHECK-NEXT:     "total_received": 256
// CHECK:      "step_s": 1.60008648{{[0-9]*}}e-05

// The table: the same figures, and the predicted step time.
// RUN: hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-cost-report %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=TABLE
// TABLE: device   kind        flops   compute_s  all_reduce
// TABLE-NEXT: 0   H800    5.120e+02   3.907e-11   1.600e-05
// TABLE-NEXT: 1   H800    5.120e+02   3.907e-11   1.600e-05
// TABLE: predicted step time: 1.600e-05 s

// Stages: devices computing the same ops. The 3-stage pipeline of
// test/Run/pipeline.mlir (stage 1 on devices 0-1, 2 on 2-3, 3 on device 4).
// RUN: hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-propagate --hspmd-cost-report %S/../Run/pipeline.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=STAGES
// STAGES: stage 0: devices 0, 1:
// STAGES-NEXT: stage 1: devices 2, 3:
// STAGES-NEXT: stage 2: devices 4:
// STAGES-NEXT: predicted step time:

// Without a cluster: an error.
// RUN: not hspmd-opt --hspmd-cost-report %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOCLUSTER
// NOCLUSTER: error: --hspmd-cost-report needs a cluster description; run --hspmd-import-cluster first

func.func @f(%a: tensor<8x16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>},
             %b: tensor<16x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<8x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %f2 = hspmd.annotate %f as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8x4xf32>
  %m = linalg.matmul ins(%a, %b : tensor<8x16xf32>, tensor<16x4xf32>) outs(%f2 : tensor<8x4xf32>) -> tensor<8x4xf32>
  %p = hspmd.annotate %m as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8x4xf32>
  %r = hspmd.reshard %p to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}
