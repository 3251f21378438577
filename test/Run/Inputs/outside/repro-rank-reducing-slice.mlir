// Minimal repro: a rank-reducing tensor.extract_slice (tensor<2x4xf32> row
// -> tensor<4xf32>) of a column-split tensor on 2 ranks. --hspmd-specialize
// once rewrote it with 2 offsets but 1 size: "expected mixed offsets rank to
// match mixed sizes rank (2 vs 1)" (with or without annotations).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %a = hspmd.annotate %c as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xf32>
  %r = tensor.extract_slice %a[1, 0] [1, 4] [1, 1] : tensor<2x4xf32> to tensor<4xf32>
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
