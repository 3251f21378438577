// stores of transposed extracts of a d1-split tensor into an alloc, collapse_shape, load as loop bound, to_tensor of the collapsed buffer annotated on [1,3]
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %x0 = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[2, 3] : [d1 = 2]> : tensor<2x2xf32>
  %buf = memref.alloc() : memref<2x2xf32>
  scf.for %i = %c0 to %c2 step %c1 {
    scf.for %j = %c0 to %c2 step %c1 {
      %e = tensor.extract %x[%j, %i] : tensor<2x2xf32>
      memref.store %e, %buf[%i, %j] : memref<2x2xf32>
    }
  }
  %flat = memref.collapse_shape %buf [[0, 1]] : memref<2x2xf32> into memref<4xf32>
  %v = memref.load %flat[%c1] : memref<4xf32>
  %vi = arith.fptosi %v : f32 to i32
  %n = arith.index_cast %vi : i32 to index
  %t = bufferization.to_tensor %flat restrict : memref<4xf32> to tensor<4xf32>
  %ta = hspmd.annotate %t as #hspmd.sharding<[1, 3] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %ta) -> (tensor<4xf32>) {
    %tt = arith.addf %a, %a : tensor<4xf32>
    scf.yield %tt : tensor<4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
