// Partial summands through widening contractions (extui, extsi, bf16 to f32
// extf): reduced first (they used to be carried, wrong answers).
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a = arith.constant dense<[[5, 0, -3, 0], [2147483647, 0, 1, 0]]> : tensor<2x4xi32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xi32>
  %ones = arith.constant dense<1> : tensor<4x4xi32>
  %z = arith.constant 0 : i32
  %e = tensor.empty() : tensor<2x4xi32>
  %f = linalg.fill ins(%z : i32) outs(%e : tensor<2x4xi32>) -> tensor<2x4xi32>
  // s = a @ ones (i32, wraps): split over k, so s is partial on [0, 1]
  %s = linalg.matmul ins(%aa, %ones : tensor<2x4xi32>, tensor<4x4xi32>) outs(%f : tensor<2x4xi32>) -> tensor<2x4xi32>
  %w = arith.constant dense<[[1], [0], [0], [0]]> : tensor<4x1xi32>
  %z64 = arith.constant 0 : i64
  %e2 = tensor.empty() : tensor<2x1xi64>
  %f2 = linalg.fill ins(%z64 : i64) outs(%e2 : tensor<2x1xi64>) -> tensor<2x1xi64>
  %cu = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%s, %w : tensor<2x4xi32>, tensor<4x1xi32>) outs(%f2 : tensor<2x1xi64>) -> tensor<2x1xi64>
  %cs = linalg.matmul ins(%s, %w : tensor<2x4xi32>, tensor<4x1xi32>) outs(%f2 : tensor<2x1xi64>) -> tensor<2x1xi64>
  %bu = bufferization.to_buffer %cu : tensor<2x1xi64> to memref<2x1xi64>
  %uu = memref.cast %bu : memref<2x1xi64> to memref<*xi64>
  call @printMemrefI64(%uu) : (memref<*xi64>) -> ()
  %bs = bufferization.to_buffer %cs : tensor<2x1xi64> to memref<2x1xi64>
  %us = memref.cast %bs : memref<2x1xi64> to memref<*xi64>
  call @printMemrefI64(%us) : (memref<*xi64>) -> ()
  return
}
