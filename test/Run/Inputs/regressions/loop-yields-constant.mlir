// A loop yielding a constant, its result then updated in place: bufferization
// must copy the constant (the reference run crashed writing into read-only
// memory).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = arith.constant dense<[100.0, 0.0, 0.0, 0.0]> : tensor<4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%acc = %a) -> (tensor<4xf32>) {
    %k = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
    scf.yield %k : tensor<4xf32>
  }
  %rr = arith.addf %r, %a : tensor<4xf32>
  %pb0 = bufferization.to_buffer %rr : tensor<4xf32> to memref<4xf32>
  %pu0 = memref.cast %pb0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pu0) : (memref<*xf32>) -> ()

  return
}
