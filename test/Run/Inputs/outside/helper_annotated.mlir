// Helpers with hspmd.sharding on their arguments and results (4 ranks):
// @mm takes A split along the contraction ([d1 = 4]) and B too ([d0 = 4])
// and declares its result [d0 = 2, d1 = 2] (a partial sum inside, reduced
// at the return); callers pass differently placed values (replicated,
// row-split), so arguments are resharded at each of the two calls. @fresh
// returns a new tensor annotated on a subset of devices ([2, 3]) that then
// meets a value living on [0, 1]. @ident annotates only its argument.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @mm(%a: tensor<4x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]>}, %b: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) -> (tensor<4x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]>}) {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x4xf32>) outs(%f : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}
func.func private @fresh() -> (tensor<4x4xf32> {hspmd.sharding = #hspmd.sharding<[2, 3] : [d1 = 2]>}) {
  %c = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]> : tensor<4x4xf32>
  return %c : tensor<4x4xf32>
}
func.func private @ident(%a: tensor<4x4xf32> {hspmd.sharding = #hspmd.sharding<[1, 3] : [d0 = 2]>}) -> tensor<4x4xf32> {
  return %a : tensor<4x4xf32>
}
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %a = arith.muli %i, %c3 : index
    %s = arith.addi %a, %j : index
    %k = arith.remui %s, %c5 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %c2 = arith.constant 2.0 : f32
    %v = arith.subf %f, %c2 : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %a1 = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<4x8xf32>
  %a2 = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x8xf32>
  %e2 = tensor.empty() : tensor<8x4xf32>
  %t = linalg.transpose ins(%g : tensor<4x8xf32>) outs(%e2 : tensor<8x4xf32>) permutation = [1, 0]
  %b1 = hspmd.annotate %t as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<8x4xf32>
  %b2 = hspmd.annotate %t as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x4xf32>
  %m1 = call @mm(%a1, %b1) : (tensor<4x8xf32>, tensor<8x4xf32>) -> tensor<4x4xf32>
  %m2 = call @mm(%a2, %b2) : (tensor<4x8xf32>, tensor<8x4xf32>) -> tensor<4x4xf32>
  %fr = call @fresh() : () -> tensor<4x4xf32>
  %frl = hspmd.annotate %m2 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x4xf32>
  %s1 = arith.addf %fr, %frl : tensor<4x4xf32>
  %s2 = arith.subf %s1, %m1 : tensor<4x4xf32>
  %i1 = call @ident(%s2) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %s3 = arith.mulf %i1, %fr : tensor<4x4xf32>
  %p0 = bufferization.to_buffer %m1 : tensor<4x4xf32> to memref<4x4xf32>
  %u0 = memref.cast %p0 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %s1 : tensor<4x4xf32> to memref<4x4xf32>
  %u1 = memref.cast %p1 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %s3 : tensor<4x4xf32> to memref<4x4xf32>
  %u2 = memref.cast %p2 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
