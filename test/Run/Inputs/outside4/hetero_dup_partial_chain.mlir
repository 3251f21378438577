// hetero=dup of per-group partial decompositions, reshard chain through [partial=2,dup=2], hetero=dup with partial/none/d1 groups, hetero=partial with dup group and back; elementwise ops mixing them.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<4x6xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e : tensor<4x6xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 1 : index
    %ix0 = linalg.index 0 : index
    %k0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %k0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %k1 = arith.constant 2 : index
    %m1 = arith.muli %ix1, %k1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 11 : index
    %rm = arith.remui %acc2, %md : index
    %ii = arith.index_cast %rm : index to i32
    %v = arith.sitofp %ii : i32 to f32
    linalg.yield %v : f32
  } -> tensor<4x6xf32>
  %b_e = tensor.empty() : tensor<6x4xf32>
  %b = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%b_e : tensor<6x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 1 : index
    %ix0 = linalg.index 0 : index
    %k0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %k0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %k1 = arith.constant 2 : index
    %m1 = arith.muli %ix1, %k1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 5 : index
    %rm = arith.remui %acc2, %md : index
    %ii = arith.index_cast %rm : index to i32
    %v = arith.sitofp %ii : i32 to f32
    linalg.yield %v : f32
  } -> tensor<6x4xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[0, 1, 2] : [d1 = 3]> : tensor<4x6xf32>
  %b1 = hspmd.annotate %b as #hspmd.sharding<[0, 1, 2] : [d0 = 3]> : tensor<6x4xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %m = linalg.matmul ins(%a1, %b1 : tensor<4x6xf32>, tensor<6x4xf32>) outs(%f : tensor<4x4xf32>) -> tensor<4x4xf32>
  %m1 = hspmd.annotate %m as #hspmd.sharding<hetero = dup, groups = [[0, 2] : [partial = 2], [1, 3] : [partial = 2], [4] : []]> : tensor<4x4xf32>
  %r1 = hspmd.reshard %m1 to #hspmd.sharding<[0, 1, 2, 3] : [partial = 2, dup = 2]> : tensor<4x4xf32>
  %r2 = hspmd.reshard %r1 to #hspmd.sharding<hetero = dup, groups = [[3, 1] : [partial = 2], [2] : [], [0, 4] : [d1 = 2]]> : tensor<4x4xf32>
  %r3 = hspmd.reshard %r2 to #hspmd.sharding<hetero = partial, groups = [[4, 3] : [dup = 2], [2, 0] : [partial = 2], [1] : []]> : tensor<4x4xf32>
  %r4 = hspmd.reshard %r3 to #hspmd.sharding<hetero = dup, groups = [[0, 2] : [partial = 2], [1, 3] : [partial = 2], [4] : []]> : tensor<4x4xf32>
  %s = arith.addf %r4, %m1 : tensor<4x4xf32>
  %s1 = hspmd.annotate %s as #hspmd.sharding<hetero = dup, groups = [[1, 3] : [partial = 2], [0, 2] : [partial = 2]]> : tensor<4x4xf32>
  %t = arith.subf %s1, %r2 : tensor<4x4xf32>
  %t1 = hspmd.annotate %t as #hspmd.sharding<hetero = dup, groups = [[4] : [], [1, 3] : [partial = 2]]> : tensor<4x4xf32>
  %pb_t1 = bufferization.to_buffer %t1 : tensor<4x4xf32> to memref<4x4xf32>
  %pc_t1 = memref.cast %pb_t1 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc_t1) : (memref<*xf32>) -> ()
  %pb_r3 = bufferization.to_buffer %r3 : tensor<4x4xf32> to memref<4x4xf32>
  %pc_r3 = memref.cast %pb_r3 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc_r3) : (memref<*xf32>) -> ()
  return
}
