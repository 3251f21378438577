// arith.select on tensors (8 ranks) whose condition is computed from a tensor
// split [d0 = 4, d1 = 2] over a reversed device list, choosing between a
// column-split tensor on the even ranks and a weighted hetero column split
// ([3, 1] over [1, 3, 5] and [7]); a second condition compares a matmul
// result with a split contraction to that tensor; xor of the two i1 masks.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %g_e = tensor.empty() : tensor<8x8xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%g_e : tensor<8x8xf32>) {
  ^bb0(%o0: f32):
    %acc0_0 = arith.constant 0 : index
    %ix0_0 = linalg.index 0 : index
    %cc0_0 = arith.constant 3 : index
    %m0_0 = arith.muli %ix0_0, %cc0_0 : index
    %acc0_1 = arith.addi %acc0_0, %m0_0 : index
    %ix0_1 = linalg.index 1 : index
    %cc0_1 = arith.constant 1 : index
    %m0_1 = arith.muli %ix0_1, %cc0_1 : index
    %acc0_2 = arith.addi %acc0_1, %m0_1 : index
    %md0 = arith.constant 7 : index
    %r0 = arith.remui %acc0_2, %md0 : index
    %i0 = arith.index_cast %r0 : index to i32
    %of0 = arith.constant 3 : i32
    %s0 = arith.subi %i0, %of0 : i32
    %v0 = arith.sitofp %s0 : i32 to f32
    linalg.yield %v0 : f32
  } -> tensor<8x8xf32>
  %h_e = tensor.empty() : tensor<8x8xf32>
  %h = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%h_e : tensor<8x8xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 0 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 1 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 5 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %md1 = arith.constant 9 : index
    %r1 = arith.remui %acc1_2, %md1 : index
    %i1 = arith.index_cast %r1 : index to i32
    %of1 = arith.constant 4 : i32
    %s1 = arith.subi %i1, %of1 : i32
    %v1 = arith.sitofp %s1 : i32 to f32
    linalg.yield %v1 : f32
  } -> tensor<8x8xf32>
  %k_e = tensor.empty() : tensor<8x8xf32>
  %k = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%k_e : tensor<8x8xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 0 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 2 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %ix2_1 = linalg.index 1 : index
    %cc2_1 = arith.constant 3 : index
    %m2_1 = arith.muli %ix2_1, %cc2_1 : index
    %acc2_2 = arith.addi %acc2_1, %m2_1 : index
    %md2 = arith.constant 5 : index
    %r2 = arith.remui %acc2_2, %md2 : index
    %i2 = arith.index_cast %r2 : index to i32
    %of2 = arith.constant 2 : i32
    %s2 = arith.subi %i2, %of2 : i32
    %v2 = arith.sitofp %s2 : i32 to f32
    linalg.yield %v2 : f32
  } -> tensor<8x8xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<[7, 6, 5, 4, 3, 2, 1, 0] : [d0 = 4, d1 = 2]> : tensor<8x8xf32>
  %ha = hspmd.annotate %h as #hspmd.sharding<[0, 2, 4, 6] : [d1 = 4]> : tensor<8x8xf32>
  %ka = hspmd.annotate %k as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[1, 3, 5] : [dup = 3], [7] : []]> : tensor<8x8xf32>
  %z = arith.constant dense<0.0> : tensor<8x8xf32>
  %cond = arith.cmpf olt, %ga, %z : tensor<8x8xf32>
  %s = arith.select %cond, %ha, %ka : tensor<8x8xi1>, tensor<8x8xf32>
  %p_i_z = arith.constant 0.0 : f32
  %p_i_e = tensor.empty() : tensor<8x8xf32>
  %p_i = linalg.fill ins(%p_i_z : f32) outs(%p_i_e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %p = linalg.matmul ins(%ga, %ha : tensor<8x8xf32>, tensor<8x8xf32>) outs(%p_i : tensor<8x8xf32>) -> tensor<8x8xf32>
  %cond2 = arith.cmpf oge, %p, %ka : tensor<8x8xf32>
  %s2 = arith.select %cond2, %p, %s : tensor<8x8xi1>, tensor<8x8xf32>
  %e = tensor.empty() : tensor<8x8xi1>
  %nc = arith.xori %cond, %cond2 : tensor<8x8xi1>
  %s3 = arith.select %nc, %s2, %ga : tensor<8x8xi1>, tensor<8x8xf32>
  %pb3 = bufferization.to_buffer %s : tensor<8x8xf32> to memref<8x8xf32>
  %pc3 = memref.cast %pb3 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %s2 : tensor<8x8xf32> to memref<8x8xf32>
  %pc4 = memref.cast %pb4 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %s3 : tensor<8x8xf32> to memref<8x8xf32>
  %pc5 = memref.cast %pb5 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  return
}
