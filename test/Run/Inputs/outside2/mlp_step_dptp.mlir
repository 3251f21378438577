// One MLP training step without loops (8 ranks), DP = 2 x TP = 4 on a device
// list not in increasing order: forward X@W1, relu, @W2 (partial over TP),
// MSE gradient, backward matmuls through linalg.transpose of the activations
// and of W2 (dW1 = X^T @ (mask * dO @ W2^T)), SGD update with lr 0.5 / 0.25,
// and the loss as a 0-d sum over both dims.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x0_e = tensor.empty() : tensor<8x4xf32>
  %x0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%x0_e : tensor<8x4xf32>) {
  ^bb0(%o0: f32):
    %acc0_0 = arith.constant 0 : index
    %ix0_0 = linalg.index 0 : index
    %cc0_0 = arith.constant 3 : index
    %m0_0 = arith.muli %ix0_0, %cc0_0 : index
    %acc0_1 = arith.addi %acc0_0, %m0_0 : index
    %ix0_1 = linalg.index 1 : index
    %cc0_1 = arith.constant 5 : index
    %m0_1 = arith.muli %ix0_1, %cc0_1 : index
    %acc0_2 = arith.addi %acc0_1, %m0_1 : index
    %md0 = arith.constant 7 : index
    %r0 = arith.remui %acc0_2, %md0 : index
    %i0 = arith.index_cast %r0 : index to i32
    %of0 = arith.constant 3 : i32
    %s0 = arith.subi %i0, %of0 : i32
    %v0 = arith.sitofp %s0 : i32 to f32
    linalg.yield %v0 : f32
  } -> tensor<8x4xf32>
  %w10_e = tensor.empty() : tensor<4x8xf32>
  %w10 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w10_e : tensor<4x8xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 0 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 5 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 3 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %md1 = arith.constant 5 : index
    %r1 = arith.remui %acc1_2, %md1 : index
    %i1 = arith.index_cast %r1 : index to i32
    %of1 = arith.constant 2 : i32
    %s1 = arith.subi %i1, %of1 : i32
    %v1 = arith.sitofp %s1 : i32 to f32
    linalg.yield %v1 : f32
  } -> tensor<4x8xf32>
  %w20_e = tensor.empty() : tensor<8x4xf32>
  %w20 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w20_e : tensor<8x4xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 0 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 1 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %ix2_1 = linalg.index 1 : index
    %cc2_1 = arith.constant 3 : index
    %m2_1 = arith.muli %ix2_1, %cc2_1 : index
    %acc2_2 = arith.addi %acc2_1, %m2_1 : index
    %md2 = arith.constant 5 : index
    %r2 = arith.remui %acc2_2, %md2 : index
    %i2 = arith.index_cast %r2 : index to i32
    %of2 = arith.constant 2 : i32
    %s2 = arith.subi %i2, %of2 : i32
    %v2 = arith.sitofp %s2 : i32 to f32
    linalg.yield %v2 : f32
  } -> tensor<8x4xf32>
  %y0_e = tensor.empty() : tensor<8x4xf32>
  %y0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%y0_e : tensor<8x4xf32>) {
  ^bb0(%o3: f32):
    %acc3_0 = arith.constant 0 : index
    %ix3_0 = linalg.index 0 : index
    %cc3_0 = arith.constant 2 : index
    %m3_0 = arith.muli %ix3_0, %cc3_0 : index
    %acc3_1 = arith.addi %acc3_0, %m3_0 : index
    %ix3_1 = linalg.index 1 : index
    %cc3_1 = arith.constant 1 : index
    %m3_1 = arith.muli %ix3_1, %cc3_1 : index
    %acc3_2 = arith.addi %acc3_1, %m3_1 : index
    %md3 = arith.constant 3 : index
    %r3 = arith.remui %acc3_2, %md3 : index
    %i3 = arith.index_cast %r3 : index to i32
    %of3 = arith.constant 1 : i32
    %s3 = arith.subi %i3, %of3 : i32
    %v3 = arith.sitofp %s3 : i32 to f32
    linalg.yield %v3 : f32
  } -> tensor<8x4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[4, 5, 6, 7, 0, 1, 2, 3] : [d0 = 2, dup = 4]> : tensor<8x4xf32>
  %w1 = hspmd.annotate %w10 as #hspmd.sharding<[4, 5, 6, 7, 0, 1, 2, 3] : [dup = 2, d1 = 4]> : tensor<4x8xf32>
  %w2 = hspmd.annotate %w20 as #hspmd.sharding<[4, 5, 6, 7, 0, 1, 2, 3] : [dup = 2, d0 = 4]> : tensor<8x4xf32>
  %y = hspmd.annotate %y0 as #hspmd.sharding<[4, 5, 6, 7, 0, 1, 2, 3] : [d0 = 2, dup = 4]> : tensor<8x4xf32>
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
  %pb4 = bufferization.to_buffer %w1n : tensor<4x8xf32> to memref<4x8xf32>
  %pc4 = memref.cast %pb4 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %w2n : tensor<8x4xf32> to memref<8x4xf32>
  %pc5 = memref.cast %pb5 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  %pb6 = bufferization.to_buffer %loss : tensor<f32> to memref<f32>
  %pc6 = memref.cast %pb6 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc6) : (memref<*xf32>) -> ()
  %pb7 = bufferization.to_buffer %o : tensor<8x4xf32> to memref<8x4xf32>
  %pc7 = memref.cast %pb7 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc7) : (memref<*xf32>) -> ()
  return
}
