func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a0 = arith.constant dense<1.0> : tensor<4x2xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x2xf32>
  %d0 = arith.constant dense<0.0> : tensor<4x8xf32>
  %d = hspmd.annotate %d0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x8xf32>
  %y = tensor.insert_slice %a into %d[0, 2] [4, 2] [1, 1] : tensor<4x2xf32> into tensor<4x8xf32>
  %b = bufferization.to_buffer %y : tensor<4x8xf32> to memref<4x8xf32>
  %u = memref.cast %b : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
