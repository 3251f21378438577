// Two layers on a 2x4 grid of devices, placed by hspmd's propagation and
// then partitioned by upstream: activations split by batch and features,
// a weight whole, a product re-split by columns, and a second layer on a
// column-split weight gathered back to the batch split.
func.func @layers(%x: tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<[0 to 7] : [d0 = 2, d1 = 4]>}, %w: tensor<8x4xf32>, %v: tensor<4x8xf32> {hspmd.sharding = #hspmd.sharding<[0 to 7] : [dup = 2, d1 = 4]>}) -> tensor<8x8xf32> {
  %xa = hspmd.annotate %x as #hspmd.sharding<[0 to 7] : [d0 = 2, dup = 4]> : tensor<8x8xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %y = linalg.matmul ins(%xa, %w : tensor<8x8xf32>, tensor<8x4xf32>) outs(%f : tensor<8x4xf32>) -> tensor<8x4xf32>
  %ya = hspmd.annotate %y as #hspmd.sharding<[0 to 7] : [d0 = 2, d1 = 4]> : tensor<8x4xf32>
  %e2 = tensor.empty() : tensor<8x4xf32>
  %t = linalg.exp ins(%ya : tensor<8x4xf32>) outs(%e2 : tensor<8x4xf32>) -> tensor<8x4xf32>
  %tr = hspmd.annotate %t as #hspmd.sharding<[0 to 7] : [d0 = 2, dup = 4]> : tensor<8x4xf32>
  %e3 = tensor.empty() : tensor<8x8xf32>
  %f3 = linalg.fill ins(%z : f32) outs(%e3 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %o = linalg.matmul ins(%tr, %v : tensor<8x4xf32>, tensor<4x8xf32>) outs(%f3 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %e4 = tensor.empty() : tensor<8x8xf32>
  %r = linalg.add ins(%o, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%e4 : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %r : tensor<8x8xf32>
}
