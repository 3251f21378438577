// A split tensor materialized into an allocated buffer and printed (it was
// refused as if the buffer were yielded or returned).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8xf32>
  %y = arith.mulf %x, %x : tensor<8xf32>
  %buf = memref.alloc() : memref<8xf32>
  bufferization.materialize_in_destination %y in restrict writable %buf : (tensor<8xf32>, memref<8xf32>) -> ()
  %u2 = memref.cast %buf : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
