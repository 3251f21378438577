// RANKS: 8
// (outside6.test)
// 8 ranks: an embedding-style gather (tensor.extract at (7 i mod 16, j) of a table split 1:3 over
// devices 6 and [7, 2, 5]) in a generic whose output is hetero d0 in three weighted groups with
// permuted, sparse device lists, plus a linalg.index-weighted sum reduction over the split rows.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %t_e = tensor.empty() : tensor<16x3xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%t_e : tensor<16x3xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 5 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 11 : index
    %rr = arith.remui %acc2, %md : index
    %iv = arith.index_cast %rr : index to i32
    %of = arith.constant 5 : i32
    %sv = arith.subi %iv, %of : i32
    %vv = arith.sitofp %sv : i32 to f32
    linalg.yield %vv : f32
  } -> tensor<16x3xf32>
  %ta = hspmd.annotate %t as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[6] : [], [7, 2, 5] : [d0 = 3]]> : tensor<16x3xf32>
  %e = tensor.empty() : tensor<12x3xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<12x3xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c7 = arith.constant 7 : index
    %c16 = arith.constant 16 : index
    %m = arith.muli %i, %c7 : index
    %r = arith.remui %m, %c16 : index
    %v = tensor.extract %ta[%r, %j] : tensor<16x3xf32>
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %s = arith.addf %v, %f : f32
    linalg.yield %s : f32
  } -> tensor<12x3xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<hetero = d0, weights = [1, 2, 3], groups = [[3] : [], [1, 4] : [d0 = 2], [7, 0, 5] : [d0 = 3]]> : tensor<12x3xf32>
  %z = arith.constant 0.0 : f32
  %se = tensor.empty() : tensor<3xf32>
  %sf = linalg.fill ins(%z : f32) outs(%se : tensor<3xf32>) -> tensor<3xf32>
  %ws = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%ga : tensor<12x3xf32>) outs(%sf : tensor<3xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %p = arith.mulf %a, %f : f32
    %s = arith.addf %o, %p : f32
    linalg.yield %s : f32
  } -> tensor<3xf32>
  %ga_b = bufferization.to_buffer %ga : tensor<12x3xf32> to memref<12x3xf32>
  %ga_u = memref.cast %ga_b : memref<12x3xf32> to memref<*xf32>
  call @printMemrefF32(%ga_u) : (memref<*xf32>) -> ()
  %ws_b = bufferization.to_buffer %ws : tensor<3xf32> to memref<3xf32>
  %ws_u = memref.cast %ws_b : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%ws_u) : (memref<*xf32>) -> ()
  return
}
