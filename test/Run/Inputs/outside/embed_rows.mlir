// Embedding lookup as torch-mlir emits aten.embedding: a linalg.generic over
// (token, feature) whose body does tensor.extract %table[%id, %j] on a
// captured table. The table (8 x 6, row r = 10 r + j) is split by rows over
// 4 ranks, the ids (tensor<2x5xi64>) are split by batch and the output
// (2 x 5 x 6) is annotated split by features.
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
  %ids0 = arith.constant dense<[[7, 0, 3, 3, 6], [1, 2, 5, 4, 7]]> : tensor<2x5xi64>
  %ids = hspmd.annotate %ids0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<2x5xi64>
  %e2 = tensor.empty() : tensor<2x5x6xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(b, s, j) -> (b, s)>, affine_map<(b, s, j) -> (b, s, j)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%ids : tensor<2x5xi64>) outs(%e2 : tensor<2x5x6xf32>) {
  ^bb0(%id: i64, %o: f32):
    %j = linalg.index 2 : index
    %row = arith.index_cast %id : i64 to index
    %v = tensor.extract %table[%row, %j] : tensor<8x6xf32>
    linalg.yield %v : f32
  } -> tensor<2x5x6xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[0, 1, 2, 3] : [d2 = 2, dup = 2]> : tensor<2x5x6xf32>
  %b = bufferization.to_buffer %ra : tensor<2x5x6xf32> to memref<2x5x6xf32>
  %u = memref.cast %b : memref<2x5x6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
