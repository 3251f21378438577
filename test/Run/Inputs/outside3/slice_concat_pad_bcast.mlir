// Strided extract_slice of a weighted hetero d1 tensor, concat of differently placed pieces, insert_slice into a [partial=2,d1=2] tensor, pad with 9.0, broadcast to [d0=3,partial=2] and 2-dim reduce.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a_e1 = tensor.empty() : tensor<8x12xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e1 : tensor<8x12xf32>) {
  ^bb0(%Go1: f32):
    %Gacc1_0 = arith.constant 1 : index
    %Gix1_0 = linalg.index 0 : index
    %Gcc1_0 = arith.constant 3 : index
    %Gm1_0 = arith.muli %Gix1_0, %Gcc1_0 : index
    %Gacc1_1 = arith.addi %Gacc1_0, %Gm1_0 : index
    %Gix1_1 = linalg.index 1 : index
    %Gcc1_1 = arith.constant 2 : index
    %Gm1_1 = arith.muli %Gix1_1, %Gcc1_1 : index
    %Gacc1_2 = arith.addi %Gacc1_1, %Gm1_1 : index
    %Gmd1 = arith.constant 11 : index
    %Gr1 = arith.remui %Gacc1_2, %Gmd1 : index
    %Gi1 = arith.index_cast %Gr1 : index to i64
    %Gof1 = arith.constant 5 : i64
    %Gs1 = arith.subi %Gi1, %Gof1 : i64
    %Gv1 = arith.sitofp %Gs1 : i64 to f32
    linalg.yield %Gv1 : f32
  } -> tensor<8x12xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[3, 1] : [d0 = 2], [2, 0, 6, 4] : [dup = 2, d1 = 2]]> : tensor<8x12xf32>
  %s = tensor.extract_slice %a1[1, 1] [3, 5] [2, 2] : tensor<8x12xf32> to tensor<3x5xf32>
  %s1 = hspmd.annotate %s as #hspmd.sharding<[7, 5, 3, 1, 6] : [d1 = 5]> : tensor<3x5xf32>
  %s2 = arith.mulf %s1, %s1 : tensor<3x5xf32>
  %cc = tensor.concat dim(1) %s2, %s, %s1 : (tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x15xf32>
  %cc1 = hspmd.annotate %cc as #hspmd.sharding<hetero = d1, weights = [2, 1], groups = [[0, 4, 2] : [partial = 3], [5, 6, 7, 1, 3] : [d1 = 5]]> : tensor<3x15xf32>
  %big_e2 = tensor.empty() : tensor<6x16xf32>
  %big = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%big_e2 : tensor<6x16xf32>) {
  ^bb0(%Go2: f32):
    %Gacc2_0 = arith.constant 1 : index
    %Gix2_0 = linalg.index 0 : index
    %Gcc2_0 = arith.constant 3 : index
    %Gm2_0 = arith.muli %Gix2_0, %Gcc2_0 : index
    %Gacc2_1 = arith.addi %Gacc2_0, %Gm2_0 : index
    %Gix2_1 = linalg.index 1 : index
    %Gcc2_1 = arith.constant 2 : index
    %Gm2_1 = arith.muli %Gix2_1, %Gcc2_1 : index
    %Gacc2_2 = arith.addi %Gacc2_1, %Gm2_1 : index
    %Gmd2 = arith.constant 5 : index
    %Gr2 = arith.remui %Gacc2_2, %Gmd2 : index
    %Gi2 = arith.index_cast %Gr2 : index to i64
    %Gof2 = arith.constant 2 : i64
    %Gs2 = arith.subi %Gi2, %Gof2 : i64
    %Gv2 = arith.sitofp %Gs2 : i64 to f32
    linalg.yield %Gv2 : f32
  } -> tensor<6x16xf32>
  %big1 = hspmd.annotate %big as #hspmd.sharding<[2, 3, 4, 5] : [partial = 2, d1 = 2]> : tensor<6x16xf32>
  %ins = tensor.insert_slice %cc1 into %big1[2, 1] [3, 15] [1, 1] : tensor<3x15xf32> into tensor<6x16xf32>
  %ins1 = hspmd.annotate %ins as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[7] : [], [6, 0] : [d1 = 2]]> : tensor<6x16xf32>
  %pv = arith.constant 9.0 : f32
  %pd = tensor.pad %ins1 low[1, 0] high[1, 2] {
  ^bb0(%i: index, %j: index):
    tensor.yield %pv : f32
  } : tensor<6x16xf32> to tensor<8x18xf32>
  %pd1 = hspmd.annotate %pd as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<8x18xf32>
  %be = tensor.empty() : tensor<3x8x18xf32>
  %bc = linalg.broadcast ins(%pd1 : tensor<8x18xf32>) outs(%be : tensor<3x8x18xf32>) dimensions = [0]
  %bc1 = hspmd.annotate %bc as #hspmd.sharding<[0 to 5] : [d0 = 3, partial = 2]> : tensor<3x8x18xf32>
  %ri_z = arith.constant 0.0 : f32
  %ri_e = tensor.empty() : tensor<8xf32>
  %ri = linalg.fill ins(%ri_z : f32) outs(%ri_e : tensor<8xf32>) -> tensor<8xf32>
  %r = linalg.reduce ins(%bc1 : tensor<3x8x18xf32>) outs(%ri : tensor<8xf32>) dimensions = [0, 2]
    (%x: f32, %y: f32) {
      %q = arith.addf %x, %y : f32
      linalg.yield %q : f32
    }
  %pb3 = bufferization.to_buffer %cc1 : tensor<3x15xf32> to memref<3x15xf32>
  %pc3 = memref.cast %pb3 : memref<3x15xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %pd1 : tensor<8x18xf32> to memref<8x18xf32>
  %pc4 = memref.cast %pb4 : memref<8x18xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %r : tensor<8xf32> to memref<8xf32>
  %pc5 = memref.cast %pb5 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  return
}
