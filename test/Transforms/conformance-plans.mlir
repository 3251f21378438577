// The conformance cases (Testing.md "Conformance cases") not already in
// resolve-comm.mlir, as plans: each CHECK follows the plan column of that
// table.
// RUN: hspmd-opt --hspmd-resolve-comm="verify-plans=true" %s | FileCheck %s

// C2: reduce-scatter along dim 0 in {0,1} and {2,3}.
// CHECK-LABEL: func.func @c2
// (One program for both groups' devices: the op lists both groups.)
// CHECK: devices [0, 1, 2, 3] {
// CHECK: hspmd.reduce_scatter %{{.*}} dim 0 groups {{\[\[}}0, 1], [2, 3]] : tensor<12x8xf32> -> tensor<6x8xf32>
func.func @c2(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C5: a local slice along dim 1: 0 and 2 keep columns 0-3, 1 and 3 columns
// 4-7. The four devices share one program, which reads its column offset
// from a table indexed by the device id.
// CHECK-LABEL: func.func @c5
// CHECK: devices [0, 1, 2, 3] {
// CHECK: %[[TABLE:.*]] = arith.constant dense<[0, 4, 0, 4]> : tensor<4xindex>
// CHECK: %[[ID:.*]] = hspmd.device_id : index
// CHECK: %[[OFF:.*]] = tensor.extract %[[TABLE]][%[[ID]]] : tensor<4xindex>
// CHECK: tensor.extract_slice %{{.*}}[0, %[[OFF]]] [12, 4] [1, 1] : tensor<12x8xf32> to tensor<12x4xf32>
// CHECK-NOT: hspmd.send_recv
// CHECK-LABEL: func.func @c6
func.func @c5(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C6: send i -> i + 4, the peers written as the distance (4 and -4), so
// the four senders share one program and so do the four receivers.
// CHECK: devices [0, 1, 2, 3] {
// CHECK: hspmd.send_recv relative sends [4 : [0, 0] [12, 8]] of
// CHECK: devices [4, 5, 6, 7] {
// CHECK: hspmd.send_recv relative recvs [-4 : [0, 0] [12, 8]] into
func.func @c6(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[4, 5, 6, 7] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C7: all-reduce in {0,1,2,3} and in {4,5}; nothing on 6.
// CHECK-LABEL: func.func @c7
// CHECK: devices [0, 1, 2, 3] {
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}0, 1, 2, 3]] : tensor<8x8xf32>
// CHECK: devices [4, 5] {
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}4, 5]] : tensor<8x8xf32>
// CHECK: devices [6] {
// CHECK-NEXT: ^bb0(%[[IN:.*]]: tensor<8x8xf32>):
// CHECK-NEXT: hspmd.yield %[[IN]] : tensor<8x8xf32>
func.func @c7(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [partial = 4], [4, 5] : [partial = 2], [6] : []]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C10: reduce-scatter inside each group, C8's cross-group all-reduces in
// quarter order, all-gather inside each group.
// CHECK-LABEL: func.func @c10
// CHECK: devices [0] {
// CHECK: hspmd.reduce_scatter %{{.*}} dim 0 groups {{\[\[}}0, 1, 2, 3]] : tensor<24x8xf32> -> tensor<6x8xf32>
// CHECK-NEXT: hspmd.all_reduce %{{.*}} groups {{\[\[}}0, 4, 6]] : tensor<6x8xf32>
// CHECK-NEXT: hspmd.all_gather %{{.*}} dim 0 groups {{\[\[}}0, 1, 2, 3]] : tensor<6x8xf32> -> tensor<24x8xf32>
// CHECK: devices [4] {
// CHECK: hspmd.reduce_scatter %{{.*}} dim 0 groups {{\[\[}}4, 5]] : tensor<24x8xf32> -> tensor<12x8xf32>
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}0, 4, 6]] : tensor<6x8xf32>
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}1, 4, 6]] : tensor<6x8xf32>
// CHECK: hspmd.all_gather %{{.*}} dim 0 groups {{\[\[}}4, 5]] : tensor<12x8xf32> -> tensor<24x8xf32>
// CHECK: devices [6] {
// CHECK-NOT: hspmd.reduce_scatter
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}0, 4, 6]]
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}1, 4, 6]]
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}2, 5, 6]]
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}3, 5, 6]]
// CHECK-NOT: hspmd.all_gather
// CHECK: hspmd.yield
func.func @c10(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = partial, groups = [[0, 1, 2, 3] : [partial = 4], [4, 5] : [partial = 2], [6] : []]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C11: 0,1 -> 4 and 2,3 -> 5, one message per pair. The senders share one
// program, and so do the receivers: each names its peer by a column of a
// table (sender 0 and 1 send to 4, 2 and 3 to 5; receiver 4 takes its two
// blocks from 0 and 1, receiver 5 from 2 and 3).
// CHECK-LABEL: func.func @c11
// CHECK: devices [0, 1, 2, 3] {
// CHECK: hspmd.send_recv table [0, 1, 2, 3] {{\[\[}}4, 4, 5, 5]] sends [0 : [0, 0] [6, 8]] of
// CHECK: devices [4, 5] {
// CHECK: hspmd.send_recv table [4, 5] {{\[\[}}0, 2], [1, 3]] recvs [0 : [0, 0] [6, 8], 1 : [6, 0] [6, 8]] into
func.func @c11(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[4, 5] : [d0 = 2]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C12: one all-gather along dim 0 over the four devices.
// CHECK-LABEL: func.func @c12
// CHECK: devices [0, 1, 2, 3] {
// CHECK: hspmd.all_gather %{{.*}} dim 0 groups {{\[\[}}0, 1, 2, 3]] : tensor<6x8xf32> -> tensor<24x8xf32>
func.func @c12(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C13: 4-way to 3-way over a 12-row grid of 1 row: 0 gets row 3 from 1;
// 1 keeps rows 4-5 and gets rows 6-7 from 2; 2 keeps row 8 and gets rows
// 9-11 from 3.
// CHECK-LABEL: func.func @c13
// CHECK: devices [0] {
// CHECK: hspmd.send_recv recvs [1 : [3, 0] [1, 8]] into
// CHECK: devices [1] {
// CHECK: hspmd.send_recv sends [0 : [0, 0] [1, 8]] of %{{.*}} : tensor<3x8xf32> recvs [2 : [2, 0] [2, 8]] into
// CHECK: devices [2] {
// CHECK: hspmd.send_recv sends [1 : [0, 0] [2, 8]] of %{{.*}} : tensor<3x8xf32> recvs [3 : [1, 0] [3, 8]] into
// CHECK: devices [3] {
// CHECK: hspmd.send_recv sends [2 : [0, 0] [3, 8]] of
func.func @c13(%x: tensor<12x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) -> tensor<12x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2] : [d0 = 3]> : tensor<12x8xf32>
  return %0 : tensor<12x8xf32>
}

// C14: 2 sends rows 12-15 to 0 and to 1; 0 sends rows 0-3 and 8-11 to 2
// (one message, in this order on both sides); 1 sends rows 4-7 to 2.
// CHECK-LABEL: func.func @c14
// CHECK: devices [0] {
// CHECK: hspmd.send_recv sends [2 : [0, 0] [4, 8], 2 : [8, 0] [4, 8]] of %{{.*}} : tensor<12x8xf32> recvs [2 : [12, 0] [4, 8]] into
// CHECK: devices [1] {
// CHECK: hspmd.send_recv sends [2 : [4, 0] [4, 8]] of %{{.*}} : tensor<12x8xf32> recvs [2 : [12, 0] [4, 8]] into
// CHECK: devices [2] {
// CHECK: hspmd.send_recv sends [0 : [0, 0] [4, 8], 1 : [0, 0] [4, 8]] of %{{.*}} : tensor<4x8xf32> recvs [0 : [0, 0] [4, 8], 1 : [4, 0] [4, 8], 0 : [8, 0] [4, 8]] into
func.func @c14(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]>}) -> tensor<16x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// C15: partial = 4 read as partial = 2 x partial = 2: all-reduce in {0,2}
// and in {1,3}.
// CHECK-LABEL: func.func @c15
// CHECK: devices [0, 1, 2, 3] {
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[\[}}0, 2], [1, 3]] : tensor<24x8xf32>
func.func @c15(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, partial = 2]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

