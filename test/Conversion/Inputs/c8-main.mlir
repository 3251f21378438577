func.func @main() {
  %c = arith.constant dense<1.0> : tensor<128x32xf32>
  %x = hspmd.annotate %c as #hspmd.sharding<hetero = partial, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]> : tensor<128x32xf32>
  %0 = hspmd.reshard %x to #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]> : tensor<128x32xf32>
  return
}
