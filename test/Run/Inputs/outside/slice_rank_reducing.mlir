// Rank-reducing slices, as torch-mlir emits for x[:, k] / x[k] and
// index_put (2 ranks): tensor.extract_slice of one row and of one column of
// a row-split 4 x 6 tensor (tensor<6xf32>, tensor<4xf32>), and
// tensor.insert_slice of a tensor<6xf32> as row 2 of a column-split tensor.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x6xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x6xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x6xf32>
  %row = tensor.extract_slice %a[3, 0] [1, 6] [1, 1] : tensor<4x6xf32> to tensor<6xf32>
  %col = tensor.extract_slice %a[0, 4] [4, 1] [1, 1] : tensor<4x6xf32> to tensor<4xf32>
  %b = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x6xf32>
  %ins = tensor.insert_slice %row into %b[2, 0] [1, 6] [1, 1] : tensor<6xf32> into tensor<4x6xf32>
  %m0 = bufferization.to_buffer %row : tensor<6xf32> to memref<6xf32>
  %u0 = memref.cast %m0 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %col : tensor<4xf32> to memref<4xf32>
  %u1 = memref.cast %m1 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %m2 = bufferization.to_buffer %ins : tensor<4x6xf32> to memref<4x6xf32>
  %u2 = memref.cast %m2 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
