// Reshapes as torch view/flatten/unflatten lower (4 ranks):
// tensor.expand_shape of a row-split 8 x 6 tensor to 2 x 4 x 6 (the split
// cannot stay on the outer dimension of size 2 with 4 devices) and a sum
// over the middle dimension; tensor.collapse_shape of a 4 x 2 x 6 tensor
// split on dim 0 to 8 x 6 (the split survives); flatten of a
// column-split 4 x 6 tensor to 24 (the split is not on the outer
// dimension); multi-head reshape 4 x 8 -> 4 x 2 x 4 with the heads split
// and a per-head max.
#id = affine_map<(i, j) -> (i, j)>
#id3 = affine_map<(a, b, c) -> (a, b, c)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8x6xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8x6xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x6xf32>
  %ex = tensor.expand_shape %a [[0, 1], [2]] output_shape [2, 4, 6] : tensor<8x6xf32> into tensor<2x4x6xf32>
  %z = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<2x6xf32>
  %fs = linalg.fill ins(%z : f32) outs(%es : tensor<2x6xf32>) -> tensor<2x6xf32>
  %s = linalg.reduce ins(%ex : tensor<2x4x6xf32>) outs(%fs : tensor<2x6xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.addf %in, %acc : f32
      linalg.yield %t : f32
    }
  %e3 = tensor.empty() : tensor<4x2x6xf32>
  %g3 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e3 : tensor<4x2x6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = linalg.index 2 : index
    %c100 = arith.constant 100 : index
    %c10 = arith.constant 10 : index
    %a1 = arith.muli %i, %c100 : index
    %b1 = arith.muli %j, %c10 : index
    %s1 = arith.addi %a1, %b1 : index
    %s2 = arith.addi %s1, %k : index
    %ii = arith.index_cast %s2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x2x6xf32>
  %g3a = hspmd.annotate %g3 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x2x6xf32>
  %col = tensor.collapse_shape %g3a [[0, 1], [2]] : tensor<4x2x6xf32> into tensor<8x6xf32>
  %sum2 = arith.addf %col, %a : tensor<8x6xf32>
  %b = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d1 = 2]> : tensor<8x6xf32>
  %sl = tensor.extract_slice %b[2, 0] [4, 6] [1, 1] : tensor<8x6xf32> to tensor<4x6xf32>
  %flat = tensor.collapse_shape %sl [[0, 1]] : tensor<4x6xf32> into tensor<24xf32>
  %e4 = tensor.empty() : tensor<4x8xf32>
  %g4 = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e4 : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c5 = arith.constant 5 : index
    %c3 = arith.constant 3 : index
    %c11 = arith.constant 11 : index
    %a1 = arith.muli %j, %c5 : index
    %b1 = arith.muli %i, %c3 : index
    %s1 = arith.addi %a1, %b1 : index
    %m = arith.remui %s1, %c11 : index
    %ii = arith.index_cast %m : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x8xf32>
  %g4a = hspmd.annotate %g4 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, dup = 2]> : tensor<4x8xf32>
  %heads = tensor.expand_shape %g4a [[0], [1, 2]] output_shape [4, 2, 4] : tensor<4x8xf32> into tensor<4x2x4xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %eh = tensor.empty() : tensor<4x2xf32>
  %fh = linalg.fill ins(%ninf : f32) outs(%eh : tensor<4x2xf32>) -> tensor<4x2xf32>
  %hm = linalg.reduce ins(%heads : tensor<4x2x4xf32>) outs(%fh : tensor<4x2xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %t = arith.maximumf %in, %acc : f32
      linalg.yield %t : f32
    }
  %p0 = bufferization.to_buffer %s : tensor<2x6xf32> to memref<2x6xf32>
  %q0 = memref.cast %p0 : memref<2x6xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %sum2 : tensor<8x6xf32> to memref<8x6xf32>
  %q1 = memref.cast %p1 : memref<8x6xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %flat : tensor<24xf32> to memref<24xf32>
  %q2 = memref.cast %p2 : memref<24xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %hm : tensor<4x2xf32> to memref<4x2xf32>
  %q3 = memref.cast %p3 : memref<4x2xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  return
}
