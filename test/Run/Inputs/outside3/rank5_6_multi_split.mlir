// Rank-5 elementwise with [d0=2,d2=2] on [5,3,1,7] plus a weighted hetero d2 with a [d4=2,partial=3] group; rank-5 transpose split on 3 dims over [0 to 7]; 2-dim reduce -> hetero partial; collapse/expand to rank 6 with a size-1 dim and hetero d5.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a_e1 = tensor.empty() : tensor<2x3x4x2x2xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3,d4) -> (d0,d1,d2,d3,d4)>], iterator_types = ["parallel","parallel","parallel","parallel","parallel"]} outs(%a_e1 : tensor<2x3x4x2x2xf32>) {
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
    %ix1_2 = linalg.index 2 : index
    %cc1_2 = arith.constant 1 : index
    %m1_2 = arith.muli %ix1_2, %cc1_2 : index
    %acc1_3 = arith.addi %acc1_2, %m1_2 : index
    %ix1_3 = linalg.index 3 : index
    %cc1_3 = arith.constant 4 : index
    %m1_3 = arith.muli %ix1_3, %cc1_3 : index
    %acc1_4 = arith.addi %acc1_3, %m1_3 : index
    %ix1_4 = linalg.index 4 : index
    %cc1_4 = arith.constant 6 : index
    %m1_4 = arith.muli %ix1_4, %cc1_4 : index
    %acc1_5 = arith.addi %acc1_4, %m1_4 : index
    %md1 = arith.constant 11 : index
    %r1 = arith.remui %acc1_5, %md1 : index
    %i1 = arith.index_cast %r1 : index to i64
    %of1 = arith.constant 5 : i64
    %s1 = arith.subi %i1, %of1 : i64
    %v1 = arith.sitofp %s1 : i64 to f32
    linalg.yield %v1 : f32
  } -> tensor<2x3x4x2x2xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[5, 3, 1, 7] : [d0 = 2, d2 = 2]> : tensor<2x3x4x2x2xf32>
  %c_e2 = tensor.empty() : tensor<2x3x4x2x2xf32>
  %c = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3,d4) -> (d0,d1,d2,d3,d4)>], iterator_types = ["parallel","parallel","parallel","parallel","parallel"]} outs(%c_e2 : tensor<2x3x4x2x2xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 1 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 1 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %ix2_1 = linalg.index 1 : index
    %cc2_1 = arith.constant 4 : index
    %m2_1 = arith.muli %ix2_1, %cc2_1 : index
    %acc2_2 = arith.addi %acc2_1, %m2_1 : index
    %ix2_2 = linalg.index 2 : index
    %cc2_2 = arith.constant 2 : index
    %m2_2 = arith.muli %ix2_2, %cc2_2 : index
    %acc2_3 = arith.addi %acc2_2, %m2_2 : index
    %ix2_3 = linalg.index 3 : index
    %cc2_3 = arith.constant 3 : index
    %m2_3 = arith.muli %ix2_3, %cc2_3 : index
    %acc2_4 = arith.addi %acc2_3, %m2_3 : index
    %ix2_4 = linalg.index 4 : index
    %cc2_4 = arith.constant 1 : index
    %m2_4 = arith.muli %ix2_4, %cc2_4 : index
    %acc2_5 = arith.addi %acc2_4, %m2_4 : index
    %md2 = arith.constant 5 : index
    %r2 = arith.remui %acc2_5, %md2 : index
    %i2 = arith.index_cast %r2 : index to i64
    %of2 = arith.constant 2 : i64
    %s2 = arith.subi %i2, %of2 : i64
    %v2 = arith.sitofp %s2 : i64 to f32
    linalg.yield %v2 : f32
  } -> tensor<2x3x4x2x2xf32>
  %c1 = hspmd.annotate %c as #hspmd.sharding<hetero = d2, weights = [1, 3], groups = [[2] : [], [6, 4, 0, 1, 3, 5] : [d4 = 2, partial = 3]]> : tensor<2x3x4x2x2xf32>
  %s = arith.addf %a1, %c1 : tensor<2x3x4x2x2xf32>
  %te = tensor.empty() : tensor<2x4x2x2x3xf32>
  %t = linalg.transpose ins(%s : tensor<2x3x4x2x2xf32>) outs(%te : tensor<2x4x2x2x3xf32>) permutation = [4, 2, 0, 3, 1]
  %t1 = hspmd.annotate %t as #hspmd.sharding<[0 to 7] : [d0 = 2, d1 = 2, d3 = 2]> : tensor<2x4x2x2x3xf32>
  %ri_z = arith.constant 0.0 : f32
  %ri_e = tensor.empty() : tensor<2x2x2xf32>
  %ri = linalg.fill ins(%ri_z : f32) outs(%ri_e : tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  %r = linalg.reduce ins(%t1 : tensor<2x4x2x2x3xf32>) outs(%ri : tensor<2x2x2xf32>) dimensions = [1, 4]
    (%x: f32, %y: f32) {
      %q = arith.addf %x, %y : f32
      linalg.yield %q : f32
    }
  %r1 = hspmd.annotate %r as #hspmd.sharding<hetero = partial, groups = [[7] : [], [1, 2] : [d2 = 2]]> : tensor<2x2x2xf32>
  %r2 = arith.mulf %r1, %r1 : tensor<2x2x2xf32>
  %cl = tensor.collapse_shape %s [[0, 1], [2], [3, 4]] : tensor<2x3x4x2x2xf32> into tensor<6x4x4xf32>
  %cl1 = hspmd.annotate %cl as #hspmd.sharding<[3, 2, 1, 0] : [d0 = 2, d2 = 2]> : tensor<6x4x4xf32>
  %cl2 = arith.negf %cl1 : tensor<6x4x4xf32>
  %ex = tensor.expand_shape %cl2 [[0, 1], [2], [3, 4, 5]] output_shape [3, 2, 4, 2, 1, 2] : tensor<6x4x4xf32> into tensor<3x2x4x2x1x2xf32>
  %ex1 = hspmd.annotate %ex as #hspmd.sharding<hetero = d5, groups = [[4, 5] : [d1 = 2], [0] : []]> : tensor<3x2x4x2x1x2xf32>
  %pb3 = bufferization.to_buffer %t1 : tensor<2x4x2x2x3xf32> to memref<2x4x2x2x3xf32>
  %pc3 = memref.cast %pb3 : memref<2x4x2x2x3xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %r2 : tensor<2x2x2xf32> to memref<2x2x2xf32>
  %pc4 = memref.cast %pb4 : memref<2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %ex1 : tensor<3x2x4x2x1x2xf32> to memref<3x2x4x2x1x2xf32>
  %pc5 = memref.cast %pb5 : memref<3x2x4x2x1x2xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  return
}
