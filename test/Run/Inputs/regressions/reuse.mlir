// A partial value reduced twice, to two placements, then added to itself
// reduced: the all-reduce works in place on its operand's buffer only when
// nothing reads the operand later, so the second reduction and the sum must
// see the unreduced summands.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a0 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %b0 = arith.constant dense<[[1.0, 0.0], [2.0, 1.0], [0.0, 3.0], [1.0, 1.0]]> : tensor<4x2xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xf32>
  %b = hspmd.annotate %b0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x2xf32>
  %e = tensor.empty() : tensor<2x2xf32>
  %z = arith.constant 0.0 : f32
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %p = linalg.matmul ins(%a, %b : tensor<2x4xf32>, tensor<4x2xf32>) outs(%f : tensor<2x2xf32>) -> tensor<2x2xf32>
  %pp = hspmd.annotate %p as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<2x2xf32>
  %s1 = hspmd.reshard %pp to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<2x2xf32>
  %s2 = hspmd.reshard %pp to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x2xf32>
  %s3 = hspmd.reshard %s2 to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<2x2xf32>
  %sum = arith.addf %s1, %s3 : tensor<2x2xf32>
  %r = hspmd.annotate %sum as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<2x2xf32>
  %buf = bufferization.to_buffer %r : tensor<2x2xf32> to memref<2x2xf32>
  %u = memref.cast %buf : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
