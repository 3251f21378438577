// A helper whose tensors live off device 0 stores to a global and prints:
// device 0 runs the helper (it skipped the call).
// (outside5.test)
memref.global "private" @last : memref<i64> = dense<0>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printI64(i64)
func.func private @printNewline()
func.func private @h(%x: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[1] : []>}, %k: i64) -> (tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[1] : []>}) {
  call @printI64(%k) : (i64) -> ()
  call @printNewline() : () -> ()
  %g = memref.get_global @last : memref<i64>
  memref.store %k, %g[] : memref<i64>
  %y = arith.addf %x, %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %k = arith.constant 7 : i64
  %y = call @h(%x0, %k) : (tensor<4xf32>, i64) -> tensor<4xf32>
  %g = memref.get_global @last : memref<i64>
  %n = memref.load %g[] : memref<i64>
  call @printI64(%n) : (i64) -> ()
  call @printNewline() : () -> ()
  %b = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
