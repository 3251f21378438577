// Zero-size dimensions carried through ops (2 ranks): a tensor<0x8xf32>
// split by columns goes through an elementwise generic, is concatenated
// in front of a 4 x 8 tensor along dim 0 (result annotated by rows; a
// trailing empty operand trips an upstream bufferization verifier), is
// reduced over its empty dimension into an init of 3 (the result is the
// init), and a matmul with an empty contraction (4 x 0 times 0 x 8, split
// along the empty dimension, d0 = 2 of 0) leaves its init of 5 untouched.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e0 = tensor.empty() : tensor<0x8xf32>
  %x0 = hspmd.annotate %e0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<0x8xf32>
  %e1 = tensor.empty() : tensor<0x8xf32>
  %y0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%x0 : tensor<0x8xf32>) outs(%e1 : tensor<0x8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %one = arith.constant 1.0 : f32
    %r = arith.addf %in, %one : f32
    linalg.yield %r : f32
  } -> tensor<0x8xf32>
  %e = tensor.empty() : tensor<4x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x8xf32>
  %c = tensor.concat dim(0) %y0, %g : (tensor<0x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %ca = hspmd.annotate %c as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x8xf32>
  %three = arith.constant 3.0 : f32
  %er = tensor.empty() : tensor<8xf32>
  %fr = linalg.fill ins(%three : f32) outs(%er : tensor<8xf32>) -> tensor<8xf32>
  %r = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%y0 : tensor<0x8xf32>) outs(%fr : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %s = arith.addf %in, %acc : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  %ea = tensor.empty() : tensor<4x0xf32>
  %aa = hspmd.annotate %ea as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x0xf32>
  %eb = tensor.empty() : tensor<0x8xf32>
  %bb = hspmd.annotate %eb as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<0x8xf32>
  %five = arith.constant 5.0 : f32
  %em = tensor.empty() : tensor<4x8xf32>
  %fm = linalg.fill ins(%five : f32) outs(%em : tensor<4x8xf32>) -> tensor<4x8xf32>
  %mm = linalg.matmul ins(%aa, %bb : tensor<4x0xf32>, tensor<0x8xf32>) outs(%fm : tensor<4x8xf32>) -> tensor<4x8xf32>
  // (Not printed: upstream printMemrefF32 shows one row of garbage for a
  // 0 x 8 memref.)
  %p1 = bufferization.to_buffer %ca : tensor<4x8xf32> to memref<4x8xf32>
  %q1 = memref.cast %p1 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %r : tensor<8xf32> to memref<8xf32>
  %q2 = memref.cast %p2 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %mm : tensor<4x8xf32> to memref<4x8xf32>
  %q3 = memref.cast %p3 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  return
}
