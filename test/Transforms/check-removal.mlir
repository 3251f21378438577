// Elastic removal: the values a step loop carries must stay whole on the
// devices that remain (a removed device has lost its data).
// RUN: hspmd-opt --hspmd-propagate --hspmd-check-removal=devices=7 %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=EIGHT
// RUN: not hspmd-opt --hspmd-propagate --hspmd-check-removal=devices=6 %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=SINGLE
// RUN: not hspmd-opt --hspmd-propagate --hspmd-check-removal=devices=0,4,6 %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=THREE
// RUN: hspmd-opt --hspmd-propagate --hspmd-check-removal=devices=5 %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FIVE
// RUN: not hspmd-opt --hspmd-check-removal %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NONE

#batch = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
#w1    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>
#dp4tp2 = #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 4, dup = 2]>

// 8 devices, data parallel 4 x 2 replicas: device 7's rows are also on 6.
// EIGHT: check-removal.mlir:[[@LINE+4]]:8: remark: after removing device 7, every block of the 1 tensors this loop carries still has a holder
func.func @replicated(%n: index, %x: tensor<16x4xf32>) -> tensor<16x4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %k = %c0 to %n step %c1 iter_args(%a = %x) -> (tensor<16x4xf32>) {
    %aa = hspmd.annotate %a as #dp4tp2 : tensor<16x4xf32>
    scf.yield %aa : tensor<16x4xf32>
  }
  return %r : tensor<16x4xf32>
}

// Groups 4/2/1: the single device holds rows 48-55 of the batch-split value
// alone; the weights, whole in every group, survive.
// SINGLE: check-removal.mlir:[[@LINE+12]]:10: error: removing device 6 loses data this loop carries (1 of 2 values; the parts only removed devices hold):
// SINGLE-NEXT: iteration argument #0 (tensor<56x32xf32>, placed #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = {{\[\[}}0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>): [48, 56) x [0, 32)
// SINGLE-NOT: iteration argument #1
// Columns 0-15 of the weights were on devices 0, 4 and 6 only.
// THREE: error: removing devices 0, 4, 6 loses data this loop carries (2 of 2 values; the parts only removed devices hold):
// THREE-NEXT: iteration argument #0 ({{.*}}): [48, 56) x [0, 32)
// THREE-NEXT: iteration argument #1 ({{.*}}): [0, 32) x [0, 16)
// FIVE: remark: after removing device 5, every block of the 1 tensors
// FIVE: remark: after removing device 5, every block of the 2 tensors
func.func @groups(%n: index, %x: tensor<56x32xf32>, %w: tensor<32x64xf32>) -> (tensor<56x32xf32>, tensor<32x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r:2 = scf.for %k = %c0 to %n step %c1 iter_args(%a = %x, %b = %w) -> (tensor<56x32xf32>, tensor<32x64xf32>) {
    %aa = hspmd.annotate %a as #batch : tensor<56x32xf32>
    %bb = hspmd.annotate %b as #w1 : tensor<32x64xf32>
    scf.yield %aa, %bb : tensor<56x32xf32>, tensor<32x64xf32>
  }
  return %r#0, %r#1 : tensor<56x32xf32>, tensor<32x64xf32>
}

// NONE: error: --hspmd-check-removal needs the devices removed (devices=6 or devices=6,7)

// A rank-0 value held by one device only: the whole scalar is lost.
// SINGLE: check-removal.mlir:[[@LINE+5]]:8: error: removing device 6 loses data this loop carries (1 of 1 values; the parts only removed devices hold):
// SINGLE-NEXT: iteration argument #0 (tensor<f32>, placed #hspmd.sharding<[6] : []>): scalar
func.func @scalar(%n: index, %s: tensor<f32>) -> tensor<f32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %k = %c0 to %n step %c1 iter_args(%a = %s) -> (tensor<f32>) {
    %aa = hspmd.annotate %a as #hspmd.sharding<[6] : []> : tensor<f32>
    scf.yield %aa : tensor<f32>
  }
  return %r : tensor<f32>
}
