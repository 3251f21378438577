// RUN: hspmd-opt --hspmd-decompose-aggregates %s | FileCheck %s
// linalg.softmax becomes the linalg ops it stands for: a max over the
// dimension, exp(x - max), their sum, and the division.

// CHECK-LABEL: func.func @softmax
// CHECK-NOT: linalg.softmax
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK: arith.maxnumf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
// CHECK-NOT: linalg.softmax
func.func @softmax(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x6xf32>
  %e = tensor.empty() : tensor<4x6xf32>
  %s = linalg.softmax dimension(1) ins(%a : tensor<4x6xf32>) outs(%e : tensor<4x6xf32>) -> tensor<4x6xf32>
  return %s : tensor<4x6xf32>
}
