// A split tensor written into an allocated buffer with
// materialize_in_destination, loaded for another device and printed.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %t = arith.constant dense<[10.0, 11.0, 12.0, 13.0]> : tensor<4xf32>
  %ta = hspmd.annotate %t as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %buf = memref.alloc() : memref<4xf32>
  bufferization.materialize_in_destination %ta in writable %buf : (tensor<4xf32>, memref<4xf32>) -> ()
  %c3 = arith.constant 3 : index
  %s = memref.load %buf[%c3] : memref<4xf32>
  %e = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%s : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %fa = hspmd.annotate %f as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %b = bufferization.to_buffer %fa : tensor<4xf32> to memref<4xf32>
  %bc = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%bc) : (memref<*xf32>) -> ()
  return
}
