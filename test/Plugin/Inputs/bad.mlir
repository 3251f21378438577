func.func @bad(%x: tensor<8xf32>) {
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 0] : [d0 = 2]> : tensor<8xf32>
  return
}
