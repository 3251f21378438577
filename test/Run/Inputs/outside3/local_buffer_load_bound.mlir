// A tensor's buffer copied into an alloc, and a scalar loaded from the
// alloc bounding a loop that carries a split tensor: the buffer lives on
// device 0 and the loaded scalar is broadcast (device 1 used to load from
// its own, never written copy: a silent wrong answer). Then a fill and a
// store into a second, replicated alloc, whose loaded value (loaded on
// every device) scales a split tensor.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cst = arith.constant dense<[3, 1, 2, 5]> : tensor<4xi32>
  %m = bufferization.to_buffer %cst : tensor<4xi32> to memref<4xi32>
  %c = memref.alloc() : memref<4xi32>
  memref.copy %m, %c : memref<4xi32> to memref<4xi32>
  %v = memref.load %c[%c0] : memref<4xi32>
  %n = arith.index_cast %v : i32 to index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> (tensor<4xf32>) {
    %t = arith.addf %a, %a : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %f = memref.alloc() : memref<3xf32>
  %half = arith.constant 0.5 : f32
  linalg.fill ins(%half : f32) outs(%f : memref<3xf32>)
  %c2 = arith.constant 2 : index
  %seven = arith.constant 7.0 : f32
  memref.store %seven, %f[%c2] : memref<3xf32>
  %w = memref.load %f[%c2] : memref<3xf32>
  %h = memref.load %f[%c1] : memref<3xf32>
  %wh = arith.addf %w, %h : f32
  %sp = tensor.splat %wh : tensor<4xf32>
  %sps = hspmd.annotate %sp as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %z = arith.mulf %sps, %x : tensor<4xf32>
  %bz = bufferization.to_buffer %z : tensor<4xf32> to memref<4xf32>
  %uz = memref.cast %bz : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%uz) : (memref<*xf32>) -> ()
  return
}
