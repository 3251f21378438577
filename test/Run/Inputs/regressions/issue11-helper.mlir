func.func private @printMemrefF32(tensor<*xf32>)
func.func private @scale(%a: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %r = arith.addf %a, %a : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}
func.func private @upd(%a: tensor<4x4xf32>, %b: tensor<2x4xf32>) -> tensor<4x4xf32> {
  %r = tensor.insert_slice %b into %a[1, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}
func.func @main() {
  %e = tensor.empty() : tensor<4x4xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x4xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x4xf32>
  %b = hspmd.annotate %g as #hspmd.sharding<[2, 3] : [d1 = 2]> : tensor<4x4xf32>
  %h1 = call @scale(%a) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %h2 = call @scale(%b) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %s = arith.addf %h1, %b : tensor<4x4xf32>
  %s2 = arith.addf %s, %h2 : tensor<4x4xf32>
  %sl = tensor.extract_slice %s2[0, 0] [2, 4] [1, 1] : tensor<4x4xf32> to tensor<2x4xf32>
  %u1 = call @upd(%b, %sl) : (tensor<4x4xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
  %c1 = arith.constant 1 : index
  %dyn = tensor.extract_slice %u1[%c1, 0] [2, 4] [1, 1] : tensor<4x4xf32> to tensor<2x4xf32>
  %u = tensor.cast %dyn : tensor<2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
