// @main has no tensors; its helper computes on device 1 and prints (on
// device 0). Device 1 must run @main to reach the call (once refused:
// "device 0 communicates with device 1, which has no program").
func.func private @printMemrefF32(memref<*xf32>)
func.func private @work() {
  %x0 = arith.constant dense<[1.0, -2.0, 0.5, 3.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1] : []> : tensor<4xf32>
  %y = arith.addf %x, %x : tensor<4xf32>
  %b = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
func.func @main() {
  call @work() : () -> ()
  return
}
