// Two memref.get_global of one global, a tensor copied through the first
// and loaded through the second: one buffer on device 0.
memref.global "private" @g : memref<4xf32> = dense<0.0>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %x0 = arith.constant dense<[3.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %m = bufferization.to_buffer %x : tensor<4xf32> to memref<4xf32>
  %g1 = memref.get_global @g : memref<4xf32>
  memref.copy %m, %g1 : memref<4xf32> to memref<4xf32>
  %g2 = memref.get_global @g : memref<4xf32>
  %v = memref.load %g2[%c0] : memref<4xf32>
  %vi = arith.fptosi %v : f32 to i32
  %n = arith.index_cast %vi : i32 to index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> (tensor<4xf32>) {
    %t = arith.addf %a, %a : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
