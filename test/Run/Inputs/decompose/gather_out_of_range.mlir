// A gather coordinate outside the source (row 8 of an 8-row table): both
// modes stop with the same message instead of reading past the table.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %t0 = arith.constant dense<1.0> : tensor<8x2xf32>
  %t = hspmd.annotate %t0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x2xf32>
  %ids = arith.constant dense<[[1], [8]]> : tensor<2x1xindex>
  %g = tensor.gather %t[%ids] gather_dims([0]) : (tensor<8x2xf32>, tensor<2x1xindex>) -> tensor<2x2xf32>
  %b = bufferization.to_buffer %g : tensor<2x2xf32> to memref<2x2xf32>
  %u = memref.cast %b : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
