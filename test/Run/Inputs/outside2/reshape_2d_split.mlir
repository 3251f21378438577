// Reshapes of tensors split on several dims (6 ranks): a 4 x 6 tensor split
// [d0 = 2, d1 = 2] on [1, 0, 3, 2] flattened to 24, split 6 ways, expanded
// to 2 x 3 x 4 and split on the middle dim over [5, 4, 3], transposed to
// 3 x 4 x 2 and collapsed to 3 x 8, tensor.reshape to 6 x 4 (an op without
// a rule), column-split on [2, 3], +1, a unit dim added and split on the
// next dim, then squeezed.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<4x6xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<4x6xf32>) {
  ^bb0(%o0: f32):
    %acc0_0 = arith.constant 0 : index
    %ix0_0 = linalg.index 0 : index
    %cc0_0 = arith.constant 7 : index
    %m0_0 = arith.muli %ix0_0, %cc0_0 : index
    %acc0_1 = arith.addi %acc0_0, %m0_0 : index
    %ix0_1 = linalg.index 1 : index
    %cc0_1 = arith.constant 1 : index
    %m0_1 = arith.muli %ix0_1, %cc0_1 : index
    %acc0_2 = arith.addi %acc0_1, %m0_1 : index
    %md0 = arith.constant 13 : index
    %r0 = arith.remui %acc0_2, %md0 : index
    %i0 = arith.index_cast %r0 : index to i32
    %of0 = arith.constant 6 : i32
    %s0 = arith.subi %i0, %of0 : i32
    %v0 = arith.sitofp %s0 : i32 to f32
    linalg.yield %v0 : f32
  } -> tensor<4x6xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[1, 0, 3, 2] : [d0 = 2, d1 = 2]> : tensor<4x6xf32>
  %c = tensor.collapse_shape %aa [[0, 1]] : tensor<4x6xf32> into tensor<24xf32>
  %ca = hspmd.annotate %c as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 6]> : tensor<24xf32>
  %ex = tensor.expand_shape %ca [[0, 1, 2]] output_shape [2, 3, 4] : tensor<24xf32> into tensor<2x3x4xf32>
  %exa = hspmd.annotate %ex as #hspmd.sharding<[5, 4, 3] : [d1 = 3]> : tensor<2x3x4xf32>
  %e2 = tensor.empty() : tensor<3x4x2xf32>
  %tp = linalg.transpose ins(%exa : tensor<2x3x4xf32>) outs(%e2 : tensor<3x4x2xf32>) permutation = [1, 2, 0]
  %c2 = tensor.collapse_shape %tp [[0], [1, 2]] : tensor<3x4x2xf32> into tensor<3x8xf32>
  %shp = arith.constant dense<[6, 4]> : tensor<2xindex>
  %rs = tensor.reshape %c2(%shp) : (tensor<3x8xf32>, tensor<2xindex>) -> tensor<6x4xf32>
  %rsa = hspmd.annotate %rs as #hspmd.sharding<[2, 3] : [d1 = 2]> : tensor<6x4xf32>
  %one = arith.constant dense<1.0> : tensor<6x4xf32>
  %r1 = arith.addf %rsa, %one : tensor<6x4xf32>
  %e0 = tensor.empty() : tensor<1x6x4xf32>
  %ex0 = tensor.expand_shape %r1 [[0, 1], [2]] output_shape [1, 6, 4] : tensor<6x4xf32> into tensor<1x6x4xf32>
  %ex0a = hspmd.annotate %ex0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<1x6x4xf32>
  %sq = tensor.collapse_shape %ex0a [[0, 1], [2]] : tensor<1x6x4xf32> into tensor<6x4xf32>
  %pb1 = bufferization.to_buffer %c2 : tensor<3x8xf32> to memref<3x8xf32>
  %pc1 = memref.cast %pb1 : memref<3x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc1) : (memref<*xf32>) -> ()
  %pb2 = bufferization.to_buffer %sq : tensor<6x4xf32> to memref<6x4xf32>
  %pc2 = memref.cast %pb2 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  return
}
