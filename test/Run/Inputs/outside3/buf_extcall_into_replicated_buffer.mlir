// sqrtf of a split tensor's extract stored into a replicated alloc in a loop; helper with alloca scratch + sqrtf called in a loop on [3,2,1]
func.func private @printMemrefF32(memref<*xf32>)
func.func private @sqrtf(f32) -> f32
func.func private @h(%v: f32, %i: index) -> f32 {
  %c0 = arith.constant 0 : index
  %a = memref.alloca() : memref<3xf32>
  %s = func.call @sqrtf(%v) : (f32) -> f32
  memref.store %s, %a[%c0] : memref<3xf32>
  %c1 = arith.constant 1 : index
  memref.store %v, %a[%c1] : memref<3xf32>
  %k = arith.remui %i, %c1 : index
  %l = memref.load %a[%k] : memref<3xf32>
  %l1 = memref.load %a[%c1] : memref<3xf32>
  %r = arith.addf %l, %l1 : f32
  return %r : f32
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %buf = memref.alloc() : memref<4xf32>
  %x0 = arith.constant dense<[1.0, 4.0, 9.0, 16.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %e = tensor.extract %x[%i] : tensor<4xf32>
    %s = func.call @sqrtf(%e) : (f32) -> f32
    memref.store %s, %buf[%i] : memref<4xf32>
  }
  %y0 = arith.constant dense<1.0> : tensor<6xf32>
  %y = hspmd.annotate %y0 as #hspmd.sharding<[3, 2, 1] : [d0 = 3]> : tensor<6xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %y) -> (tensor<6xf32>) {
    %l = memref.load %buf[%i] : memref<4xf32>
    %w = func.call @h(%l, %i) : (f32, index) -> f32
    %sp = tensor.splat %w : tensor<6xf32>
    %t = arith.addf %a, %sp : tensor<6xf32>
    scf.yield %t : tensor<6xf32>
  }
  %b = bufferization.to_buffer %r : tensor<6xf32> to memref<6xf32>
  %u = memref.cast %b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %u2 = memref.cast %buf : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
