// Poolings (2 ranks): linalg.pooling_nchw_max as torch-mlir emits
// max_pool2d (init -inf, stride 2) with the channels split; the result
// annotated split by batch instead; linalg.pooling_nhwc_sum with the batch
// split (an avg-pool numerator) and linalg.pooling_nhwc_min with the
// channels split and its output annotated replicated.
#id4 = affine_map<(a, b, c, d) -> (a, b, c, d)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c7 = arith.constant 7 : index
  %c3 = arith.constant 3 : index
  %ninf = arith.constant 0xFF800000 : f32
  %pinf = arith.constant 0x7F800000 : f32
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4x6x6xf32>
  %x = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e : tensor<2x4x6x6xf32>) {
  ^bb0(%o: f32):
    %n = linalg.index 0 : index
    %c = linalg.index 1 : index
    %h = linalg.index 2 : index
    %w = linalg.index 3 : index
    %a = arith.muli %h, %c3 : index
    %b = arith.addi %a, %w : index
    %d = arith.addi %b, %c : index
    %d2 = arith.addi %d, %n : index
    %k = arith.remui %d2, %c7 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %c3f = arith.constant 3.0 : f32
    %v = arith.subf %f, %c3f : f32
    linalg.yield %v : f32
  } -> tensor<2x4x6x6xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4x6x6xf32>
  %win = tensor.empty() : tensor<2x2xf32>
  %eo = tensor.empty() : tensor<2x4x3x3xf32>
  %fo = linalg.fill ins(%ninf : f32) outs(%eo : tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
  %mp = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%xa, %win : tensor<2x4x6x6xf32>, tensor<2x2xf32>) outs(%fo : tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
  %mpa = hspmd.annotate %mp as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x4x3x3xf32>
  %en = tensor.empty() : tensor<2x6x6x4xf32>
  %xn = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<2x4x6x6xf32>) outs(%en : tensor<2x6x6x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    linalg.yield %in : f32
  } -> tensor<2x6x6x4xf32>
  %xna = hspmd.annotate %xn as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x6x6x4xf32>
  %win3 = tensor.empty() : tensor<3x3xf32>
  %es = tensor.empty() : tensor<2x4x4x4xf32>
  %fs = linalg.fill ins(%z : f32) outs(%es : tensor<2x4x4x4xf32>) -> tensor<2x4x4x4xf32>
  %sp = linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%xna, %win3 : tensor<2x6x6x4xf32>, tensor<3x3xf32>) outs(%fs : tensor<2x4x4x4xf32>) -> tensor<2x4x4x4xf32>
  %xnc = hspmd.annotate %xn as #hspmd.sharding<[0, 1] : [d3 = 2]> : tensor<2x6x6x4xf32>
  %em = tensor.empty() : tensor<2x3x3x4xf32>
  %fm = linalg.fill ins(%pinf : f32) outs(%em : tensor<2x3x3x4xf32>) -> tensor<2x3x3x4xf32>
  %mn = linalg.pooling_nhwc_min {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%xnc, %win : tensor<2x6x6x4xf32>, tensor<2x2xf32>) outs(%fm : tensor<2x3x3x4xf32>) -> tensor<2x3x3x4xf32>
  %mna = hspmd.annotate %mn as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<2x3x3x4xf32>
  %m0 = bufferization.to_buffer %mpa : tensor<2x4x3x3xf32> to memref<2x4x3x3xf32>
  %u0 = memref.cast %m0 : memref<2x4x3x3xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %sp : tensor<2x4x4x4xf32> to memref<2x4x4x4xf32>
  %u1 = memref.cast %m1 : memref<2x4x4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %m2 = bufferization.to_buffer %mna : tensor<2x3x3x4xf32> to memref<2x3x3x4xf32>
  %u2 = memref.cast %m2 : memref<2x3x3x4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
