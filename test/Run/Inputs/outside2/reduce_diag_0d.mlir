// Reductions to 0-d and along diagonals (4 ranks): max of a vector split 3
// ways over [2, 0, 3] into a 0-d value; a sum and a min over the diagonal
// A[i, i, j] of a tensor split on dims 0 and 2 over [3, 2, 1, 0] (the
// diagonal loop may not be split); a sum of squares (x*x + acc) to 0-d over
// a split vector, maxed with the 0-d max.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %v_e = tensor.empty() : tensor<12xf32>
  %v = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%v_e : tensor<12xf32>) {
  ^bb0(%o0: f32):
    %acc0_0 = arith.constant 0 : index
    %ix0_0 = linalg.index 0 : index
    %cc0_0 = arith.constant 7 : index
    %m0_0 = arith.muli %ix0_0, %cc0_0 : index
    %acc0_1 = arith.addi %acc0_0, %m0_0 : index
    %md0 = arith.constant 23 : index
    %r0 = arith.remui %acc0_1, %md0 : index
    %i0 = arith.index_cast %r0 : index to i32
    %of0 = arith.constant 11 : i32
    %s0 = arith.subi %i0, %of0 : i32
    %v0 = arith.sitofp %s0 : i32 to f32
    linalg.yield %v0 : f32
  } -> tensor<12xf32>
  %a_e = tensor.empty() : tensor<4x4x6xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%a_e : tensor<4x4x6xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 0 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 5 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 3 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %ix1_2 = linalg.index 2 : index
    %cc1_2 = arith.constant 1 : index
    %m1_2 = arith.muli %ix1_2, %cc1_2 : index
    %acc1_3 = arith.addi %acc1_2, %m1_2 : index
    %md1 = arith.constant 17 : index
    %r1 = arith.remui %acc1_3, %md1 : index
    %i1 = arith.index_cast %r1 : index to i32
    %of1 = arith.constant 8 : i32
    %s1 = arith.subi %i1, %of1 : i32
    %v1 = arith.sitofp %s1 : i32 to f32
    linalg.yield %v1 : f32
  } -> tensor<4x4x6xf32>
  %va = hspmd.annotate %v as #hspmd.sharding<[2, 0, 3] : [d0 = 3]> : tensor<12xf32>
  %m0_z = arith.constant -100.0 : f32
  %m0_e = tensor.empty() : tensor<f32>
  %m0 = linalg.fill ins(%m0_z : f32) outs(%m0_e : tensor<f32>) -> tensor<f32>
  %m = linalg.reduce ins(%va : tensor<12xf32>) outs(%m0 : tensor<f32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %t = arith.maximumf %x, %acc : f32
      linalg.yield %t : f32
    }
  %aa = hspmd.annotate %a as #hspmd.sharding<[3, 2, 1, 0] : [d0 = 2, d2 = 2]> : tensor<4x4x6xf32>
  %d0_z = arith.constant 1.0 : f32
  %d0_e = tensor.empty() : tensor<6xf32>
  %d0 = linalg.fill ins(%d0_z : f32) outs(%d0_e : tensor<6xf32>) -> tensor<6xf32>
  %d = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, i, j)>, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%aa : tensor<4x4x6xf32>) outs(%d0 : tensor<6xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %t = arith.addf %acc, %x : f32
    linalg.yield %t : f32
  } -> tensor<6xf32>
  %n0_z = arith.constant 100.0 : f32
  %n0_e = tensor.empty() : tensor<6xf32>
  %n0 = linalg.fill ins(%n0_z : f32) outs(%n0_e : tensor<6xf32>) -> tensor<6xf32>
  %n = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, i, j)>, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%aa : tensor<4x4x6xf32>) outs(%n0 : tensor<6xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %t = arith.minimumf %acc, %x : f32
    linalg.yield %t : f32
  } -> tensor<6xf32>
  %vb = hspmd.annotate %v as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<12xf32>
  %k0_z = arith.constant 0.0 : f32
  %k0_e = tensor.empty() : tensor<f32>
  %k0 = linalg.fill ins(%k0_z : f32) outs(%k0_e : tensor<f32>) -> tensor<f32>
  %k = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> ()>], iterator_types = ["reduction"]} ins(%vb : tensor<12xf32>) outs(%k0 : tensor<f32>) {
  ^bb0(%x: f32, %acc: f32):
    %sq = arith.mulf %x, %x : f32
    %t = arith.addf %sq, %acc : f32
    linalg.yield %t : f32
  } -> tensor<f32>
  %km = arith.maximumf %k, %m : tensor<f32>
  %pb2 = bufferization.to_buffer %m : tensor<f32> to memref<f32>
  %pc2 = memref.cast %pb2 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  %pb3 = bufferization.to_buffer %d : tensor<6xf32> to memref<6xf32>
  %pc3 = memref.cast %pb3 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %n : tensor<6xf32> to memref<6xf32>
  %pc4 = memref.cast %pb4 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %km : tensor<f32> to memref<f32>
  %pc5 = memref.cast %pb5 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  return
}
