// pooling_nhwc_max_unsigned / pooling_nhwc_min_unsigned on i32 with negative values (stride 2), batch split
// across weighted groups and outputs split by W / H; pooling_nchw_max with strides [2, 1] and dilations [1, 2]
// and output W split unevenly; pooling_ndhwc_sum; pooling_nwc_min on i8 with H split 3 ways.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %_e1 = tensor.empty() : tensor<2x7x6x3xi32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%_e1 : tensor<2x7x6x3xi32>) {
  ^bb0(%o: i32):
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
    %md = arith.constant 11 : index
    %rr = arith.remui %acc4, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 5 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.trunci %sv : i64 to i32
    linalg.yield %vv : i32
  } -> tensor<2x7x6x3xi32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d3, weights = [2, 1], groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<2x7x6x3xi32>
  %w = tensor.empty() : tensor<3x2xi32>
  %_c3 = arith.constant 0 : i32
  %_e2 = tensor.empty() : tensor<2x3x3x3xi32>
  %o0 = linalg.fill ins(%_c3 : i32) outs(%_e2 : tensor<2x3x3x3xi32>) -> tensor<2x3x3x3xi32>
  %pu = linalg.pooling_nhwc_max_unsigned {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%xa, %w : tensor<2x7x6x3xi32>, tensor<3x2xi32>) outs(%o0 : tensor<2x3x3x3xi32>) -> tensor<2x3x3x3xi32>
  %pua = hspmd.annotate %pu as #hspmd.sharding<[2, 0, 1] : [d2 = 3]> : tensor<2x3x3x3xi32>
  %_b4 = bufferization.to_buffer %pua : tensor<2x3x3x3xi32> to memref<2x3x3x3xi32>
  %_u5 = memref.cast %_b4 : memref<2x3x3x3xi32> to memref<*xi32>
  call @printMemrefI32(%_u5) : (memref<*xi32>) -> ()
  %_c7 = arith.constant -1 : i32
  %_e6 = tensor.empty() : tensor<2x3x3x3xi32>
  %o1 = linalg.fill ins(%_c7 : i32) outs(%_e6 : tensor<2x3x3x3xi32>) -> tensor<2x3x3x3xi32>
  %pmu = linalg.pooling_nhwc_min_unsigned {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%xa, %w : tensor<2x7x6x3xi32>, tensor<3x2xi32>) outs(%o1 : tensor<2x3x3x3xi32>) -> tensor<2x3x3x3xi32>
  %pmua = hspmd.annotate %pmu as #hspmd.sharding<[0, 1, 2] : [d1 = 3]> : tensor<2x3x3x3xi32>
  %_b8 = bufferization.to_buffer %pmua : tensor<2x3x3x3xi32> to memref<2x3x3x3xi32>
  %_u9 = memref.cast %_b8 : memref<2x3x3x3xi32> to memref<*xi32>
  call @printMemrefI32(%_u9) : (memref<*xi32>) -> ()
  %_e10 = tensor.empty() : tensor<1x3x8x9xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%_e10 : tensor<1x3x8x9xf32>) {
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
    %md = arith.constant 13 : index
    %rr = arith.remui %acc4, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 6 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<1x3x8x9xf32>
  %ya = hspmd.annotate %y as #hspmd.sharding<[0, 1, 2] : [d1 = 3]> : tensor<1x3x8x9xf32>
  %w2 = tensor.empty() : tensor<2x3xf32>
  %_c12 = arith.constant -1000.0 : f32
  %_e11 = tensor.empty() : tensor<1x3x4x5xf32>
  %o2 = linalg.fill ins(%_c12 : f32) outs(%_e11 : tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  %pm = linalg.pooling_nchw_max {dilations = dense<[1, 2]> : vector<2xi64>, strides = dense<[2, 1]> : vector<2xi64>} ins(%ya, %w2 : tensor<1x3x8x9xf32>, tensor<2x3xf32>) outs(%o2 : tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  %pma = hspmd.annotate %pm as #hspmd.sharding<hetero = d3, weights = [3, 2], groups = [[0] : [], [2, 1] : [d3 = 2]]> : tensor<1x3x4x5xf32>
  %_b13 = bufferization.to_buffer %pma : tensor<1x3x4x5xf32> to memref<1x3x4x5xf32>
  %_u14 = memref.cast %_b13 : memref<1x3x4x5xf32> to memref<*xf32>
  call @printMemrefF32(%_u14) : (memref<*xf32>) -> ()
  %_e15 = tensor.empty() : tensor<1x4x4x4x2xf32>
  %z = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} outs(%_e15 : tensor<1x4x4x4x2xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 1 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc0, %m1 : index
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
    %md = arith.constant 9 : index
    %rr = arith.remui %acc5, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 4 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<1x4x4x4x2xf32>
  %za = hspmd.annotate %z as #hspmd.sharding<[0, 1] : [d4 = 2]> : tensor<1x4x4x4x2xf32>
  %w3 = tensor.empty() : tensor<2x2x2xf32>
  %_c17 = arith.constant 0.0 : f32
  %_e16 = tensor.empty() : tensor<1x3x3x3x2xf32>
  %o3 = linalg.fill ins(%_c17 : f32) outs(%_e16 : tensor<1x3x3x3x2xf32>) -> tensor<1x3x3x3x2xf32>
  %ps = linalg.pooling_ndhwc_sum {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>} ins(%za, %w3 : tensor<1x4x4x4x2xf32>, tensor<2x2x2xf32>) outs(%o3 : tensor<1x3x3x3x2xf32>) -> tensor<1x3x3x3x2xf32>
  %psa = hspmd.annotate %ps as #hspmd.sharding<[0, 1, 2] : [d2 = 3]> : tensor<1x3x3x3x2xf32>
  %_b18 = bufferization.to_buffer %psa : tensor<1x3x3x3x2xf32> to memref<1x3x3x3x2xf32>
  %_u19 = memref.cast %_b18 : memref<1x3x3x3x2xf32> to memref<*xf32>
  call @printMemrefF32(%_u19) : (memref<*xf32>) -> ()
  %_e20 = tensor.empty() : tensor<2x9x4xi8>
  %q = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%_e20 : tensor<2x9x4xi8>) {
  ^bb0(%o: i8):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 5 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 37 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 11 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %md = arith.constant 256 : index
    %rr = arith.remui %acc3, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 128 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.trunci %sv : i64 to i8
    linalg.yield %vv : i8
  } -> tensor<2x9x4xi8>
  %qa = hspmd.annotate %q as #hspmd.sharding<[0, 1, 2] : [d1 = 3]> : tensor<2x9x4xi8>
  %w4 = tensor.empty() : tensor<3xi8>
  %_c22 = arith.constant 127 : i8
  %_e21 = tensor.empty() : tensor<2x4x4xi8>
  %o4 = linalg.fill ins(%_c22 : i8) outs(%_e21 : tensor<2x4x4xi8>) -> tensor<2x4x4xi8>
  %pq = linalg.pooling_nwc_min {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%qa, %w4 : tensor<2x9x4xi8>, tensor<3xi8>) outs(%o4 : tensor<2x4x4xi8>) -> tensor<2x4x4xi8>
  %pqa = hspmd.annotate %pq as #hspmd.sharding<[2, 1] : [d1 = 2]> : tensor<2x4x4xi8>
  %_x23 = arith.extsi %pqa : tensor<2x4x4xi8> to tensor<2x4x4xi32>
  %_b24 = bufferization.to_buffer %_x23 : tensor<2x4x4xi32> to memref<2x4x4xi32>
  %_u25 = memref.cast %_b24 : memref<2x4x4xi32> to memref<*xi32>
  call @printMemrefI32(%_u25) : (memref<*xi32>) -> ()
  return
}
