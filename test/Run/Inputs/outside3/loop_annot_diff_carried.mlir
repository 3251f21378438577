// scf.for carrying two tensors whose body annotates the block arg weighted-hetero-partial, matmuls, annotates [7,0]:[partial=2] and a [d1=2,d0=2] split on devices excluding the carried placement, hetero partial gradient.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a_e1 = tensor.empty() : tensor<6x4xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e1 : tensor<6x4xf32>) {
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
  } -> tensor<6x4xf32>
  %w_e2 = tensor.empty() : tensor<4x4xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%w_e2 : tensor<4x4xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 1 : index
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
    %i2 = arith.index_cast %r2 : index to i64
    %of2 = arith.constant 2 : i64
    %s2 = arith.subi %i2, %of2 : i64
    %v2 = arith.sitofp %s2 : i64 to f32
    linalg.yield %v2 : f32
  } -> tensor<4x4xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[6, 2, 4] : [d0 = 3]> : tensor<6x4xf32>
  %w1 = hspmd.annotate %w as #hspmd.sharding<hetero = dup, groups = [[1, 7] : [d1 = 2], [3] : []]> : tensor<4x4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %res:2 = scf.for %i = %c0 to %c3 step %c1 iter_args(%x = %a1, %acc = %w1) -> (tensor<6x4xf32>, tensor<4x4xf32>) {
    %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[5] : [], [3, 1] : [partial = 2]]> : tensor<6x4xf32>
    %z = arith.constant 0.0 : f32
    %e = tensor.empty() : tensor<6x4xf32>
    %f = linalg.fill ins(%z : f32) outs(%e : tensor<6x4xf32>) -> tensor<6x4xf32>
    %m = linalg.matmul ins(%xa, %acc : tensor<6x4xf32>, tensor<4x4xf32>) outs(%f : tensor<6x4xf32>) -> tensor<6x4xf32>
    %m1 = hspmd.annotate %m as #hspmd.sharding<[7, 0] : [partial = 2]> : tensor<6x4xf32>
    %h = arith.constant dense<0.5> : tensor<6x4xf32>
    %m2 = arith.mulf %m1, %h : tensor<6x4xf32>
    %m3 = hspmd.annotate %m2 as #hspmd.sharding<[4, 5, 6, 7] : [d1 = 2, d0 = 2]> : tensor<6x4xf32>
    %et = tensor.empty() : tensor<4x6xf32>
    %t = linalg.transpose ins(%m3 : tensor<6x4xf32>) outs(%et : tensor<4x6xf32>) permutation = [1, 0]
    %e2 = tensor.empty() : tensor<4x4xf32>
    %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<4x4xf32>) -> tensor<4x4xf32>
    %g = linalg.matmul ins(%t, %xa : tensor<4x6xf32>, tensor<6x4xf32>) outs(%f2 : tensor<4x4xf32>) -> tensor<4x4xf32>
    %ga = hspmd.annotate %g as #hspmd.sharding<hetero = partial, groups = [[2] : [], [1, 0, 3, 4] : [d1 = 2, partial = 2]]> : tensor<4x4xf32>
    %q = arith.constant dense<0.125> : tensor<4x4xf32>
    %gs = arith.mulf %ga, %q : tensor<4x4xf32>
    %accn = arith.subf %acc, %gs : tensor<4x4xf32>
    scf.yield %m3, %accn : tensor<6x4xf32>, tensor<4x4xf32>
  }
  %pb3 = bufferization.to_buffer %res#0 : tensor<6x4xf32> to memref<6x4xf32>
  %pc3 = memref.cast %pb3 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %res#1 : tensor<4x4xf32> to memref<4x4xf32>
  %pc4 = memref.cast %pb4 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  return
}
