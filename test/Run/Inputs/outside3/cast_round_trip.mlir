// A tensor.cast to a dynamic shape and straight back, as torch-mlir leaves
// them, in an otherwise static program: the pair is the value itself
// (the distributed pipeline used to refuse the dynamic shape between).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xf32>
  %d = tensor.cast %xa : tensor<2x4xf32> to tensor<?x4xf32>
  %s = tensor.cast %d : tensor<?x4xf32> to tensor<2x4xf32>
  %y = arith.addf %s, %s : tensor<2x4xf32>
  %b = bufferization.to_buffer %y : tensor<2x4xf32> to memref<2x4xf32>
  %u = memref.cast %b : memref<2x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
