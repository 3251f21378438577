// 1-D and depthwise convolutions (4 ranks): linalg.conv_1d (no batch or
// channels: the output is annotated split, the input window is spatial so
// it must be gathered); linalg.conv_1d_nwc_wcf with the batch split 2 and
// the output channels split 2; linalg.depthwise_conv_2d_nhwc_hwc with the
// channels split 4 ways, stride 1 and dilation 2.
#id1 = affine_map<(w) -> (w)>
#id3 = affine_map<(a, b, c) -> (a, b, c)>
#id4 = affine_map<(a, b, c, d) -> (a, b, c, d)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %z = arith.constant 0.0 : f32
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %e1 = tensor.empty() : tensor<16xf32>
  %x1 = linalg.generic {indexing_maps = [#id1], iterator_types = ["parallel"]} outs(%e1 : tensor<16xf32>) {
  ^bb0(%o: f32):
    %w = linalg.index 0 : index
    %a = arith.muli %w, %c3 : index
    %k = arith.remui %a, %c7 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<16xf32>
  %x1a = hspmd.annotate %x1 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<16xf32>
  %k1 = arith.constant dense<[1.0, -2.0, 1.0, 3.0]> : tensor<4xf32>
  %o1e = tensor.empty() : tensor<13xf32>
  %o1f = linalg.fill ins(%z : f32) outs(%o1e : tensor<13xf32>) -> tensor<13xf32>
  %y1 = linalg.conv_1d ins(%x1a, %k1 : tensor<16xf32>, tensor<4xf32>) outs(%o1f : tensor<13xf32>) -> tensor<13xf32>
  %e2 = tensor.empty() : tensor<2x9x4xf32>
  %x2 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e2 : tensor<2x9x4xf32>) {
  ^bb0(%o: f32):
    %n = linalg.index 0 : index
    %w = linalg.index 1 : index
    %c = linalg.index 2 : index
    %a = arith.muli %w, %c : index
    %b = arith.addi %a, %n : index
    %k = arith.remui %b, %c5 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<2x9x4xf32>
  %x2a = hspmd.annotate %x2 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<2x9x4xf32>
  %ef2 = tensor.empty() : tensor<3x4x6xf32>
  %f2 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%ef2 : tensor<3x4x6xf32>) {
  ^bb0(%o: f32):
    %w = linalg.index 0 : index
    %c = linalg.index 1 : index
    %f = linalg.index 2 : index
    %a = arith.addi %w, %c : index
    %b = arith.addi %a, %f : index
    %k = arith.remui %b, %c3 : index
    %ii = arith.index_cast %k : index to i32
    %v = arith.sitofp %ii : i32 to f32
    linalg.yield %v : f32
  } -> tensor<3x4x6xf32>
  %f2a = hspmd.annotate %f2 as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d2 = 2]> : tensor<3x4x6xf32>
  %o2e = tensor.empty() : tensor<2x7x6xf32>
  %o2f = linalg.fill ins(%z : f32) outs(%o2e : tensor<2x7x6xf32>) -> tensor<2x7x6xf32>
  %y2 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%x2a, %f2a : tensor<2x9x4xf32>, tensor<3x4x6xf32>) outs(%o2f : tensor<2x7x6xf32>) -> tensor<2x7x6xf32>
  %e3 = tensor.empty() : tensor<1x6x6x8xf32>
  %x3 = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e3 : tensor<1x6x6x8xf32>) {
  ^bb0(%o: f32):
    %h = linalg.index 1 : index
    %w = linalg.index 2 : index
    %c = linalg.index 3 : index
    %a = arith.muli %h, %c3 : index
    %b = arith.addi %a, %w : index
    %d = arith.addi %b, %c : index
    %k = arith.remui %d, %c7 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<1x6x6x8xf32>
  %x3a = hspmd.annotate %x3 as #hspmd.sharding<[0, 1, 2, 3] : [d3 = 4]> : tensor<1x6x6x8xf32>
  %ef3 = tensor.empty() : tensor<2x2x8xf32>
  %f3 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%ef3 : tensor<2x2x8xf32>) {
  ^bb0(%o: f32):
    %h = linalg.index 0 : index
    %w = linalg.index 1 : index
    %c = linalg.index 2 : index
    %a = arith.addi %h, %w : index
    %b = arith.addi %a, %c : index
    %k = arith.remui %b, %c3 : index
    %ii = arith.index_cast %k : index to i32
    %v = arith.sitofp %ii : i32 to f32
    linalg.yield %v : f32
  } -> tensor<2x2x8xf32>
  %o3e = tensor.empty() : tensor<1x4x4x8xf32>
  %o3f = linalg.fill ins(%z : f32) outs(%o3e : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %y3 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x3a, %f3 : tensor<1x6x6x8xf32>, tensor<2x2x8xf32>) outs(%o3f : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %m0 = bufferization.to_buffer %y1 : tensor<13xf32> to memref<13xf32>
  %u0 = memref.cast %m0 : memref<13xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %y2 : tensor<2x7x6xf32> to memref<2x7x6xf32>
  %u1 = memref.cast %m1 : memref<2x7x6xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %m2 = bufferization.to_buffer %y3 : tensor<1x4x4x8xf32> to memref<1x4x4x8xf32>
  %u2 = memref.cast %m2 : memref<1x4x4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
