// A vector read from a split tensor (vector.transfer_read), reduced to a
// scalar stored in a replicated buffer: the read is a whole read, run where
// its result is used (it ran on device 0 only and device 1 skipped the
// store).
// (outside5.test)
#a = #hspmd.sharding<[0, 1] : [d0 = 2]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %fz = arith.constant 0.0 : f32
  %buf = memref.alloca() : memref<f32>
  memref.store %fz, %buf[] : memref<f32>
  %x0 = arith.constant dense<[1.0, -2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #a : tensor<4xf32>
  %v = vector.transfer_read %x[%c0], %fz : tensor<4xf32>, vector<4xf32>
  %s = vector.reduction <add>, %v : vector<4xf32> into f32
  memref.store %s, %buf[] : memref<f32>
  %l = memref.load %buf[] : memref<f32>
  %e = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%l : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %y = arith.addf %f, %x : tensor<4xf32>
  %bb = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %bb : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
