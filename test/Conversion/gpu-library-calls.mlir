// RUN: hspmd-opt %s --hspmd-gpu-library-calls | FileCheck %s

// Matrix products on buffers become cuBLASLt calls when cuBLASLt computes
// exactly what the op says; everything else is left for the kernels.

// CHECK: func.func private @hspmd_rt_gpu_matmul(i32, i32, i64, i64, i64, !llvm.ptr, i64, i32, !llvm.ptr, i64, i32, !llvm.ptr, i64)

// A plain f32 product: codes F32 (0) for A/B and C, sizes m = 8, n = 16,
// k = 4 read from the buffers, neither operand transposed.
// CHECK-LABEL: func.func @f32
// CHECK-NOT: linalg.matmul
// CHECK: %[[M:.*]] = memref.dim %arg2, %c0
// CHECK: %[[M64:.*]] = arith.index_cast %[[M]] : index to i64
// CHECK: %[[N:.*]] = memref.dim %arg2, %c1
// CHECK: %[[N64:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK: %[[K:.*]] = memref.dim %arg0, %c1
// CHECK: %[[K64:.*]] = arith.index_cast %[[K]] : index to i64
// CHECK: call @hspmd_rt_gpu_matmul(%c0_i32{{.*}}, %c0_i32{{.*}}, %[[M64]], %[[N64]], %[[K64]], %{{.*}}, %{{.*}}, %c0_i32{{.*}}, %{{.*}}, %{{.*}}, %c0_i32{{.*}}, %{{.*}}, %{{.*}})
// CHECK-NOT: linalg.matmul
// CHECK: return
func.func @f32(%a: memref<8x4xf32>, %b: memref<4x16xf32>, %c: memref<8x16xf32>) {
  linalg.matmul ins(%a, %b : memref<8x4xf32>, memref<4x16xf32>) outs(%c : memref<8x16xf32>)
  return
}

// A indexed (k, m) and B (n, k) with unit inner strides: both are passed
// transposed (flag 1), with leading dimensions 8 and 4 (their row strides),
// and the f64 code (1).
// CHECK-LABEL: func.func @transposed
// CHECK-NOT: linalg.generic
// CHECK: %{{.*}}, %{{.*}}, %[[AS:.*]]:2, %[[ASTR:.*]]:2 = memref.extract_strided_metadata %arg0
// CHECK: arith.select %{{.*}}, %[[AS]]#1, %[[ASTR]]#0
// CHECK: call @hspmd_rt_gpu_matmul(%c1_i32{{.*}}, %c1_i32{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %c1_i32, %{{.*}}, %{{.*}}, %c1_i32{{.*}}, %{{.*}}, %{{.*}})
func.func @transposed(%a: memref<4x8xf64>, %b: memref<16x4xf64>, %c: memref<8x16xf64>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : memref<4x8xf64>, memref<16x4xf64>) outs(%c : memref<8x16xf64>) {
  ^bb0(%x: f64, %y: f64, %o: f64):
    %p = arith.mulf %x, %y : f64
    %s = arith.addf %o, %p : f64
    linalg.yield %s : f64
  }
  return
}

// bf16 inputs accumulated in f32 (the body extends them): BF16 (3) into
// F32 (0).
// CHECK-LABEL: func.func @bf16_f32
// CHECK: call @hspmd_rt_gpu_matmul(%c3_i32, %c0_i32
func.func @bf16_f32(%a: memref<8x4xbf16>, %b: memref<4x16xbf16>, %c: memref<8x16xf32>) {
  linalg.matmul ins(%a, %b : memref<8x4xbf16>, memref<4x16xbf16>) outs(%c : memref<8x16xf32>)
  return
}

// A product that accumulates in bf16 rounds every step, which cuBLASLt
// does not do: it stays a loop nest (a kernel).
// CHECK-LABEL: func.func @bf16_bf16
// CHECK-NOT: call
// CHECK: linalg.matmul
func.func @bf16_bf16(%a: memref<8x4xbf16>, %b: memref<4x16xbf16>, %c: memref<8x16xbf16>) {
  linalg.matmul ins(%a, %b : memref<8x4xbf16>, memref<4x16xbf16>) outs(%c : memref<8x16xbf16>)
  return
}

// Integer products stay exact loop nests.
// CHECK-LABEL: func.func @i32
// CHECK-NOT: call
// CHECK: linalg.matmul
func.func @i32(%a: memref<8x4xi32>, %b: memref<4x16xi32>, %c: memref<8x16xi32>) {
  linalg.matmul ins(%a, %b : memref<8x4xi32>, memref<4x16xi32>) outs(%c : memref<8x16xi32>)
  return
}

// Not exactly out + a * b: kept.
// CHECK-LABEL: func.func @negated
// CHECK-NOT: call
// CHECK: arith.negf
func.func @negated(%a: memref<8x4xf32>, %b: memref<4x16xf32>, %c: memref<8x16xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : memref<8x4xf32>, memref<4x16xf32>) outs(%c : memref<8x16xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %nx = arith.negf %x : f32
    %p = arith.mulf %nx, %y : f32
    %s = arith.addf %o, %p : f32
    linalg.yield %s : f32
  }
  return
}

// Subviews: the pointer is the base's plus the view's offset in bytes, the
// leading dimension the view's row stride (32).
// CHECK-LABEL: func.func @subview
// CHECK: %[[BASE:.*]], %[[OFF:.*]], %{{.*}}:2, %[[STR:.*]]:2 = memref.extract_strided_metadata %subview :
// CHECK: %[[LD:.*]] = arith.select %{{.*}}, %{{.*}}, %[[STR]]#0 : index
// CHECK: %[[P:.*]] = memref.extract_aligned_pointer_as_index %subview
// CHECK: %[[BYTES:.*]] = arith.muli %[[OFF]], %c4
// CHECK: arith.addi %[[P]], %[[BYTES]]
// CHECK: call @hspmd_rt_gpu_matmul
func.func @subview(%a: memref<8x4xf32>, %b: memref<4x32xf32>, %c: memref<8x32xf32>, %off: index) {
  %bs = memref.subview %b[0, %off] [4, 16] [1, 1] : memref<4x32xf32> to memref<4x16xf32, strided<[32, 1], offset: ?>>
  %cs = memref.subview %c[0, %off] [8, 16] [1, 1] : memref<8x32xf32> to memref<8x16xf32, strided<[32, 1], offset: ?>>
  linalg.matmul ins(%a, %bs : memref<8x4xf32>, memref<4x16xf32, strided<[32, 1], offset: ?>>) outs(%cs : memref<8x16xf32, strided<[32, 1], offset: ?>>)
  return
}

// C without a unit column stride: kept.
// CHECK-LABEL: func.func @strided_c
// CHECK-NOT: call
// CHECK: linalg.matmul
func.func @strided_c(%a: memref<8x4xf32>, %b: memref<4x16xf32>, %c: memref<8x16xf32, strided<[1, 8]>>) {
  linalg.matmul ins(%a, %b : memref<8x4xf32>, memref<4x16xf32>) outs(%c : memref<8x16xf32, strided<[1, 8]>>)
  return
}

// A batched product is a loop over the batch on the host, one call per
// batch on the batch's matrices (rank-reducing subviews).
// CHECK-LABEL: func.func @batch
// CHECK-NOT: linalg.batch_matmul
// CHECK: %[[B:.*]] = memref.dim %arg2, %c0
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[B]] step
// CHECK: memref.subview %arg0[%[[I]], 0, 0] [1, 8, 4] [1, 1, 1] : memref<2x8x4xf32> to memref<8x4xf32, strided<[4, 1], offset: ?>>
// CHECK: memref.subview %arg1[%[[I]], 0, 0] [1, 4, 16] [1, 1, 1] : memref<2x4x16xf32> to memref<4x16xf32, strided<[16, 1], offset: ?>>
// CHECK: memref.subview %arg2[%[[I]], 0, 0] [1, 8, 16] [1, 1, 1] : memref<2x8x16xf32> to memref<8x16xf32, strided<[16, 1], offset: ?>>
// CHECK: call @hspmd_rt_gpu_matmul
// CHECK: }
func.func @batch(%a: memref<2x8x4xf32>, %b: memref<2x4x16xf32>, %c: memref<2x8x16xf32>) {
  linalg.batch_matmul ins(%a, %b : memref<2x8x4xf32>, memref<2x4x16xf32>) outs(%c : memref<2x8x16xf32>)
  return
}

// The batch dimension anywhere: here last in A, first in B and C; A is
// stored (k, m, batch), so its matrices have unit stride along neither
// dimension and the product stays a loop nest.
// CHECK-LABEL: func.func @batch_inner
// CHECK-NOT: call
// CHECK: linalg.generic
func.func @batch_inner(%a: memref<4x8x2xf32>, %b: memref<2x4x16xf32>, %c: memref<2x8x16xf32>) {
  linalg.generic {indexing_maps = [affine_map<(bt, m, n, k) -> (k, m, bt)>, affine_map<(bt, m, n, k) -> (bt, k, n)>, affine_map<(bt, m, n, k) -> (bt, m, n)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%a, %b : memref<4x8x2xf32>, memref<2x4x16xf32>) outs(%c : memref<2x8x16xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %o, %p : f32
    linalg.yield %s : f32
  }
  return
}

// Batch in the middle of A (m, batch, k): A's matrices are rows m with
// stride 2 * 4 = 8 and unit stride along k: taken, with lda 8.
// CHECK-LABEL: func.func @batch_middle
// CHECK: scf.for
// CHECK: memref.subview %arg0[0, %{{.*}}, 0] [8, 1, 4] [1, 1, 1] : memref<8x2x4xf32> to memref<8x4xf32, strided<[8, 1], offset: ?>>
// CHECK: call @hspmd_rt_gpu_matmul
func.func @batch_middle(%a: memref<8x2x4xf32>, %b: memref<2x4x16xf32>, %c: memref<2x8x16xf32>) {
  linalg.generic {indexing_maps = [affine_map<(bt, m, n, k) -> (m, bt, k)>, affine_map<(bt, m, n, k) -> (bt, k, n)>, affine_map<(bt, m, n, k) -> (bt, m, n)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%a, %b : memref<8x2x4xf32>, memref<2x4x16xf32>) outs(%c : memref<2x8x16xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %o, %p : f32
    linalg.yield %s : f32
  }
  return
}
