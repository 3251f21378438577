func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a0 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2xf32>
  %b0 = arith.constant dense<[3.0, 4.0]> : tensor<2xf32>
  %b = hspmd.annotate %b0 as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<2xf32>
  %c = tensor.concat dim(0) %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  %bb = bufferization.to_buffer %c : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %bb : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
