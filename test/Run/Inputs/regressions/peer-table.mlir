// Non-translation reshards: the halves of a split gathered two by two
// ([d0 = 8] to [dup = 2, d0 = 4]), a permuted device list and back: peers
// named by columns of a table (regressions.test, 8 ranks).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0], [9.0, 10.0], [11.0, 12.0], [13.0, 14.0], [15.0, 16.0], [17.0, 18.0], [19.0, 20.0], [21.0, 22.0], [23.0, 24.0], [25.0, 26.0], [27.0, 28.0], [29.0, 30.0], [31.0, 32.0]]> : tensor<16x2xf32>
  %x = hspmd.annotate %c as #hspmd.sharding<[0 to 7] : [d0 = 8]> : tensor<16x2xf32>
  %y = hspmd.reshard %x to #hspmd.sharding<[0 to 7] : [dup = 2, d0 = 4]> : tensor<16x2xf32>
  %e = tensor.empty() : tensor<16x2xf32>
  %z = linalg.add ins(%y, %y : tensor<16x2xf32>, tensor<16x2xf32>) outs(%e : tensor<16x2xf32>) -> tensor<16x2xf32>
  %w = hspmd.reshard %z to #hspmd.sharding<[3, 0, 6, 1, 7, 2, 5, 4] : [d0 = 8]> : tensor<16x2xf32>
  %v = hspmd.reshard %w to #hspmd.sharding<[0 to 7] : [d0 = 4, dup = 2]> : tensor<16x2xf32>
  %u = linalg.add ins(%v, %x : tensor<16x2xf32>, tensor<16x2xf32>) outs(%e : tensor<16x2xf32>) -> tensor<16x2xf32>
  %m = bufferization.to_buffer %u : tensor<16x2xf32> to memref<16x2xf32>
  %p = memref.cast %m : memref<16x2xf32> to memref<*xf32>
  call @printMemrefF32(%p) : (memref<*xf32>) -> ()
  return
}
// The gather by twos names its peers by a table (u = 3 x: the last row is
// [93, 96]):
// CHECK: hspmd.send_recv table [1, 2, 3, 4, 5, 6]
