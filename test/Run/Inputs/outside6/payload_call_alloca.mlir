// A scalar helper with its own alloca scratch, called from a linalg payload:
// effects on buffers a function allocates itself are not seen outside, so
// the helper is pure and runs with the payload (it was refused as having
// side effects) (outside6.test).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @act(%x: f32, %i: index) -> f32 {
  %c0 = arith.constant 0.0 : f32
  %buf = memref.alloca() : memref<1xf32>
  %z = arith.constant 0 : index
  %ii = arith.index_cast %i : index to i32
  %w = arith.sitofp %ii : i32 to f32
  %p = arith.cmpf ogt, %x, %c0 : f32
  %r = arith.select %p, %x, %c0 : f32
  memref.store %r, %buf[%z] : memref<1xf32>
  %l = memref.load %buf[%z] : memref<1xf32>
  %s = arith.mulf %l, %w : f32
  return %s : f32
}
func.func @main() {
  %x = arith.constant dense<[[1.0, -2.0, 3.0, -4.0, 5.0, 6.0, -7.0, 8.0], [-1.0, 2.0, -3.0, 4.0, -5.0, -6.0, 7.0, -8.0]]> : tensor<2x8xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<2x8xf32>
  %e = tensor.empty() : tensor<2x8xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%xa : tensor<2x8xf32>) outs(%e : tensor<2x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %j = linalg.index 1 : index
    %r = func.call @act(%a, %j) : (f32, index) -> f32
    linalg.yield %r : f32
  } -> tensor<2x8xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x8xf32>
  %bb = bufferization.to_buffer %ga : tensor<2x8xf32> to memref<2x8xf32>
  %u = memref.cast %bb : memref<2x8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
