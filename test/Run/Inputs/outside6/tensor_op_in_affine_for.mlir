// A tensor op in an affine.for body reading a tensor from outside (a
// reshard's writable result): bufferized in place, it updated that tensor on
// every iteration. affine.for and scf.parallel become scf.for first.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<4xf32>
  %y = arith.mulf %x, %x : tensor<4xf32>
  %buf = memref.alloc() : memref<4xf32>
  affine.for %i = 0 to 4 {
    %t = arith.addf %y, %x : tensor<4xf32>
    %e = tensor.extract %t[%i] : tensor<4xf32>
    affine.store %e, %buf[%i] : memref<4xf32>
  }
  %t0 = arith.constant dense<1.0> : tensor<4xf32>
  %t = hspmd.annotate %t0 as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %t) -> (tensor<4xf32>) {
    %v = memref.load %buf[%i] : memref<4xf32>
    %sp = tensor.splat %v : tensor<4xf32>
    %a = arith.addf %acc, %sp : tensor<4xf32>
    scf.yield %a : tensor<4xf32>
  }
  %ob = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u2 = memref.cast %ob : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
