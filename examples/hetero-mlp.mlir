// A two-layer MLP, Y = relu(X * W1) * W2, on 7 devices of three speeds:
// a fast group of 4 (tensor parallel 4), a middle group of 2 (tensor
// parallel 2) and one slow device. Each group takes a share of the batch
// proportional to its speed (weights 4:2:1 of 56 rows) and splits the hidden
// dimension across its own devices: the first layer by columns, the second by
// rows, so each group's output is a sum of partial products.
//
// Run: hspmd-opt --hspmd-print-layout examples/hetero-mlp.mlir -o /dev/null

#batch = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
#w1    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>
#h     = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>
#w2    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]>
#y     = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [partial = 4], [4, 5] : [partial = 2], [6] : []]>

func.func @mlp(%x: tensor<56x32xf32> {hspmd.sharding = #batch},
               %w1: tensor<32x64xf32> {hspmd.sharding = #w1},
               %w2: tensor<64x16xf32> {hspmd.sharding = #w2})
    -> (tensor<56x16xf32> {hspmd.sharding = #y}) {
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<56x64xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<56x64xf32>) -> tensor<56x64xf32>
  %mm1 = linalg.matmul ins(%x, %w1 : tensor<56x32xf32>, tensor<32x64xf32>)
                       outs(%f1 : tensor<56x64xf32>) -> tensor<56x64xf32>
  %h = hspmd.annotate %mm1 as #h : tensor<56x64xf32>
  %relu = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                          iterator_types = ["parallel", "parallel"]}
      ins(%h : tensor<56x64xf32>) outs(%e1 : tensor<56x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<56x64xf32>
  %e2 = tensor.empty() : tensor<56x16xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<56x16xf32>) -> tensor<56x16xf32>
  %mm2 = linalg.matmul ins(%relu, %w2 : tensor<56x64xf32>, tensor<64x16xf32>)
                       outs(%f2 : tensor<56x16xf32>) -> tensor<56x16xf32>
  %y = hspmd.annotate %mm2 as #y : tensor<56x16xf32>
  // The same rows, summed inside each group and replicated there.
  %r = hspmd.reshard %y to #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]> : tensor<56x16xf32>
  return %y : tensor<56x16xf32>
}
