// Tensors with a dimension of size 0 have no elements: every device makes
// its own empty block, and nothing slices an empty buffer (upstream's slice
// verifier rejects any offset into a dimension of size 0, so resolving once
// emitted invalid IR here). Every pair of the input, through every pass to
// the runtime calls; hspmd-opt verifies after each.
// RUN: %python %S/Inputs/empty-pairs.py > %t.mlir
// RUN: hspmd-opt --hspmd-resolve-comm="verify-plans=true" --hspmd-specialize --hspmd-lower-to-runtime %t.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=PAIRS --allow-empty
// RUN: hspmd-opt --hspmd-comm-report="verify-plans=true" %t.mlir -o /dev/null
// RUN: hspmd-opt --hspmd-resolve-comm %s | FileCheck %s

// PAIRS-NOT: error

// CHECK-LABEL: func.func @columns_to_dup
// CHECK: devices [0, 1] {
// CHECK-NEXT: ^bb0(%{{.*}}: tensor<0x4xf32>):
// CHECK-NOT: tensor.extract_slice
// CHECK: %[[Z:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<0x8xf32>) -> tensor<0x8xf32>
// CHECK-NEXT: hspmd.yield %[[Z]] : tensor<0x8xf32>
func.func @columns_to_dup(%x: tensor<0x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>}) -> tensor<0x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<0x8xf32>
  return %0 : tensor<0x8xf32>
}

// The slices that were rejected: each device keeping its columns of an empty
// tensor it holds whole (a local plan on non-empty tensors).
// CHECK-LABEL: func.func @rows_to_columns
// CHECK-NOT: tensor.extract_slice
// CHECK: return
func.func @rows_to_columns(%x: tensor<0x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<0x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<0x8xf32>
  return %0 : tensor<0x8xf32>
}

// CHECK-LABEL: func.func @dup_to_rows
// CHECK-NOT: tensor.extract_slice
// CHECK: return
func.func @dup_to_rows(%x: tensor<8x0xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2] : [dup = 3]>}) -> tensor<8x0xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x0xf32>
  return %0 : tensor<8x0xf32>
}
