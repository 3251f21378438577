// linalg.pack of split operands into tiles, linalg.mmt4d with K1 split (partial) and N1 split,
// linalg.unpack with a result split across weighted groups; pack with padding_value and outer_dims_perm
// and its unpack; batch_mmt4d with batch and K1 split.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %_e1 = tensor.empty() : tensor<6x8xf32>
  %A = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e1 : tensor<6x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %z_ix0 = linalg.index 0 : index
    %z_cc0 = arith.constant 3 : index
    %z_m0 = arith.muli %z_ix0, %z_cc0 : index
    %z_acc1 = arith.addi %acc0, %z_m0 : index
    %z_ix1 = linalg.index 1 : index
    %z_cc1 = arith.constant 5 : index
    %z_m1 = arith.muli %z_ix1, %z_cc1 : index
    %z_acc2 = arith.addi %z_acc1, %z_m1 : index
    %z_md = arith.constant 7 : index
    %z_rr = arith.remui %z_acc2, %z_md : index
    %z_i64v = arith.index_cast %z_rr : index to i64
    %z_of = arith.constant 3 : i64
    %z_sv = arith.subi %z_i64v, %z_of : i64
    %z_vv = arith.sitofp %z_sv : i64 to f32
    linalg.yield %z_vv : f32
  } -> tensor<6x8xf32>
  %Aa = hspmd.annotate %A as #hspmd.sharding<[0, 1, 2] : [d0 = 3]> : tensor<6x8xf32>
  %_e2 = tensor.empty() : tensor<4x8xf32>
  %Bt = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e2 : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %z_ix0 = linalg.index 0 : index
    %z_cc0 = arith.constant 2 : index
    %z_m0 = arith.muli %z_ix0, %z_cc0 : index
    %z_acc1 = arith.addi %acc0, %z_m0 : index
    %z_ix1 = linalg.index 1 : index
    %z_cc1 = arith.constant 3 : index
    %z_m1 = arith.muli %z_ix1, %z_cc1 : index
    %z_acc2 = arith.addi %z_acc1, %z_m1 : index
    %z_md = arith.constant 5 : index
    %z_rr = arith.remui %z_acc2, %z_md : index
    %z_i64v = arith.index_cast %z_rr : index to i64
    %z_of = arith.constant 2 : i64
    %z_sv = arith.subi %z_i64v, %z_of : i64
    %z_vv = arith.sitofp %z_sv : i64 to f32
    linalg.yield %z_vv : f32
  } -> tensor<4x8xf32>
  %Bta = hspmd.annotate %Bt as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x8xf32>
  %pa0 = tensor.empty() : tensor<3x4x2x2xf32>
  %pa = linalg.pack %Aa inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %pa0 : tensor<6x8xf32> -> tensor<3x4x2x2xf32>
  %pb0 = tensor.empty() : tensor<2x4x2x2xf32>
  %pb = linalg.pack %Bta inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %pb0 : tensor<4x8xf32> -> tensor<2x4x2x2xf32>
  %paa = hspmd.annotate %pa as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d1 = 2]> : tensor<3x4x2x2xf32>
  %pba = hspmd.annotate %pb as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<2x4x2x2xf32>
  %_c4 = arith.constant 0.0 : f32
  %_e3 = tensor.empty() : tensor<3x2x2x2xf32>
  %c0 = linalg.fill ins(%_c4 : f32) outs(%_e3 : tensor<3x2x2x2xf32>) -> tensor<3x2x2x2xf32>
  %c = linalg.mmt4d ins(%paa, %pba : tensor<3x4x2x2xf32>, tensor<2x4x2x2xf32>) outs(%c0 : tensor<3x2x2x2xf32>) -> tensor<3x2x2x2xf32>
  %u0 = tensor.empty() : tensor<6x4xf32>
  %u = linalg.unpack %c inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %u0 : tensor<3x2x2x2xf32> -> tensor<6x4xf32>
  %ua = hspmd.annotate %u as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[3] : [], [0, 1] : [d1 = 2]]> : tensor<6x4xf32>
  %_b5 = bufferization.to_buffer %ua : tensor<6x4xf32> to memref<6x4xf32>
  %_u6 = memref.cast %_b5 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%_u6) : (memref<*xf32>) -> ()
  %_e7 = tensor.empty() : tensor<5x7xf32>
  %X = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e7 : tensor<5x7xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %z_ix0 = linalg.index 0 : index
    %z_cc0 = arith.constant 3 : index
    %z_m0 = arith.muli %z_ix0, %z_cc0 : index
    %z_acc1 = arith.addi %acc0, %z_m0 : index
    %z_ix1 = linalg.index 1 : index
    %z_cc1 = arith.constant 5 : index
    %z_m1 = arith.muli %z_ix1, %z_cc1 : index
    %z_acc2 = arith.addi %z_acc1, %z_m1 : index
    %z_md = arith.constant 7 : index
    %z_rr = arith.remui %z_acc2, %z_md : index
    %z_i64v = arith.index_cast %z_rr : index to i64
    %z_of = arith.constant 3 : i64
    %z_sv = arith.subi %z_i64v, %z_of : i64
    %z_vv = arith.sitofp %z_sv : i64 to f32
    linalg.yield %z_vv : f32
  } -> tensor<5x7xf32>
  %Xa = hspmd.annotate %X as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<5x7xf32>
  %px0 = tensor.empty() : tensor<4x3x2x2xf32>
  %pad = arith.constant -1.0 : f32
  %px = linalg.pack %Xa padding_value(%pad : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %px0 : tensor<5x7xf32> -> tensor<4x3x2x2xf32>
  %pxa = hspmd.annotate %px as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x3x2x2xf32>
  %_b8 = bufferization.to_buffer %pxa : tensor<4x3x2x2xf32> to memref<4x3x2x2xf32>
  %_u9 = memref.cast %_b8 : memref<4x3x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%_u9) : (memref<*xf32>) -> ()
  %ux0 = tensor.empty() : tensor<5x7xf32>
  %ux = linalg.unpack %pxa outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %ux0 : tensor<4x3x2x2xf32> -> tensor<5x7xf32>
  %_b10 = bufferization.to_buffer %ux : tensor<5x7xf32> to memref<5x7xf32>
  %_u11 = memref.cast %_b10 : memref<5x7xf32> to memref<*xf32>
  call @printMemrefF32(%_u11) : (memref<*xf32>) -> ()
  %_e12 = tensor.empty() : tensor<2x3x2x2x2xf32>
  %BA = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} outs(%_e12 : tensor<2x3x2x2x2xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %z_ix0 = linalg.index 0 : index
    %z_cc0 = arith.constant 1 : index
    %z_m0 = arith.muli %z_ix0, %z_cc0 : index
    %z_acc1 = arith.addi %acc0, %z_m0 : index
    %z_ix1 = linalg.index 1 : index
    %z_cc1 = arith.constant 3 : index
    %z_m1 = arith.muli %z_ix1, %z_cc1 : index
    %z_acc2 = arith.addi %z_acc1, %z_m1 : index
    %z_ix2 = linalg.index 2 : index
    %z_cc2 = arith.constant 5 : index
    %z_m2 = arith.muli %z_ix2, %z_cc2 : index
    %z_acc3 = arith.addi %z_acc2, %z_m2 : index
    %z_ix3 = linalg.index 3 : index
    %z_cc3 = arith.constant 7 : index
    %z_m3 = arith.muli %z_ix3, %z_cc3 : index
    %z_acc4 = arith.addi %z_acc3, %z_m3 : index
    %z_ix4 = linalg.index 4 : index
    %z_cc4 = arith.constant 2 : index
    %z_m4 = arith.muli %z_ix4, %z_cc4 : index
    %z_acc5 = arith.addi %z_acc4, %z_m4 : index
    %z_md = arith.constant 7 : index
    %z_rr = arith.remui %z_acc5, %z_md : index
    %z_i64v = arith.index_cast %z_rr : index to i64
    %z_of = arith.constant 3 : i64
    %z_sv = arith.subi %z_i64v, %z_of : i64
    %z_vv = arith.sitofp %z_sv : i64 to f32
    linalg.yield %z_vv : f32
  } -> tensor<2x3x2x2x2xf32>
  %BAa = hspmd.annotate %BA as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d2 = 2]> : tensor<2x3x2x2x2xf32>
  %_e13 = tensor.empty() : tensor<2x2x2x2x2xf32>
  %BB = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} outs(%_e13 : tensor<2x2x2x2x2xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %z_ix0 = linalg.index 0 : index
    %z_cc0 = arith.constant 1 : index
    %z_m0 = arith.muli %z_ix0, %z_cc0 : index
    %z_acc1 = arith.addi %acc0, %z_m0 : index
    %z_ix1 = linalg.index 1 : index
    %z_cc1 = arith.constant 2 : index
    %z_m1 = arith.muli %z_ix1, %z_cc1 : index
    %z_acc2 = arith.addi %z_acc1, %z_m1 : index
    %z_ix2 = linalg.index 2 : index
    %z_cc2 = arith.constant 3 : index
    %z_m2 = arith.muli %z_ix2, %z_cc2 : index
    %z_acc3 = arith.addi %z_acc2, %z_m2 : index
    %z_ix3 = linalg.index 3 : index
    %z_cc3 = arith.constant 5 : index
    %z_m3 = arith.muli %z_ix3, %z_cc3 : index
    %z_acc4 = arith.addi %z_acc3, %z_m3 : index
    %z_ix4 = linalg.index 4 : index
    %z_cc4 = arith.constant 7 : index
    %z_m4 = arith.muli %z_ix4, %z_cc4 : index
    %z_acc5 = arith.addi %z_acc4, %z_m4 : index
    %z_md = arith.constant 5 : index
    %z_rr = arith.remui %z_acc5, %z_md : index
    %z_i64v = arith.index_cast %z_rr : index to i64
    %z_of = arith.constant 2 : i64
    %z_sv = arith.subi %z_i64v, %z_of : i64
    %z_vv = arith.sitofp %z_sv : i64 to f32
    linalg.yield %z_vv : f32
  } -> tensor<2x2x2x2x2xf32>
  %_c15 = arith.constant 0.0 : f32
  %_e14 = tensor.empty() : tensor<2x3x2x2x2xf32>
  %BC0 = linalg.fill ins(%_c15 : f32) outs(%_e14 : tensor<2x3x2x2x2xf32>) -> tensor<2x3x2x2x2xf32>
  %BC = linalg.batch_mmt4d ins(%BAa, %BB : tensor<2x3x2x2x2xf32>, tensor<2x2x2x2x2xf32>) outs(%BC0 : tensor<2x3x2x2x2xf32>) -> tensor<2x3x2x2x2xf32>
  %_b16 = bufferization.to_buffer %BC : tensor<2x3x2x2x2xf32> to memref<2x3x2x2x2xf32>
  %_u17 = memref.cast %_b16 : memref<2x3x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%_u17) : (memref<*xf32>) -> ()
  return
}
