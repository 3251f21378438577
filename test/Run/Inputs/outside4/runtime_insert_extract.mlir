// scf.for reading a permutation (hetero dup) at k and k+1, read-modify-write tensor.insert at (perm[k], k mod 4) into a
// [d0 = 2, d1 = 2] carried tensor on devices [3,2,1,0]; then a gather by data with index-rotated columns, output hetero.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %perm0 = arith.constant dense<[5, 2, 7, 0, 3, 6, 1, 4]> : tensor<8xi32>
  %perm = hspmd.annotate %perm0 as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[1] : [], [0, 2, 3] : [dup = 3]]> : tensor<8xi32>
  %e = tensor.empty() : tensor<8x4xi32>
  %z = arith.constant -1 : i32
  %acc0 = linalg.fill ins(%z : i32) outs(%e : tensor<8x4xi32>) -> tensor<8x4xi32>
  %acc = hspmd.annotate %acc0 as #hspmd.sharding<[3, 2, 1, 0] : [d0 = 2, d1 = 2]> : tensor<8x4xi32>
  // scatter: row perm[k] col (k mod 4) gets k*10 + perm[(k+1) mod 8]; then accumulate rows
  %c8 = arith.constant 8 : index
  %r = scf.for %k = %c0 to %c8 step %c1 iter_args(%t = %acc) -> (tensor<8x4xi32>) {
    %p = tensor.extract %perm[%k] : tensor<8xi32>
    %row = arith.index_cast %p : i32 to index
    %c4 = arith.constant 4 : index
    %col = arith.remui %k, %c4 : index
    %k1 = arith.addi %k, %c1 : index
    %k1m = arith.remui %k1, %c8 : index
    %q = tensor.extract %perm[%k1m] : tensor<8xi32>
    %ki = arith.index_cast %k : index to i32
    %c10 = arith.constant 10 : i32
    %v0 = arith.muli %ki, %c10 : i32
    %v = arith.addi %v0, %q : i32
    %old = tensor.extract %t[%row, %col] : tensor<8x4xi32>
    %nv = arith.addi %v, %old : i32
    %ins = tensor.insert %nv into %t[%row, %col] : tensor<8x4xi32>
    %insa = hspmd.annotate %ins as #hspmd.sharding<[3, 2, 1, 0] : [d0 = 2, d1 = 2]> : tensor<8x4xi32>
    scf.yield %insa : tensor<8x4xi32>
  }
  %b = bufferization.to_buffer %r : tensor<8x4xi32> to memref<8x4xi32>
  %u = memref.cast %b : memref<8x4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  // gather rows by data: out[i, j] = r[perm[i], (j + i) mod 4] via extract in a generic, output split
  %e2 = tensor.empty() : tensor<8x4xi32>
  %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%perm : tensor<8xi32>) outs(%e2 : tensor<8x4xi32>) {
  ^bb0(%p: i32, %o: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %row = arith.index_cast %p : i32 to index
    %c4 = arith.constant 4 : index
    %jj = arith.addi %j, %i : index
    %col = arith.remui %jj, %c4 : index
    %v = tensor.extract %r[%row, %col] : tensor<8x4xi32>
    linalg.yield %v : i32
  } -> tensor<8x4xi32>
  %ga = hspmd.annotate %g as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [d1 = 2], [3] : []]> : tensor<8x4xi32>
  %b2 = bufferization.to_buffer %ga : tensor<8x4xi32> to memref<8x4xi32>
  %u2 = memref.cast %b2 : memref<8x4xi32> to memref<*xi32>
  call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
  return
}
