// Helper with heterogeneous arg shardings (weighted hetero d1, hetero partial) and two results (hetero partial, [7,6]:[d1=2]); a helper annotating its result [partial=2,d0=2]; chained calls feeding partial results back in.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func private @lin(%a: tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[5] : [], [6, 7] : [dup = 2]]>}, %w: tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = partial, groups = [[2, 3] : [d0 = 2], [4] : []]>}) -> (tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = partial, groups = [[3] : [], [5, 1] : [partial = 2]]>}, tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<[7, 6] : [d1 = 2]>}) {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x8xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %r = linalg.matmul ins(%a, %w : tensor<8x8xf32>, tensor<8x8xf32>) outs(%f : tensor<8x8xf32>) -> tensor<8x8xf32>
  %s = arith.subf %a, %w : tensor<8x8xf32>
  return %r, %s : tensor<8x8xf32>, tensor<8x8xf32>
}
func.func private @sq(%a: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %r = arith.mulf %a, %a : tensor<8x8xf32>
  %r1 = hspmd.annotate %r as #hspmd.sharding<[1, 2, 3, 4] : [partial = 2, d0 = 2]> : tensor<8x8xf32>
  return %r1 : tensor<8x8xf32>
}
func.func @main() {
  %a_e1 = tensor.empty() : tensor<8x8xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e1 : tensor<8x8xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 1 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 3 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 2 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %md1 = arith.constant 7 : index
    %r1 = arith.remui %acc1_2, %md1 : index
    %i1 = arith.index_cast %r1 : index to i64
    %of1 = arith.constant 3 : i64
    %s1 = arith.subi %i1, %of1 : i64
    %v1 = arith.sitofp %s1 : i64 to f32
    linalg.yield %v1 : f32
  } -> tensor<8x8xf32>
  %w_e2 = tensor.empty() : tensor<8x8xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%w_e2 : tensor<8x8xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 1 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 2 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %ix2_1 = linalg.index 1 : index
    %cc2_1 = arith.constant 3 : index
    %m2_1 = arith.muli %ix2_1, %cc2_1 : index
    %acc2_2 = arith.addi %acc2_1, %m2_1 : index
    %md2 = arith.constant 5 : index
    %r2 = arith.remui %acc2_2, %md2 : index
    %i2 = arith.index_cast %r2 : index to i64
    %of2 = arith.constant 2 : i64
    %s2 = arith.subi %i2, %of2 : i64
    %v2 = arith.sitofp %s2 : i64 to f32
    linalg.yield %v2 : f32
  } -> tensor<8x8xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x8xf32>
  %r:2 = call @lin(%a1, %w) : (tensor<8x8xf32>, tensor<8x8xf32>) -> (tensor<8x8xf32>, tensor<8x8xf32>)
  %q = call @sq(%r#0) : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %q2 = call @sq(%r#1) : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %r2:2 = call @lin(%q, %q2) : (tensor<8x8xf32>, tensor<8x8xf32>) -> (tensor<8x8xf32>, tensor<8x8xf32>)
  %u = arith.addf %r2#0, %r2#1 : tensor<8x8xf32>
  %pb3 = bufferization.to_buffer %q : tensor<8x8xf32> to memref<8x8xf32>
  %pc3 = memref.cast %pb3 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %q2 : tensor<8x8xf32> to memref<8x8xf32>
  %pc4 = memref.cast %pb4 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %u : tensor<8x8xf32> to memref<8x8xf32>
  %pc5 = memref.cast %pb5 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  return
}
