// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize %s 2>/dev/null | FileCheck %s
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize %s 2>/dev/null | hspmd-opt --hspmd-verify-programs > /dev/null
// A device's program of a loop carries the blocks it holds, with local
// types, and runs its own program of the body; a device holding none of a
// carried value carries nothing for it.

// Device 0 holds half of %x and all of %y; device 1 half of %x only.
// CHECK-LABEL: func.func private @main_device0()
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) -> (tensor<2xf32>, tensor<4xf32>)
// CHECK: arith.mulf %{{.*}}, %{{.*}} : tensor<2xf32>
// CHECK: arith.addf %{{.*}}, %{{.*}} : tensor<4xf32>
// CHECK: scf.yield %{{.*}}, %{{.*}} : tensor<2xf32>, tensor<4xf32>
// CHECK-LABEL: func.func private @main_device1()
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (tensor<2xf32>)
// CHECK: arith.mulf %{{.*}}, %{{.*}} : tensor<2xf32>
// CHECK-NOT: tensor<4xf32>
// CHECK: scf.yield %{{.*}} : tensor<2xf32>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %y0 = arith.constant dense<1.0> : tensor<4xf32>
  %y = hspmd.annotate %y0 as #hspmd.sharding<[0] : []> : tensor<4xf32>
  %r:2 = scf.for %k = %c0 to %c3 step %c1 iter_args(%a = %x, %b = %y) -> (tensor<4xf32>, tensor<4xf32>) {
    %a2 = arith.mulf %a, %a : tensor<4xf32>
    %b2 = arith.addf %b, %b : tensor<4xf32>
    scf.yield %a2, %b2 : tensor<4xf32>, tensor<4xf32>
  }
  return
}
