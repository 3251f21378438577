// A tensor's buffer memref.copy'd into an alloc that is then printed: the
// print runs on device 0 alone (device 1 used to print its uninitialized
// alloc).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %cst = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %ta = hspmd.annotate %cst as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %s = arith.addf %ta, %ta : tensor<4xf32>
  %m = bufferization.to_buffer %s : tensor<4xf32> to memref<4xf32>
  %c = memref.alloc() : memref<4xf32>
  memref.copy %m, %c : memref<4xf32> to memref<4xf32>
  %u = memref.cast %c : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
