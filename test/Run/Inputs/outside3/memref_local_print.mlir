// A memref.alloc filled by linalg on buffers and printed, as MLIR's CPU
// integration tests write it: the buffer is replicated, filled on every
// device and printed by device 0 alone (every device used to print it).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c = memref.alloc() : memref<3xf32>
  %one = arith.constant 1.0 : f32
  linalg.fill ins(%one : f32) outs(%c : memref<3xf32>)
  %u2 = memref.cast %c : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %cst = arith.constant dense<2.0> : tensor<4xf32>
  %ta = hspmd.annotate %cst as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %s = arith.addf %ta, %ta : tensor<4xf32>
  %m = bufferization.to_buffer %s : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %m : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
