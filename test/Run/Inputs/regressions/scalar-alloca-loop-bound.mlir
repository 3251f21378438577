// A loop bound read from a scalar alloca.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %m = memref.alloca() : memref<index>
  %c3 = arith.constant 3 : index
  memref.store %c3, %m[] : memref<index>
  %n = memref.load %m[] : memref<index>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (tensor<4xf32>) {
    %b = hspmd.reshard %acc to #hspmd.sharding<[1, 0] : [d0 = 2]> : tensor<4xf32>
    %y = arith.addf %b, %acc : tensor<4xf32>
    scf.yield %y : tensor<4xf32>
  }
  %pb0 = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %pu0 = memref.cast %pb0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pu0) : (memref<*xf32>) -> ()

  return
}
