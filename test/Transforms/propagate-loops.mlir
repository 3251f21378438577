// RUN: hspmd-opt --hspmd-propagate %s 2>/dev/null | FileCheck %s
// RUN: hspmd-opt --hspmd-propagate %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: hspmd-opt --hspmd-propagate %s 2>/dev/null | hspmd-opt > /dev/null
// Loops and branches over tensors: a carried value has one placement at
// entry, in the body and at the yield; the placement comes from the body's
// annotations when the init has none of its own.

#split = #hspmd.sharding<[0, 1] : [d0 = 2]>
#dup = #hspmd.sharding<[0, 1] : [dup = 2]>

// The loop carries the placement of its block argument (annotated in the
// body): the split init moves to it before the loop, and the result has it.
// CHECK-LABEL: func.func @init_moves
// CHECK: %[[X:.*]] = hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [d0 = 2]>
// CHECK: %[[M:.*]] = hspmd.reshard %[[X]] to #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK: %[[R:.*]] = scf.for %{{.*}} iter_args(%[[A:.*]] = %[[M]])
// CHECK-NEXT: hspmd.annotate %[[A]] as #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK: scf.yield
// CHECK: hspmd.annotate %[[R]] as #hspmd.sharding<[0, 1] : [dup = 2]>
// REMARK: propagate-loops.mlir:[[@LINE+6]]:8: remark: operand #3 moves from #hspmd.sharding<[0, 1] : [d0 = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the loop carries this value with the placement its body gives it
func.func @init_moves(%n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %x0 = arith.constant dense<1.0> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #split : tensor<4xf32>
  %r = scf.for %k = %c0 to %n step %c1 iter_args(%acc = %x) -> (tensor<4xf32>) {
    %a = hspmd.annotate %acc as #dup : tensor<4xf32>
    %b = arith.addf %a, %a : tensor<4xf32>
    scf.yield %b : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// Without annotations in the body, the loop carries the init's placement
// and the body's ops follow it: nothing moves.
// CHECK-LABEL: func.func @follows_init
// CHECK: scf.for %{{.*}} iter_args(%[[A:.*]] = %{{.*}})
// CHECK-NEXT: %[[AA:.*]] = hspmd.annotate %[[A]] as #hspmd.sharding<[0, 1] : [d0 = 2]>
// CHECK-NEXT: %[[B:.*]] = arith.mulf %[[AA]], %[[AA]]
// CHECK-NEXT: %[[BA:.*]] = hspmd.annotate %[[B]] as #hspmd.sharding<[0, 1] : [d0 = 2]>
// CHECK-NEXT: scf.yield %[[BA]]
// CHECK-NOT: hspmd.reshard
// CHECK-LABEL: func.func @yield_moves
func.func @follows_init(%n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %x0 = arith.constant dense<1.0> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #split : tensor<4xf32>
  %r = scf.for %k = %c0 to %n step %c1 iter_args(%acc = %x) -> (tensor<4xf32>) {
    %b = arith.mulf %acc, %acc : tensor<4xf32>
    scf.yield %b : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// The body makes the carried value replicated; it moves back to the
// carried placement at the yield, with a remark.
// CHECK: scf.for
// CHECK: %[[Y:.*]] = hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: %[[YM:.*]] = hspmd.reshard %[[Y]] to #hspmd.sharding<[0, 1] : [d0 = 2]>
// CHECK-NEXT: scf.yield %[[YM]]
// REMARK: propagate-loops.mlir:[[@LINE+9]]:5: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [dup = 2]> to #hspmd.sharding<[0, 1] : [d0 = 2]>: the loop carries this value with one placement, and the next iteration starts from it
func.func @yield_moves(%n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %x0 = arith.constant dense<1.0> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #split : tensor<4xf32>
  %r = scf.for %k = %c0 to %n step %c1 iter_args(%acc = %x) -> (tensor<4xf32>) {
    %b = arith.mulf %acc, %acc : tensor<4xf32>
    %c = hspmd.annotate %b as #dup : tensor<4xf32>
    scf.yield %c : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// A branch's result takes the placement of the first branch's value; the
// other branch's value moves to it.
// CHECK-LABEL: func.func @branches
// CHECK: %[[R:.*]] = scf.if
// CHECK: scf.yield %{{.*}} : tensor<4xf32>
// CHECK: } else {
// CHECK: %[[E:.*]] = hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: %[[EM:.*]] = hspmd.reshard %[[E]] to #hspmd.sharding<[0, 1] : [d0 = 2]>
// CHECK-NEXT: scf.yield %[[EM]]
// CHECK: hspmd.annotate %[[R]] as #hspmd.sharding<[0, 1] : [d0 = 2]>
// REMARK: propagate-loops.mlir:[[@LINE+10]]:5: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [dup = 2]> to #hspmd.sharding<[0, 1] : [d0 = 2]>: both branches yield the placement of the branch's result
func.func @branches(%cond: i1) -> tensor<4xf32> {
  %x0 = arith.constant dense<1.0> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #split : tensor<4xf32>
  %r = scf.if %cond -> (tensor<4xf32>) {
    %a = arith.addf %x, %x : tensor<4xf32>
    scf.yield %a : tensor<4xf32>
  } else {
    %y0 = arith.constant dense<2.0> : tensor<4xf32>
    %y = hspmd.annotate %y0 as #dup : tensor<4xf32>
    scf.yield %y : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// Other loops over tensors are refused with a located error (below, in a
// separate run).
