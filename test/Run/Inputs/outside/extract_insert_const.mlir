// tensor.extract and tensor.insert at constant indices on split tensors
// (2 ranks): read [5, 2] of a row-split 6 x 4 tensor (lives on rank 1 only),
// insert it at [0, 3] (rank 0's block) of that tensor, insert a constant at
// [4, 0] of a column-split copy, then add the two results (different
// placements meet) and print all three.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<6x4xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<6x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<6x4xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<6x4xf32>
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %x = tensor.extract %a[%c5, %c2] : tensor<6x4xf32>
  %a2 = tensor.insert %x into %a[%c0, %c3] : tensor<6x4xf32>
  %b = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<6x4xf32>
  %k = arith.constant -7.0 : f32
  %b2 = tensor.insert %k into %b[%c4, %c0] : tensor<6x4xf32>
  %e2 = tensor.empty() : tensor<6x4xf32>
  %s = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%a2, %b2 : tensor<6x4xf32>, tensor<6x4xf32>) outs(%e2 : tensor<6x4xf32>) {
  ^bb0(%p: f32, %q: f32, %o: f32):
    %r = arith.addf %p, %q : f32
    linalg.yield %r : f32
  } -> tensor<6x4xf32>
  %m0 = bufferization.to_buffer %a2 : tensor<6x4xf32> to memref<6x4xf32>
  %u0 = memref.cast %m0 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %b2 : tensor<6x4xf32> to memref<6x4xf32>
  %u1 = memref.cast %m1 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %m2 = bufferization.to_buffer %s : tensor<6x4xf32> to memref<6x4xf32>
  %u2 = memref.cast %m2 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %m3 = bufferization.to_buffer %a : tensor<6x4xf32> to memref<6x4xf32>
  %u3 = memref.cast %m3 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  return
}
