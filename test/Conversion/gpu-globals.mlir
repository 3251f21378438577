// RUN: hspmd-opt %s --hspmd-gpu-globals --hspmd-gpu-copies --split-input-file -verify-diagnostics | FileCheck %s

// A constant global is copied into a fresh buffer that kernels can read;
// the copy out of the global stays a host memref.copy, and other copies
// become linalg.copy (kernels).
// CHECK-LABEL: func.func @constant
// CHECK: %[[G:.*]] = memref.get_global @weights : memref<4xf32>
// CHECK: %[[B:.*]] = memref.alloc() : memref<4xf32>
// CHECK: memref.copy %[[G]], %[[B]]
// CHECK: linalg.copy ins(%[[B]] : memref<4xf32>) outs(%arg0 : memref<4xf32>)
// CHECK-NOT: memref.copy
memref.global "private" constant @weights : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
func.func @constant(%out: memref<4xf32>) {
  %g = memref.get_global @weights : memref<4xf32>
  memref.copy %g, %out : memref<4xf32> to memref<4xf32>
  return
}

// -----

memref.global "private" @counter : memref<1xi32> = dense<0>
func.func @mutable(%out: memref<1xi32>) {
  // expected-error @+1 {{a GPU program cannot use the mutable global @counter: globals live in host memory, which kernels do not reach}}
  %g = memref.get_global @counter : memref<1xi32>
  memref.copy %g, %out : memref<1xi32> to memref<1xi32>
  return
}
