// A split tensor materialized into an allocated buffer and read back with
// memref.load on other devices: the load is broadcast from device 0.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 2.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %y = arith.addf %x, %x : tensor<4xf32>
  %buf = memref.alloc() : memref<4xf32>
  bufferization.materialize_in_destination %y in restrict writable %buf : (tensor<4xf32>, memref<4xf32>) -> ()
  %v = memref.load %buf[%c1] : memref<4xf32>
  %vi = arith.fptoui %v : f32 to i32
  %n = arith.index_cast %vi : i32 to index
  %z0 = arith.constant dense<1.0> : tensor<4xf32>
  %z = hspmd.annotate %z0 as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %j = %c0 to %n step %c1 iter_args(%a = %z) -> (tensor<4xf32>) {
    %t = arith.addf %a, %a : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  %ob = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %ob : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
