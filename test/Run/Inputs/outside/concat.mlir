// tensor.concat (4 ranks), as torch.cat lowers: along the split dimension
// of two row-split inputs with differently placed operands ([d0 = 4] and
// [d0 = 2, dup = 2]) and no annotation on the result; along the unsplit
// dimension of the same two row-split inputs (result annotated
// [d0 = 4]); three inputs along dim 1 where one is a split sum result
// (partial) and the result is annotated column-split; and a concat whose
// result feeds a max reduction over the concatenated dimension.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x4xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x4xf32>
  %neg = arith.negf %g : tensor<4x4xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x4xf32>
  %b = hspmd.annotate %neg as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<4x4xf32>
  %c0 = tensor.concat dim(0) %a, %b : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
  %c1 = tensor.concat dim(1) %a, %b : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x8xf32>
  %c1a = hspmd.annotate %c1 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x8xf32>
  %z = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<4x1xf32>
  %fs = linalg.fill ins(%z : f32) outs(%es : tensor<4x1xf32>) -> tensor<4x1xf32>
  %cs = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x4xf32>
  %rs = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (i, 0)>], iterator_types = ["parallel", "reduction"]} ins(%cs : tensor<4x4xf32>) outs(%fs : tensor<4x1xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %s = arith.addf %in, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4x1xf32>
  %c2 = tensor.concat dim(1) %rs, %a, %rs : (tensor<4x1xf32>, tensor<4x4xf32>, tensor<4x1xf32>) -> tensor<4x6xf32>
  %c2a = hspmd.annotate %c2 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x6xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %em = tensor.empty() : tensor<4xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%em : tensor<4xf32>) -> tensor<4xf32>
  %mx = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%c0 : tensor<8x4xf32>) outs(%fm : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %s = arith.maximumf %in, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %m0 = bufferization.to_buffer %c0 : tensor<8x4xf32> to memref<8x4xf32>
  %u0 = memref.cast %m0 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %c1a : tensor<4x8xf32> to memref<4x8xf32>
  %u1 = memref.cast %m1 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %m2 = bufferization.to_buffer %c2a : tensor<4x6xf32> to memref<4x6xf32>
  %u2 = memref.cast %m2 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %m3 = bufferization.to_buffer %mx : tensor<4xf32> to memref<4xf32>
  %u3 = memref.cast %m3 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  return
}
