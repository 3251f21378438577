// RUN: not hspmd-opt --hspmd-propagate %s -o /dev/null 2>&1 | FileCheck %s
// Loops other than scf.for carrying tensors are not partitioned: a located
// error naming what is supported.

// CHECK: propagate-loops-invalid.mlir:[[@LINE+6]]:10: error: 'scf.while' carries tensors through its region (as block arguments and as yielded values); hspmd partitions loops and branches over tensors written as scf.for and scf.if only
func.func @while_loop(%n: i32) -> tensor<4xf32> {
  %x0 = arith.constant dense<1.0> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i32
  %r:2 = scf.while (%i = %zero, %acc = %x) : (i32, tensor<4xf32>) -> (i32, tensor<4xf32>) {
    %go = arith.cmpi slt, %i, %n : i32
    scf.condition(%go) %i, %acc : i32, tensor<4xf32>
  } do {
  ^bb0(%j: i32, %a: tensor<4xf32>):
    %b = arith.addf %a, %a : tensor<4xf32>
    %k = arith.addi %j, %one : i32
    scf.yield %k, %b : i32, tensor<4xf32>
  }
  return %r#1 : tensor<4xf32>
}
