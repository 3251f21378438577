// A tensor moved to device 1, then updated by tensor.insert, then both the
// update and the moved tensor printed: the runtime lowering's buffers were
// folded past bufferization (to_buffer of to_tensor), so the insert
// happened in place and the moved tensor printed with the new element.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0] : []> : tensor<4xf32>
  %y = arith.addf %x, %x0 : tensor<4xf32>
  %ra = hspmd.annotate %y as #hspmd.sharding<[1] : []> : tensor<4xf32>
  %v = arith.constant 7.0 : f32
  %i = arith.constant 2 : index
  %z = tensor.insert %v into %ra[%i] : tensor<4xf32>
  %zb = bufferization.to_buffer %z : tensor<4xf32> to memref<4xf32>
  %zc = memref.cast %zb : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%zc) : (memref<*xf32>) -> ()
  %rb = bufferization.to_buffer %ra : tensor<4xf32> to memref<4xf32>
  %rc = memref.cast %rb : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%rc) : (memref<*xf32>) -> ()
  return
}
