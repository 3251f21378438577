// Matmul with out-of-order devices [3,1,2,0] splitting both dims, a weighted hetero d0 weight whose groups mix [d1,dup] and [partial]; result annotated on [0 to 7] with [d0,dup,d1], then hetero partial of groups [6] / [2,5,1]:[partial=3] / [0,7]:[d1=2].
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a_e1 = tensor.empty() : tensor<8x12xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e1 : tensor<8x12xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 1 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 3 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 2 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %md1 = arith.constant 7 : index
    %r1 = arith.remui %acc1_2, %md1 : index
    %i1 = arith.index_cast %r1 : index to i64
    %of1 = arith.constant 3 : i64
    %s1 = arith.subi %i1, %of1 : i64
    %v1 = arith.sitofp %s1 : i64 to f32
    linalg.yield %v1 : f32
  } -> tensor<8x12xf32>
  %b_e2 = tensor.empty() : tensor<12x6xf32>
  %b = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%b_e2 : tensor<12x6xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 1 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 3 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %ix2_1 = linalg.index 1 : index
    %cc2_1 = arith.constant 2 : index
    %m2_1 = arith.muli %ix2_1, %cc2_1 : index
    %acc2_2 = arith.addi %acc2_1, %m2_1 : index
    %md2 = arith.constant 5 : index
    %r2 = arith.remui %acc2_2, %md2 : index
    %i2 = arith.index_cast %r2 : index to i64
    %of2 = arith.constant 2 : i64
    %s2 = arith.subi %i2, %of2 : i64
    %v2 = arith.sitofp %s2 : i64 to f32
    linalg.yield %v2 : f32
  } -> tensor<12x6xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[3, 1, 2, 0] : [d0 = 2, d1 = 2]> : tensor<8x12xf32>
  %b1 = hspmd.annotate %b as #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[7, 5, 6, 4] : [d1 = 2, dup = 2], [1, 3] : [partial = 2]]> : tensor<12x6xf32>
  %c_i_z = arith.constant 0.0 : f32
  %c_i_e = tensor.empty() : tensor<8x6xf32>
  %c_i = linalg.fill ins(%c_i_z : f32) outs(%c_i_e : tensor<8x6xf32>) -> tensor<8x6xf32>
  %c = linalg.matmul ins(%a1, %b1 : tensor<8x12xf32>, tensor<12x6xf32>) outs(%c_i : tensor<8x6xf32>) -> tensor<8x6xf32>
  %c1 = hspmd.annotate %c as #hspmd.sharding<[0 to 7] : [d0 = 2, dup = 2, d1 = 2]> : tensor<8x6xf32>
  %c2 = arith.mulf %c1, %c1 : tensor<8x6xf32>
  %c3 = hspmd.annotate %c2 as #hspmd.sharding<hetero = partial, groups = [[6] : [], [2, 5, 1] : [partial = 3], [0, 7] : [d1 = 2]]> : tensor<8x6xf32>
  %c4 = arith.addf %c3, %c2 : tensor<8x6xf32>
  %pb3 = bufferization.to_buffer %c : tensor<8x6xf32> to memref<8x6xf32>
  %pc3 = memref.cast %pb3 : memref<8x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %c4 : tensor<8x6xf32> to memref<8x6xf32>
  %pc4 = memref.cast %pb4 : memref<8x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  return
}
