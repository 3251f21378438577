// RANKS: 8
// (outside6.test)
// A rank-4 tensor from linalg.index under hetero = d3 weighted [2, 1] with groups of
// different axes ([d0 = 2, partial = 2] on 4 devices starting at 4, [dup = 2] on [1, 0]),
// summed over dims 0 and 2 into a [3, 2] : [d1 = 2] result.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<2x2x2x6xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e : tensor<2x2x2x6xf32>) {
  ^bb0(%o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %t0 = arith.muli %i0, %i1 : index
    %t1 = arith.addi %t0, %i2 : index
    %t2 = arith.muli %t1, %i3 : index
    %t3 = arith.addi %t2, %i3 : index
    %ii = arith.index_cast %t3 : index to i64
    %f = arith.sitofp %ii : i64 to f32
    linalg.yield %f : f32
  } -> tensor<2x2x2x6xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<hetero = d3, weights = [2, 1], groups = [[4, 5, 6, 7] : [d0 = 2, partial = 2], [1, 0] : [dup = 2]]> : tensor<2x2x2x6xf32>
  %s = tensor.empty() : tensor<2x6xf32>
  %z = arith.constant 0.0 : f32
  %sf = linalg.fill ins(%z : f32) outs(%s : tensor<2x6xf32>) -> tensor<2x6xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>, affine_map<(a, b, c, d) -> (b, d)>], iterator_types = ["reduction", "parallel", "reduction", "parallel"]} ins(%ga : tensor<2x2x2x6xf32>) outs(%sf : tensor<2x6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %a = arith.addf %in, %o : f32
    linalg.yield %a : f32
  } -> tensor<2x6xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[3, 2] : [d1 = 2]> : tensor<2x6xf32>
  %b = bufferization.to_buffer %ra : tensor<2x6xf32> to memref<2x6xf32>
  %u = memref.cast %b : memref<2x6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %gb = bufferization.to_buffer %ga : tensor<2x2x2x6xf32> to memref<2x2x2x6xf32>
  %gu = memref.cast %gb : memref<2x2x2x6xf32> to memref<*xf32>
  call @printMemrefF32(%gu) : (memref<*xf32>) -> ()
  return
}
