// RUN: hspmd-opt %s --hspmd-gpu-map-loops --split-input-file | FileCheck %s
// RUN: hspmd-opt %s --hspmd-gpu-map-loops=block-size=128 --split-input-file | FileCheck %s --check-prefix=B128
// RUN: not hspmd-opt %s --hspmd-gpu-map-loops=block-size=2048 --split-input-file 2>&1 | FileCheck %s --check-prefix=BAD

// A 2-D loop collapses into one dimension in row-major order (the column
// is the remainder, so consecutive threads touch consecutive elements),
// tiled by 256: tiles are blocks along x, the tile's iterations threads
// along x, and a guard skips those past the end.
// CHECK-LABEL: func.func @add
// CHECK: %[[COLS:.*]] = memref.dim %arg0, %c1
// CHECK: %[[ROWS4:.*]] = arith.muli %{{.*}}, %c4{{.*}} : index
// CHECK: %[[TOTAL:.*]] = arith.muli %[[ROWS4]], %[[COLS]] : index
// CHECK: %[[STEP:.*]] = arith.muli %{{.*}}, %c256 : index
// CHECK: scf.parallel (%[[T:.*]]) = (%{{.*}}) to (%[[TOTAL]]) step (%[[STEP]]) {
// CHECK: scf.parallel (%[[I:.*]]) = (%{{.*}}) to (%[[STEP]]) step (%{{.*}}) {
// CHECK: %[[LIN:.*]] = arith.addi %[[I]], %[[T]] : index
// CHECK: %[[IN:.*]] = arith.cmpi ult, %{{.*}}, %[[TOTAL]] : index
// CHECK: scf.if
// CHECK: %[[COL:.*]] = arith.remsi %[[LIN]], %[[COLS]] : index
// CHECK: %[[ROW:.*]] = arith.divsi %[[LIN]], %[[COLS]] : index
// CHECK: memref.load %arg0[%[[ROW]], %[[COL]]]
// CHECK: mapping = [#gpu.loop_dim_map<processor = thread_x, map = (d0) -> (d0), bound = (d0) -> (d0)>]
// CHECK: mapping = [#gpu.loop_dim_map<processor = block_x, map = (d0) -> (d0), bound = (d0) -> (d0)>]
// B128-LABEL: func.func @add
// B128: arith.muli %{{.*}}, %c128 : index
// BAD: hspmd-gpu-map-loops: block-size must be in [1, 1024], got 2048
func.func @add(%a: memref<4x?xf32>, %b: memref<4x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %n = memref.dim %a, %c1 : memref<4x?xf32>
  scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %n) step (%c1, %c1) {
    %x = memref.load %a[%i, %j] : memref<4x?xf32>
    %y = memref.load %b[%i, %j] : memref<4x?xf32>
    %s = arith.addf %x, %y : f32
    memref.store %s, %b[%i, %j] : memref<4x?xf32>
  }
  return
}

// -----

// A parallel loop nested in another runs sequentially in each thread; the
// reduction loop inside stays an scf.for.
// CHECK-LABEL: func.func @nested
// CHECK: scf.for
// CHECK: mapping = [#gpu.loop_dim_map<processor = sequential, map = (d0) -> (d0), bound = (d0) -> (d0)>]
// CHECK: processor = thread_x
// CHECK: processor = block_x
func.func @nested(%a: memref<8x8xf32>, %out: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.parallel (%i) = (%c0) to (%c8) step (%c1) {
    scf.parallel (%k) = (%c0) to (%c1) step (%c1) {
      scf.for %j = %c0 to %c8 step %c1 {
        %x = memref.load %a[%i, %j] : memref<8x8xf32>
        %y = memref.load %out[%i] : memref<8xf32>
        %s = arith.addf %x, %y : f32
        memref.store %s, %out[%i] : memref<8xf32>
      }
    }
  }
  return
}

// -----

// A parallel loop with reductions stays on the host as it is.
// CHECK-LABEL: func.func @reduce
// CHECK: scf.parallel
// CHECK-NOT: mapping
// CHECK: return
func.func @reduce(%a: memref<8xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  %r = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%zero) -> f32 {
    %x = memref.load %a[%i] : memref<8xf32>
    scf.reduce(%x : f32) {
    ^bb0(%l: f32, %r: f32):
      %s = arith.addf %l, %r : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}
