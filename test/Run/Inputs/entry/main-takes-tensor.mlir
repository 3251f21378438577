// @main with a tensor argument. It used to read uninitialized memory under
// --reference and fail to link under -n; now a located error in both modes.
func.func @main(%x: tensor<4xf32>) {
  %c0 = arith.constant 0 : index
  %v = tensor.extract %x[%c0] : tensor<4xf32>
  vector.print %v : f32
  return
}
