// linalg.matmul with f32 inputs and an i32 output (fptosi in its body) on a
// partial input: the conversion is not linear, so the input is reduced
// first (it used to convert each summand: fptosi(0.5) + fptosi(0.5) = 0).
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a0 = arith.constant dense<[[0.5, 0.5], [1.5, 0.5]]> : tensor<2x2xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x2xf32>
  %b0 = arith.constant dense<[[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<2x4xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %s = linalg.matmul ins(%a, %b0 : tensor<2x2xf32>, tensor<2x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %w = arith.constant dense<[[1.0], [1.0], [1.0], [1.0]]> : tensor<4x1xf32>
  %z32 = arith.constant 0 : i32
  %e2 = tensor.empty() : tensor<2x1xi32>
  %f2 = linalg.fill ins(%z32 : i32) outs(%e2 : tensor<2x1xi32>) -> tensor<2x1xi32>
  %r = linalg.matmul ins(%s, %w : tensor<2x4xf32>, tensor<4x1xf32>) outs(%f2 : tensor<2x1xi32>) -> tensor<2x1xi32>
  %b = bufferization.to_buffer %r : tensor<2x1xi32> to memref<2x1xi32>
  %u = memref.cast %b : memref<2x1xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
