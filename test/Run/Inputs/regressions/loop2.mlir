func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %k = %c0 to %c3 step %c1 iter_args(%acc = %x) -> (tensor<4xf32>) {
    %acc2 = hspmd.annotate %acc as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4xf32>
    %a = arith.addf %acc2, %x : tensor<4xf32>
    %a2 = hspmd.annotate %a as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4xf32>
    scf.yield %a2 : tensor<4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
