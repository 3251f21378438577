// One MLP training step (4 ranks) where the output gradient dO is forced by
// annotation to be partial over [2, 0] (a split -> partial change by
// annotation mid-chain), the batch is split over [1, 3, 0, 2] and weights are
// replicated; dW sums over the split batch (DP gradient all-reduce).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x0_e = tensor.empty() : tensor<8x4xf32>
  %x0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%x0_e : tensor<8x4xf32>) {
  ^bb0(%o16: f32):
    %acc16_0 = arith.constant 0 : index
    %ix16_0 = linalg.index 0 : index
    %cc16_0 = arith.constant 3 : index
    %m16_0 = arith.muli %ix16_0, %cc16_0 : index
    %acc16_1 = arith.addi %acc16_0, %m16_0 : index
    %ix16_1 = linalg.index 1 : index
    %cc16_1 = arith.constant 5 : index
    %m16_1 = arith.muli %ix16_1, %cc16_1 : index
    %acc16_2 = arith.addi %acc16_1, %m16_1 : index
    %md16 = arith.constant 7 : index
    %r16 = arith.remui %acc16_2, %md16 : index
    %i16 = arith.index_cast %r16 : index to i32
    %of16 = arith.constant 3 : i32
    %s16 = arith.subi %i16, %of16 : i32
    %v16 = arith.sitofp %s16 : i32 to f32
    linalg.yield %v16 : f32
  } -> tensor<8x4xf32>
  %w10_e = tensor.empty() : tensor<4x8xf32>
  %w10 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w10_e : tensor<4x8xf32>) {
  ^bb0(%o17: f32):
    %acc17_0 = arith.constant 0 : index
    %ix17_0 = linalg.index 0 : index
    %cc17_0 = arith.constant 5 : index
    %m17_0 = arith.muli %ix17_0, %cc17_0 : index
    %acc17_1 = arith.addi %acc17_0, %m17_0 : index
    %ix17_1 = linalg.index 1 : index
    %cc17_1 = arith.constant 3 : index
    %m17_1 = arith.muli %ix17_1, %cc17_1 : index
    %acc17_2 = arith.addi %acc17_1, %m17_1 : index
    %md17 = arith.constant 5 : index
    %r17 = arith.remui %acc17_2, %md17 : index
    %i17 = arith.index_cast %r17 : index to i32
    %of17 = arith.constant 2 : i32
    %s17 = arith.subi %i17, %of17 : i32
    %v17 = arith.sitofp %s17 : i32 to f32
    linalg.yield %v17 : f32
  } -> tensor<4x8xf32>
  %w20_e = tensor.empty() : tensor<8x4xf32>
  %w20 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w20_e : tensor<8x4xf32>) {
  ^bb0(%o18: f32):
    %acc18_0 = arith.constant 0 : index
    %ix18_0 = linalg.index 0 : index
    %cc18_0 = arith.constant 1 : index
    %m18_0 = arith.muli %ix18_0, %cc18_0 : index
    %acc18_1 = arith.addi %acc18_0, %m18_0 : index
    %ix18_1 = linalg.index 1 : index
    %cc18_1 = arith.constant 3 : index
    %m18_1 = arith.muli %ix18_1, %cc18_1 : index
    %acc18_2 = arith.addi %acc18_1, %m18_1 : index
    %md18 = arith.constant 5 : index
    %r18 = arith.remui %acc18_2, %md18 : index
    %i18 = arith.index_cast %r18 : index to i32
    %of18 = arith.constant 2 : i32
    %s18 = arith.subi %i18, %of18 : i32
    %v18 = arith.sitofp %s18 : i32 to f32
    linalg.yield %v18 : f32
  } -> tensor<8x4xf32>
  %y0_e = tensor.empty() : tensor<8x4xf32>
  %y0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%y0_e : tensor<8x4xf32>) {
  ^bb0(%o19: f32):
    %acc19_0 = arith.constant 0 : index
    %ix19_0 = linalg.index 0 : index
    %cc19_0 = arith.constant 2 : index
    %m19_0 = arith.muli %ix19_0, %cc19_0 : index
    %acc19_1 = arith.addi %acc19_0, %m19_0 : index
    %ix19_1 = linalg.index 1 : index
    %cc19_1 = arith.constant 1 : index
    %m19_1 = arith.muli %ix19_1, %cc19_1 : index
    %acc19_2 = arith.addi %acc19_1, %m19_1 : index
    %md19 = arith.constant 3 : index
    %r19 = arith.remui %acc19_2, %md19 : index
    %i19 = arith.index_cast %r19 : index to i32
    %of19 = arith.constant 1 : i32
    %s19 = arith.subi %i19, %of19 : i32
    %v19 = arith.sitofp %s19 : i32 to f32
    linalg.yield %v19 : f32
  } -> tensor<8x4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 3, 0, 2] : [d0 = 4]> : tensor<8x4xf32>
  %w1 = hspmd.annotate %w10 as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<4x8xf32>
  %w2 = hspmd.annotate %w20 as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<8x4xf32>
  %y = hspmd.annotate %y0 as #hspmd.sharding<[1, 3, 0, 2] : [d0 = 4]> : tensor<8x4xf32>
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
  %do_p = hspmd.annotate %do as #hspmd.sharding<[2, 0] : [partial = 2]> : tensor<8x4xf32>
  %rt_e = tensor.empty() : tensor<8x8xf32>
  %rt = linalg.transpose ins(%r : tensor<8x8xf32>) outs(%rt_e : tensor<8x8xf32>) permutation = [1, 0]
  %dw2_i_z = arith.constant 0.0 : f32
  %dw2_i_e = tensor.empty() : tensor<8x4xf32>
  %dw2_i = linalg.fill ins(%dw2_i_z : f32) outs(%dw2_i_e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %dw2 = linalg.matmul ins(%rt, %do_p : tensor<8x8xf32>, tensor<8x4xf32>) outs(%dw2_i : tensor<8x4xf32>) -> tensor<8x4xf32>
  %w2t_e = tensor.empty() : tensor<4x8xf32>
  %w2t = linalg.transpose ins(%w2 : tensor<8x4xf32>) outs(%w2t_e : tensor<4x8xf32>) permutation = [1, 0]
  %dr_i_z = arith.constant 0.0 : f32
  %dr_i_e = tensor.empty() : tensor<8x8xf32>
  %dr_i = linalg.fill ins(%dr_i_z : f32) outs(%dr_i_e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %dr = linalg.matmul ins(%do_p, %w2t : tensor<8x4xf32>, tensor<4x8xf32>) outs(%dr_i : tensor<8x8xf32>) -> tensor<8x8xf32>
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
  %pb20 = bufferization.to_buffer %w1n : tensor<4x8xf32> to memref<4x8xf32>
  %pc20 = memref.cast %pb20 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc20) : (memref<*xf32>) -> ()
  %pb21 = bufferization.to_buffer %w2n : tensor<8x4xf32> to memref<8x4xf32>
  %pc21 = memref.cast %pb21 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc21) : (memref<*xf32>) -> ()
  %pb22 = bufferization.to_buffer %loss : tensor<f32> to memref<f32>
  %pc22 = memref.cast %pb22 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc22) : (memref<*xf32>) -> ()
  %pb23 = bufferization.to_buffer %o : tensor<8x4xf32> to memref<8x4xf32>
  %pc23 = memref.cast %pb23 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc23) : (memref<*xf32>) -> ()
  return
}
