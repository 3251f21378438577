// A helper nobody calls names devices 8 and 9: the program runs on 4 ranks
// (used to be refused: "program uses device 9").
func.func private @printMemrefF32(memref<*xf32>)
func.func private @unused(%x: tensor<2x2xf32> {hspmd.sharding = #hspmd.sharding<[8, 9] : [d0 = 2]>}) -> tensor<2x2xf32> {
  %y = arith.addf %x, %x : tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[1, 0] : [d0 = 2]> : tensor<2x2xf32>
  %pb = bufferization.to_buffer %a1 : tensor<2x2xf32> to memref<2x2xf32>
  %pc = memref.cast %pb : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%pc) : (memref<*xf32>) -> ()
  return
}
