// @main with a tensor result. It used to segfault under --reference and fail
// to link under -n; now a located error in both modes.
func.func @main() -> tensor<4xf32> {
  %a = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  return %a : tensor<4xf32>
}
