// A load through `arith.select` of two tensors' buffers (and through
// `bufferization.clone`): a read of a tensor's buffer, on device 0 and
// broadcast.
// (outside5.test)
#a = #hspmd.sharding<[0, 1] : [d0 = 2]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c1 = arith.constant 1 : index
  %two = arith.constant 2.0 : f32
  %fz = arith.constant 0.0 : f32
  %buf = memref.alloca() : memref<f32>
  memref.store %fz, %buf[] : memref<f32>
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #a : tensor<4xf32>
  %y0 = arith.constant dense<[5.0, 6.0, 7.0, 8.0]> : tensor<4xf32>
  %e = tensor.extract %x[%c1] : tensor<4xf32>
  %c = arith.cmpf ogt, %e, %two : f32
  %bx = bufferization.to_buffer %x : tensor<4xf32> to memref<4xf32>
  %by = bufferization.to_buffer %y0 : tensor<4xf32> to memref<4xf32>
  %m = arith.select %c, %bx, %by : memref<4xf32>
  %l = memref.load %m[%c1] : memref<4xf32>
  memref.store %l, %buf[] : memref<f32>
  %l2 = memref.load %buf[] : memref<f32>
  %em = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%l2 : f32) outs(%em : tensor<4xf32>) -> tensor<4xf32>
  %z = arith.addf %f, %x : tensor<4xf32>
  %bb = bufferization.to_buffer %z : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %bb : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
