// tensor.pad with a constant pad value (4 ranks): padding the split
// dimension of a row-split tensor (low 1, high 3) with an annotated result
// split the same way; padding only the unsplit columns of a row-split
// tensor (the split survives) with no annotation; padding both dimensions
// of a [d0 = 2, d1 = 2] tensor, result annotated [d1 = 4]; and padding the
// result of a split sum reduction (a partial value) with 7.
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
  %pv = arith.constant -1.0 : f32
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x4xf32>
  %p1 = tensor.pad %a low[1, 0] high[3, 0] {
  ^bb0(%i0: index, %i1: index):
    tensor.yield %pv : f32
  } : tensor<4x4xf32> to tensor<8x4xf32>
  %p1a = hspmd.annotate %p1 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x4xf32>
  %b = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x4xf32>
  %p2 = tensor.pad %b low[0, 2] high[0, 1] {
  ^bb0(%i0: index, %i1: index):
    tensor.yield %pv : f32
  } : tensor<4x4xf32> to tensor<4x7xf32>
  %c = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<4x4xf32>
  %z = arith.constant 0.0 : f32
  %p3 = tensor.pad %c low[2, 1] high[2, 3] {
  ^bb0(%i0: index, %i1: index):
    tensor.yield %z : f32
  } : tensor<4x4xf32> to tensor<8x8xf32>
  %p3a = hspmd.annotate %p3 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<8x8xf32>
  %ed = tensor.empty() : tensor<4xf32>
  %fd = linalg.fill ins(%z : f32) outs(%ed : tensor<4xf32>) -> tensor<4xf32>
  %rs = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%c : tensor<4x4xf32>) outs(%fd : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %s = arith.addf %in, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %seven = arith.constant 7.0 : f32
  %p4 = tensor.pad %rs low[2] high[2] {
  ^bb0(%i0: index):
    tensor.yield %seven : f32
  } : tensor<4xf32> to tensor<8xf32>
  %m0 = bufferization.to_buffer %p1a : tensor<8x4xf32> to memref<8x4xf32>
  %u0 = memref.cast %m0 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %p2 : tensor<4x7xf32> to memref<4x7xf32>
  %u1 = memref.cast %m1 : memref<4x7xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %m2 = bufferization.to_buffer %p3a : tensor<8x8xf32> to memref<8x8xf32>
  %u2 = memref.cast %m2 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %m3 = bufferization.to_buffer %p4 : tensor<8xf32> to memref<8xf32>
  %u3 = memref.cast %m3 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  return
}
