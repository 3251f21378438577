// Upstream shardings on one 2x2x2 grid, for the import / export round trip
// (export-shard.mlir): each comes back as written.
shard.grid @grid(shape = 2x2x2)
func.func @upstream(%x: tensor<8x8xf32>) -> (tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) {
  %s0 = shard.sharding @grid split_axes = [[0], [1]] : !shard.sharding
  %0 = shard.shard %x to %s0 : tensor<8x8xf32>
  %s1 = shard.sharding @grid split_axes = [[1, 0]] : !shard.sharding
  %1 = shard.shard %x to %s1 : tensor<8x8xf32>
  %s2 = shard.sharding @grid split_axes = [[2], [0, 1]] : !shard.sharding
  %2 = shard.shard %x to %s2 : tensor<8x8xf32>
  %s3 = shard.sharding @grid split_axes = [[], [2]] : !shard.sharding
  %3 = shard.shard %x to %s3 annotate_for_users : tensor<8x8xf32>
  %s4 = shard.sharding @grid split_axes = [[0], [2]] sharded_dims_offsets = [0, 2, 8, 0, 4, 8] : !shard.sharding
  %4 = shard.shard %x to %s4 : tensor<8x8xf32>
  %s5 = shard.sharding @grid split_axes = [[0, 1, 2]] : !shard.sharding
  %5 = shard.shard %x to %s5 : tensor<8x8xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>
}
