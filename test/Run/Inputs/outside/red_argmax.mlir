// Argmax as torch-mlir lowers aten.argmax / aten.max.dim: one linalg.generic
// with two results (max value f32, index i64) reducing over the vocabulary
// dimension, which is split 4 ways ([d1 = 4], 4 ranks); the body compares
// with arith.cmpf ogt and selects value and linalg.index. Ties are broken
// to the first index. Also an argmin over the split rows (i32 index).
#id = affine_map<(i, j) -> (i, j)>
#r = affine_map<(i, j) -> (i)>
#c = affine_map<(i, j) -> (j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x16xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x16xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c7 = arith.constant 7 : index
    %c3 = arith.constant 3 : index
    %c11 = arith.constant 11 : index
    %a = arith.muli %j, %c7 : index
    %b = arith.muli %i, %c3 : index
    %s = arith.addi %a, %b : index
    %k = arith.remui %s, %c11 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x16xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x16xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0 : i64
  %ev = tensor.empty() : tensor<4xf32>
  %fv = linalg.fill ins(%ninf : f32) outs(%ev : tensor<4xf32>) -> tensor<4xf32>
  %ei = tensor.empty() : tensor<4xi64>
  %fi = linalg.fill ins(%zero : i64) outs(%ei : tensor<4xi64>) -> tensor<4xi64>
  %r:2 = linalg.generic {indexing_maps = [#id, #r, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x16xf32>) outs(%fv, %fi : tensor<4xf32>, tensor<4xi64>) {
  ^bb0(%in: f32, %accv: f32, %acci: i64):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i64
    %gt = arith.cmpf ogt, %in, %accv : f32
    %nv = arith.select %gt, %in, %accv : f32
    %ni = arith.select %gt, %ji, %acci : i64
    linalg.yield %nv, %ni : f32, i64
  } -> (tensor<4xf32>, tensor<4xi64>)
  %y = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<4x16xf32>
  %pinf = arith.constant 0x7F800000 : f32
  %zi = arith.constant 0 : i32
  %ev2 = tensor.empty() : tensor<16xf32>
  %fv2 = linalg.fill ins(%pinf : f32) outs(%ev2 : tensor<16xf32>) -> tensor<16xf32>
  %ei2 = tensor.empty() : tensor<16xi32>
  %fi2 = linalg.fill ins(%zi : i32) outs(%ei2 : tensor<16xi32>) -> tensor<16xi32>
  %q:2 = linalg.generic {indexing_maps = [#id, #c, #c], iterator_types = ["reduction", "parallel"]} ins(%y : tensor<4x16xf32>) outs(%fv2, %fi2 : tensor<16xf32>, tensor<16xi32>) {
  ^bb0(%in: f32, %accv: f32, %acci: i32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %lt = arith.cmpf olt, %in, %accv : f32
    %nv = arith.select %lt, %in, %accv : f32
    %ni = arith.select %lt, %ii, %acci : i32
    linalg.yield %nv, %ni : f32, i32
  } -> (tensor<16xf32>, tensor<16xi32>)
  %b0 = bufferization.to_buffer %r#0 : tensor<4xf32> to memref<4xf32>
  %u0 = memref.cast %b0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %r#1 : tensor<4xi64> to memref<4xi64>
  %u1 = memref.cast %b1 : memref<4xi64> to memref<*xi64>
  call @printMemrefI64(%u1) : (memref<*xi64>) -> ()
  %b2 = bufferization.to_buffer %q#0 : tensor<16xf32> to memref<16xf32>
  %u2 = memref.cast %b2 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %b3 = bufferization.to_buffer %q#1 : tensor<16xi32> to memref<16xi32>
  %u3 = memref.cast %b3 : memref<16xi32> to memref<*xi32>
  call @printMemrefI32(%u3) : (memref<*xi32>) -> ()
  return
}
