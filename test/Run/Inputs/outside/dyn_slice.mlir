// Slices at run-time offsets (2 ranks), as torch-mlir emits for
// x[:, k:k+3] with k from a tensor: k is read with tensor.extract from an
// i64 tensor and combined with arith. extract_slice at a dynamic column
// offset of a row-split tensor, at a dynamic row offset of a row-split
// tensor (the split dimension), with a dynamic stride-1 size-2 window, and
// insert_slice at a dynamic offset into a column-split tensor.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<6x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<6x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<6x8xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<6x8xf32>
  %ks = arith.constant dense<[3, 1, 4]> : tensor<3xi64>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %k0 = tensor.extract %ks[%c0] : tensor<3xi64>
  %k1 = tensor.extract %ks[%c1] : tensor<3xi64>
  %k2 = tensor.extract %ks[%c2] : tensor<3xi64>
  %col = arith.index_cast %k0 : i64 to index
  %row0 = arith.index_cast %k1 : i64 to index
  %row = arith.addi %row0, %c1 : index
  %ins = arith.index_cast %k2 : i64 to index
  %s1 = tensor.extract_slice %a[0, %col] [6, 3] [1, 1] : tensor<6x8xf32> to tensor<6x3xf32>
  %s2 = tensor.extract_slice %a[%row, 0] [3, 8] [1, 1] : tensor<6x8xf32> to tensor<3x8xf32>
  %s3 = tensor.extract_slice %a[%row, %col] [2, 2] [1, 2] : tensor<6x8xf32> to tensor<2x2xf32>
  %b = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<6x8xf32>
  %blk = arith.constant dense<-5.0> : tensor<2x3xf32>
  %s4 = tensor.insert_slice %blk into %b[%row, %ins] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<6x8xf32>
  %p0 = bufferization.to_buffer %s1 : tensor<6x3xf32> to memref<6x3xf32>
  %q0 = memref.cast %p0 : memref<6x3xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %s2 : tensor<3x8xf32> to memref<3x8xf32>
  %q1 = memref.cast %p1 : memref<3x8xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %s3 : tensor<2x2xf32> to memref<2x2xf32>
  %q2 = memref.cast %p2 : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %s4 : tensor<6x8xf32> to memref<6x8xf32>
  %q3 = memref.cast %p3 : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  return
}
