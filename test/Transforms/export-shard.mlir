// RUN: hspmd-opt --hspmd-export-shard %s -split-input-file | FileCheck %s
// RUN: hspmd-opt --hspmd-export-shard %s -split-input-file | hspmd-opt --hspmd-import-shard -split-input-file | FileCheck %s --check-prefix=BACK

// Expected output worked out by hand: upstream numbers grid devices
// row-major (device (c0, c1) of a 2x4 grid is 4*c0 + c1) and splits a
// dimension over grid axes [a1, a2] into blocks c_a1 * s_a2 + c_a2; an hspmd
// device at position p of its list has the mixed-radix coordinates of p over
// the axes, the first outermost.
//
// - [0 to 7] : [d0 = 2, d1 = 4] is the 2x4 grid itself.
// - [0, 4, 1, 5, 2, 6, 3, 7] : [d0 = 8]: position p = 2*j + i lists 4*i + j
//   (i < 2, j < 4), so row block 2*j + i is on grid device (i, j): dim 0 over
//   axes [1, 0].
// - [0 to 7] : [dup = 2, d1 = 4]: the columns over axis 1, axis 0 unused.
// - hetero = d0, weights 1:3 over two groups laid out [d1 = 4]: group g is
//   grid row g; rows 0-1 and 2-7 as offsets [0, 2, 8], columns evenly.
// - [0 to 7] : [d0 = 8] on the result: dim 0 over axes [0, 1].
// Import brings each back; the argument's becomes an annotation of it and
// the result's a reshard before the return (the same placements).
// CHECK: shard.grid @grid(shape = 2x4)
// CHECK-LABEL: func.func @f
// CHECK-SAME: (%[[X:.*]]: tensor<8x16xf32>) -> tensor<8x16xf32> {
// CHECK-NEXT: %[[S0:.*]] = shard.sharding @grid split_axes = {{\[\[}}0], [1]] : !shard.sharding
// CHECK-NEXT: %[[A0:.*]] = shard.shard %[[X]] to %[[S0]] : tensor<8x16xf32>
// CHECK-NEXT: %[[S1:.*]] = shard.sharding @grid split_axes = {{\[\[}}1, 0]] : !shard.sharding
// CHECK-NEXT: %[[A1:.*]] = shard.shard %[[A0]] to %[[S1]] : tensor<8x16xf32>
// CHECK-NEXT: %[[S2:.*]] = shard.sharding @grid split_axes = {{\[\[}}], [1]] : !shard.sharding
// CHECK-NEXT: %[[A2:.*]] = shard.shard %[[A1]] to %[[S2]] annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %[[S3:.*]] = shard.sharding @grid split_axes = {{\[\[}}0], [1]] sharded_dims_offsets = [0, 2, 8, 0, 4, 8, 12, 16] : !shard.sharding
// CHECK-NEXT: %[[A3:.*]] = shard.shard %[[A2]] to %[[S3]] : tensor<8x16xf32>
// CHECK-NEXT: %[[S4:.*]] = shard.sharding @grid split_axes = {{\[\[}}0, 1]] : !shard.sharding
// CHECK-NEXT: %[[A4:.*]] = shard.shard %[[A3]] to %[[S4]] annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: return %[[A4]]
// BACK-LABEL: func.func @f
// BACK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0 to 7] : [d0 = 2, d1 = 4]>
// BACK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 4, 1, 5, 2, 6, 3, 7] : [d0 = 8]>
// BACK-NEXT: hspmd.reshard %{{.*}} to #hspmd.sharding<[0 to 7] : [dup = 2, d1 = 4]>
// BACK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = {{\[\[}}0, 1, 2, 3] : [d1 = 4], [4, 5, 6, 7] : [d1 = 4]]>
// BACK-NEXT: hspmd.reshard %{{.*}} to #hspmd.sharding<[0 to 7] : [d0 = 8]>
// BACK-NEXT: return
func.func @f(%x: tensor<8x16xf32> {hspmd.sharding = #hspmd.sharding<[0 to 7] : [d0 = 2, d1 = 4]>}) -> (tensor<8x16xf32> {hspmd.sharding = #hspmd.sharding<[0 to 7] : [d0 = 8]>}) {
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 4, 1, 5, 2, 6, 3, 7] : [d0 = 8]> : tensor<8x16xf32>
  %b = hspmd.reshard %a to #hspmd.sharding<[0 to 7] : [dup = 2, d1 = 4]> : tensor<8x16xf32>
  %c = hspmd.annotate %b as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5, 6, 7] : [d1 = 4]]> : tensor<8x16xf32>
  return %c : tensor<8x16xf32>
}

// -----

// The grid is the common refinement: [d0 = 2, d1 = 3] has axis boundaries
// (strides) 1, 3, 6 and [d0 = 6] 1, 6; together a 2x3 grid, and d0 = 6
// spans both axes. [0, 1, 2, 3, 4, 5] : [dup = 3, d0 = 2] puts rows on
// stride 1 (no grid axis of size 2 there, so it needs a grid 3x2 instead):
// see export-shard-invalid.mlir for that conflict. A replicated tensor is
// `[[]]` (LLVM 22 prints no split dimension as `[]` but cannot parse it).
// CHECK: shard.grid @grid(shape = 2x3)
// CHECK-LABEL: func.func @refine
// CHECK: split_axes = {{\[\[}}0], [1]]
// CHECK: split_axes = {{\[\[}}0, 1]]
// CHECK: split_axes = {{\[\[}}]]
// BACK-LABEL: func.func @refine
// BACK-NEXT: #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]>
// BACK-NEXT: #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 6]>
// BACK-NEXT: #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [dup = 6]>
func.func @refine(%x: tensor<6x6xf32>) -> (tensor<6x6xf32>, tensor<6x6xf32>, tensor<6x6xf32>) {
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x6xf32>
  %b = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 6]> : tensor<6x6xf32>
  %c = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [dup = 6]> : tensor<6x6xf32>
  return %a, %b, %c : tensor<6x6xf32>, tensor<6x6xf32>, tensor<6x6xf32>
}

// The other way: upstream shardings imported and exported again come back
// as written (the grid is the refinement of the imported placements, here
// the 2x2x2 grid itself), uneven offsets included.
// RUN: hspmd-opt --hspmd-import-shard %S/Inputs/upstream-shardings.mlir | hspmd-opt --hspmd-export-shard | FileCheck %s --check-prefix=UP
// UP: shard.grid @grid(shape = 2x2x2)
// UP-LABEL: func.func @upstream
// UP: split_axes = {{\[\[}}0], [1]] : !shard.sharding
// UP: split_axes = {{\[\[}}1, 0]] : !shard.sharding
// UP: split_axes = {{\[\[}}2], [0, 1]] : !shard.sharding
// UP: split_axes = {{\[\[}}], [2]] : !shard.sharding
// UP-NEXT: annotate_for_users
// UP: split_axes = {{\[\[}}0], [2]] sharded_dims_offsets = [0, 2, 8, 0, 4, 8] : !shard.sharding
// UP: split_axes = {{\[\[}}0, 1, 2]] : !shard.sharding
