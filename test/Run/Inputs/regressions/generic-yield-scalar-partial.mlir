// A linalg.generic yielding its scalar operand, with a partial input: not
// additive.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, -2.0, 0.5, 3.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<4xf32>
  %s = arith.constant 3.0 : f32
  %e = tensor.empty() : tensor<4xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> ()>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%x, %s : tensor<4xf32>, f32) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    linalg.yield %b : f32
  } -> tensor<4xf32>
  %pb0 = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %pu0 = memref.cast %pb0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pu0) : (memref<*xf32>) -> ()

  return
}
