// f16 matmul: weighted hetero d1 with a [partial=3] group x [0 to 7]:[d0=4,partial=2], result hetero partial; i64 sums that wrap; a 1x8 operand under weighted hetero d1 broadcast by a (0, d1) map; a 0x8 tensor under [d1=2,partial=2] reduced into an init.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %h_e1 = tensor.empty() : tensor<4x16xf16>
  %h = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%h_e1 : tensor<4x16xf16>) {
  ^bb0(%Go1: f16):
    %Gacc1_0 = arith.constant 1 : index
    %Gix1_0 = linalg.index 0 : index
    %Gcc1_0 = arith.constant 3 : index
    %Gm1_0 = arith.muli %Gix1_0, %Gcc1_0 : index
    %Gacc1_1 = arith.addi %Gacc1_0, %Gm1_0 : index
    %Gix1_1 = linalg.index 1 : index
    %Gcc1_1 = arith.constant 2 : index
    %Gm1_1 = arith.muli %Gix1_1, %Gcc1_1 : index
    %Gacc1_2 = arith.addi %Gacc1_1, %Gm1_1 : index
    %Gmd1 = arith.constant 9 : index
    %Gr1 = arith.remui %Gacc1_2, %Gmd1 : index
    %Gi1 = arith.index_cast %Gr1 : index to i64
    %Gof1 = arith.constant 4 : i64
    %Gs1 = arith.subi %Gi1, %Gof1 : i64
    %Gv1 = arith.sitofp %Gs1 : i64 to f16
    linalg.yield %Gv1 : f16
  } -> tensor<4x16xf16>
  %k_e2 = tensor.empty() : tensor<16x4xf16>
  %k = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%k_e2 : tensor<16x4xf16>) {
  ^bb0(%Go2: f16):
    %Gacc2_0 = arith.constant 1 : index
    %Gix2_0 = linalg.index 0 : index
    %Gcc2_0 = arith.constant 3 : index
    %Gm2_0 = arith.muli %Gix2_0, %Gcc2_0 : index
    %Gacc2_1 = arith.addi %Gacc2_0, %Gm2_0 : index
    %Gix2_1 = linalg.index 1 : index
    %Gcc2_1 = arith.constant 2 : index
    %Gm2_1 = arith.muli %Gix2_1, %Gcc2_1 : index
    %Gacc2_2 = arith.addi %Gacc2_1, %Gm2_1 : index
    %Gmd2 = arith.constant 7 : index
    %Gr2 = arith.remui %Gacc2_2, %Gmd2 : index
    %Gi2 = arith.index_cast %Gr2 : index to i64
    %Gof2 = arith.constant 3 : i64
    %Gs2 = arith.subi %Gi2, %Gof2 : i64
    %Gv2 = arith.sitofp %Gs2 : i64 to f16
    linalg.yield %Gv2 : f16
  } -> tensor<16x4xf16>
  %h1 = hspmd.annotate %h as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[3, 1, 2] : [partial = 3], [0] : []]> : tensor<4x16xf16>
  %k1 = hspmd.annotate %k as #hspmd.sharding<[0 to 7] : [d0 = 4, partial = 2]> : tensor<16x4xf16>
  %hk_i_z = arith.constant 0.0 : f16
  %hk_i_e = tensor.empty() : tensor<4x4xf16>
  %hk_i = linalg.fill ins(%hk_i_z : f16) outs(%hk_i_e : tensor<4x4xf16>) -> tensor<4x4xf16>
  %hk = linalg.matmul ins(%h1, %k1 : tensor<4x16xf16>, tensor<16x4xf16>) outs(%hk_i : tensor<4x4xf16>) -> tensor<4x4xf16>
  %hk1 = hspmd.annotate %hk as #hspmd.sharding<hetero = partial, groups = [[5] : [], [6, 7] : [dup = 2]]> : tensor<4x4xf16>
  %hk2 = arith.mulf %hk1, %hk1 : tensor<4x4xf16>
  %cv3 = arith.extf %hk2 : tensor<4x4xf16> to tensor<4x4xf32>
  %pb3 = bufferization.to_buffer %cv3 : tensor<4x4xf32> to memref<4x4xf32>
  %pc3 = memref.cast %pb3 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %l_e4 = tensor.empty() : tensor<4x8xi64>
  %l = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%l_e4 : tensor<4x8xi64>) {
  ^bb0(%Go4: i64):
    %Gacc4_0 = arith.constant 1 : index
    %Gix4_0 = linalg.index 0 : index
    %Gcc4_0 = arith.constant 3 : index
    %Gm4_0 = arith.muli %Gix4_0, %Gcc4_0 : index
    %Gacc4_1 = arith.addi %Gacc4_0, %Gm4_0 : index
    %Gix4_1 = linalg.index 1 : index
    %Gcc4_1 = arith.constant 2 : index
    %Gm4_1 = arith.muli %Gix4_1, %Gcc4_1 : index
    %Gacc4_2 = arith.addi %Gacc4_1, %Gm4_1 : index
    %Gmd4 = arith.constant 9 : index
    %Gr4 = arith.remui %Gacc4_2, %Gmd4 : index
    %Gi4 = arith.index_cast %Gr4 : index to i64
    %Gof4 = arith.constant 4 : i64
    %Gs4 = arith.subi %Gi4, %Gof4 : i64
    %Gv4 = arith.addi %Gs4, %Gs4 : i64
    linalg.yield %Gv4 : i64
  } -> tensor<4x8xi64>
  %lc = arith.constant dense<4611686018427387904> : tensor<4x8xi64>
  %l2 = arith.muli %l, %lc : tensor<4x8xi64>
  %l3 = hspmd.annotate %l2 as #hspmd.sharding<[6, 4] : [d1 = 2]> : tensor<4x8xi64>
  %lr_z = arith.constant 7 : i64
  %lr_e = tensor.empty() : tensor<4xi64>
  %lr = linalg.fill ins(%lr_z : i64) outs(%lr_e : tensor<4xi64>) -> tensor<4xi64>
  %lsum = linalg.reduce ins(%l3 : tensor<4x8xi64>) outs(%lr : tensor<4xi64>) dimensions = [1]
    (%x: i64, %y: i64) {
      %q = arith.addi %x, %y : i64
      linalg.yield %q : i64
    }
  %ls1 = hspmd.annotate %lsum as #hspmd.sharding<hetero = partial, groups = [[2, 1] : [d0 = 2], [3] : []]> : tensor<4xi64>
  %pb5 = bufferization.to_buffer %ls1 : tensor<4xi64> to memref<4xi64>
  %pc5 = memref.cast %pb5 : memref<4xi64> to memref<*xi64>
  call @printMemrefI64(%pc5) : (memref<*xi64>) -> ()
  %u_e6 = tensor.empty() : tensor<1x8xf32>
  %u = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%u_e6 : tensor<1x8xf32>) {
  ^bb0(%Go6: f32):
    %Gacc6_0 = arith.constant 1 : index
    %Gix6_0 = linalg.index 0 : index
    %Gcc6_0 = arith.constant 3 : index
    %Gm6_0 = arith.muli %Gix6_0, %Gcc6_0 : index
    %Gacc6_1 = arith.addi %Gacc6_0, %Gm6_0 : index
    %Gix6_1 = linalg.index 1 : index
    %Gcc6_1 = arith.constant 2 : index
    %Gm6_1 = arith.muli %Gix6_1, %Gcc6_1 : index
    %Gacc6_2 = arith.addi %Gacc6_1, %Gm6_1 : index
    %Gmd6 = arith.constant 7 : index
    %Gr6 = arith.remui %Gacc6_2, %Gmd6 : index
    %Gi6 = arith.index_cast %Gr6 : index to i64
    %Gof6 = arith.constant 3 : i64
    %Gs6 = arith.subi %Gi6, %Gof6 : i64
    %Gv6 = arith.sitofp %Gs6 : i64 to f32
    linalg.yield %Gv6 : f32
  } -> tensor<1x8xf32>
  %u1 = hspmd.annotate %u as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[7] : [], [5, 3] : [partial = 2]]> : tensor<1x8xf32>
  %big_e7 = tensor.empty() : tensor<4x8xf32>
  %big = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%big_e7 : tensor<4x8xf32>) {
  ^bb0(%Go7: f32):
    %Gacc7_0 = arith.constant 1 : index
    %Gix7_0 = linalg.index 0 : index
    %Gcc7_0 = arith.constant 3 : index
    %Gm7_0 = arith.muli %Gix7_0, %Gcc7_0 : index
    %Gacc7_1 = arith.addi %Gacc7_0, %Gm7_0 : index
    %Gix7_1 = linalg.index 1 : index
    %Gcc7_1 = arith.constant 2 : index
    %Gm7_1 = arith.muli %Gix7_1, %Gcc7_1 : index
    %Gacc7_2 = arith.addi %Gacc7_1, %Gm7_1 : index
    %Gmd7 = arith.constant 5 : index
    %Gr7 = arith.remui %Gacc7_2, %Gmd7 : index
    %Gi7 = arith.index_cast %Gr7 : index to i64
    %Gof7 = arith.constant 2 : i64
    %Gs7 = arith.subi %Gi7, %Gof7 : i64
    %Gv7 = arith.sitofp %Gs7 : i64 to f32
    linalg.yield %Gv7 : f32
  } -> tensor<4x8xf32>
  %big1 = hspmd.annotate %big as #hspmd.sharding<[2, 4] : [d0 = 2]> : tensor<4x8xf32>
  %be = tensor.empty() : tensor<4x8xf32>
  %bb = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%u1, %big1 : tensor<1x8xf32>, tensor<4x8xf32>) outs(%be : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.addf %x, %y : f32
    linalg.yield %m : f32
  } -> tensor<4x8xf32>
  %bb1 = hspmd.annotate %bb as #hspmd.sharding<[1, 6] : [partial = 2]> : tensor<4x8xf32>
  %pb8 = bufferization.to_buffer %bb1 : tensor<4x8xf32> to memref<4x8xf32>
  %pc8 = memref.cast %pb8 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc8) : (memref<*xf32>) -> ()
  %zz_e9 = tensor.empty() : tensor<0x8xf32>
  %zz = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%zz_e9 : tensor<0x8xf32>) {
  ^bb0(%Go9: f32):
    %Gacc9_0 = arith.constant 1 : index
    %Gix9_0 = linalg.index 0 : index
    %Gcc9_0 = arith.constant 3 : index
    %Gm9_0 = arith.muli %Gix9_0, %Gcc9_0 : index
    %Gacc9_1 = arith.addi %Gacc9_0, %Gm9_0 : index
    %Gix9_1 = linalg.index 1 : index
    %Gcc9_1 = arith.constant 2 : index
    %Gm9_1 = arith.muli %Gix9_1, %Gcc9_1 : index
    %Gacc9_2 = arith.addi %Gacc9_1, %Gm9_1 : index
    %Gmd9 = arith.constant 5 : index
    %Gr9 = arith.remui %Gacc9_2, %Gmd9 : index
    %Gi9 = arith.index_cast %Gr9 : index to i64
    %Gof9 = arith.constant 2 : i64
    %Gs9 = arith.subi %Gi9, %Gof9 : i64
    %Gv9 = arith.sitofp %Gs9 : i64 to f32
    linalg.yield %Gv9 : f32
  } -> tensor<0x8xf32>
  %zz1 = hspmd.annotate %zz as #hspmd.sharding<[1, 2, 3, 4] : [d1 = 2, partial = 2]> : tensor<0x8xf32>
  %zr_z = arith.constant 3.0 : f32
  %zr_e = tensor.empty() : tensor<8xf32>
  %zr = linalg.fill ins(%zr_z : f32) outs(%zr_e : tensor<8xf32>) -> tensor<8xf32>
  %zs = linalg.reduce ins(%zz1 : tensor<0x8xf32>) outs(%zr : tensor<8xf32>) dimensions = [0]
    (%x: f32, %y: f32) {
      %q = arith.addf %x, %y : f32
      linalg.yield %q : f32
    }
  %zs1 = hspmd.annotate %zs as #hspmd.sharding<hetero = partial, groups = [[6] : [], [7, 5] : [d0 = 2]]> : tensor<8xf32>
  %pb10 = bufferization.to_buffer %zs1 : tensor<8xf32> to memref<8xf32>
  %pc10 = memref.cast %pb10 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%pc10) : (memref<*xf32>) -> ()
  return
}
