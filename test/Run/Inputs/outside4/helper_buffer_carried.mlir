// A buffer handed to a function of buffers (run on device 0) and carried
// by an scf.for: the carried buffer is the allocation, on device 0, and the
// load after the loop is broadcast (the copies used to differ and the ranks
// hung; then it was refused) (outside4.test).
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
  %a = memref.alloc() : memref<1xindex>
  call @init(%a) : (memref<1xindex>) -> ()
  %p = scf.for %i = %c0 to %c1 step %c1 iter_args(%m = %a) -> (memref<1xindex>) {
    scf.yield %m : memref<1xindex>
  }
  %n = memref.load %p[%c0] : memref<1xindex>
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (tensor<4xf32>) {
    %t = arith.addf %acc, %acc : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  %bb = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %bb : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
