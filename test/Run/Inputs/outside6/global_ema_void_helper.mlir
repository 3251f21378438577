// RANKS: 4
// (outside6.test)
// A void helper of tensors called in a step loop reads a mutable global as a tensor
// (to_tensor of get_global, annotated split), adds its split argument and copies
// the result back into the global (memref.copy from a tensor's buffer); main prints
// the global and loads from it.
memref.global "private" @ema : memref<4xf32> = dense<0.0>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @track(%w: tensor<4xf32>) {
  %g = memref.get_global @ema : memref<4xf32>
  %old = bufferization.to_tensor %g restrict : memref<4xf32> to tensor<4xf32>
  %oa = hspmd.annotate %old as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<4xf32>
  %wa = hspmd.annotate %w as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<4xf32>
  %n = arith.addf %oa, %wa : tensor<4xf32>
  %nb = bufferization.to_buffer %n : tensor<4xf32> to memref<4xf32>
  memref.copy %nb, %g : memref<4xf32> to memref<4xf32>
  return
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 3] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%a = %x) -> (tensor<4xf32>) {
    func.call @track(%a) : (tensor<4xf32>) -> ()
    %t = arith.addf %a, %a : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  %g = memref.get_global @ema : memref<4xf32>
  %u = memref.cast %g : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %v = memref.load %g[%c3] : memref<4xf32>
  %sp = tensor.splat %v : tensor<4xf32>
  %o = arith.addf %r, %sp : tensor<4xf32>
  %ob = bufferization.to_buffer %o : tensor<4xf32> to memref<4xf32>
  %u2 = memref.cast %ob : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
