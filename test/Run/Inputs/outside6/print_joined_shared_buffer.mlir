// A print of a select between a buffer passed to a function of tensors and
// another: printed once.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @h(%t: tensor<4xf32>, %m: memref<2xf32>) -> tensor<4xf32> {
  return %t : tensor<4xf32>
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.0 : f32
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4xf32>
  %A = memref.alloc() : memref<2xf32>
  %B = memref.alloc() : memref<2xf32>
  linalg.fill ins(%one : f32) outs(%A : memref<2xf32>)
  linalg.fill ins(%one : f32) outs(%B : memref<2xf32>)
  %w = call @h(%x, %A) : (tensor<4xf32>, memref<2xf32>) -> tensor<4xf32>
  %e = tensor.extract %x[%c0] : tensor<4xf32>
  %c = arith.cmpf oeq, %e, %one : f32
  %J = arith.select %c, %A, %B : memref<2xf32>
  %u = memref.cast %J : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
