// A scalar from func.call_indirect (effects unknown: made on device 0) used
// on both devices: broadcast from device 0.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %f = func.constant @h : (f32) -> f32
  %c = arith.constant 2.5 : f32
  %r = func.call_indirect %f(%c) : (f32) -> f32
  %e = tensor.empty() : tensor<4xf32>
  %fl = linalg.fill ins(%r : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %y = arith.addf %x, %fl : tensor<4xf32>
  %pb0 = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %pu0 = memref.cast %pb0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pu0) : (memref<*xf32>) -> ()

  return
}

func.func private @h(%a: f32) -> f32 {
  %b = arith.addf %a, %a : f32
  return %b : f32
}
