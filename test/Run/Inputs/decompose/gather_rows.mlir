// tensor.gather of whole rows, as a front end lowers torch.index_select /
// jnp.take(axis=0): a table of 8 x 6 (row r = 10 r + j) split by rows over 4
// ranks, 2 x 5 indices (i64) split by batch, the result
// (2 x 5 x 1 x 6, rank-preserving) annotated split by features.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8x6xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8x6xf32>
  %table = hspmd.annotate %t as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x6xf32>
  %ids0 = arith.constant dense<[[[7], [0], [3], [3], [6]], [[1], [2], [5], [4], [7]]]> : tensor<2x5x1xi64>
  %ids = hspmd.annotate %ids0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<2x5x1xi64>
  %g = tensor.gather %table[%ids] gather_dims([0]) : (tensor<8x6xf32>, tensor<2x5x1xi64>) -> tensor<2x5x1x6xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d3 = 2]> : tensor<2x5x1x6xf32>
  %b = bufferization.to_buffer %ga : tensor<2x5x1x6xf32> to memref<2x5x1x6xf32>
  %u = memref.cast %b : memref<2x5x1x6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
