func.func @main(%a: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %x = hspmd.annotate %a as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xcomplex<f32>>
  %y = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4xcomplex<f32>>
  return %y : tensor<4xcomplex<f32>>
}
