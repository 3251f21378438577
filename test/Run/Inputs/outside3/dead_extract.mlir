// A tensor.extract whose only user is dead scalar code (an unused
// `aten.item`, as front ends leave it before canonicalizing), in a program
// without annotations: propagation drops the dead code (it used to crash).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %k = arith.constant dense<[3, 7]> : tensor<2xi32>
  %ki = tensor.extract %k[%c0] : tensor<2xi32>
  %kx = arith.index_cast %ki : i32 to index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %b = bufferization.to_buffer %x0 : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
