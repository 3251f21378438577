// A helper whose arguments are placed but whose result is not: its deduced
// result placement is written on its signature, so the call's result meets
// the caller's other placements through a reshard (it used to be left off,
// and the call then ran on replicated operands that did not match the
// helper's local argument types).
func.func private @printMemrefF32(tensor<*xf32>)
func.func private @f(%a: tensor<8x1xf32> {hspmd.sharding = #hspmd.sharding<[3, 1, 2, 0] : [partial = 2, dup = 2]>},
                     %b: tensor<1x6xf32> {hspmd.sharding = #hspmd.sharding<[0, 2, 3] : [d1 = 3]>}) -> tensor<8x6xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<8x6xf32>) -> tensor<8x6xf32>
  %y = linalg.matmul ins(%a, %b : tensor<8x1xf32>, tensor<1x6xf32>) outs(%f : tensor<8x6xf32>) -> tensor<8x6xf32>
  %t = tensor.empty() : tensor<6x8xf32>
  %z = linalg.transpose ins(%y : tensor<8x6xf32>) outs(%t : tensor<6x8xf32>) permutation = [1, 0]
  %n = arith.negf %z : tensor<6x8xf32>
  %t2 = tensor.empty() : tensor<8x6xf32>
  %w = linalg.transpose ins(%n : tensor<6x8xf32>) outs(%t2 : tensor<8x6xf32>) permutation = [1, 0]
  return %w : tensor<8x6xf32>
}
func.func @main() {
  %ca = arith.constant dense<[[1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0], [8.0]]> : tensor<8x1xf32>
  %cb = arith.constant dense<[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]]> : tensor<1x6xf32>
  %r = func.call @f(%ca, %cb) : (tensor<8x1xf32>, tensor<1x6xf32>) -> tensor<8x6xf32>
  %o = arith.constant dense<10.0> : tensor<8x6xf32>
  %oa = hspmd.annotate %o as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<8x6xf32>
  %s = arith.addf %r, %oa : tensor<8x6xf32>
  %u = tensor.cast %s : tensor<8x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
