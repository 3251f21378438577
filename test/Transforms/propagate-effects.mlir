// RUN: hspmd-opt --hspmd-propagate %s 2>&1 | FileCheck %s
// RUN: hspmd-opt --hspmd-propagate %s -o - 2>/dev/null | hspmd-opt --hspmd-propagate 2>&1 | FileCheck %s --check-prefix=TWICE

// An op with effects and no tensor operands runs on device 0 only
// (docs/Semantics.md "Where ops run"): its scalar result goes through a
// one-element tensor made on device 0 and read back where it is used, so
// that the devices using it receive it (here devices 0 and 1, which fill
// their blocks with it).
// CHECK-LABEL: func.func @external_call
// CHECK: %[[R:.*]] = call @sqrtf
// CHECK-NEXT: %[[T:.*]] = tensor.from_elements %[[R]] : tensor<1xf32>
// CHECK-NEXT: hspmd.annotate %[[T]] as #hspmd.sharding<[0] : []>
// CHECK: %[[M:.*]] = hspmd.reshard %{{.*}} to #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: %[[S:.*]] = tensor.extract %[[M]]
// CHECK: linalg.fill ins(%[[S]] : f32)
func.func private @sqrtf(f32) -> f32
func.func @external_call() -> tensor<4xf32> {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %c = arith.constant 16.0 : f32
  %r = call @sqrtf(%c) : (f32) -> f32
  %e = tensor.empty() : tensor<4xf32>
  %fl = linalg.fill ins(%r : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %y = arith.addf %x, %fl : tensor<4xf32>
  return %y : tensor<4xf32>
}

// Allocating its own result is no effect others see: the alloca, store and
// load run wherever they are used, and the loaded scalar is not routed
// through device 0.
// CHECK-LABEL: func.func @alloca_scalar
// CHECK: %[[A:.*]] = memref.alloca() : memref<f32>
// CHECK: memref.store
// CHECK-NEXT: %[[L:.*]] = memref.load %[[A]]
// CHECK-NOT: tensor.from_elements
// CHECK: linalg.fill ins(%[[L]] : f32)
func.func @alloca_scalar() -> tensor<4xf32> {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %m = memref.alloca() : memref<f32>
  %c = arith.constant 3.0 : f32
  memref.store %c, %m[] : memref<f32>
  %s = memref.load %m[] : memref<f32>
  %e = tensor.empty() : tensor<4xf32>
  %fl = linalg.fill ins(%s : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %y = arith.addf %x, %fl : tensor<4xf32>
  return %y : tensor<4xf32>
}

// Running the pass again shares nothing twice.
// TWICE-LABEL: func.func @external_call
// TWICE-COUNT-1: tensor.from_elements
// TWICE-NOT: tensor.from_elements
// TWICE-LABEL: func.func @alloca_scalar
