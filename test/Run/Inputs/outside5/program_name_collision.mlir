// User functions named like device programs (@main_device0, @h_device1): the
// device programs take other names (a redefinition error, or a call to the
// user's function).
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printI64(i64)
func.func private @printNewline()
func.func @main_device0() {
  %c = arith.constant 7 : i64
  call @printI64(%c) : (i64) -> ()
  call @printNewline() : () -> ()
  return
}
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %y = arith.addf %x, %x : tensor<4xf32>
  %b = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  call @main_device0() : () -> ()
  return
}
