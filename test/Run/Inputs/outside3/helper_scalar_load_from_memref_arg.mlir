// A helper returning a scalar it loads from its buffer argument (the
// buffer shared, so every device holds what was stored).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @get(%m: memref<4xindex>, %i: index) -> index {
  %n = memref.load %m[%i] : memref<4xindex>
  return %n : index
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %buf = memref.alloc() : memref<4xindex>
  memref.store %c3, %buf[%c1] : memref<4xindex>
  %n = call @get(%buf, %c1) : (memref<4xindex>, index) -> index
  %x0 = arith.constant dense<1.0> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> (tensor<4xf32>) {
    %t = arith.addf %a, %a : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
