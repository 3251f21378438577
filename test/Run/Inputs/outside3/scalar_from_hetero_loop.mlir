// Scalars extracted from a hetero-partial i32 matmul result and from a weighted hetero d0 tensor drive an scf.for trip count and a fill; the loop carries a weighted hetero d0 value with a partial group and re-annotates it to [2,3,6]:[d0=3] each step.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a_e1 = tensor.empty() : tensor<4x8xi32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e1 : tensor<4x8xi32>) {
  ^bb0(%Go1: i32):
    %Gacc1_0 = arith.constant 1 : index
    %Gix1_0 = linalg.index 0 : index
    %Gcc1_0 = arith.constant 3 : index
    %Gm1_0 = arith.muli %Gix1_0, %Gcc1_0 : index
    %Gacc1_1 = arith.addi %Gacc1_0, %Gm1_0 : index
    %Gix1_1 = linalg.index 1 : index
    %Gcc1_1 = arith.constant 2 : index
    %Gm1_1 = arith.muli %Gix1_1, %Gcc1_1 : index
    %Gacc1_2 = arith.addi %Gacc1_1, %Gm1_1 : index
    %Gmd1 = arith.constant 7 : index
    %Gr1 = arith.remui %Gacc1_2, %Gmd1 : index
    %Gi1 = arith.index_cast %Gr1 : index to i64
    %Gof1 = arith.constant 1 : i64
    %Gs1 = arith.subi %Gi1, %Gof1 : i64
    %Gv1 = arith.trunci %Gs1 : i64 to i32
    linalg.yield %Gv1 : i32
  } -> tensor<4x8xi32>
  %w_e2 = tensor.empty() : tensor<8x4xi32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%w_e2 : tensor<8x4xi32>) {
  ^bb0(%Go2: i32):
    %Gacc2_0 = arith.constant 1 : index
    %Gix2_0 = linalg.index 0 : index
    %Gcc2_0 = arith.constant 2 : index
    %Gm2_0 = arith.muli %Gix2_0, %Gcc2_0 : index
    %Gacc2_1 = arith.addi %Gacc2_0, %Gm2_0 : index
    %Gix2_1 = linalg.index 1 : index
    %Gcc2_1 = arith.constant 1 : index
    %Gm2_1 = arith.muli %Gix2_1, %Gcc2_1 : index
    %Gacc2_2 = arith.addi %Gacc2_1, %Gm2_1 : index
    %Gmd2 = arith.constant 3 : index
    %Gr2 = arith.remui %Gacc2_2, %Gmd2 : index
    %Gi2 = arith.index_cast %Gr2 : index to i64
    %Gof2 = arith.constant 0 : i64
    %Gs2 = arith.subi %Gi2, %Gof2 : i64
    %Gv2 = arith.trunci %Gs2 : i64 to i32
    linalg.yield %Gv2 : i32
  } -> tensor<8x4xi32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[5, 6] : [d1 = 2]> : tensor<4x8xi32>
  %w1 = hspmd.annotate %w as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[6] : [], [2, 5] : [dup = 2]]> : tensor<8x4xi32>
  %p_i_z = arith.constant 0 : i32
  %p_i_e = tensor.empty() : tensor<4x4xi32>
  %p_i = linalg.fill ins(%p_i_z : i32) outs(%p_i_e : tensor<4x4xi32>) -> tensor<4x4xi32>
  %p = linalg.matmul ins(%a1, %w1 : tensor<4x8xi32>, tensor<8x4xi32>) outs(%p_i : tensor<4x4xi32>) -> tensor<4x4xi32>
  %p1 = hspmd.annotate %p as #hspmd.sharding<hetero = partial, groups = [[3, 4] : [d1 = 2], [7] : []]> : tensor<4x4xi32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %n = tensor.extract %p1[%c1, %c2] : tensor<4x4xi32>
  %c7 = arith.constant 7 : i32
  %nn = arith.remsi %n, %c7 : i32
  %nabs = math.absi %nn : i32
  %ni = arith.index_cast %nabs : i32 to index
  %f = tensor.extract %w1[%c2, %c1] : tensor<8x4xi32>
  %ff = arith.sitofp %f : i32 to f32
  %g0 = arith.constant 0.0 : f32
  %x_e3 = tensor.empty() : tensor<6xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%x_e3 : tensor<6xf32>) {
  ^bb0(%Go3: f32):
    %Gacc3_0 = arith.constant 1 : index
    %Gix3_0 = linalg.index 0 : index
    %Gcc3_0 = arith.constant 3 : index
    %Gm3_0 = arith.muli %Gix3_0, %Gcc3_0 : index
    %Gacc3_1 = arith.addi %Gacc3_0, %Gm3_0 : index
    %Gmd3 = arith.constant 5 : index
    %Gr3 = arith.remui %Gacc3_1, %Gmd3 : index
    %Gi3 = arith.index_cast %Gr3 : index to i64
    %Gof3 = arith.constant 2 : i64
    %Gs3 = arith.subi %Gi3, %Gof3 : i64
    %Gv3 = arith.sitofp %Gs3 : i64 to f32
    linalg.yield %Gv3 : f32
  } -> tensor<6xf32>
  %x1 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[1] : [], [4, 7] : [partial = 2]]> : tensor<6xf32>
  %res = scf.for %i = %c0 to %ni step %c1 iter_args(%v = %x1) -> (tensor<6xf32>) {
    %e = tensor.empty() : tensor<6xf32>
    %fl = linalg.fill ins(%ff : f32) outs(%e : tensor<6xf32>) -> tensor<6xf32>
    %v2 = arith.addf %v, %fl : tensor<6xf32>
    %va = hspmd.annotate %v2 as #hspmd.sharding<[2, 3, 6] : [d0 = 3]> : tensor<6xf32>
    %s = tensor.extract %va[%c2] : tensor<6xf32>
    %e2 = tensor.empty() : tensor<6xf32>
    %fl2 = linalg.fill ins(%s : f32) outs(%e2 : tensor<6xf32>) -> tensor<6xf32>
    %v3 = arith.subf %va, %fl2 : tensor<6xf32>
    %v4 = arith.addf %v3, %v2 : tensor<6xf32>
    scf.yield %v4 : tensor<6xf32>
  }
  %nt = tensor.from_elements %nabs, %n, %f : tensor<3xi32>
  %pb4 = bufferization.to_buffer %nt : tensor<3xi32> to memref<3xi32>
  %pc4 = memref.cast %pb4 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%pc4) : (memref<*xi32>) -> ()
  %pb5 = bufferization.to_buffer %res : tensor<6xf32> to memref<6xf32>
  %pc5 = memref.cast %pb5 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  return
}
