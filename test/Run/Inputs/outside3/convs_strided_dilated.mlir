// conv_2d_nchw_fchw with strides [2, 1] and dilations [1, 2], input split by H across weighted groups
// (hetero = d2, weights [1, 2]) and by W inside, output annotated hetero = d3 weights [3, 1];
// conv_3d_ndhwc_dhwcf with strides [1, 2, 1] / dilations [2, 1, 1] and input channels (contraction) split
// unevenly; depthwise_conv_2d_nhwc_hwcm (channel multiplier) with batch+H split and output split on M and OW;
// grouped conv_2d_ngchw_fgchw with G and F split.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<2x3x9x10xf32>
  %in = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e1 : tensor<2x3x9x10xf32>) {
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
    %md = arith.constant 11 : index
    %rr = arith.remui %acc4, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 5 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<2x3x9x10xf32>
  %ina = hspmd.annotate %in as #hspmd.sharding<hetero = d2, weights = [1, 2], groups = [[3] : [], [0, 1] : [d3 = 2]]> : tensor<2x3x9x10xf32>
  %e2 = tensor.empty() : tensor<4x3x3x2xf32>
  %fl = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e2 : tensor<4x3x3x2xf32>) {
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
    %md = arith.constant 5 : index
    %rr = arith.remui %acc4, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x3x3x2xf32>
  %fla = hspmd.annotate %fl as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x3x3x2xf32>
  %c4 = arith.constant 0.0 : f32
  %e3 = tensor.empty() : tensor<2x4x4x8xf32>
  %o0 = linalg.fill ins(%c4 : f32) outs(%e3 : tensor<2x4x4x8xf32>) -> tensor<2x4x4x8xf32>
  %c1 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 2]> : vector<2xi64>, strides = dense<[2, 1]> : vector<2xi64>} ins(%ina, %fla : tensor<2x3x9x10xf32>, tensor<4x3x3x2xf32>) outs(%o0 : tensor<2x4x4x8xf32>) -> tensor<2x4x4x8xf32>
  %c1a = hspmd.annotate %c1 as #hspmd.sharding<hetero = d3, weights = [3, 1], groups = [[0, 1, 2] : [d3 = 3], [3] : []]> : tensor<2x4x4x8xf32>
  %b5 = bufferization.to_buffer %c1a : tensor<2x4x4x8xf32> to memref<2x4x4x8xf32>
  %u6 = memref.cast %b5 : memref<2x4x4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u6) : (memref<*xf32>) -> ()
  %e7 = tensor.empty() : tensor<1x5x4x6x3xf32>
  %in3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} outs(%e7 : tensor<1x5x4x6x3xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc0, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 5 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 7 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %ix4 = linalg.index 4 : index
    %cc4 = arith.constant 2 : index
    %m4 = arith.muli %ix4, %cc4 : index
    %acc5 = arith.addi %acc4, %m4 : index
    %md = arith.constant 9 : index
    %rr = arith.remui %acc5, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 4 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<1x5x4x6x3xf32>
  %in3a = hspmd.annotate %in3 as #hspmd.sharding<hetero = d4, weights = [1, 2], groups = [[0] : [], [1, 2] : [d4 = 2]]> : tensor<1x5x4x6x3xf32>
  %e8 = tensor.empty() : tensor<2x2x3x3x4xf32>
  %fl3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} outs(%e8 : tensor<2x2x3x3x4xf32>) {
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
    %ix4 = linalg.index 4 : index
    %cc4 = arith.constant 7 : index
    %m4 = arith.muli %ix4, %cc4 : index
    %acc5 = arith.addi %acc4, %m4 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc5, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<2x2x3x3x4xf32>
  %c10 = arith.constant 0.0 : f32
  %e9 = tensor.empty() : tensor<1x3x2x4x4xf32>
  %o3 = linalg.fill ins(%c10 : f32) outs(%e9 : tensor<1x3x2x4x4xf32>) -> tensor<1x3x2x4x4xf32>
  %c3 = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<[2, 1, 1]> : tensor<3xi64>, strides = dense<[1, 2, 1]> : tensor<3xi64>} ins(%in3a, %fl3 : tensor<1x5x4x6x3xf32>, tensor<2x2x3x3x4xf32>) outs(%o3 : tensor<1x3x2x4x4xf32>) -> tensor<1x3x2x4x4xf32>
  %c3a = hspmd.annotate %c3 as #hspmd.sharding<[0, 1, 2, 3] : [d3 = 4]> : tensor<1x3x2x4x4xf32>
  %b11 = bufferization.to_buffer %c3a : tensor<1x3x2x4x4xf32> to memref<1x3x2x4x4xf32>
  %u12 = memref.cast %b11 : memref<1x3x2x4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u12) : (memref<*xf32>) -> ()
  %e13 = tensor.empty() : tensor<2x6x5x3xf32>
  %ind = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e13 : tensor<2x6x5x3xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 1 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 5 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 7 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %md = arith.constant 8 : index
    %rr = arith.remui %acc4, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<2x6x5x3xf32>
  %inda = hspmd.annotate %ind as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<2x6x5x3xf32>
  %e14 = tensor.empty() : tensor<3x2x3x2xf32>
  %fld = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e14 : tensor<3x2x3x2xf32>) {
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
    %md = arith.constant 4 : index
    %rr = arith.remui %acc4, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 1 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<3x2x3x2xf32>
  %c16 = arith.constant 1.0 : f32
  %e15 = tensor.empty() : tensor<2x4x4x3x2xf32>
  %od = linalg.fill ins(%c16 : f32) outs(%e15 : tensor<2x4x4x3x2xf32>) -> tensor<2x4x4x3x2xf32>
  %cd = linalg.depthwise_conv_2d_nhwc_hwcm {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%inda, %fld : tensor<2x6x5x3xf32>, tensor<3x2x3x2xf32>) outs(%od : tensor<2x4x4x3x2xf32>) -> tensor<2x4x4x3x2xf32>
  %cda = hspmd.annotate %cd as #hspmd.sharding<[3, 2, 1, 0] : [d4 = 2, d2 = 2]> : tensor<2x4x4x3x2xf32>
  %b17 = bufferization.to_buffer %cda : tensor<2x4x4x3x2xf32> to memref<2x4x4x3x2xf32>
  %u18 = memref.cast %b17 : memref<2x4x4x3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u18) : (memref<*xf32>) -> ()
  %e19 = tensor.empty() : tensor<2x2x3x5x5xf32>
  %ing = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} outs(%e19 : tensor<2x2x3x5x5xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 1 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 5 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 7 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %ix4 = linalg.index 4 : index
    %cc4 = arith.constant 2 : index
    %m4 = arith.muli %ix4, %cc4 : index
    %acc5 = arith.addi %acc4, %m4 : index
    %md = arith.constant 9 : index
    %rr = arith.remui %acc5, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 4 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<2x2x3x5x5xf32>
  %inga = hspmd.annotate %ing as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, dup = 2]> : tensor<2x2x3x5x5xf32>
  %e20 = tensor.empty() : tensor<4x2x3x3x3xf32>
  %flg = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} outs(%e20 : tensor<4x2x3x3x3xf32>) {
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
    %ix4 = linalg.index 4 : index
    %cc4 = arith.constant 7 : index
    %m4 = arith.muli %ix4, %cc4 : index
    %acc5 = arith.addi %acc4, %m4 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc5, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x2x3x3x3xf32>
  %flga = hspmd.annotate %flg as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d0 = 2]> : tensor<4x2x3x3x3xf32>
  %c22 = arith.constant 0.0 : f32
  %e21 = tensor.empty() : tensor<2x2x4x3x3xf32>
  %og = linalg.fill ins(%c22 : f32) outs(%e21 : tensor<2x2x4x3x3xf32>) -> tensor<2x2x4x3x3xf32>
  %cg = linalg.conv_2d_ngchw_fgchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%inga, %flga : tensor<2x2x3x5x5xf32>, tensor<4x2x3x3x3xf32>) outs(%og : tensor<2x2x4x3x3xf32>) -> tensor<2x2x4x3x3xf32>
  %b23 = bufferization.to_buffer %cg : tensor<2x2x4x3x3xf32> to memref<2x2x4x3x3xf32>
  %u24 = memref.cast %b23 : memref<2x2x4x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%u24) : (memref<*xf32>) -> ()
  return
}
