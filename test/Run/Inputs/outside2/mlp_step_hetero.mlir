// One MLP training step (7 ranks) with heterogeneous groups: the batch is cut
// between groups with weights [3, 1] (6 + 2 rows), the fast group [3, 1, 2, 0]
// splits the hidden dimension 4 ways, the slow group [6, 4] 2 ways; the
// target Y lives on rank 5 alone. Forward, MSE gradient, backward through transposes, SGD.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x0_e = tensor.empty() : tensor<8x4xf32>
  %x0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%x0_e : tensor<8x4xf32>) {
  ^bb0(%o8: f32):
    %acc8_0 = arith.constant 0 : index
    %ix8_0 = linalg.index 0 : index
    %cc8_0 = arith.constant 3 : index
    %m8_0 = arith.muli %ix8_0, %cc8_0 : index
    %acc8_1 = arith.addi %acc8_0, %m8_0 : index
    %ix8_1 = linalg.index 1 : index
    %cc8_1 = arith.constant 5 : index
    %m8_1 = arith.muli %ix8_1, %cc8_1 : index
    %acc8_2 = arith.addi %acc8_1, %m8_1 : index
    %md8 = arith.constant 7 : index
    %r8 = arith.remui %acc8_2, %md8 : index
    %i8 = arith.index_cast %r8 : index to i32
    %of8 = arith.constant 3 : i32
    %s8 = arith.subi %i8, %of8 : i32
    %v8 = arith.sitofp %s8 : i32 to f32
    linalg.yield %v8 : f32
  } -> tensor<8x4xf32>
  %w10_e = tensor.empty() : tensor<4x8xf32>
  %w10 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w10_e : tensor<4x8xf32>) {
  ^bb0(%o9: f32):
    %acc9_0 = arith.constant 0 : index
    %ix9_0 = linalg.index 0 : index
    %cc9_0 = arith.constant 5 : index
    %m9_0 = arith.muli %ix9_0, %cc9_0 : index
    %acc9_1 = arith.addi %acc9_0, %m9_0 : index
    %ix9_1 = linalg.index 1 : index
    %cc9_1 = arith.constant 3 : index
    %m9_1 = arith.muli %ix9_1, %cc9_1 : index
    %acc9_2 = arith.addi %acc9_1, %m9_1 : index
    %md9 = arith.constant 5 : index
    %r9 = arith.remui %acc9_2, %md9 : index
    %i9 = arith.index_cast %r9 : index to i32
    %of9 = arith.constant 2 : i32
    %s9 = arith.subi %i9, %of9 : i32
    %v9 = arith.sitofp %s9 : i32 to f32
    linalg.yield %v9 : f32
  } -> tensor<4x8xf32>
  %w20_e = tensor.empty() : tensor<8x4xf32>
  %w20 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w20_e : tensor<8x4xf32>) {
  ^bb0(%o10: f32):
    %acc10_0 = arith.constant 0 : index
    %ix10_0 = linalg.index 0 : index
    %cc10_0 = arith.constant 1 : index
    %m10_0 = arith.muli %ix10_0, %cc10_0 : index
    %acc10_1 = arith.addi %acc10_0, %m10_0 : index
    %ix10_1 = linalg.index 1 : index
    %cc10_1 = arith.constant 3 : index
    %m10_1 = arith.muli %ix10_1, %cc10_1 : index
    %acc10_2 = arith.addi %acc10_1, %m10_1 : index
    %md10 = arith.constant 5 : index
    %r10 = arith.remui %acc10_2, %md10 : index
    %i10 = arith.index_cast %r10 : index to i32
    %of10 = arith.constant 2 : i32
    %s10 = arith.subi %i10, %of10 : i32
    %v10 = arith.sitofp %s10 : i32 to f32
    linalg.yield %v10 : f32
  } -> tensor<8x4xf32>
  %y0_e = tensor.empty() : tensor<8x4xf32>
  %y0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%y0_e : tensor<8x4xf32>) {
  ^bb0(%o11: f32):
    %acc11_0 = arith.constant 0 : index
    %ix11_0 = linalg.index 0 : index
    %cc11_0 = arith.constant 2 : index
    %m11_0 = arith.muli %ix11_0, %cc11_0 : index
    %acc11_1 = arith.addi %acc11_0, %m11_0 : index
    %ix11_1 = linalg.index 1 : index
    %cc11_1 = arith.constant 1 : index
    %m11_1 = arith.muli %ix11_1, %cc11_1 : index
    %acc11_2 = arith.addi %acc11_1, %m11_1 : index
    %md11 = arith.constant 3 : index
    %r11 = arith.remui %acc11_2, %md11 : index
    %i11 = arith.index_cast %r11 : index to i32
    %of11 = arith.constant 1 : i32
    %s11 = arith.subi %i11, %of11 : i32
    %v11 = arith.sitofp %s11 : i32 to f32
    linalg.yield %v11 : f32
  } -> tensor<8x4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[3, 1, 2, 0] : [dup = 4], [6, 4] : [dup = 2]]> : tensor<8x4xf32>
  %w1 = hspmd.annotate %w10 as #hspmd.sharding<hetero = dup, groups = [[3, 1, 2, 0] : [d1 = 4], [6, 4] : [d1 = 2]]> : tensor<4x8xf32>
  %w2 = hspmd.annotate %w20 as #hspmd.sharding<hetero = dup, groups = [[3, 1, 2, 0] : [d0 = 4], [6, 4] : [d0 = 2]]> : tensor<8x4xf32>
  %y = hspmd.annotate %y0 as #hspmd.sharding<[5] : []> : tensor<8x4xf32>
  %h_i_z = arith.constant 0.0 : f32
  %h_i_e = tensor.empty() : tensor<8x8xf32>
  %h_i = linalg.fill ins(%h_i_z : f32) outs(%h_i_e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %h = linalg.matmul ins(%x, %w1 : tensor<8x4xf32>, tensor<4x8xf32>) outs(%h_i : tensor<8x8xf32>) -> tensor<8x8xf32>
  %zero = arith.constant dense<0.0> : tensor<8x8xf32>
  %r = arith.maximumf %h, %zero : tensor<8x8xf32>
  %o_i_z = arith.constant 0.0 : f32
  %o_i_e = tensor.empty() : tensor<8x4xf32>
  %o_i = linalg.fill ins(%o_i_z : f32) outs(%o_i_e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %o = linalg.matmul ins(%r, %w2 : tensor<8x8xf32>, tensor<8x4xf32>) outs(%o_i : tensor<8x4xf32>) -> tensor<8x4xf32>
  %do = arith.subf %o, %y : tensor<8x4xf32>
  %rt_e = tensor.empty() : tensor<8x8xf32>
  %rt = linalg.transpose ins(%r : tensor<8x8xf32>) outs(%rt_e : tensor<8x8xf32>) permutation = [1, 0]
  %dw2_i_z = arith.constant 0.0 : f32
  %dw2_i_e = tensor.empty() : tensor<8x4xf32>
  %dw2_i = linalg.fill ins(%dw2_i_z : f32) outs(%dw2_i_e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %dw2 = linalg.matmul ins(%rt, %do : tensor<8x8xf32>, tensor<8x4xf32>) outs(%dw2_i : tensor<8x4xf32>) -> tensor<8x4xf32>
  %w2t_e = tensor.empty() : tensor<4x8xf32>
  %w2t = linalg.transpose ins(%w2 : tensor<8x4xf32>) outs(%w2t_e : tensor<4x8xf32>) permutation = [1, 0]
  %dr_i_z = arith.constant 0.0 : f32
  %dr_i_e = tensor.empty() : tensor<8x8xf32>
  %dr_i = linalg.fill ins(%dr_i_z : f32) outs(%dr_i_e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %dr = linalg.matmul ins(%do, %w2t : tensor<8x4xf32>, tensor<4x8xf32>) outs(%dr_i : tensor<8x8xf32>) -> tensor<8x8xf32>
  %mask = arith.cmpf ogt, %h, %zero : tensor<8x8xf32>
  %dh = arith.select %mask, %dr, %zero : tensor<8x8xi1>, tensor<8x8xf32>
  %xt_e = tensor.empty() : tensor<4x8xf32>
  %xt = linalg.transpose ins(%x : tensor<8x4xf32>) outs(%xt_e : tensor<4x8xf32>) permutation = [1, 0]
  %dw1_i_z = arith.constant 0.0 : f32
  %dw1_i_e = tensor.empty() : tensor<4x8xf32>
  %dw1_i = linalg.fill ins(%dw1_i_z : f32) outs(%dw1_i_e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %dw1 = linalg.matmul ins(%xt, %dh : tensor<4x8xf32>, tensor<8x8xf32>) outs(%dw1_i : tensor<4x8xf32>) -> tensor<4x8xf32>
  %lr1 = arith.constant dense<0.5> : tensor<4x8xf32>
  %s1 = arith.mulf %dw1, %lr1 : tensor<4x8xf32>
  %w1n = arith.subf %w1, %s1 : tensor<4x8xf32>
  %lr2 = arith.constant dense<0.25> : tensor<8x4xf32>
  %s2 = arith.mulf %dw2, %lr2 : tensor<8x4xf32>
  %w2n = arith.subf %w2, %s2 : tensor<8x4xf32>
  %sq = arith.mulf %do, %do : tensor<8x4xf32>
  %li_z = arith.constant 0.0 : f32
  %li_e = tensor.empty() : tensor<f32>
  %li = linalg.fill ins(%li_z : f32) outs(%li_e : tensor<f32>) -> tensor<f32>
  %loss = linalg.reduce ins(%sq : tensor<8x4xf32>) outs(%li : tensor<f32>) dimensions = [0, 1]
    (%a: f32, %c: f32) {
      %t = arith.addf %a, %c : f32
      linalg.yield %t : f32
    }
  %pb12 = bufferization.to_buffer %w1n : tensor<4x8xf32> to memref<4x8xf32>
  %pc12 = memref.cast %pb12 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc12) : (memref<*xf32>) -> ()
  %pb13 = bufferization.to_buffer %w2n : tensor<8x4xf32> to memref<8x4xf32>
  %pc13 = memref.cast %pb13 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc13) : (memref<*xf32>) -> ()
  %pb14 = bufferization.to_buffer %loss : tensor<f32> to memref<f32>
  %pc14 = memref.cast %pb14 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc14) : (memref<*xf32>) -> ()
  %pb15 = bufferization.to_buffer %o : tensor<8x4xf32> to memref<8x4xf32>
  %pc15 = memref.cast %pb15 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc15) : (memref<*xf32>) -> ()
  return
}
