// A scalar memref.load from a tensor's buffer (made on device 0), captured by
// a split generic's payload: broadcast from device 0 (used to crash).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<1.0> : tensor<8x6xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x6xf32>
  %c0 = arith.constant 0 : index
  %m = bufferization.to_buffer %xa : tensor<8x6xf32> to memref<8x6xf32>
  %f = memref.load %m[%c0, %c0] : memref<8x6xf32>
  %e = tensor.empty() : tensor<8x6xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%xa : tensor<8x6xf32>) outs(%e : tensor<8x6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s2 = arith.addf %a, %f : f32
    linalg.yield %s2 : f32
  } -> tensor<8x6xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x6xf32>
  %b = bufferization.to_buffer %ra : tensor<8x6xf32> to memref<8x6xf32>
  %c = memref.cast %b : memref<8x6xf32> to memref<*xf32>
  call @printMemrefF32(%c) : (memref<*xf32>) -> ()
  return
}
