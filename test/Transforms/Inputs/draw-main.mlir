// A program for draw.mlir's device classes after --hspmd-specialize: the
// rows of one tensor over devices 0-3 (one 1x8 block each, one program),
// of another over 4 and 5 (2x8 blocks, another program).
func.func @main() {
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<4x8xf32>
  %f = linalg.fill ins(%one : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %a = hspmd.annotate %f as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x8xf32>
  %e2 = tensor.empty() : tensor<4x8xf32>
  %g = linalg.fill ins(%one : f32) outs(%e2 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %b = hspmd.annotate %g as #hspmd.sharding<[4, 5] : [d0 = 2]> : tensor<4x8xf32>
  return
}
