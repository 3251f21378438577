// A tensor.expand_shape whose output_shape names a static size through an SSA
// constant, on a split dimension: the device programs kept the value (the
// global size) beside the local static sizes (invalid IR).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]> : tensor<8xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %c2 = arith.constant 2 : index
  %ex = tensor.expand_shape %xa [[0, 1]] output_shape [%c2, 4] : tensor<8xf32> into tensor<2x4xf32>
  %n = arith.negf %ex : tensor<2x4xf32>
  %na = hspmd.annotate %n as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x4xf32>
  %bb = bufferization.to_buffer %na : tensor<2x4xf32> to memref<2x4xf32>
  %u = memref.cast %bb : memref<2x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
