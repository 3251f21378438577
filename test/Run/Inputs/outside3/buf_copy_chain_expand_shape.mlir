// store inside scf.for of tensor.extract from a hetero weighted split tensor into an alloc, copy into a second alloc, expand_shape + copy into a third; loads bound a split loop on [3,4,5]
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %cst = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %ta = hspmd.annotate %cst as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[1] : [], [2, 3, 4] : [dup = 3]]> : tensor<4xf32>
  %s = arith.mulf %ta, %ta : tensor<4xf32>
  %buf = memref.alloc() : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %e = tensor.extract %s[%i] : tensor<4xf32>
    %one = arith.constant 1.0 : f32
    %e1 = arith.addf %e, %one : f32
    memref.store %e1, %buf[%i] : memref<4xf32>
  }
  %b2 = memref.alloc() : memref<4xf32>
  memref.copy %buf, %b2 : memref<4xf32> to memref<4xf32>
  %b3 = memref.alloc() : memref<2x2xf32>
  %col = memref.expand_shape %b2 [[0, 1]] output_shape [2, 2] : memref<4xf32> into memref<2x2xf32>
  memref.copy %col, %b3 : memref<2x2xf32> to memref<2x2xf32>
  %x0 = arith.constant dense<1.0> : tensor<6xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[3, 4, 5] : [d0 = 3]> : tensor<6xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %x) -> (tensor<6xf32>) {
    %p = arith.divui %i, %c1 : index
    %q0 = arith.remui %i, %c1 : index
    %ii = arith.shrui %i, %c1 : index
    %jj = arith.andi %i, %c1 : index
    %v = memref.load %b3[%ii, %jj] : memref<2x2xf32>
    %sp = tensor.splat %v : tensor<6xf32>
    %t = arith.addf %a, %sp : tensor<6xf32>
    scf.yield %t : tensor<6xf32>
  }
  %b = bufferization.to_buffer %r : tensor<6xf32> to memref<6xf32>
  %u = memref.cast %b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %u3 = memref.cast %b3 : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  return
}
