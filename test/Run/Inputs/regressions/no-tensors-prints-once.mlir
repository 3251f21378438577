// A program without tensors runs on device 0 only (it printed once per rank).
func.func @main() {
  %c = arith.constant 2.5 : f32
  vector.print %c : f32
  return
}
