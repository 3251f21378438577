// Summands in two groups that cut the value differently (rows, columns) made
// whole: every summand is added (an all-reduce inside the second group alone
// was planned).
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = partial, groups = [[2, 1] : [d0 = 2], [0, 3, 4, 5] : [partial = 2, d1 = 2]]> : tensor<2x2xf32>
  %m = hspmd.reshard %xa to #hspmd.sharding<hetero = dup, groups = [[2, 1] : [d0 = 2], [0, 3, 4, 5] : [dup = 2, d1 = 2]]> : tensor<2x2xf32>
  %b = bufferization.to_buffer %m : tensor<2x2xf32> to memref<2x2xf32>
  %u = memref.cast %b : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
