// linalg.quantized_matmul (i8 x i8 -> i32 with scalar zero points) with the contraction split
// unevenly across groups; matmul i8 x i8 -> i32 (extsi inside) and -> i8 (wrapping, i8 cannot be partial);
// f16 x f16 -> f32 matmul with split contraction and init 0.25; conv_2d_nhwc_hwcf_q with input channels split.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %_e1 = tensor.empty() : tensor<4x9xi8>
  %A = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e1 : tensor<4x9xi8>) {
  ^bb0(%o: i8):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 37 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 11 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 256 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 128 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.trunci %sv : i64 to i8
    linalg.yield %vv : i8
  } -> tensor<4x9xi8>
  %Aa = hspmd.annotate %A as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<4x9xi8>
  %_e2 = tensor.empty() : tensor<9x5xi8>
  %Bm = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e2 : tensor<9x5xi8>) {
  ^bb0(%o: i8):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 29 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 13 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 256 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 128 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.trunci %sv : i64 to i8
    linalg.yield %vv : i8
  } -> tensor<9x5xi8>
  %Ba = hspmd.annotate %Bm as #hspmd.sharding<[0, 1, 2] : [d0 = 3]> : tensor<9x5xi8>
  %za = arith.constant 3 : i32
  %zb = arith.constant -7 : i32
  %_c4 = arith.constant 0 : i32
  %_e3 = tensor.empty() : tensor<4x5xi32>
  %C0 = linalg.fill ins(%_c4 : i32) outs(%_e3 : tensor<4x5xi32>) -> tensor<4x5xi32>
  %C = linalg.quantized_matmul ins(%Aa, %Ba, %za, %zb : tensor<4x9xi8>, tensor<9x5xi8>, i32, i32) outs(%C0 : tensor<4x5xi32>) -> tensor<4x5xi32>
  %_b5 = bufferization.to_buffer %C : tensor<4x5xi32> to memref<4x5xi32>
  %_u6 = memref.cast %_b5 : memref<4x5xi32> to memref<*xi32>
  call @printMemrefI32(%_u6) : (memref<*xi32>) -> ()
  %_c8 = arith.constant 0 : i32
  %_e7 = tensor.empty() : tensor<4x5xi32>
  %D0 = linalg.fill ins(%_c8 : i32) outs(%_e7 : tensor<4x5xi32>) -> tensor<4x5xi32>
  %D = linalg.matmul ins(%Aa, %Ba : tensor<4x9xi8>, tensor<9x5xi8>) outs(%D0 : tensor<4x5xi32>) -> tensor<4x5xi32>
  %_b9 = bufferization.to_buffer %D : tensor<4x5xi32> to memref<4x5xi32>
  %_u10 = memref.cast %_b9 : memref<4x5xi32> to memref<*xi32>
  call @printMemrefI32(%_u10) : (memref<*xi32>) -> ()
  %_c12 = arith.constant 0 : i8
  %_e11 = tensor.empty() : tensor<4x5xi8>
  %E0 = linalg.fill ins(%_c12 : i8) outs(%_e11 : tensor<4x5xi8>) -> tensor<4x5xi8>
  %E = linalg.matmul ins(%Aa, %Ba : tensor<4x9xi8>, tensor<9x5xi8>) outs(%E0 : tensor<4x5xi8>) -> tensor<4x5xi8>
  %_x13 = arith.extsi %E : tensor<4x5xi8> to tensor<4x5xi32>
  %_b14 = bufferization.to_buffer %_x13 : tensor<4x5xi32> to memref<4x5xi32>
  %_u15 = memref.cast %_b14 : memref<4x5xi32> to memref<*xi32>
  call @printMemrefI32(%_u15) : (memref<*xi32>) -> ()
  %_e16 = tensor.empty() : tensor<4x6xf16>
  %H = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e16 : tensor<4x6xf16>) {
  ^bb0(%o: f16):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 5 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f16
    linalg.yield %vv : f16
  } -> tensor<4x6xf16>
  %Ha = hspmd.annotate %H as #hspmd.sharding<[2, 0] : [d1 = 2]> : tensor<4x6xf16>
  %_e17 = tensor.empty() : tensor<6x3xf16>
  %G = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e17 : tensor<6x3xf16>) {
  ^bb0(%o: f16):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 5 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f16
    linalg.yield %vv : f16
  } -> tensor<6x3xf16>
  %_c19 = arith.constant 0.25 : f32
  %_e18 = tensor.empty() : tensor<4x3xf32>
  %F0 = linalg.fill ins(%_c19 : f32) outs(%_e18 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %F = linalg.matmul ins(%Ha, %G : tensor<4x6xf16>, tensor<6x3xf16>) outs(%F0 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %_b20 = bufferization.to_buffer %F : tensor<4x3xf32> to memref<4x3xf32>
  %_u21 = memref.cast %_b20 : memref<4x3xf32> to memref<*xf32>
  call @printMemrefF32(%_u21) : (memref<*xf32>) -> ()
  %_e22 = tensor.empty() : tensor<1x5x5x4xi8>
  %qi = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%_e22 : tensor<1x5x5x4xi8>) {
  ^bb0(%o: i8):
    %acc0 = arith.constant 0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 37 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc0, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 11 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 53 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %md = arith.constant 256 : index
    %rr = arith.remui %acc4, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 128 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.trunci %sv : i64 to i8
    linalg.yield %vv : i8
  } -> tensor<1x5x5x4xi8>
  %qia = hspmd.annotate %qi as #hspmd.sharding<[0, 1] : [d3 = 2]> : tensor<1x5x5x4xi8>
  %_e23 = tensor.empty() : tensor<3x3x4x2xi8>
  %qf = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%_e23 : tensor<3x3x4x2xi8>) {
  ^bb0(%o: i8):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 17 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 5 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 23 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 7 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %md = arith.constant 256 : index
    %rr = arith.remui %acc4, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 128 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.trunci %sv : i64 to i8
    linalg.yield %vv : i8
  } -> tensor<3x3x4x2xi8>
  %_c25 = arith.constant 0 : i32
  %_e24 = tensor.empty() : tensor<1x3x3x2xi32>
  %qo0 = linalg.fill ins(%_c25 : i32) outs(%_e24 : tensor<1x3x3x2xi32>) -> tensor<1x3x3x2xi32>
  %qo = linalg.conv_2d_nhwc_hwcf_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%qia, %qf, %za, %zb : tensor<1x5x5x4xi8>, tensor<3x3x4x2xi8>, i32, i32) outs(%qo0 : tensor<1x3x3x2xi32>) -> tensor<1x3x3x2xi32>
  %qoa = hspmd.annotate %qo as #hspmd.sharding<[1, 2] : [d3 = 2]> : tensor<1x3x3x2xi32>
  %_b26 = bufferization.to_buffer %qoa : tensor<1x3x3x2xi32> to memref<1x3x3x2xi32>
  %_u27 = memref.cast %_b26 : memref<1x3x3x2xi32> to memref<*xi32>
  call @printMemrefI32(%_u27) : (memref<*xi32>) -> ()
  return
}
