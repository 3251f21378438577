// f16 summands 256 and -250 carried through a product by 300 overflow to
// +inf and -inf (NaN once added) where the product of their sum, 1800, does
// not: reduced first by default.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[[16.0, 16.0, -10.0, 25.0]]> : tensor<1x4xf16>
  %xs = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<1x4xf16>
  %w1 = arith.constant dense<[[16.0, 1.0], [0.0, 1.0], [25.0, 1.0], [0.0, 2.0]]> : tensor<4x2xf16>
  %w1s = hspmd.annotate %w1 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x2xf16>
  %z = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<1x2xf16>
  %f = linalg.fill ins(%z : f16) outs(%e : tensor<1x2xf16>) -> tensor<1x2xf16>
  %h = linalg.matmul ins(%xs, %w1s : tensor<1x4xf16>, tensor<4x2xf16>) outs(%f : tensor<1x2xf16>) -> tensor<1x2xf16>
  %w2 = arith.constant dense<[[300.0], [1.0]]> : tensor<2x1xf16>
  %e2 = tensor.empty() : tensor<1x1xf16>
  %f2 = linalg.fill ins(%z : f16) outs(%e2 : tensor<1x1xf16>) -> tensor<1x1xf16>
  %y = linalg.matmul ins(%h, %w2 : tensor<1x2xf16>, tensor<2x1xf16>) outs(%f2 : tensor<1x1xf16>) -> tensor<1x1xf16>
  %y32 = arith.extf %y : tensor<1x1xf16> to tensor<1x1xf32>
  %m = bufferization.to_buffer %y32 : tensor<1x1xf32> to memref<1x1xf32>
  %u = memref.cast %m : memref<1x1xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
