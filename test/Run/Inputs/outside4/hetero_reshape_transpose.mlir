// Collapse/expand of weighted hetero-d0 tensors where blocks do not align with the new shape (6x4 -> 24 -> 4x6 -> 2x2x6), 3-D transpose, hetero d0 weights [2,1] with inner d2 split, collapse back.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<6x4xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e : tensor<6x4xf32>) {
  ^bb0(%a_o: f32):
    %a_acc0 = arith.constant 1 : index
    %a_ix0 = linalg.index 0 : index
    %a_k0 = arith.constant 3 : index
    %a_m0 = arith.muli %a_ix0, %a_k0 : index
    %a_acc1 = arith.addi %a_acc0, %a_m0 : index
    %a_ix1 = linalg.index 1 : index
    %a_k1 = arith.constant 2 : index
    %a_m1 = arith.muli %a_ix1, %a_k1 : index
    %a_acc2 = arith.addi %a_acc1, %a_m1 : index
    %a_md = arith.constant 11 : index
    %a_rm = arith.remui %a_acc2, %a_md : index
    %a_ii = arith.index_cast %a_rm : index to i32
    %a_v = arith.sitofp %a_ii : i32 to f32
    linalg.yield %a_v : f32
  } -> tensor<6x4xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[3] : [], [2, 1, 0, 4] : [d0 = 2, d1 = 2]]> : tensor<6x4xf32>
  %c = tensor.collapse_shape %a1 [[0, 1]] : tensor<6x4xf32> into tensor<24xf32>
  %c1 = hspmd.annotate %c as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[3] : [], [2, 1] : [d0 = 2]]> : tensor<24xf32>
  %e = tensor.expand_shape %c1 [[0, 1]] output_shape [4, 6] : tensor<24xf32> into tensor<4x6xf32>
  %e1 = hspmd.annotate %e as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[1] : [], [0, 4, 3, 2] : [d1 = 2, d0 = 2]]> : tensor<4x6xf32>
  %e2 = tensor.expand_shape %e1 [[0, 1], [2]] output_shape [2, 2, 6] : tensor<4x6xf32> into tensor<2x2x6xf32>
  %e3 = hspmd.annotate %e2 as #hspmd.sharding<[4, 3, 2, 1] : [d1 = 2, d2 = 2]> : tensor<2x2x6xf32>
  %t0 = tensor.empty() : tensor<6x2x2xf32>
  %t = linalg.transpose ins(%e3 : tensor<2x2x6xf32>) outs(%t0 : tensor<6x2x2xf32>) permutation = [2, 1, 0]
  %t1 = hspmd.annotate %t as #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 1] : [d2 = 2], [2] : []]> : tensor<6x2x2xf32>
  %cl = tensor.collapse_shape %t1 [[0], [1, 2]] : tensor<6x2x2xf32> into tensor<6x4xf32>
  %cl1 = hspmd.annotate %cl as #hspmd.sharding<[0, 1, 2] : [d0 = 3]> : tensor<6x4xf32>
  %s = arith.addf %cl1, %a1 : tensor<6x4xf32>
  %pb_s = bufferization.to_buffer %s : tensor<6x4xf32> to memref<6x4xf32>
  %pc_s = memref.cast %pb_s : memref<6x4xf32> to memref<*xf32>
  func.call @printMemrefF32(%pc_s) : (memref<*xf32>) -> ()
  return
}
