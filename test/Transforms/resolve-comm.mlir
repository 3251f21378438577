// RUN: hspmd-opt --hspmd-resolve-comm="verify-plans=true" %s | FileCheck %s
// The result parses again.
// RUN: hspmd-opt --hspmd-resolve-comm %s | hspmd-opt > /dev/null
// RUN: not hspmd-opt --hspmd-resolve-comm %S/Inputs/unknown-source.mlir -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN

// C1: all-reduce in {0,1} and {2,3}; devices with the same program share it.
// CHECK-LABEL: func.func @c1
// CHECK: %[[P:.*]] = hspmd.plan %arg0 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
// The two groups' devices share one program: the op lists both groups and
// each device takes part in its own.
// CHECK-NEXT: devices [0, 1, 2, 3] {
// CHECK-NEXT: ^bb0(%[[IN:.*]]: tensor<12x8xf32>):
// CHECK-NEXT: %[[R:.*]] = hspmd.all_reduce %[[IN]] groups {{\[\[}}0, 1], [2, 3]] : tensor<12x8xf32>
// CHECK-NEXT: hspmd.yield %[[R]] : tensor<12x8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[P]]
func.func @c1(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C3: all-gather along rows in pairs.
// CHECK-LABEL: func.func @c3
// CHECK: devices [0, 1, 2, 3] {
// CHECK: hspmd.all_gather %{{.*}} dim 0 groups {{\[\[}}0, 1], [2, 3]] : tensor<6x8xf32> -> tensor<12x8xf32>
func.func @c3(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C4: a local slice, rows 6-11 on device 1: one program for the four
// devices, each reading its row offset from a table by its device id.
// CHECK-LABEL: func.func @c4
// CHECK: devices [0, 1, 2, 3] {
// CHECK: %[[TABLE:.*]] = arith.constant dense<[0, 6, 12, 18]> : tensor<4xindex>
// CHECK: %[[ID:.*]] = hspmd.device_id : index
// CHECK: %[[OFF:.*]] = tensor.extract %[[TABLE]][%[[ID]]] : tensor<4xindex>
// CHECK: tensor.extract_slice %{{.*}}[%[[OFF]], 0] [6, 8] [1, 1] : tensor<24x8xf32> to tensor<6x8xf32>
// CHECK-NOT: hspmd.send_recv
func.func @c4(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C9: device 1 holds no summand of rows 4-7: it starts from zeros, adds the
// summands of 0 and 2, and sends its own rows 8-15 (rows 0-7 of its block)
// to 2.
// CHECK-LABEL: func.func @c9
// CHECK: devices [1] {
// CHECK-NEXT: ^bb0(%[[IN:.*]]: tensor<8x8xf32>):
// CHECK: %[[Z:.*]] = linalg.fill
// CHECK-NEXT: hspmd.send_recv sends [2 : [0, 0] [8, 8]] of %[[IN]] : tensor<8x8xf32> recvs [0 : [0, 0] [4, 8], 2 : [0, 0] [4, 8]] accumulate into %[[Z]] : tensor<4x8xf32>
func.func @c9(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = partial, groups = [[0, 1] : [d0 = 2], [2] : []]>}) -> tensor<16x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<hetero = d0, groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// C8: device 6 takes part in the four quarter all-reduces, in quarter order.
// CHECK-LABEL: func.func @c8
// CHECK: devices [6] {
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}0, 4, 6]] : tensor<6x8xf32>
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}1, 4, 6]] : tensor<6x8xf32>
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}2, 5, 6]] : tensor<6x8xf32>
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}3, 5, 6]] : tensor<6x8xf32>
// CHECK: hspmd.yield %{{.*}} : tensor<24x8xf32>
func.func @c8(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = partial, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// UNKNOWN: unknown-source.mlir:3:8: error: the placement of the operand is unknown: annotate it, or run --hspmd-propagate first
