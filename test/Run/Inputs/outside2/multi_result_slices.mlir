// A generic with two results (4 ranks), a sum and a max of each row of a
// column-split tensor (the max must not be split, the sum may be partial);
// a strided extract_slice of the split tensor fed to a matmul whose
// contraction is its split dim (partial), inserted with stride 2 into a
// constant and wanted column-split 4 ways.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<4x8xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<4x8xf32>) {
  ^bb0(%o7: f32):
    %acc7_0 = arith.constant 0 : index
    %ix7_0 = linalg.index 0 : index
    %cc7_0 = arith.constant 5 : index
    %m7_0 = arith.muli %ix7_0, %cc7_0 : index
    %acc7_1 = arith.addi %acc7_0, %m7_0 : index
    %ix7_1 = linalg.index 1 : index
    %cc7_1 = arith.constant 3 : index
    %m7_1 = arith.muli %ix7_1, %cc7_1 : index
    %acc7_2 = arith.addi %acc7_1, %m7_1 : index
    %md7 = arith.constant 11 : index
    %r7 = arith.remui %acc7_2, %md7 : index
    %i7 = arith.index_cast %r7 : index to i32
    %of7 = arith.constant 5 : i32
    %s7 = arith.subi %i7, %of7 : i32
    %v7 = arith.sitofp %s7 : i32 to f32
    linalg.yield %v7 : f32
  } -> tensor<4x8xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[2, 1, 3, 0] : [d1 = 2, dup = 2]> : tensor<4x8xf32>
  %s0_z = arith.constant 0.0 : f32
  %s0_e = tensor.empty() : tensor<4xf32>
  %s0 = linalg.fill ins(%s0_z : f32) outs(%s0_e : tensor<4xf32>) -> tensor<4xf32>
  %m0_z = arith.constant -50.0 : f32
  %m0_e = tensor.empty() : tensor<4xf32>
  %m0 = linalg.fill ins(%m0_z : f32) outs(%m0_e : tensor<4xf32>) -> tensor<4xf32>
  %r:2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%aa : tensor<4x8xf32>) outs(%s0, %m0 : tensor<4xf32>, tensor<4xf32>) {
  ^bb0(%x: f32, %s: f32, %m: f32):
    %t = arith.addf %s, %x : f32
    %u = arith.maximumf %m, %x : f32
    linalg.yield %t, %u : f32, f32
  } -> (tensor<4xf32>, tensor<4xf32>)
  %sl = tensor.extract_slice %aa[1, 2] [2, 4] [2, 1] : tensor<4x8xf32> to tensor<2x4xf32>
  %sq4_e = tensor.empty() : tensor<4x4xf32>
  %sq4 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%sq4_e : tensor<4x4xf32>) {
  ^bb0(%o8: f32):
    %acc8_0 = arith.constant 0 : index
    %ix8_0 = linalg.index 0 : index
    %cc8_0 = arith.constant 1 : index
    %m8_0 = arith.muli %ix8_0, %cc8_0 : index
    %acc8_1 = arith.addi %acc8_0, %m8_0 : index
    %ix8_1 = linalg.index 1 : index
    %cc8_1 = arith.constant 2 : index
    %m8_1 = arith.muli %ix8_1, %cc8_1 : index
    %acc8_2 = arith.addi %acc8_1, %m8_1 : index
    %md8 = arith.constant 5 : index
    %r8 = arith.remui %acc8_2, %md8 : index
    %i8 = arith.index_cast %r8 : index to i32
    %of8 = arith.constant 2 : i32
    %s8 = arith.subi %i8, %of8 : i32
    %v8 = arith.sitofp %s8 : i32 to f32
    linalg.yield %v8 : f32
  } -> tensor<4x4xf32>
  %pp_i_z = arith.constant 0.0 : f32
  %pp_i_e = tensor.empty() : tensor<2x4xf32>
  %pp_i = linalg.fill ins(%pp_i_z : f32) outs(%pp_i_e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %pp = linalg.matmul ins(%sl, %sq4 : tensor<2x4xf32>, tensor<4x4xf32>) outs(%pp_i : tensor<2x4xf32>) -> tensor<2x4xf32>
  %dst = arith.constant dense<7.0> : tensor<4x8xf32>
  %ins = tensor.insert_slice %pp into %dst[0, 3] [2, 4] [2, 1] : tensor<2x4xf32> into tensor<4x8xf32>
  %insa = hspmd.annotate %ins as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf32>
  %pb9 = bufferization.to_buffer %r#0 : tensor<4xf32> to memref<4xf32>
  %pc9 = memref.cast %pb9 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pc9) : (memref<*xf32>) -> ()
  %pb10 = bufferization.to_buffer %r#1 : tensor<4xf32> to memref<4xf32>
  %pc10 = memref.cast %pb10 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pc10) : (memref<*xf32>) -> ()
  %pb11 = bufferization.to_buffer %insa : tensor<4x8xf32> to memref<4x8xf32>
  %pc11 = memref.cast %pb11 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc11) : (memref<*xf32>) -> ()
  return
}
