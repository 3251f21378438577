// RUN: hspmd-opt --hspmd-print-layout %s -o /dev/null | FileCheck %s
// RUN: hspmd-opt --hspmd-print-layout=to-stderr=true %s -o /dev/null 2>&1 | FileCheck %s
// The pass leaves the IR as it was.
// RUN: hspmd-opt --hspmd-print-layout %s -o %t.a.mlir > /dev/null && hspmd-opt %s -o %t.b.mlir
// RUN: diff %t.a.mlir %t.b.mlir

// P1's operands: X split by rows over three groups, W replicated per group
// but split by columns inside each.
func.func @p1(%x: tensor<24x32xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>},
              %w: tensor<32x64xf32>) {
  %0 = hspmd.annotate %w as #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]> : tensor<32x64xf32>
  return
}
// CHECK-LABEL: @p1 argument #0
// CHECK-NEXT: tensor<24x32xf32> placed #hspmd.sharding<hetero = d0, groups = {{\[\[}}0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
// CHECK-NEXT: device 0: [0, 8) x [0, 32) -> tensor<8x32xf32>
// CHECK-NEXT: device 1: [0, 8) x [0, 32) -> tensor<8x32xf32>
// CHECK-NEXT: device 2: [0, 8) x [0, 32) -> tensor<8x32xf32>
// CHECK-NEXT: device 3: [0, 8) x [0, 32) -> tensor<8x32xf32>
// CHECK-NEXT: device 4: [8, 16) x [0, 32) -> tensor<8x32xf32>
// CHECK-NEXT: device 5: [8, 16) x [0, 32) -> tensor<8x32xf32>
// CHECK-NEXT: device 6: [16, 24) x [0, 32) -> tensor<8x32xf32>
// CHECK-NEXT: @p1 %0 = hspmd.annotate at loc(
// CHECK-NEXT: tensor<32x64xf32> placed #hspmd.sharding<hetero = dup, groups = {{\[\[}}0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>
// CHECK-NEXT: device 0: [0, 32) x [0, 16) -> tensor<32x16xf32>
// CHECK-NEXT: device 1: [0, 32) x [16, 32) -> tensor<32x16xf32>
// CHECK-NEXT: device 2: [0, 32) x [32, 48) -> tensor<32x16xf32>
// CHECK-NEXT: device 3: [0, 32) x [48, 64) -> tensor<32x16xf32>
// CHECK-NEXT: device 4: [0, 32) x [0, 32) -> tensor<32x32xf32>
// CHECK-NEXT: device 5: [0, 32) x [32, 64) -> tensor<32x32xf32>
// CHECK-NEXT: device 6: [0, 32) x [0, 64) -> tensor<32x64xf32>

// Axis order is outermost first: [dup = 2, d1 = 2] puts columns 0-15 on 0
// and 2. Devices are listed in increasing id, whatever the list order.
func.func @axis_order(%y: tensor<16x32xf32>) -> (tensor<16x32xf32> {hspmd.sharding = #hspmd.sharding<[3, 2, 1, 0] : [dup = 2, d1 = 2]>}) {
  return %y : tensor<16x32xf32>
}
// CHECK-LABEL: @axis_order result #0
// CHECK-NEXT: tensor<16x32xf32> placed #hspmd.sharding<[3, 2, 1, 0] : [dup = 2, d1 = 2]>
// CHECK-NEXT: device 0: [0, 16) x [16, 32) -> tensor<16x16xf32>
// CHECK-NEXT: device 1: [0, 16) x [0, 16) -> tensor<16x16xf32>
// CHECK-NEXT: device 2: [0, 16) x [16, 32) -> tensor<16x16xf32>
// CHECK-NEXT: device 3: [0, 16) x [0, 16) -> tensor<16x16xf32>

// Summands: the devices at coordinate 0 of every partial axis (and, for
// hetero = partial, in the first group) hold a new value, the others zeros.
func.func @partial(%x: tensor<16x8xf32>, %s: tensor<f64>) {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]> : tensor<16x8xf32>
  %1 = hspmd.annotate %x as #hspmd.sharding<hetero = partial, groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<16x8xf32>
  %2 = hspmd.annotate %s as #hspmd.sharding<[5, 4] : [partial = 2]> : tensor<f64>
  return
}
// CHECK-LABEL: @partial %0 = hspmd.reshard at loc(
// CHECK-NEXT: tensor<16x8xf32> placed #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]>
// CHECK-NEXT: device 0: [0, 8) x [0, 8) -> tensor<8x8xf32>, summand{{$}}
// CHECK-NEXT: device 1: [0, 8) x [0, 8) -> tensor<8x8xf32>, summand (zeros for a new value)
// CHECK-NEXT: device 2: [8, 16) x [0, 8) -> tensor<8x8xf32>, summand{{$}}
// CHECK-NEXT: device 3: [8, 16) x [0, 8) -> tensor<8x8xf32>, summand (zeros for a new value)
// CHECK-NEXT: @partial %1 = hspmd.annotate at loc(
// CHECK-NEXT: tensor<16x8xf32> placed #hspmd.sharding<hetero = partial, groups = {{\[\[}}0, 1] : [d0 = 2], [2] : []]>
// CHECK-NEXT: device 0: [0, 8) x [0, 8) -> tensor<8x8xf32>, summand{{$}}
// CHECK-NEXT: device 1: [8, 16) x [0, 8) -> tensor<8x8xf32>, summand{{$}}
// CHECK-NEXT: device 2: [0, 16) x [0, 8) -> tensor<16x8xf32>, summand (zeros for a new value)
// CHECK-NEXT: @partial %2 = hspmd.annotate at loc(
// CHECK-NEXT: tensor<f64> placed #hspmd.sharding<[5, 4] : [partial = 2]>
// CHECK-NEXT: device 4: scalar -> tensor<f64>, summand (zeros for a new value)
// CHECK-NEXT: device 5: scalar -> tensor<f64>, summand{{$}}

// Uneven weights: 5:3 of 16 rows is 10 and 6 rows; the second group then
// cuts its 6 rows three ways.
func.func @weights(%x: tensor<16x4xi32>) {
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [5, 3], groups = [[0] : [], [1, 2, 3] : [d0 = 3]]> : tensor<16x4xi32>
  return
}
// CHECK-LABEL: @weights %0 = hspmd.annotate at loc(
// CHECK-NEXT: tensor<16x4xi32> placed #hspmd.sharding<hetero = d0, weights = [5, 3], groups = {{\[\[}}0] : [], [1, 2, 3] : [d0 = 3]]>
// CHECK-NEXT: device 0: [0, 10) x [0, 4) -> tensor<10x4xi32>
// CHECK-NEXT: device 1: [10, 12) x [0, 4) -> tensor<2x4xi32>
// CHECK-NEXT: device 2: [12, 14) x [0, 4) -> tensor<2x4xi32>
// CHECK-NEXT: device 3: [14, 16) x [0, 4) -> tensor<2x4xi32>
