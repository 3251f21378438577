// A print of a buffer argument inside a function of tensors: printed once,
// by device 0 (every device running the function printed it).
// (outside6.test)
#a = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @h(%t: tensor<8xf32>, %m: memref<2xf32>) -> tensor<8xf32> {
  %u = memref.cast %m : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %w0 = arith.addf %t, %t : tensor<8xf32>
  %w = hspmd.annotate %w0 as #a : tensor<8xf32>
  return %w : tensor<8xf32>
}
func.func @main() {
  %one = arith.constant 1.0 : f32
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #a : tensor<8xf32>
  %A = memref.alloc() : memref<2xf32>
  linalg.fill ins(%one : f32) outs(%A : memref<2xf32>)
  %w = call @h(%x, %A) : (tensor<8xf32>, memref<2xf32>) -> tensor<8xf32>
  %bb = bufferization.to_buffer %w : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %bb : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
