// Transposes folded into contractions (4 ranks): linalg.matmul with
// indexing_maps computing A^T @ W^T, the same as linalg.contract with init
// 1, linalg.matvec and linalg.vecmat (init 2, then squared) with operands
// split along the contraction dim in different device orders.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<8x4xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<8x4xf32>) {
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
  } -> tensor<8x4xf32>
  %w_e = tensor.empty() : tensor<6x8xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w_e : tensor<6x8xf32>) {
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
  } -> tensor<6x8xf32>
  %v_e = tensor.empty() : tensor<8xf32>
  %v = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%v_e : tensor<8xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 0 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 3 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %md2 = arith.constant 5 : index
    %r2 = arith.remui %acc2_1, %md2 : index
    %i2 = arith.index_cast %r2 : index to i32
    %of2 = arith.constant 2 : i32
    %s2 = arith.subi %i2, %of2 : i32
    %v2 = arith.sitofp %s2 : i32 to f32
    linalg.yield %v2 : f32
  } -> tensor<8xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[3, 0, 2, 1] : [d0 = 2, d1 = 2]> : tensor<8x4xf32>
  %wa = hspmd.annotate %w as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<6x8xf32>
  %c0_z = arith.constant 0.0 : f32
  %c0_e = tensor.empty() : tensor<4x6xf32>
  %c0 = linalg.fill ins(%c0_z : f32) outs(%c0_e : tensor<4x6xf32>) -> tensor<4x6xf32>
  %c = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%aa, %wa : tensor<8x4xf32>, tensor<6x8xf32>) outs(%c0 : tensor<4x6xf32>) -> tensor<4x6xf32>
  %d0_z = arith.constant 1.0 : f32
  %d0_e = tensor.empty() : tensor<4x6xf32>
  %d0 = linalg.fill ins(%d0_z : f32) outs(%d0_e : tensor<4x6xf32>) -> tensor<4x6xf32>
  %d = linalg.contract indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%aa, %wa : tensor<8x4xf32>, tensor<6x8xf32>) outs(%d0 : tensor<4x6xf32>) -> tensor<4x6xf32>
  %va = hspmd.annotate %v as #hspmd.sharding<[1, 3] : [d0 = 2]> : tensor<8xf32>
  %mv0_z = arith.constant 0.0 : f32
  %mv0_e = tensor.empty() : tensor<6xf32>
  %mv0 = linalg.fill ins(%mv0_z : f32) outs(%mv0_e : tensor<6xf32>) -> tensor<6xf32>
  %mv = linalg.matvec ins(%wa, %va : tensor<6x8xf32>, tensor<8xf32>) outs(%mv0 : tensor<6xf32>) -> tensor<6xf32>
  %vm0_z = arith.constant 2.0 : f32
  %vm0_e = tensor.empty() : tensor<4xf32>
  %vm0 = linalg.fill ins(%vm0_z : f32) outs(%vm0_e : tensor<4xf32>) -> tensor<4xf32>
  %vm = linalg.vecmat ins(%va, %aa : tensor<8xf32>, tensor<8x4xf32>) outs(%vm0 : tensor<4xf32>) -> tensor<4xf32>
  %vm2 = arith.mulf %vm, %vm : tensor<4xf32>
  %pb3 = bufferization.to_buffer %c : tensor<4x6xf32> to memref<4x6xf32>
  %pc3 = memref.cast %pb3 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %d : tensor<4x6xf32> to memref<4x6xf32>
  %pc4 = memref.cast %pb4 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %mv : tensor<6xf32> to memref<6xf32>
  %pc5 = memref.cast %pb5 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  %pb6 = bufferization.to_buffer %vm2 : tensor<4xf32> to memref<4xf32>
  %pc6 = memref.cast %pb6 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pc6) : (memref<*xf32>) -> ()
  return
}
