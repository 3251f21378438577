// A buffer stored into and passed to a helper that loads its loop bound
// from it: a buffer handed to a call is shared, so the store runs on every
// device (a rule of this batch first ran it on device 0 alone).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @h(%m: memref<4xindex>, %x: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> (tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.load %m[%c1] : memref<4xindex>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> (tensor<4xf32>) {
    %t = arith.addf %a, %a : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func @main() {
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %buf = memref.alloc() : memref<4xindex>
  memref.store %c3, %buf[%c1] : memref<4xindex>
  %x0 = arith.constant dense<1.0> : tensor<4xf32>
  %r = call @h(%buf, %x0) : (memref<4xindex>, tensor<4xf32>) -> tensor<4xf32>
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
