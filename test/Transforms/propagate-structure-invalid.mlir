// RUN: not hspmd-opt --hspmd-propagate -split-input-file %s -o /dev/null 2>&1 | FileCheck %s
// hspmd partitions function bodies of one block and the regions of scf.for
// and scf.if. A placement, or a call to a function handling tensors, in
// any other region, and unstructured control flow in a function handling
// tensors, are errors at the op (they were left unplaced, and failed late
// with internal errors). Functions without tensors run as written, several
// blocks included (test/Run/Inputs/regressions/scalar-helpers.mlir).

func.func @while_annotate(%x: tensor<4xf32>, %n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.while (%i = %c0) : (index) -> index {
    %go = arith.cmpi slt, %i, %n : index
    scf.condition(%go) %i : index
  } do {
  ^bb0(%i: index):
    %a = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
    %j = arith.addi %i, %c1 : index
    scf.yield %j : index
  }
  return %r : index
}
// CHECK: propagate-structure-invalid.mlir:17:10: error: 'hspmd.annotate' inside 'scf.while', whose regions hspmd does not partition (it partitions function bodies and the regions of scf.for and scf.if); move it out of the region

// -----

func.func private @dbl(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = arith.addf %x, %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
func.func @switch_call(%x: tensor<4xf32>, %k: index) {
  scf.index_switch %k
  case 1 {
    %y = func.call @dbl(%x) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield
  }
  default {
  }
  return
}
// CHECK: propagate-structure-invalid.mlir:[[@LINE-7]]:10: error: a call to @dbl, a function handling tensors, inside 'scf.index_switch', whose regions hspmd does not partition

// -----

func.func @branches(%x: tensor<4xf32>, %c: i1) -> tensor<4xf32> {
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  cf.cond_br %c, ^one(%a : tensor<4xf32>), ^one(%x : tensor<4xf32>)
^one(%y: tensor<4xf32>):
  return %y : tensor<4xf32>
}
// CHECK: propagate-structure-invalid.mlir:[[@LINE-4]]:3: error: hspmd partitions functions of one block, with structured control flow (scf.for, scf.if); this branch gives @branches 2 blocks

// -----

// A function value of a function of tensors: the indirect call could not
// meet the callee's placements (specialization renamed the callee and left
// the func.constant naming nothing).
func.func private @scale(%x: tensor<8xf32>) -> tensor<8xf32> {
  %y = arith.addf %x, %x : tensor<8xf32>
  return %y : tensor<8xf32>
}
func.func @indirect(%x: tensor<8xf32>) -> tensor<8xf32> {
  // CHECK: propagate-structure-invalid.mlir:[[#@LINE+1]]:8: error: @scale takes or returns tensors, and hspmd places the tensors of direct calls only: call it with func.call, not through a function value
  %f = func.constant @scale : (tensor<8xf32>) -> tensor<8xf32>
  %y = func.call_indirect %f(%x) : (tensor<8xf32>) -> tensor<8xf32>
  return %y : tensor<8xf32>
}
