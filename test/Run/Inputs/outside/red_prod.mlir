// Product reductions over a split dimension (2 ranks): arith.mulf over the
// split columns of an f32 tensor from an init of 3 (fill), and arith.muli
// over the split rows of an i32 tensor from a non-uniform constant init.
// Values are 1, 2 or -1 so the products are exact.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.addi %i, %j : index
    %c3 = arith.constant 3 : index
    %k = arith.remui %s, %c3 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %c1 = arith.constant 1.0 : f32
    %c0 = arith.constant 0.0 : f32
    %isz = arith.cmpf oeq, %f, %c0 : f32
    %m1 = arith.constant -1.0 : f32
    %v = arith.select %isz, %m1, %f : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x8xf32>
  %three = arith.constant 3.0 : f32
  %e1 = tensor.empty() : tensor<4xf32>
  %f1 = linalg.fill ins(%three : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %p = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x8xf32>) outs(%f1 : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.mulf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %ei = tensor.empty() : tensor<8x4xi32>
  %gi = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%ei : tensor<8x4xi32>) {
  ^bb0(%o: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.addi %i, %j : index
    %c2 = arith.constant 2 : index
    %k = arith.remui %s, %c2 : index
    %c1 = arith.constant 1 : index
    %k1 = arith.addi %k, %c1 : index
    %ii = arith.index_cast %k1 : index to i32
    linalg.yield %ii : i32
  } -> tensor<8x4xi32>
  %xi = hspmd.annotate %gi as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x4xi32>
  %ii = arith.constant dense<[1, -1, 2, -3]> : tensor<4xi32>
  %pi = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%xi : tensor<8x4xi32>) outs(%ii : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %r = arith.muli %acc, %in : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %b0 = bufferization.to_buffer %p : tensor<4xf32> to memref<4xf32>
  %u0 = memref.cast %b0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %pi : tensor<4xi32> to memref<4xi32>
  %u1 = memref.cast %b1 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
  return
}
