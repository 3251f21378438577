// A partial result annotated on a generic that subtracts a scalar from its
// init: the init is reduced first.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %s = arith.constant 5.0 : f32
  %i0 = arith.constant dense<[10.0, 20.0, 30.0, 40.0]> : tensor<4xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i) -> ()>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%s : f32) outs(%i0 : tensor<4xf32>) {
  ^bb0(%b: f32, %o: f32):
    %r = arith.subf %o, %b : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %yp = hspmd.annotate %y as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<4xf32>
  %pb0 = bufferization.to_buffer %yp : tensor<4xf32> to memref<4xf32>
  %pu0 = memref.cast %pb0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pu0) : (memref<*xf32>) -> ()

  return
}
