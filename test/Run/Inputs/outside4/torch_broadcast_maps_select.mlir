// torch-mlir style generic with (d0,d1)->(0,d1)/(d0,0)/(d1) broadcast maps, cmpf+select, keepdim sum and max reductions with constant-0 output maps (input not split on the max's reduced dim), hetero weighted shards.
#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (0, d1)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d1)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[[1.0, -2.0, 3.0, -4.0, 5.0, -6.0], [7.0, 8.0, -9.0, 10.0, 11.0, -12.0], [13.0, -14.0, 15.0, 16.0, -17.0, 18.0], [19.0, 20.0, 21.0, -22.0, 23.0, 24.0]]> : tensor<4x6xf32>
  %bias = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]]> : tensor<1x6xf32>
  %col = arith.constant dense<[[10.0], [20.0], [30.0], [40.0]]> : tensor<4x1xf32>
  %v = arith.constant dense<[0.5, 1.0, 2.0, 4.0, 8.0, 16.0]> : tensor<6xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0, 1] : [d0 = 2], [2, 3] : [d1 = 2]]> : tensor<4x6xf32>
  %ba = hspmd.annotate %bias as #hspmd.sharding<[0, 1, 2] : [d1 = 3]> : tensor<1x6xf32>
  %ca = hspmd.annotate %col as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<4x1xf32>
  %e = tensor.empty() : tensor<4x6xf32>
  %zero = arith.constant 0.0 : f32
  %r = linalg.generic {indexing_maps = [#map, #map1, #map2, #map3, #map], iterator_types = ["parallel", "parallel"]} ins(%xa, %ba, %ca, %v : tensor<4x6xf32>, tensor<1x6xf32>, tensor<4x1xf32>, tensor<6xf32>) outs(%e : tensor<4x6xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32, %d: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    %m = arith.mulf %s, %d : f32
    %p = arith.cmpf ogt, %m, %zero : f32
    %q = arith.select %p, %m, %c : f32
    linalg.yield %q : f32
  } -> tensor<4x6xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<hetero = d1, weights = [2, 1], groups = [[3] : [], [0, 1, 2] : [dup = 3]]> : tensor<4x6xf32>
  %rb = bufferization.to_buffer %ra : tensor<4x6xf32> to memref<4x6xf32>
  %rc = memref.cast %rb : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%rc) : (memref<*xf32>) -> ()
  // reduction with a broadcasting output map: sum over d0 into tensor<1x6>
  %e2 = tensor.empty() : tensor<1x6xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<1x6xf32>) -> tensor<1x6xf32>
  %s2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "parallel"]} ins(%ra : tensor<4x6xf32>) outs(%f2 : tensor<1x6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %o : f32
    linalg.yield %s : f32
  } -> tensor<1x6xf32>
  %s2a = hspmd.annotate %s2 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<1x6xf32>
  %sb = bufferization.to_buffer %s2a : tensor<1x6xf32> to memref<1x6xf32>
  %sc = memref.cast %sb : memref<1x6xf32> to memref<*xf32>
  call @printMemrefF32(%sc) : (memref<*xf32>) -> ()
  %e3 = tensor.empty() : tensor<4x1xf32>
  %f3 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<4x1xf32>) -> tensor<4x1xf32>
  %xa2 = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<4x6xf32>
  %s3 = linalg.generic {indexing_maps = [#map, #map2], iterator_types = ["parallel", "reduction"]} ins(%xa2 : tensor<4x6xf32>) outs(%f3 : tensor<4x1xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.maximumf %a, %o : f32
    linalg.yield %s : f32
  } -> tensor<4x1xf32>
  %s3a = hspmd.annotate %s3 as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<4x1xf32>
  %tb = bufferization.to_buffer %s3a : tensor<4x1xf32> to memref<4x1xf32>
  %tc = memref.cast %tb : memref<4x1xf32> to memref<*xf32>
  call @printMemrefF32(%tc) : (memref<*xf32>) -> ()
  return
}
