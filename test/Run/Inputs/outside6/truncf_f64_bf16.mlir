// arith.truncf from f64 to bf16, rounded once (1.0039062500000009 gives
// 1.0078125): the runtime provides __truncdfbf2 (the link failed).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %y = arith.constant dense<[1.0039062500000009, 1.00390625, 3.0, 1.0000000596046448, 1.0117187500000002, 0.5, 2.0, 4.0]> : tensor<8xf64>
  %ya = hspmd.annotate %y as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf64>
  %t = arith.truncf %ya : tensor<8xf64> to tensor<8xbf16>
  %tw = arith.extf %t : tensor<8xbf16> to tensor<8xf32>
  %tb = bufferization.to_buffer %tw : tensor<8xf32> to memref<8xf32>
  %tu = memref.cast %tb : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%tu) : (memref<*xf32>) -> ()
  return
}
