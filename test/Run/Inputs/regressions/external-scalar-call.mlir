// A scalar from an external function (sqrtf) used on both devices: made on
// device 0, broadcast.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %c = arith.constant 16.0 : f32
  %r = call @sqrtf(%c) : (f32) -> f32
  %e = tensor.empty() : tensor<4xf32>
  %fl = linalg.fill ins(%r : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %y = arith.addf %x, %fl : tensor<4xf32>
  %pb0 = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %pu0 = memref.cast %pb0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pu0) : (memref<*xf32>) -> ()

  return
}

func.func private @sqrtf(f32) -> f32
