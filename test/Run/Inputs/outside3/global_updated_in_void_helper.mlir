// A helper without tensors incrementing a memref.global, whose value then
// bounds a loop: globals live on device 0 and loads from them are
// broadcast (device 1 used to read its own, never updated copy).
memref.global "private" @cnt : memref<1xindex> = dense<1>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @bump() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %g = memref.get_global @cnt : memref<1xindex>
  %v = memref.load %g[%c0] : memref<1xindex>
  %v1 = arith.addi %v, %c1 : index
  memref.store %v1, %g[%c0] : memref<1xindex>
  return
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  call @bump() : () -> ()
  call @bump() : () -> ()
  %g = memref.get_global @cnt : memref<1xindex>
  %n = memref.load %g[%c0] : memref<1xindex>
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
