// Chains of reshapes around split dims (4 ranks): a 16 x 6 tensor row-split
// over [2, 0, 3, 1] is expanded to 4 x 4 x 6 (the split dim becomes two),
// its last dim expanded to 2 x 3, scaled, collapsed back to 16 x 6, then
// annotated column-split, expanded to 2 x 8 x 3 x 2 (the split column dim
// becomes 3 x 2), flattened to 96, split 3 ways on [1, 2, 3], unflattened to
// 12 x 8 and summed over rows (a split row dim that is the inner dim of a
// group).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %g_e = tensor.empty() : tensor<16x6xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%g_e : tensor<16x6xf32>) {
  ^bb0(%o7: f32):
    %acc7_0 = arith.constant 0 : index
    %ix7_0 = linalg.index 0 : index
    %cc7_0 = arith.constant 7 : index
    %m7_0 = arith.muli %ix7_0, %cc7_0 : index
    %acc7_1 = arith.addi %acc7_0, %m7_0 : index
    %ix7_1 = linalg.index 1 : index
    %cc7_1 = arith.constant 1 : index
    %m7_1 = arith.muli %ix7_1, %cc7_1 : index
    %acc7_2 = arith.addi %acc7_1, %m7_1 : index
    %md7 = arith.constant 9 : index
    %r7 = arith.remui %acc7_2, %md7 : index
    %i7 = arith.index_cast %r7 : index to i32
    %of7 = arith.constant 4 : i32
    %s7 = arith.subi %i7, %of7 : i32
    %v7 = arith.sitofp %s7 : i32 to f32
    linalg.yield %v7 : f32
  } -> tensor<16x6xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[2, 0, 3, 1] : [d0 = 4]> : tensor<16x6xf32>
  %e1 = tensor.expand_shape %a [[0, 1], [2]] output_shape [4, 4, 6] : tensor<16x6xf32> into tensor<4x4x6xf32>
  %e2 = tensor.expand_shape %e1 [[0], [1], [2, 3]] output_shape [4, 4, 2, 3] : tensor<4x4x6xf32> into tensor<4x4x2x3xf32>
  %two = arith.constant dense<2.0> : tensor<4x4x2x3xf32>
  %m = arith.mulf %e2, %two : tensor<4x4x2x3xf32>
  %c1 = tensor.collapse_shape %m [[0, 1], [2, 3]] : tensor<4x4x2x3xf32> into tensor<16x6xf32>
  %c1a = hspmd.annotate %c1 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, dup = 2]> : tensor<16x6xf32>
  %e3 = tensor.expand_shape %c1a [[0, 1], [2, 3]] output_shape [2, 8, 3, 2] : tensor<16x6xf32> into tensor<2x8x3x2xf32>
  %c2 = tensor.collapse_shape %e3 [[0, 1, 2, 3]] : tensor<2x8x3x2xf32> into tensor<96xf32>
  %c2a = hspmd.annotate %c2 as #hspmd.sharding<[1, 2, 3] : [d0 = 3]> : tensor<96xf32>
  %c3 = tensor.expand_shape %c2a [[0, 1]] output_shape [12, 8] : tensor<96xf32> into tensor<12x8xf32>
  %r0_z = arith.constant 0.0 : f32
  %r0_e = tensor.empty() : tensor<8xf32>
  %r0 = linalg.fill ins(%r0_z : f32) outs(%r0_e : tensor<8xf32>) -> tensor<8xf32>
  %r = linalg.reduce ins(%c3 : tensor<12x8xf32>) outs(%r0 : tensor<8xf32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %t = arith.addf %x, %acc : f32
      linalg.yield %t : f32
    }
  %pb8 = bufferization.to_buffer %c1a : tensor<16x6xf32> to memref<16x6xf32>
  %pc8 = memref.cast %pb8 : memref<16x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc8) : (memref<*xf32>) -> ()
  %pb9 = bufferization.to_buffer %c3 : tensor<12x8xf32> to memref<12x8xf32>
  %pc9 = memref.cast %pb9 : memref<12x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc9) : (memref<*xf32>) -> ()
  %pb10 = bufferization.to_buffer %r : tensor<8xf32> to memref<8xf32>
  %pc10 = memref.cast %pb10 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%pc10) : (memref<*xf32>) -> ()
  return
}
