// RUN: not hspmd-opt --hspmd-propagate -split-input-file %s -o /dev/null 2>&1 | FileCheck %s
// A recursive call is placed before its callee is: when the placements it
// chose differ from the signature the callee gets, the callee would read
// one block differently from what the call passes (a replicated copy taken
// for a summand). That is an error naming both, unless the signature
// states them.

func.func private @rec(%x: tensor<4xf32>, %n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<4xf32>
  %isz = arith.cmpi eq, %n, %c0 : index
  %r = scf.if %isz -> (tensor<4xf32>) {
    scf.yield %xa : tensor<4xf32>
  } else {
    %c1 = arith.constant 1 : index
    %m = arith.subi %n, %c1 : index
    %z = func.call @rec(%xa, %m) : (tensor<4xf32>, index) -> tensor<4xf32>
    scf.yield %z : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c2 = arith.constant 2 : index
  %r = call @rec(%x, %c2) : (tensor<4xf32>, index) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
// CHECK: propagate-recursion-invalid.mlir:17:10: error: this call is placed before @rec itself (recursion), so it passes argument #0 as #hspmd.sharding<[0, 1] : [dup = 2]>, but @rec takes it as #hspmd.sharding<[0, 1] : [partial = 2]>; state @rec's argument and result placements with 'hspmd.sharding' attributes on its signature

// -----

// Mutual recursion: @odd is placed first and its call to @even early.
func.func private @even(%x: tensor<4xi32>, %n: index) -> tensor<4xi32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %isz = arith.cmpi eq, %n, %c0 : index
  %r = scf.if %isz -> (tensor<4xi32>) {
    scf.yield %x : tensor<4xi32>
  } else {
    %m = arith.subi %n, %c1 : index
    %z = func.call @odd(%x, %m) : (tensor<4xi32>, index) -> tensor<4xi32>
    scf.yield %z : tensor<4xi32>
  }
  return %r : tensor<4xi32>
}
func.func private @odd(%x: tensor<4xi32>, %n: index) -> tensor<4xi32> {
  %c1 = arith.constant 1 : index
  %xa = hspmd.annotate %x as #hspmd.sharding<[1, 2] : [partial = 2]> : tensor<4xi32>
  %m = arith.subi %n, %c1 : index
  %z = func.call @even(%xa, %m) : (tensor<4xi32>, index) -> tensor<4xi32>
  return %z : tensor<4xi32>
}
func.func @main(%x: tensor<4xi32>) -> tensor<4xi32> {
  %c4 = arith.constant 4 : index
  %r = call @even(%x, %c4) : (tensor<4xi32>, index) -> tensor<4xi32>
  return %r : tensor<4xi32>
}
// CHECK: propagate-recursion-invalid.mlir:[[@LINE-8]]:8: error: this call is placed before @even itself (recursion), so it passes argument #0 as #hspmd.sharding<[1, 2] : [dup = 2]>, but @even takes it as #hspmd.sharding<[1, 2] : [partial = 2]>

// -----

// The signature states some placements but not all: the recursive call then
// holds its tensors whole, and the error names the first one not stated
// (argument #1), not the stated argument #0 it disagrees on.
#s = #hspmd.sharding<[0, 1] : [d0 = 2]>
func.func private @h(%a: tensor<4xf32> {hspmd.sharding = #s}, %b: tensor<4xf32>, %n: index) -> (tensor<4xf32> {hspmd.sharding = #s}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %stop = arith.cmpi eq, %n, %c0 : index
  %r = scf.if %stop -> tensor<4xf32> {
    scf.yield %a : tensor<4xf32>
  } else {
    %t = arith.addf %a, %b : tensor<4xf32>
    %n1 = arith.subi %n, %c1 : index
    %z = func.call @h(%t, %b, %n1) : (tensor<4xf32>, tensor<4xf32>, index) -> tensor<4xf32>
    scf.yield %z : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func @caller(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c3 = arith.constant 3 : index
  %r = call @h(%x, %x, %c3) : (tensor<4xf32>, tensor<4xf32>, index) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
// CHECK: propagate-recursion-invalid.mlir:{{[0-9]+}}:10: error: this call is placed before @h itself (recursion), and @h's argument #1 has no stated placement, so the call holds its tensors whole; state @h's argument and result placements with 'hspmd.sharding' attributes on its signature (all of them: the call reads them together)
