// Conv with channels split 1:3 gives hetero partial; pooling_nhwc_sum (additive) with a non-zero init and
// strides/dilations [2, 1] keeps summands (init realized once), a subtraction of the init, a hetero partial
// re-annotation and a reshard to a 3-group hetero d2 split.
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %x_e = tensor.empty() : tensor<2x5x5x4xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%x_e : tensor<2x5x5x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 5 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 7 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 2 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %md = arith.constant 13 : index
    %rr = arith.remui %acc4, %md : index
    %iv = arith.index_cast %rr : index to i64
    %of = arith.constant 6 : i64
    %sv = arith.subi %iv, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<2x5x5x4xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d3, weights = [1, 3], groups = [[1] : [], [3, 0, 2] : [d3 = 3]]> : tensor<2x5x5x4xf32>
  %w_e = tensor.empty() : tensor<2x2x4x3xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%w_e : tensor<2x2x4x3xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 1 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 2 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 3 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 5 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc4, %md : index
    %iv = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %iv, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<2x2x4x3xf32>
  %one = arith.constant 1.0 : f32
  %oe = tensor.empty() : tensor<2x4x4x3xf32>
  %of = linalg.fill ins(%one : f32) outs(%oe : tensor<2x4x4x3xf32>) -> tensor<2x4x4x3xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%xa, %w : tensor<2x5x5x4xf32>, tensor<2x2x4x3xf32>) outs(%of : tensor<2x4x4x3xf32>) -> tensor<2x4x4x3xf32>
  %ca = hspmd.annotate %c as #hspmd.sharding<hetero = partial, groups = [[1] : [], [3, 0, 2] : [partial = 3]]> : tensor<2x4x4x3xf32>
  %two = arith.constant 2.0 : f32
  %se = tensor.empty() : tensor<2x1x3x3xf32>
  %sf = linalg.fill ins(%two : f32) outs(%se : tensor<2x1x3x3xf32>) -> tensor<2x1x3x3xf32>
  %win = tensor.empty() : tensor<2x2xf32>
  %ps = linalg.pooling_nhwc_sum {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>} ins(%ca, %win : tensor<2x4x4x3xf32>, tensor<2x2xf32>) outs(%sf : tensor<2x1x3x3xf32>) -> tensor<2x1x3x3xf32>
  %psa = hspmd.annotate %ps as #hspmd.sharding<hetero = partial, groups = [[2, 1] : [partial = 2], [0, 3] : [d0 = 2]]> : tensor<2x1x3x3xf32>
  %e3 = tensor.empty() : tensor<2x1x3x3xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%psa, %sf : tensor<2x1x3x3xf32>, tensor<2x1x3x3xf32>) outs(%e3 : tensor<2x1x3x3xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.subf %a, %b : f32
    linalg.yield %m : f32
  } -> tensor<2x1x3x3xf32>
  %ta = hspmd.annotate %t as #hspmd.sharding<hetero = partial, groups = [[3] : [], [0, 1, 2] : [partial = 3]]> : tensor<2x1x3x3xf32>
  %tr = hspmd.reshard %ta to #hspmd.sharding<hetero = d2, groups = [[3, 0] : [d0 = 2], [2] : [], [1] : []]> : tensor<2x1x3x3xf32>
  %ps_b = bufferization.to_buffer %ps : tensor<2x1x3x3xf32> to memref<2x1x3x3xf32>
  %ps_u = memref.cast %ps_b : memref<2x1x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%ps_u) : (memref<*xf32>) -> ()
  %tr_b = bufferization.to_buffer %tr : tensor<2x1x3x3xf32> to memref<2x1x3x3xf32>
  %tr_u = memref.cast %tr_b : memref<2x1x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%tr_u) : (memref<*xf32>) -> ()
  return
}
