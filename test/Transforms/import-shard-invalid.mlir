// RUN: hspmd-opt --hspmd-import-shard -split-input-file -verify-diagnostics %s -o /dev/null

// Halo sizes: hspmd blocks never overlap.
shard.grid @g4(shape = 4)
func.func @halo(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // expected-error@+1 {{halo sizes [1, 2] are not representable in #hspmd.sharding}}
  %s = shard.sharding @g4 split_axes = [[0]] halo_sizes = [1, 2] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// -----

// A problem of the sharding is reported once, however many ops use it.
shard.grid @g4(shape = 4)
func.func @dynamic_halo(%x: tensor<8x16xf32>, %h: i64) -> tensor<8x16xf32> {
  // expected-error@+1 {{halo sizes [?, 1] are not representable in #hspmd.sharding}}
  %s = shard.sharding @g4 split_axes = [[0]] halo_sizes = [%h, 1] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  %1 = shard.shard %0 to %s annotate_for_users : tensor<8x16xf32>
  return %1 : tensor<8x16xf32>
}

// -----

// expected-note@+1 {{grid defined here}}
shard.grid @gd(shape = 2x?)
func.func @dynamic_grid(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // expected-error@+1 {{grid @gd has the dynamic shape 2x?: #hspmd.sharding needs a static device count}}
  %s = shard.sharding @gd split_axes = [[0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// -----

// Uneven offsets on two dimensions: the weighted top tier splits one.
shard.grid @g2x2(shape = 2x2)
func.func @uneven_two_dims(%x: tensor<6x8xf32>) -> tensor<6x8xf32> {
  // expected-note@+1 {{sharding defined here}}
  %s = shard.sharding @g2x2 split_axes = [[0], [1]] sharded_dims_offsets = [0, 4, 6, 0, 2, 8] : !shard.sharding
  // expected-error@+1 {{sharded_dims_offsets split dimensions 0 and 1 unevenly; #hspmd.sharding splits one dimension unevenly (its weighted top tier, hetero = d<k>)}}
  %0 = shard.shard %x to %s : tensor<6x8xf32>
  return %0 : tensor<6x8xf32>
}

// -----

shard.grid @g4(shape = 4)
func.func @offsets_wrong_end(%x: tensor<4x16xf32>) -> tensor<4x16xf32> {
  // expected-note@+1 {{sharding defined here}}
  %s = shard.sharding @g4 split_axes = [[], [0]] sharded_dims_offsets = [0, 2, 8, 12, 15] : !shard.sharding
  // expected-error@+1 {{sharded_dims_offsets [0, 2, 8, 12, 15] for dimension 1 of size 16 must start at 0 and end at 16}}
  %0 = shard.shard %x to %s : tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

shard.grid @g4(shape = 4)
func.func @dynamic_offsets(%x: tensor<4x16xf32>, %o: i64) -> tensor<4x16xf32> {
  // expected-error@+1 {{dynamic sharded_dims_offsets [0, ?, 8, 12, 16] are not representable in #hspmd.sharding}}
  %s = shard.sharding @g4 split_axes = [[], [0]] sharded_dims_offsets = [0, %o, 8, 12, 16] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

shard.grid @g4(shape = 4)
func.func @dynamic_shape(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %s = shard.sharding @g4 split_axes = [[0]] : !shard.sharding
  // expected-error@+1 {{dimension 0 of 'tensor<?x16xf32>' is dynamic: #hspmd.sharding needs a static shape}}
  %0 = shard.shard %x to %s : tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}

// -----

// 4 blocks of 6 rows do not divide.
shard.grid @g4(shape = 4)
func.func @split_does_not_divide(%x: tensor<6x8xf32>) -> tensor<6x8xf32> {
  %s = shard.sharding @g4 split_axes = [[0]] : !shard.sharding
  // expected-error@+1 {{#hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> on 'tensor<6x8xf32>': axis `d0 = 4` does not divide dimension 0 of size 6}}
  %0 = shard.shard %x to %s : tensor<6x8xf32>
  return %0 : tensor<6x8xf32>
}

// -----

// Merged over 2x4: 8 blocks of 12 rows do not divide (4 would, 2 would).
shard.grid @g2x4(shape = 2x4)
func.func @merged_split_does_not_divide(%x: tensor<12x8xf32>) -> tensor<12x8xf32> {
  %s = shard.sharding @g2x4 split_axes = [[0, 1]] : !shard.sharding
  // expected-error@+1 {{axis `d0 = 8` does not divide dimension 0 of size 12}}
  %0 = shard.shard %x to %s annotate_for_users : tensor<12x8xf32>
  return %0 : tensor<12x8xf32>
}

// -----

// split_axes names a dimension the tensor does not have.
shard.grid @g4(shape = 4)
func.func @split_beyond_rank(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-note@+1 {{sharding defined here}}
  %s = shard.sharding @g4 split_axes = [[], [0]] : !shard.sharding
  // expected-error@+1 {{split_axes splits dimension 1, but the tensor 'tensor<8xf32>' has rank 1}}
  %0 = shard.shard %x to %s : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// The upstream verifier does not check grid axes against the grid's rank.
shard.grid @g4(shape = 4)
func.func @axis_out_of_range(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{split_axes names grid axis 1, but grid @g4 has rank 1}}
  %s = shard.sharding @g4 split_axes = [[1]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// A grid with an axis of size 0 has no devices.
// expected-note@+1 {{grid defined here}}
shard.grid @g0(shape = 2x0)
func.func @empty_grid(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{grid @g0 of shape 2x0 has no devices}}
  %s = shard.sharding @g0 split_axes = [[0]] : !shard.sharding
  %0 = shard.shard %x to %s : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// The sharding must be a shard.sharding op, not a value passed in.
func.func @sharding_argument(%x: tensor<8xf32>, %s: !shard.sharding) -> tensor<8xf32> {
  // expected-error@+1 {{the sharding operand must be defined by a `shard.sharding` op}}
  %0 = shard.shard %x to %s : tensor<8xf32>
  return %0 : tensor<8xf32>
}
