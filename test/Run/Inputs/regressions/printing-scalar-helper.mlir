// A scalar helper that prints and returns a value used on both devices: it
// runs (and prints) on device 0, its result broadcast.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %c = arith.constant 16.0 : f32
  %r = call @g(%c) : (f32) -> f32
  %e = tensor.empty() : tensor<4xf32>
  %fl = linalg.fill ins(%r : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %y = arith.addf %x, %fl : tensor<4xf32>
  %pb0 = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %pu0 = memref.cast %pb0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pu0) : (memref<*xf32>) -> ()

  return
}

func.func private @g(%a: f32) -> f32 {
  vector.print %a : f32
  %b = arith.addf %a, %a : f32
  return %b : f32
}
