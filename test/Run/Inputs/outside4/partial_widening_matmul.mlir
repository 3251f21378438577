// A partial i32 value through a widening matmul (i32 x i32 -> i64): sign
// extension is not linear when the narrow sum wraps, so it is reduced first
// (it used to be carried, a wrong answer with no partial annotation written).
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %A = arith.constant dense<50000> : tensor<4x2xi32>
  %B = arith.constant dense<50000> : tensor<2x4xi32>
  %Aa = hspmd.annotate %A as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x2xi32>
  %Ba = hspmd.annotate %B as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x4xi32>
  %z = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4x4xi32>
  %f = linalg.fill ins(%z : i32) outs(%e : tensor<4x4xi32>) -> tensor<4x4xi32>
  // C = A*B in i32 (wraps); K is split, so C is partial
  %C = linalg.matmul ins(%Aa, %Ba : tensor<4x2xi32>, tensor<2x4xi32>) outs(%f : tensor<4x4xi32>) -> tensor<4x4xi32>
  %E = arith.constant dense<1> : tensor<4x1xi32>
  %z64 = arith.constant 0 : i64
  %e2 = tensor.empty() : tensor<4x1xi64>
  %f2 = linalg.fill ins(%z64 : i64) outs(%e2 : tensor<4x1xi64>) -> tensor<4x1xi64>
  // D = sext(C) * sext(E) accumulated in i64
  %D = linalg.matmul ins(%C, %E : tensor<4x4xi32>, tensor<4x1xi32>) outs(%f2 : tensor<4x1xi64>) -> tensor<4x1xi64>
  %b = bufferization.to_buffer %D : tensor<4x1xi64> to memref<4x1xi64>
  %c = memref.cast %b : memref<4x1xi64> to memref<*xi64>
  call @printMemrefI64(%c) : (memref<*xi64>) -> ()
  return
}
