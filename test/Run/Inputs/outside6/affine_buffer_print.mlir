// A buffer filled by affine.store in an affine.for and printed: one op on
// device 0 (it was refused as if yielded or returned).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %y = arith.mulf %x, %x : tensor<8xf32>
  %b = bufferization.to_buffer %y : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %b : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %buf = memref.alloc() : memref<4xf32>
  affine.for %i = 0 to 4 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    affine.store %f, %buf[%i] : memref<4xf32>
  }
  %u2 = memref.cast %buf : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
