// One tensor of each kind the page draws, for browser.test: uneven weights
// and a reshard of them, summand sheets with their keepers and their
// all-reduce, a rank-3 tensor's strips, panels of overlapping groups joined
// by "and" (hetero = dup) and "+" (hetero = partial), a stretched short
// side, a vector and a scalar.

func.func @weights(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]>}) -> tensor<16x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

func.func @summands(%y: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %0 = hspmd.annotate %y as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]> : tensor<16x8xf32>
  %1 = hspmd.reshard %0 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<16x8xf32>
  return %1 : tensor<16x8xf32>
}

func.func @fold(%z: tensor<2x4x6xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>}) -> tensor<2x4x6xf32> {
  return %z : tensor<2x4x6xf32>
}

func.func @panels(%v: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) {
  %0 = hspmd.annotate %v as #hspmd.sharding<hetero = partial, groups = [[0, 1] : [dup = 2], [2, 3] : [d0 = 2]]> : tensor<4x8xf32>
  %1 = hspmd.annotate %v as #hspmd.sharding<hetero = dup, groups = [[0, 1] : [d1 = 2], [2] : []]> : tensor<4x8xf32>
  %2 = hspmd.annotate %v as #hspmd.sharding<hetero = dup, groups = [[0, 2] : [partial = 2], [1, 3] : [partial = 2]]> : tensor<4x8xf32>
  return %0, %1, %2 : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>
}

func.func @shapes(%w: tensor<2x96xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2] : [d1 = 3]>},
                  %u: tensor<10xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>},
                  %s: tensor<f32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}) {
  return
}
