// Embedding lookup with the table split by columns ([0, 1] : [d1 = 2]) and
// ids computed in the body from linalg.index ((3 s + 1) mod 8, i32), then a
// sum over the feature dimension (a mean-pooled embedding, split reduction)
// and an unannotated result. Table row r = 100 r + j.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8x4xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c100 = arith.constant 100 : index
    %k = arith.muli %i, %c100 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8x4xf32>
  %table = hspmd.annotate %t as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<8x4xf32>
  %ei = tensor.empty() : tensor<6xi32>
  %ids = linalg.generic {indexing_maps = [affine_map<(s) -> (s)>], iterator_types = ["parallel"]} outs(%ei : tensor<6xi32>) {
  ^bb0(%o: i32):
    %s = linalg.index 0 : index
    %c3 = arith.constant 3 : index
    %c1 = arith.constant 1 : index
    %c8 = arith.constant 8 : index
    %a = arith.muli %s, %c3 : index
    %b = arith.addi %a, %c1 : index
    %m = arith.remui %b, %c8 : index
    %v = arith.index_cast %m : index to i32
    linalg.yield %v : i32
  } -> tensor<6xi32>
  %e2 = tensor.empty() : tensor<6x4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(s, j) -> (s)>, affine_map<(s, j) -> (s, j)>], iterator_types = ["parallel", "parallel"]} ins(%ids : tensor<6xi32>) outs(%e2 : tensor<6x4xf32>) {
  ^bb0(%id: i32, %o: f32):
    %j = linalg.index 1 : index
    %row = arith.index_cast %id : i32 to index
    %v = tensor.extract %table[%row, %j] : tensor<8x4xf32>
    linalg.yield %v : f32
  } -> tensor<6x4xf32>
  %z = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<6xf32>
  %fs = linalg.fill ins(%z : f32) outs(%es : tensor<6xf32>) -> tensor<6xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(s, j) -> (s, j)>, affine_map<(s, j) -> (s)>], iterator_types = ["parallel", "reduction"]} ins(%r : tensor<6x4xf32>) outs(%fs : tensor<6xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %a = arith.addf %in, %acc : f32
    linalg.yield %a : f32
  } -> tensor<6xf32>
  %b = bufferization.to_buffer %r : tensor<6x4xf32> to memref<6x4xf32>
  %u = memref.cast %b : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %s : tensor<6xf32> to memref<6xf32>
  %u2 = memref.cast %b2 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
