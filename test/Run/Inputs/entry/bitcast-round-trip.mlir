// A tensor.bitcast there and back. It used to fail under --reference (not
// bufferized) while hspmd-run -n 2 folded it away and printed [1, 2]; both
// pipelines now canonicalize before bufferizing and print [1, 2].
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a = arith.constant dense<[1, 2]> : tensor<2xi32>
  %b = tensor.bitcast %a : tensor<2xi32> to tensor<2xf32>
  %c = tensor.bitcast %b : tensor<2xf32> to tensor<2xi32>
  %pb = bufferization.to_buffer %c : tensor<2xi32> to memref<2xi32>
  %pc = memref.cast %pb : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%pc) : (memref<*xi32>) -> ()
  return
}
