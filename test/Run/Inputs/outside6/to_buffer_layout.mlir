// A tensor's buffer taken with a fully dynamic strided layout and viewed with
// memref.subview: specialization dropped the layout (invalid IR, even with no
// annotation).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]> : tensor<8xf32>
  %n = arith.negf %x : tensor<8xf32>
  %m = bufferization.to_buffer %n : tensor<8xf32> to memref<8xf32, strided<[?], offset: ?>>
  %sv = memref.subview %m[2] [4] [1] : memref<8xf32, strided<[?], offset: ?>> to memref<4xf32, strided<[?], offset: ?>>
  %u = memref.cast %sv : memref<4xf32, strided<[?], offset: ?>> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
