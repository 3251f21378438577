// More ops on partial values (7 ranks; S partial over [6, 3, 0, 5], T
// partial over [1, 2], X split 2-D over [4, 0, 6, 2]): fma(X, X, S) (X*X
// must be added once), fma(S, X, X), matmul of two partials, S - T, S * X,
// S / 4, (S+1)^2 through a select, X - S, and fptosi of S then remsi
// (non-linear on integers).
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
  %x_e = tensor.empty() : tensor<4x4xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%x_e : tensor<4x4xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 0 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 2 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %ix2_1 = linalg.index 1 : index
    %cc2_1 = arith.constant 1 : index
    %m2_1 = arith.muli %ix2_1, %cc2_1 : index
    %acc2_2 = arith.addi %acc2_1, %m2_1 : index
    %md2 = arith.constant 5 : index
    %r2 = arith.remui %acc2_2, %md2 : index
    %i2 = arith.index_cast %r2 : index to i32
    %of2 = arith.constant 2 : i32
    %s2 = arith.subi %i2, %of2 : i32
    %v2 = arith.sitofp %s2 : i32 to f32
    linalg.yield %v2 : f32
  } -> tensor<4x4xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[6, 3, 0, 5] : [d1 = 4]> : tensor<4x8xf32>
  %s_i_z = arith.constant 0.0 : f32
  %s_i_e = tensor.empty() : tensor<4x4xf32>
  %s_i = linalg.fill ins(%s_i_z : f32) outs(%s_i_e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %s = linalg.matmul ins(%aa, %w : tensor<4x8xf32>, tensor<8x4xf32>) outs(%s_i : tensor<4x4xf32>) -> tensor<4x4xf32>
  %a2 = hspmd.annotate %a as #hspmd.sharding<[1, 2] : [d1 = 2]> : tensor<4x8xf32>
  %t_i_z = arith.constant 0.0 : f32
  %t_i_e = tensor.empty() : tensor<4x4xf32>
  %t_i = linalg.fill ins(%t_i_z : f32) outs(%t_i_e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %t = linalg.matmul ins(%a2, %w : tensor<4x8xf32>, tensor<8x4xf32>) outs(%t_i : tensor<4x4xf32>) -> tensor<4x4xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[4, 0, 6, 2] : [d0 = 2, d1 = 2]> : tensor<4x4xf32>
  %f = math.fma %xa, %xa, %s : tensor<4x4xf32>
  %f2 = math.fma %s, %xa, %xa : tensor<4x4xf32>
  %st_i_z = arith.constant 0.0 : f32
  %st_i_e = tensor.empty() : tensor<4x4xf32>
  %st_i = linalg.fill ins(%st_i_z : f32) outs(%st_i_e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %st = linalg.matmul ins(%s, %t : tensor<4x4xf32>, tensor<4x4xf32>) outs(%st_i : tensor<4x4xf32>) -> tensor<4x4xf32>
  %d = arith.subf %s, %t : tensor<4x4xf32>
  %m = arith.mulf %s, %xa : tensor<4x4xf32>
  %four = arith.constant dense<4.0> : tensor<4x4xf32>
  %dv = arith.divf %s, %four : tensor<4x4xf32>
  %one = arith.constant dense<1.0> : tensor<4x4xf32>
  %s1 = arith.addf %s, %one : tensor<4x4xf32>
  %s1sq = arith.mulf %s1, %s1 : tensor<4x4xf32>
  %ok = arith.cmpf one, %s1sq, %s1sq : tensor<4x4xf32>
  %rc = arith.select %ok, %s1sq, %s1 : tensor<4x4xi1>, tensor<4x4xf32>
  %xs = arith.subf %xa, %s : tensor<4x4xf32>
  %is = arith.fptosi %s : tensor<4x4xf32> to tensor<4x4xi32>
  %i3 = arith.constant dense<3> : tensor<4x4xi32>
  %ir = arith.remsi %is, %i3 : tensor<4x4xi32>
  %irf = arith.sitofp %ir : tensor<4x4xi32> to tensor<4x4xf32>
  %all = tensor.concat dim(1) %f, %f2, %st, %d, %m, %dv, %rc, %xs, %irf : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x36xf32>
  %pb3 = bufferization.to_buffer %all : tensor<4x36xf32> to memref<4x36xf32>
  %pc3 = memref.cast %pb3 : memref<4x36xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  return
}
