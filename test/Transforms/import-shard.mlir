// RUN: hspmd-opt --hspmd-import-shard %s | FileCheck %s \
// RUN:   --implicit-check-not=shard.shard --implicit-check-not=shard.grid

// Expected placements worked out by hand from the definitions:
// - upstream: grid device (c_0, ..., c_{r-1}) has the row-major id
//   sum_i c_i * prod_{j>i} s_j; a dimension split over grid axes [a1, a2, ...]
//   gives the device at (.., c_a1, .., c_a2, ..) the block
//   c_a1 * s_a2 * ... + c_a2 * ... (a1 outermost);
// - hspmd (Semantics.md): the device at position p of the list has the
//   mixed-radix coordinates of p over the axes, the first axis outermost.
// The import orders the hspmd axes by their outermost grid axis.
//
// Every shard.sharding and shard.grid the conversion leaves unused is erased
// (the implicit check-nots); @keep is still used by another op and stays.

shard.grid @g4(shape = 4)
shard.grid @g2x4(shape = 2x4)
shard.grid @g2x2x2(shape = 2x2x2)
shard.grid @g2x1x4(shape = 2x1x4)
shard.grid @g1x4(shape = 1x4)
shard.grid @g1(shape = 1)
shard.grid @keep(shape = 4)

// CHECK: shard.grid @keep(shape = 4)
// CHECK-NOT: shard.grid

// Four devices along one axis, rows in 4 blocks.
// CHECK-LABEL: func.func @split_1d
// CHECK-SAME: (%[[X:arg[0-9]+]]: tensor<8x16xf32>)
// CHECK-NEXT: %[[R:.*]] = hspmd.annotate %[[X]] as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x16xf32>
// CHECK-NEXT: return %[[R]]
func.func @split_1d(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g4 split_axes = [[0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// 2x4 grid, dim 0 over axis 0 and dim 1 over axis 1: device (c0, c1) has id
// 4*c0 + c1 and holds row block c0, column block c1, which is exactly
// position 4*c0 + c1 of [d0 = 2, d1 = 4].
// CHECK-LABEL: func.func @split_2d
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0 to 7] : [d0 = 2, d1 = 4]> : tensor<8x16xf32>
func.func @split_2d(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g2x4 split_axes = [[0], [1]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// Dim 0 over axis 1 and dim 1 over axis 0: ordered by grid axis, d1 (axis 0)
// is outermost; device (c0, c1) = id 4*c0 + c1 holds column block c0 and row
// block c1, position 4*c0 + c1 of [d1 = 2, d0 = 4]. No permutation needed.
// CHECK-LABEL: func.func @split_2d_swapped
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0 to 7] : [d1 = 2, d0 = 4]> : tensor<8x16xf32>
func.func @split_2d_swapped(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g2x4 split_axes = [[1], [0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// Dim 0 over axes [0, 1]: block 4*c0 + c1 = the device's own id: d0 = 8.
// CHECK-LABEL: func.func @split_merged
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0 to 7] : [d0 = 8]> : tensor<16x8xf32>
func.func @split_merged(%x: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %s = shard.sharding @g2x4 split_axes = [[0, 1]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// Dim 0 over axes [1, 0]: axis 1 (size 4) is outermost, so device (c0, c1)
// (id 4*c0 + c1) holds block 2*c1 + c0. Position p of [d0 = 8] must hold
// block p, so position 2*c1 + c0 lists id 4*c0 + c1; enumerating (c1, c0)
// row-major:
//   (0,0) 0, (0,1) 4, (1,0) 1, (1,1) 5, (2,0) 2, (2,1) 6, (3,0) 3, (3,1) 7.
// CHECK-LABEL: func.func @split_merged_reversed
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 4, 1, 5, 2, 6, 3, 7] : [d0 = 8]> : tensor<16x8xf32>
func.func @split_merged_reversed(%x: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %s = shard.sharding @g2x4 split_axes = [[1, 0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// 2x2x2 grid, dim 0 over the non-adjacent axes [0, 2], axis 1 unused:
// device (c0, c1, c2) has id 4*c0 + 2*c1 + c2 and holds block 2*c0 + c2,
// replicated along c1. hspmd axes [d0 = 4, dup = 2] need the grid order
// (c0, c2, c1); enumerating it row-major and writing 4*c0 + 2*c1 + c2:
//   (0,0,0) 0, (0,0,1) 2, (0,1,0) 1, (0,1,1) 3,
//   (1,0,0) 4, (1,0,1) 6, (1,1,0) 5, (1,1,1) 7.
// Check: position 2 is device 1 = (0, 0, 1), block 2*0 + 1 = 1 = 2 / 2.
// CHECK-LABEL: func.func @split_non_adjacent
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 2, 1, 3, 4, 6, 5, 7] : [d0 = 4, dup = 2]> : tensor<8x8xf32>
func.func @split_non_adjacent(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %s = shard.sharding @g2x2x2 split_axes = [[0, 2]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// Unsplit axis 1 of 2x4: device 4*c0 + c1 holds row block c0, the same for
// every c1: [d0 = 2, dup = 4] in id order.
// CHECK-LABEL: func.func @dup_inner
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0 to 7] : [d0 = 2, dup = 4]> : tensor<8x16xf32>
func.func @dup_inner(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g2x4 split_axes = [[0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// Unsplit axis 0 of 2x4 (outermost): [dup = 2, d0 = 4] in id order.
// CHECK-LABEL: func.func @dup_outer
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0 to 7] : [dup = 2, d0 = 4]> : tensor<8x16xf32>
func.func @dup_outer(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g2x4 split_axes = [[1]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// 2x2x2, dim 0 over axis 1; the unused axes 0 and 2 merge into one dup axis
// (outermost, since it starts at axis 0), grid order (c0, c2, c1): the same
// enumeration as @split_non_adjacent. Position 1 is device 2 = (0, 1, 0),
// row block c1 = 1 = 1 mod 2.
// CHECK-LABEL: func.func @dup_non_adjacent
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 2, 1, 3, 4, 6, 5, 7] : [dup = 4, d0 = 2]> : tensor<8x8xf32>
func.func @dup_non_adjacent(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %s = shard.sharding @g2x2x2 split_axes = [[1]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// Nothing split: one dup axis over all 8 devices.
// CHECK-LABEL: func.func @replicated
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0 to 7] : [dup = 8]> : tensor<8x16xf32>
func.func @replicated(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g2x4 split_axes = [[]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// A rank-0 tensor, replicated.
// CHECK-LABEL: func.func @scalar
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<f32>
func.func @scalar(%x: tensor<f32>) -> tensor<f32> {
  %s = shard.sharding @g4 split_axes = [[]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<f32>
  return %0 : tensor<f32>
}

// 2x1x4, dim 0 over axis 0, dim 1 over the size-1 axis 1 (dropped: one
// block), axis 2 unused. Ids 4*c0 + 4*c1 + c2 with c1 = 0 are in order.
// CHECK-LABEL: func.func @size_one_dropped
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0 to 7] : [d0 = 2, dup = 4]> : tensor<8x16xf32>
func.func @size_one_dropped(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g2x1x4 split_axes = [[0], [1]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// 1x4, dim 0 over the size-1 axis only: not split at all.
// CHECK-LABEL: func.func @size_one_split_only
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<8x16xf32>
func.func @size_one_split_only(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g1x4 split_axes = [[0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// A one-device grid: the whole tensor on device 0.
// CHECK-LABEL: func.func @one_device
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0] : []> : tensor<8x16xf32>
func.func @one_device(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g1 split_axes = [[0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// annotate_for_users: the shard op's result is what the users see, so it
// becomes a reshard of the source, feeding the same users.
// CHECK-LABEL: func.func @for_users
// CHECK-SAME: (%[[X:arg[0-9]+]]: tensor<8x16xf32>)
// CHECK-NEXT: %[[R:.*]] = hspmd.reshard %[[X]] to #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<8x16xf32>
// CHECK-NEXT: return %[[R]]
func.func @for_users(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = shard.sharding @g4 split_axes = [[], [0]] : !shard.sharding
  %0 = shard.shard %x to %s annotate_for_users : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// Both: the result annotation becomes hspmd.annotate; each use-annotation a
// reshard of the annotated value for its own user.
// CHECK-LABEL: func.func @both
// CHECK-SAME: (%[[X:arg[0-9]+]]: tensor<8x16xf32>)
// CHECK-NEXT: %[[A:.*]] = hspmd.annotate %[[X]] as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x16xf32>
// CHECK-NEXT: %[[B:.*]] = hspmd.reshard %[[A]] to #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<8x16xf32>
// CHECK-NEXT: %[[C:.*]] = hspmd.reshard %[[A]] to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<8x16xf32>
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[B]], %[[C]] : tensor<8x16xf32>
// CHECK-NEXT: return %[[S]]
func.func @both(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s0 = shard.sharding @g4 split_axes = [[0]] : !shard.sharding
  %0 = shard.shard %x to %s0 : tensor<8x16xf32>
  %s1 = shard.sharding @g4 split_axes = [[], [0]] : !shard.sharding
  %1 = shard.shard %0 to %s1 annotate_for_users : tensor<8x16xf32>
  %s2 = shard.sharding @g4 split_axes = [[]] : !shard.sharding
  %2 = shard.shard %0 to %s2 annotate_for_users : tensor<8x16xf32>
  %3 = arith.addf %1, %2 : tensor<8x16xf32>
  return %3 : tensor<8x16xf32>
}

// One shard.sharding shared by two shard ops of different types.
// CHECK-LABEL: func.func @shared
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x16xf32>
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4xi32>
func.func @shared(%x: tensor<8x16xf32>, %y: tensor<4xi32>) -> (tensor<8x16xf32>, tensor<4xi32>) {
  %s = shard.sharding @g4 split_axes = [[0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  %1 = shard.shard %y to %s : tensor<4xi32>
  return %0, %1 : tensor<8x16xf32>, tensor<4xi32>
}

// Zero halo sizes and sharded_dims_offsets that are the even split say
// nothing beyond split_axes: accepted.
// CHECK-LABEL: func.func @trivial_halo_and_offsets
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0 to 7] : [d0 = 2, d1 = 4]> : tensor<8x16xf32>
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x16xf32>
func.func @trivial_halo_and_offsets(%x: tensor<8x16xf32>, %y: tensor<4x16xf32>) -> (tensor<8x16xf32>, tensor<4x16xf32>) {
  %s0 = shard.sharding @g2x4 split_axes = [[0], [1]] halo_sizes = [0, 0, 0, 0] : !shard.sharding
  %0 = shard.shard %x to %s0 : tensor<8x16xf32>
  %s1 = shard.sharding @g4 split_axes = [[], [0]] sharded_dims_offsets = [0, 4, 8, 12, 16] : !shard.sharding
  %1 = shard.shard %y to %s1 : tensor<4x16xf32>
  return %0, %1 : tensor<8x16xf32>, tensor<4x16xf32>
}

// Uneven shards become the weighted top tier: one group per shard, in shard
// order, weighted by its size (reduced by the gcd), laid out by the other
// axes.
// - The upstream example: 4x2, 4x3, 4x4, 4x5 blocks of a 4x14 tensor.
// - A 2x2 grid, rows over axis 0 in blocks of 4 and 2 (weights 2:1), columns
//   over axis 1 evenly: shard c0 is devices 2*c0 and 2*c0 + 1, each holding
//   column block c1, so each group is [2*c0, 2*c0 + 1] : [d1 = 2].
// - Columns over axis 0 of a 2x2 grid in blocks 2 and 6: grid axis 1 is
//   unused, so each group is a replica pair.
// - Rows over axis 1 of a 2x2 grid, all in shard 0: shard 1 (devices 1 and 3)
//   is empty and left out; the one group left, devices 0 and 2 (c1 = 0),
//   holds the whole tensor.
// - Rows over axes [1, 0] of a 2x2 grid: shard 2*c1 + c0 is device
//   2*c0 + c1, so the groups are devices 0, 2, 1, 3 with weights 1:1:1:3.
// CHECK-LABEL: func.func @uneven
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<hetero = d1, weights = [2, 3, 4, 5], groups = {{\[\[}}0] : [], [1] : [], [2] : [], [3] : []]> : tensor<4x14xf32>
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<hetero = d0, weights = [2, 1], groups = {{\[\[}}0, 1] : [d1 = 2], [2, 3] : [d1 = 2]]> : tensor<6x8xf32>
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = {{\[\[}}0, 1] : [dup = 2], [2, 3] : [dup = 2]]> : tensor<6x8xf32>
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 2] : [dup = 2]> : tensor<6x8xf32>
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<hetero = d0, weights = [1, 1, 1, 3], groups = {{\[\[}}0] : [], [2] : [], [1] : [], [3] : []]> : tensor<6x8xf32>
shard.grid @g2x2(shape = 2x2)
func.func @uneven(%x: tensor<4x14xf32>, %y: tensor<6x8xf32>) -> (tensor<4x14xf32>, tensor<6x8xf32>, tensor<6x8xf32>, tensor<6x8xf32>, tensor<6x8xf32>) {
  %s0 = shard.sharding @g4 split_axes = [[], [0]] sharded_dims_offsets = [0, 2, 5, 9, 14] : !shard.sharding
  %0 = shard.shard %x to %s0 : tensor<4x14xf32>
  %s1 = shard.sharding @g2x2 split_axes = [[0], [1]] sharded_dims_offsets = [0, 4, 6, 0, 4, 8] : !shard.sharding
  %1 = shard.shard %y to %s1 : tensor<6x8xf32>
  %s2 = shard.sharding @g2x2 split_axes = [[], [0]] sharded_dims_offsets = [0, 2, 8] : !shard.sharding
  %2 = shard.shard %y to %s2 : tensor<6x8xf32>
  %s3 = shard.sharding @g2x2 split_axes = [[1]] sharded_dims_offsets = [0, 6, 6] : !shard.sharding
  %3 = shard.shard %y to %s3 : tensor<6x8xf32>
  %s4 = shard.sharding @g2x2 split_axes = [[1, 0]] sharded_dims_offsets = [0, 1, 2, 3, 6] : !shard.sharding
  %4 = shard.shard %y to %s4 : tensor<6x8xf32>
  return %0, %1, %2, %3, %4 : tensor<4x14xf32>, tensor<6x8xf32>, tensor<6x8xf32>, tensor<6x8xf32>, tensor<6x8xf32>
}

// @keep is still referred to by another op, so it is not erased.
// CHECK-LABEL: func.func @grid_kept
// CHECK-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8xf32>
// CHECK-NEXT: shard.process_linear_index on @keep : index
func.func @grid_kept(%x: tensor<8xf32>) -> (tensor<8xf32>, index) {
  %s = shard.sharding @keep split_axes = [[0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8xf32>
  %i = shard.process_linear_index on @keep : index
  return %0, %i : tensor<8xf32>, index
}
