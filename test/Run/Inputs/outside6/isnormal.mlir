// math.isnormal on a tensor: |x| >= smallest normal and |x| < inf (NaN,
// infinities, zero and subnormals are not normal).
// (outside6.test)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x = arith.constant dense<[0x7FC00000, 0x7F800000, 0xFF800000, 1.0, 0.0, 1.0e-40, -2.0, 3.0]> : tensor<8xf32>
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %p = math.isnormal %a : tensor<8xf32>
  %w = arith.extui %p : tensor<8xi1> to tensor<8xi32>
  %b = bufferization.to_buffer %w : tensor<8xi32> to memref<8xi32>
  %u = memref.cast %b : memref<8xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
