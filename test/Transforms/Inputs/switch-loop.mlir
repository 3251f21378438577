// A training loop carrying two weights on 4 devices under four strategies:
// "tp" (the default: W1 split by columns, W2 by rows), "dp" (both whole on
// each device), "dp3" (whole on devices 0-2: device 3 gone) and "tp2"
// (W1 split by columns over devices 0 and 1).
module attributes {hspmd.strategies = ["tp", "dp", "dp3", "tp2"]} {
  func.func @train(%w1: tensor<16x8xf32>, %w2: tensor<8x16xf32>) -> (tensor<16x8xf32>, tensor<8x16xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %two = arith.constant 2.0 : f32
    %e1 = tensor.empty() : tensor<16x8xf32>
    %e2 = tensor.empty() : tensor<8x16xf32>
    %r:2 = scf.for %k = %c0 to %c4 step %c1 iter_args(%a = %w1, %b = %w2) -> (tensor<16x8xf32>, tensor<8x16xf32>) {
      %pa = hspmd.annotate %a as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<16x8xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>, dp3 = #hspmd.sharding<[0, 1, 2] : [dup = 3]>, tp2 = #hspmd.sharding<[0, 1] : [d1 = 2]>}}
      %pb = hspmd.annotate %b as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x16xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>, dp3 = #hspmd.sharding<[0, 1, 2] : [dup = 3]>, tp2 = #hspmd.sharding<[0, 1] : [d0 = 2]>}}
      %na = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%pa : tensor<16x8xf32>) outs(%e1 : tensor<16x8xf32>) {
      ^bb0(%x: f32, %o: f32):
        %y = arith.mulf %x, %two : f32
        linalg.yield %y : f32
      } -> tensor<16x8xf32>
      %nb = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%pb : tensor<8x16xf32>) outs(%e2 : tensor<8x16xf32>) {
      ^bb0(%x: f32, %o: f32):
        %y = arith.addf %x, %two : f32
        linalg.yield %y : f32
      } -> tensor<8x16xf32>
      scf.yield %na, %nb : tensor<16x8xf32>, tensor<8x16xf32>
    }
    return %r#0, %r#1 : tensor<16x8xf32>, tensor<8x16xf32>
  }
}
