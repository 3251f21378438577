// A buffer chosen by arith.select, printed: once, by device 0 (every rank
// printed it).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %f7 = arith.constant 7.0 : f32
  %true = arith.constant true
  %A = memref.alloc() : memref<1xf32>
  %B = memref.alloc() : memref<1xf32>
  %m = arith.select %true, %A, %B : memref<1xf32>
  memref.store %f7, %m[%c0] : memref<1xf32>
  %u = memref.cast %m : memref<1xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %y = arith.addf %x, %x : tensor<4xf32>
  %b = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %ub = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%ub) : (memref<*xf32>) -> ()
  return
}
