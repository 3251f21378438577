// Sum, max, product, argmax and an index-weighted sum over dim 0 of a 3-group weighted hetero d0 (weights [1,3,2]) whose groups split d0 and d1 differently; row sums into a weighted hetero with a partial group.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a_e1 = tensor.empty() : tensor<12x6xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e1 : tensor<12x6xf32>) {
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
    %Gmd1 = arith.constant 13 : index
    %Gr1 = arith.remui %Gacc1_2, %Gmd1 : index
    %Gi1 = arith.index_cast %Gr1 : index to i64
    %Gof1 = arith.constant 6 : i64
    %Gs1 = arith.subi %Gi1, %Gof1 : i64
    %Gv1 = arith.sitofp %Gs1 : i64 to f32
    linalg.yield %Gv1 : f32
  } -> tensor<12x6xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<hetero = d0, weights = [1, 3, 2], groups = [[7] : [], [2, 5, 3] : [d0 = 3], [4, 1, 6, 0] : [d1 = 2, d0 = 2]]> : tensor<12x6xf32>
  %smi_z = arith.constant 0.0 : f32
  %smi_e = tensor.empty() : tensor<6xf32>
  %smi = linalg.fill ins(%smi_z : f32) outs(%smi_e : tensor<6xf32>) -> tensor<6xf32>
  %sm = linalg.reduce ins(%a1 : tensor<12x6xf32>) outs(%smi : tensor<6xf32>) dimensions = [0]
    (%xsm: f32, %ysm: f32) {
      %qsm = arith.addf %xsm, %ysm : f32
      linalg.yield %qsm : f32
    }
  %pb2 = bufferization.to_buffer %sm : tensor<6xf32> to memref<6xf32>
  %pc2 = memref.cast %pb2 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  %mxi_z = arith.constant -100.0 : f32
  %mxi_e = tensor.empty() : tensor<6xf32>
  %mxi = linalg.fill ins(%mxi_z : f32) outs(%mxi_e : tensor<6xf32>) -> tensor<6xf32>
  %mx = linalg.reduce ins(%a1 : tensor<12x6xf32>) outs(%mxi : tensor<6xf32>) dimensions = [0]
    (%xmx: f32, %ymx: f32) {
      %qmx = arith.maximumf %xmx, %ymx : f32
      linalg.yield %qmx : f32
    }
  %pb3 = bufferization.to_buffer %mx : tensor<6xf32> to memref<6xf32>
  %pc3 = memref.cast %pb3 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pri_z = arith.constant 1.0 : f32
  %pri_e = tensor.empty() : tensor<6xf32>
  %pri = linalg.fill ins(%pri_z : f32) outs(%pri_e : tensor<6xf32>) -> tensor<6xf32>
  %pr = linalg.reduce ins(%a1 : tensor<12x6xf32>) outs(%pri : tensor<6xf32>) dimensions = [0]
    (%xpr: f32, %ypr: f32) {
      %qpr = arith.mulf %xpr, %ypr : f32
      linalg.yield %qpr : f32
    }
  %pb4 = bufferization.to_buffer %pr : tensor<6xf32> to memref<6xf32>
  %pc4 = memref.cast %pb4 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %rsi_z = arith.constant 0.0 : f32
  %rsi_e = tensor.empty() : tensor<12xf32>
  %rsi = linalg.fill ins(%rsi_z : f32) outs(%rsi_e : tensor<12xf32>) -> tensor<12xf32>
  %rs = linalg.reduce ins(%a1 : tensor<12x6xf32>) outs(%rsi : tensor<12xf32>) dimensions = [1]
    (%xx: f32, %yy: f32) {
      %qq = arith.addf %xx, %yy : f32
      linalg.yield %qq : f32
    }
  %rs1 = hspmd.annotate %rs as #hspmd.sharding<hetero = d0, weights = [5, 1], groups = [[1, 0] : [partial = 2], [3] : []]> : tensor<12xf32>
  %pb5 = bufferization.to_buffer %rs1 : tensor<12xf32> to memref<12xf32>
  %pc5 = memref.cast %pb5 : memref<12xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  %amv_z = arith.constant -100.0 : f32
  %amv_e = tensor.empty() : tensor<6xf32>
  %amv = linalg.fill ins(%amv_z : f32) outs(%amv_e : tensor<6xf32>) -> tensor<6xf32>
  %ami_z = arith.constant 0 : i32
  %ami_e = tensor.empty() : tensor<6xi32>
  %ami = linalg.fill ins(%ami_z : i32) outs(%ami_e : tensor<6xi32>) -> tensor<6xi32>
  %am:2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d1)>], iterator_types = ["reduction", "parallel"]} ins(%a1 : tensor<12x6xf32>) outs(%amv, %ami : tensor<6xf32>, tensor<6xi32>) {
  ^bb0(%in: f32, %bv: f32, %bi: i32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %gt = arith.cmpf ogt, %in, %bv : f32
    %nv = arith.select %gt, %in, %bv : f32
    %ni = arith.select %gt, %ii, %bi : i32
    linalg.yield %nv, %ni : f32, i32
  } -> (tensor<6xf32>, tensor<6xi32>)
  %pb6 = bufferization.to_buffer %am#1 : tensor<6xi32> to memref<6xi32>
  %pc6 = memref.cast %pb6 : memref<6xi32> to memref<*xi32>
  call @printMemrefI32(%pc6) : (memref<*xi32>) -> ()
  %wsi_z = arith.constant 0.0 : f32
  %wsi_e = tensor.empty() : tensor<6xf32>
  %wsi = linalg.fill ins(%wsi_z : f32) outs(%wsi_e : tensor<6xf32>) -> tensor<6xf32>
  %ws = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>], iterator_types = ["reduction", "parallel"]} ins(%a1 : tensor<12x6xf32>) outs(%wsi : tensor<6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %m = arith.mulf %in, %fi : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<6xf32>
  %pb7 = bufferization.to_buffer %ws : tensor<6xf32> to memref<6xf32>
  %pc7 = memref.cast %pb7 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc7) : (memref<*xf32>) -> ()
  return
}
