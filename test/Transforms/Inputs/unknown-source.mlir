func.func @f(%x: tensor<8xf32>) -> tensor<8xf32> {
  // %x has no stated placement.
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  return %0 : tensor<8xf32>
}
