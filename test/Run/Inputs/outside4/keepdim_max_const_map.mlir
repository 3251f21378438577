// torch-mlir's keepdim amax, output map (d0, d1) -> (d0, 0), over a split
// reduced dimension: not split in two by linalg::splitReduction (which
// rewrote the constant map wrongly, an internal verifier error).
#map = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[[1.0, -2.0, 3.0, -4.0, 5.0, -6.0], [7.0, 8.0, -9.0, 10.0, 11.0, -12.0], [13.0, -14.0, 15.0, 16.0, -17.0, 18.0], [19.0, 20.0, 21.0, -22.0, 23.0, 24.0]]> : tensor<4x6xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x6xf32>
  %zero = arith.constant -100.0 : f32
  %e3 = tensor.empty() : tensor<4x1xf32>
  %f3 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<4x1xf32>) -> tensor<4x1xf32>
  %s3 = linalg.generic {indexing_maps = [#map, #map2], iterator_types = ["parallel", "reduction"]} ins(%xa : tensor<4x6xf32>) outs(%f3 : tensor<4x1xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.maximumf %a, %o : f32
    linalg.yield %s : f32
  } -> tensor<4x1xf32>
  %tb = bufferization.to_buffer %s3 : tensor<4x1xf32> to memref<4x1xf32>
  %tc = memref.cast %tb : memref<4x1xf32> to memref<*xf32>
  call @printMemrefF32(%tc) : (memref<*xf32>) -> ()
  return
}
