// @main with a scalar result and no tensors. It used to print "3" once under
// --reference and once per rank under -n; now a located error in both modes.
func.func @main() -> i32 {
  %a = arith.constant 3 : i32
  vector.print %a : i32
  return %a : i32
}
