// 8 ranks, device lists in permuted order, weighted hetero d0 with groups of one that exclude device 0, [d0=2,partial=3] result of a matmul, [d1=2,d0=4] and hetero d1 with [7,6,5,4]/[3,2,1,0] groups.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<8x6xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e : tensor<8x6xf32>) {
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
  } -> tensor<8x6xf32>
  %b_e = tensor.empty() : tensor<6x4xf32>
  %b = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%b_e : tensor<6x4xf32>) {
  ^bb0(%b_o: f32):
    %b_acc0 = arith.constant 1 : index
    %b_ix0 = linalg.index 0 : index
    %b_k0 = arith.constant 3 : index
    %b_m0 = arith.muli %b_ix0, %b_k0 : index
    %b_acc1 = arith.addi %b_acc0, %b_m0 : index
    %b_ix1 = linalg.index 1 : index
    %b_k1 = arith.constant 2 : index
    %b_m1 = arith.muli %b_ix1, %b_k1 : index
    %b_acc2 = arith.addi %b_acc1, %b_m1 : index
    %b_md = arith.constant 5 : index
    %b_rm = arith.remui %b_acc2, %b_md : index
    %b_ii = arith.index_cast %b_rm : index to i32
    %b_v = arith.sitofp %b_ii : i32 to f32
    linalg.yield %b_v : f32
  } -> tensor<6x4xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<hetero = d0, weights = [1, 1, 2], groups = [[3] : [], [0] : [], [5, 1] : [d0 = 2]]> : tensor<8x6xf32>
  %a2 = hspmd.annotate %a1 as #hspmd.sharding<[6, 4, 2, 7, 0, 3] : [d0 = 2, d1 = 3]> : tensor<8x6xf32>
  %b1 = hspmd.annotate %b as #hspmd.sharding<[7, 5, 3, 2, 1, 0] : [d0 = 3, dup = 2]> : tensor<6x4xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %m = linalg.matmul ins(%a2, %b1 : tensor<8x6xf32>, tensor<6x4xf32>) outs(%f : tensor<8x4xf32>) -> tensor<8x4xf32>
  %m1 = hspmd.annotate %m as #hspmd.sharding<[6, 4, 2, 7, 0, 3] : [d0 = 2, partial = 3]> : tensor<8x4xf32>
  %m2 = hspmd.annotate %m1 as #hspmd.sharding<[6, 4, 2, 7, 0, 3, 1, 5] : [d1 = 2, d0 = 4]> : tensor<8x4xf32>
  %c_e = tensor.empty() : tensor<8x4xf32>
  %c = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%c_e : tensor<8x4xf32>) {
  ^bb0(%c_o: f32):
    %c_acc0 = arith.constant 1 : index
    %c_ix0 = linalg.index 0 : index
    %c_k0 = arith.constant 3 : index
    %c_m0 = arith.muli %c_ix0, %c_k0 : index
    %c_acc1 = arith.addi %c_acc0, %c_m0 : index
    %c_ix1 = linalg.index 1 : index
    %c_k1 = arith.constant 2 : index
    %c_m1 = arith.muli %c_ix1, %c_k1 : index
    %c_acc2 = arith.addi %c_acc1, %c_m1 : index
    %c_md = arith.constant 13 : index
    %c_rm = arith.remui %c_acc2, %c_md : index
    %c_ii = arith.index_cast %c_rm : index to i32
    %c_v = arith.sitofp %c_ii : i32 to f32
    linalg.yield %c_v : f32
  } -> tensor<8x4xf32>
  %c1 = hspmd.annotate %c as #hspmd.sharding<hetero = d1, groups = [[7, 6, 5, 4] : [d0 = 4], [3, 2, 1, 0] : [d0 = 4]]> : tensor<8x4xf32>
  %s = arith.addf %m2, %c1 : tensor<8x4xf32>
  %pb_s = bufferization.to_buffer %s : tensor<8x4xf32> to memref<8x4xf32>
  %pc_s = memref.cast %pb_s : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc_s) : (memref<*xf32>) -> ()
  return
}
