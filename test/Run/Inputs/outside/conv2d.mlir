// 2-D convolutions (4 ranks). linalg.conv_2d_nchw_fchw as torch-mlir emits
// it, batch split 2 and output channels split 2 ([d0 = 2, d1 = 2] on the
// output via the filter's F), with a bias added through (n, f, h, w) -> (f);
// and linalg.conv_2d_nhwc_hwcf with stride 2 whose input channels (the
// contraction) are split 4 ways, so each rank holds a partial sum.
#id4 = affine_map<(n, c, h, w) -> (n, c, h, w)>
#bias = affine_map<(n, c, h, w) -> (c)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %z = arith.constant 0.0 : f32
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %ei = tensor.empty() : tensor<2x4x5x5xf32>
  %in = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%ei : tensor<2x4x5x5xf32>) {
  ^bb0(%o: f32):
    %n = linalg.index 0 : index
    %c = linalg.index 1 : index
    %h = linalg.index 2 : index
    %w = linalg.index 3 : index
    %a = arith.addi %n, %h : index
    %b = arith.muli %w, %c : index
    %s = arith.addi %a, %b : index
    %k = arith.remui %s, %c5 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<2x4x5x5xf32>
  %ina = hspmd.annotate %in as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<2x4x5x5xf32>
  %ef = tensor.empty() : tensor<6x4x3x3xf32>
  %flt = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%ef : tensor<6x4x3x3xf32>) {
  ^bb0(%o: f32):
    %f = linalg.index 0 : index
    %c = linalg.index 1 : index
    %h = linalg.index 2 : index
    %w = linalg.index 3 : index
    %a = arith.addi %f, %c : index
    %b = arith.addi %h, %w : index
    %s = arith.addi %a, %b : index
    %k = arith.remui %s, %c3 : index
    %ii = arith.index_cast %k : index to i32
    %v = arith.sitofp %ii : i32 to f32
    %one = arith.constant 1.0 : f32
    %r = arith.subf %v, %one : f32
    linalg.yield %r : f32
  } -> tensor<6x4x3x3xf32>
  %fa = hspmd.annotate %flt as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d0 = 2]> : tensor<6x4x3x3xf32>
  %eo = tensor.empty() : tensor<2x6x3x3xf32>
  %fo = linalg.fill ins(%z : f32) outs(%eo : tensor<2x6x3x3xf32>) -> tensor<2x6x3x3xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%ina, %fa : tensor<2x4x5x5xf32>, tensor<6x4x3x3xf32>) outs(%fo : tensor<2x6x3x3xf32>) -> tensor<2x6x3x3xf32>
  %bias = arith.constant dense<[1.0, -2.0, 3.0, -4.0, 5.0, -6.0]> : tensor<6xf32>
  %eb = tensor.empty() : tensor<2x6x3x3xf32>
  %rb = linalg.generic {indexing_maps = [#id4, #bias, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%r, %bias : tensor<2x6x3x3xf32>, tensor<6xf32>) outs(%eb : tensor<2x6x3x3xf32>) {
  ^bb0(%x: f32, %b: f32, %o: f32):
    %s = arith.addf %x, %b : f32
    linalg.yield %s : f32
  } -> tensor<2x6x3x3xf32>
  // NHWC with stride 2 and the input channels split.
  %ei2 = tensor.empty() : tensor<1x5x5x8xf32>
  %in2 = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%ei2 : tensor<1x5x5x8xf32>) {
  ^bb0(%o: f32):
    %h = linalg.index 1 : index
    %w = linalg.index 2 : index
    %c = linalg.index 3 : index
    %a = arith.muli %h, %c : index
    %s = arith.addi %a, %w : index
    %k = arith.remui %s, %c5 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<1x5x5x8xf32>
  %in2a = hspmd.annotate %in2 as #hspmd.sharding<[0, 1, 2, 3] : [d3 = 4]> : tensor<1x5x5x8xf32>
  %ef2 = tensor.empty() : tensor<3x3x8x2xf32>
  %f2 = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%ef2 : tensor<3x3x8x2xf32>) {
  ^bb0(%o: f32):
    %h = linalg.index 0 : index
    %c = linalg.index 2 : index
    %f = linalg.index 3 : index
    %a = arith.addi %h, %c : index
    %s = arith.addi %a, %f : index
    %k = arith.remui %s, %c3 : index
    %ii = arith.index_cast %k : index to i32
    %v = arith.sitofp %ii : i32 to f32
    linalg.yield %v : f32
  } -> tensor<3x3x8x2xf32>
  %f2a = hspmd.annotate %f2 as #hspmd.sharding<[0, 1, 2, 3] : [d2 = 4]> : tensor<3x3x8x2xf32>
  %eo2 = tensor.empty() : tensor<1x2x2x2xf32>
  %fo2 = linalg.fill ins(%z : f32) outs(%eo2 : tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  %r2 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%in2a, %f2a : tensor<1x5x5x8xf32>, tensor<3x3x8x2xf32>) outs(%fo2 : tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  %m0 = bufferization.to_buffer %rb : tensor<2x6x3x3xf32> to memref<2x6x3x3xf32>
  %u0 = memref.cast %m0 : memref<2x6x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %r2 : tensor<1x2x2x2xf32> to memref<1x2x2x2xf32>
  %u1 = memref.cast %m1 : memref<1x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  return
}
