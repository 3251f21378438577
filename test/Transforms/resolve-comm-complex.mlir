// RUN: hspmd-opt --hspmd-resolve-comm=verify-plans=true %s | FileCheck %s
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize --hspmd-lower-to-runtime %s -o /dev/null

// Complex elements move like any other: the receive buffer of a
// point-to-point step starts as a splat of (0, 0), since arith.constant has
// no complex scalar (found by the pass fuzzer: the resolver aborted).
// CHECK-LABEL: func.func @f
// CHECK: arith.constant dense<(0.000000e+00,0.000000e+00)> : tensor<4xcomplex<f32>>
// CHECK: hspmd.send_recv
func.func @f(%a: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %x = hspmd.annotate %a as #hspmd.sharding<[2] : []> : tensor<4xcomplex<f32>>
  %y = hspmd.reshard %x to #hspmd.sharding<[0] : []> : tensor<4xcomplex<f32>>
  return %y : tensor<4xcomplex<f32>>
}
