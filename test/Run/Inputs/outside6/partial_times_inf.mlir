// A row-parallel matmul whose partial result meets +inf in the next matmul:
// the single-device answer is inf, not NaN.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[[1.0, 2.0, 0.0, 0.0]]> : tensor<1x4xf32>
  %xs = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<1x4xf32>
  %w1 = arith.constant dense<[[1.0, 1.0], [1.0, 1.0], [3.0, 1.0], [1.0, 2.0]]> : tensor<4x2xf32>
  %w1s = hspmd.annotate %w1 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x2xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<1x2xf32>) -> tensor<1x2xf32>
  %h = linalg.matmul ins(%xs, %w1s : tensor<1x4xf32>, tensor<4x2xf32>) outs(%f : tensor<1x2xf32>) -> tensor<1x2xf32>
  %w2 = arith.constant dense<[[0x7F800000], [1.0]]> : tensor<2x1xf32>
  %e2 = tensor.empty() : tensor<1x1xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<1x1xf32>) -> tensor<1x1xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<1x2xf32>, tensor<2x1xf32>) outs(%f2 : tensor<1x1xf32>) -> tensor<1x1xf32>
  %m = bufferization.to_buffer %y : tensor<1x1xf32> to memref<1x1xf32>
  %u = memref.cast %m : memref<1x1xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
