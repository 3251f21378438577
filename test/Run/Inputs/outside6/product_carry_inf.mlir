// Summands carried through a product by a value holding inf: 0 * inf is NaN
// on the device holding zeros. Floating-point summands are reduced before a
// product by default.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %ap = hspmd.annotate %a as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<2x4xf32>
  %b = arith.constant dense<[[0x7F800000], [1.0], [1.0], [1.0]]> : tensor<4x1xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x1xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<2x1xf32>) -> tensor<2x1xf32>
  %m = linalg.matmul ins(%ap, %b : tensor<2x4xf32>, tensor<4x1xf32>) outs(%f : tensor<2x1xf32>) -> tensor<2x1xf32>
  %buf = bufferization.to_buffer %m : tensor<2x1xf32> to memref<2x1xf32>
  %u = memref.cast %buf : memref<2x1xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
