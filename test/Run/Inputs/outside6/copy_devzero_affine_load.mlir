// A global updated by the program, copied into a buffer read with affine.load
// as a loop's trip count: device 1 used the global's old value.
// (outside6.test)
memref.global "private" @steps : memref<1xindex> = dense<1>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %g = memref.get_global @steps : memref<1xindex>
  memref.store %c3, %g[%c0] : memref<1xindex>
  %s = memref.alloc() : memref<1xindex>
  memref.copy %g, %s : memref<1xindex> to memref<1xindex>
  %n = affine.load %s[0] : memref<1xindex>
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
