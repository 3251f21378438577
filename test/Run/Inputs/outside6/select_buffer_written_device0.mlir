// A buffer chosen by arith.select, written by a function of buffers (device
// 0) and read as a trip count on every device.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @init(%m: memref<1xindex>) {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  memref.store %c3, %m[%c0] : memref<1xindex>
  return
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %true = arith.constant true
  %a = memref.alloca() : memref<1xindex>
  %b0 = memref.alloca() : memref<1xindex>
  %s = arith.select %true, %a, %b0 : memref<1xindex>
  call @init(%s) : (memref<1xindex>) -> ()
  %n = memref.load %s[%c0] : memref<1xindex>
  %z0 = arith.constant dense<1.0> : tensor<4xf32>
  %z = hspmd.annotate %z0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %z) -> (tensor<4xf32>) {
    %t = arith.addf %acc, %acc : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
