// Upstream shard dialect with uneven shards (sharded_dims_offsets), which
// upstream's own resharding does not handle: rows of x split 1:2:3:2 over a
// grid of 4, a matmul with a weight split evenly by columns, the product
// resharded to uneven columns, then summed over rows onto the whole grid.
shard.grid @g(shape = 4)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8x6xf32>
  %x0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c7 = arith.constant 7 : index
    %k = arith.muli %i, %c7 : index
    %k2 = arith.addi %k, %j : index
    %c5 = arith.constant 5 : index
    %k3 = arith.remui %k2, %c5 : index
    %ii = arith.index_cast %k3 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8x6xf32>
  %sx = shard.sharding @g split_axes = [[0]] sharded_dims_offsets = [0, 1, 3, 6, 8] : !shard.sharding
  %x = shard.shard %x0 to %sx : tensor<8x6xf32>
  %w0 = arith.constant dense<[[1.0, 0.0, 2.0, -1.0], [0.5, 1.0, 0.0, 3.0], [0.0, -2.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0], [2.0, 0.0, -1.0, 0.0], [0.0, 0.5, 0.5, 2.0]]> : tensor<6x4xf32>
  %sw = shard.sharding @g split_axes = [[], [0]] : !shard.sharding
  %w = shard.shard %w0 to %sw : tensor<6x4xf32>
  %z = arith.constant 0.0 : f32
  %ey = tensor.empty() : tensor<8x4xf32>
  %y0 = linalg.fill ins(%z : f32) outs(%ey : tensor<8x4xf32>) -> tensor<8x4xf32>
  %y = linalg.matmul ins(%x, %w : tensor<8x6xf32>, tensor<6x4xf32>) outs(%y0 : tensor<8x4xf32>) -> tensor<8x4xf32>
  %sy = shard.sharding @g split_axes = [[], [0]] sharded_dims_offsets = [0, 2, 2, 3, 4] : !shard.sharding
  %yr = shard.shard %y to %sy : tensor<8x4xf32>
  %es = tensor.empty() : tensor<4xf32>
  %s0 = linalg.fill ins(%z : f32) outs(%es : tensor<4xf32>) -> tensor<4xf32>
  %s = linalg.reduce ins(%yr : tensor<8x4xf32>) outs(%s0 : tensor<4xf32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %b1 = bufferization.to_buffer %yr : tensor<8x4xf32> to memref<8x4xf32>
  %u1 = memref.cast %b1 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %s : tensor<4xf32> to memref<4xf32>
  %u2 = memref.cast %b2 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
