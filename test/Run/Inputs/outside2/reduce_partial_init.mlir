// Reductions whose init is a partial value (4 ranks): S, a column sum of a
// matmul with its contraction split over [3, 1, 0, 2], is the init of a max
// over the rows and of a min over the columns of a tensor split
// [dup = 2, d1 = 2] (the split-in-two reduction must combine with the
// reduced init, once), of a sum weighted by linalg.index of the reduced loop
// (global positions), and of a non-sum row combiner (acc + x + 0.5) mod 13.
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
  %w_e = tensor.empty() : tensor<8x6xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w_e : tensor<8x6xf32>) {
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
  } -> tensor<8x6xf32>
  %g_e = tensor.empty() : tensor<6x6xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%g_e : tensor<6x6xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 0 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 5 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %ix2_1 = linalg.index 1 : index
    %cc2_1 = arith.constant 1 : index
    %m2_1 = arith.muli %ix2_1, %cc2_1 : index
    %acc2_2 = arith.addi %acc2_1, %m2_1 : index
    %md2 = arith.constant 13 : index
    %r2 = arith.remui %acc2_2, %md2 : index
    %i2 = arith.index_cast %r2 : index to i32
    %of2 = arith.constant 6 : i32
    %s2 = arith.subi %i2, %of2 : i32
    %v2 = arith.sitofp %s2 : i32 to f32
    linalg.yield %v2 : f32
  } -> tensor<6x6xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[3, 1, 0, 2] : [d1 = 4]> : tensor<4x8xf32>
  %p_i_z = arith.constant 0.0 : f32
  %p_i_e = tensor.empty() : tensor<4x6xf32>
  %p_i = linalg.fill ins(%p_i_z : f32) outs(%p_i_e : tensor<4x6xf32>) -> tensor<4x6xf32>
  %p = linalg.matmul ins(%aa, %w : tensor<4x8xf32>, tensor<8x6xf32>) outs(%p_i : tensor<4x6xf32>) -> tensor<4x6xf32>
  %gg = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d1 = 2]> : tensor<6x6xf32>
  %init_e = tensor.empty() : tensor<6xf32>
  %s0_z = arith.constant 0.0 : f32
  %s0_e = tensor.empty() : tensor<6xf32>
  %s0 = linalg.fill ins(%s0_z : f32) outs(%s0_e : tensor<6xf32>) -> tensor<6xf32>
  %s = linalg.reduce ins(%p : tensor<4x6xf32>) outs(%s0 : tensor<6xf32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %t = arith.addf %x, %acc : f32
      linalg.yield %t : f32
    }
  %m = linalg.reduce ins(%gg : tensor<6x6xf32>) outs(%s : tensor<6xf32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %t = arith.maximumf %x, %acc : f32
      linalg.yield %t : f32
    }
  %n = linalg.reduce ins(%gg : tensor<6x6xf32>) outs(%s : tensor<6xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %t = arith.minimumf %x, %acc : f32
      linalg.yield %t : f32
    }
  %q = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%gg : tensor<6x6xf32>) outs(%s : tensor<6xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %xm = arith.mulf %x, %fi : f32
    %t = arith.addf %acc, %xm : f32
    linalg.yield %t : f32
  } -> tensor<6xf32>
  %u = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%gg : tensor<6x6xf32>) outs(%s : tensor<6xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %xa = arith.mulf %x, %acc : f32
    %c = arith.constant 0.5 : f32
    %xc = arith.mulf %xa, %c : f32
    %t = arith.addf %acc, %x : f32
    %t2 = arith.addf %t, %c : f32
    %c13 = arith.constant 13.0 : f32
    %t3 = arith.remf %t2, %c13 : f32
    linalg.yield %t3 : f32
  } -> tensor<6xf32>
  %pb3 = bufferization.to_buffer %s : tensor<6xf32> to memref<6xf32>
  %pc3 = memref.cast %pb3 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %m : tensor<6xf32> to memref<6xf32>
  %pc4 = memref.cast %pb4 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %n : tensor<6xf32> to memref<6xf32>
  %pc5 = memref.cast %pb5 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  %pb6 = bufferization.to_buffer %q : tensor<6xf32> to memref<6xf32>
  %pc6 = memref.cast %pb6 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc6) : (memref<*xf32>) -> ()
  %pb7 = bufferization.to_buffer %u : tensor<6xf32> to memref<6xf32>
  %pc7 = memref.cast %pb7 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc7) : (memref<*xf32>) -> ()
  return
}
