// Scalar regions reading split and partial tensors (3 ranks): an scf.for
// summing the diagonal of a partial matmul result with tensor.extract, an
// scf.for taking the max of a vector split over [1, 2, 0], an scf.if on
// their comparison whose branches extract from the partial value and from
// the split vector; the chosen scalar fills a tensor row-split over
// [2, 1, 0], and both loop results go into a from_elements held on [1].
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<4x8xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<4x8xf32>) {
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
  } -> tensor<4x8xf32>
  %w_e = tensor.empty() : tensor<8x4xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w_e : tensor<8x4xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 0 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 1 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 3 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %md1 = arith.constant 5 : index
    %r1 = arith.remui %acc1_2, %md1 : index
    %i1 = arith.index_cast %r1 : index to i32
    %of1 = arith.constant 2 : i32
    %s1 = arith.subi %i1, %of1 : i32
    %v1 = arith.sitofp %s1 : i32 to f32
    linalg.yield %v1 : f32
  } -> tensor<8x4xf32>
  %v_e = tensor.empty() : tensor<6xf32>
  %v = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%v_e : tensor<6xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 0 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 5 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %md2 = arith.constant 7 : index
    %r2 = arith.remui %acc2_1, %md2 : index
    %i2 = arith.index_cast %r2 : index to i32
    %of2 = arith.constant 3 : i32
    %s2 = arith.subi %i2, %of2 : i32
    %v2 = arith.sitofp %s2 : i32 to f32
    linalg.yield %v2 : f32
  } -> tensor<6xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[2, 0] : [d1 = 2]> : tensor<4x8xf32>
  %s_i_z = arith.constant 0.0 : f32
  %s_i_e = tensor.empty() : tensor<4x4xf32>
  %s_i = linalg.fill ins(%s_i_z : f32) outs(%s_i_e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %s = linalg.matmul ins(%aa, %w : tensor<4x8xf32>, tensor<8x4xf32>) outs(%s_i : tensor<4x4xf32>) -> tensor<4x4xf32>
  %va = hspmd.annotate %v as #hspmd.sharding<[1, 2, 0] : [d0 = 3]> : tensor<6xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c6 = arith.constant 6 : index
  %zf = arith.constant 0.0 : f32
  %tr = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %zf) -> (f32) {
    %x = tensor.extract %s[%i, %i] : tensor<4x4xf32>
    %y = arith.addf %acc, %x : f32
    scf.yield %y : f32
  }
  %mx = scf.for %i = %c0 to %c6 step %c1 iter_args(%acc = %zf) -> (f32) {
    %x = tensor.extract %va[%i] : tensor<6xf32>
    %y = arith.maximumf %acc, %x : f32
    scf.yield %y : f32
  }
  %pos = arith.cmpf ogt, %tr, %mx : f32
  %sel = scf.if %pos -> (f32) {
    %x = tensor.extract %s[%c1, %c0] : tensor<4x4xf32>
    scf.yield %x : f32
  } else {
    %x = tensor.extract %va[%c4] : tensor<6xf32>
    %n = arith.negf %x : f32
    scf.yield %n : f32
  }
  %fe = tensor.empty() : tensor<3x4xf32>
  %f = linalg.fill ins(%sel : f32) outs(%fe : tensor<3x4xf32>) -> tensor<3x4xf32>
  %fa = hspmd.annotate %f as #hspmd.sharding<[2, 1, 0] : [d0 = 3]> : tensor<3x4xf32>
  %ge = tensor.empty() : tensor<2xf32>
  %g = tensor.from_elements %tr, %mx : tensor<2xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<[1] : []> : tensor<2xf32>
  %pb3 = bufferization.to_buffer %fa : tensor<3x4xf32> to memref<3x4xf32>
  %pc3 = memref.cast %pb3 : memref<3x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %ga : tensor<2xf32> to memref<2xf32>
  %pc4 = memref.cast %pb4 : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  return
}
