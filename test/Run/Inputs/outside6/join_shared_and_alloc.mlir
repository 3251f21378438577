// An arith.select joining an allocation passed to a function of tensors with
// another filled on device 0: the join is device 0's (devices 1..3 computed
// from uninitialized memory).
// (outside6.test)
#a = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @h(%t: tensor<8xf32>, %m: memref<2xf32>) -> tensor<8xf32> {
  return %t : tensor<8xf32>
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1.0 : f32
  %seven = arith.constant 7.0 : f32
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #a : tensor<8xf32>
  %A = memref.alloc() : memref<2xf32>
  %B = memref.alloc() : memref<2xf32>
  linalg.fill ins(%one : f32) outs(%A : memref<2xf32>)
  linalg.fill ins(%seven : f32) outs(%B : memref<2xf32>)
  %w = call @h(%x, %A) : (tensor<8xf32>, memref<2xf32>) -> tensor<8xf32>
  %e = tensor.extract %x[%c0] : tensor<8xf32>
  %c = arith.cmpf olt, %e, %seven : f32
  %J = arith.select %c, %B, %A : memref<2xf32>
  %l = memref.load %J[%c0] : memref<2xf32>
  %em = tensor.empty() : tensor<8xf32>
  %f = linalg.fill ins(%l : f32) outs(%em : tensor<8xf32>) -> tensor<8xf32>
  %fa = hspmd.annotate %f as #a : tensor<8xf32>
  %z = arith.addf %fa, %w : tensor<8xf32>
  %bb = bufferization.to_buffer %z : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %bb : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
