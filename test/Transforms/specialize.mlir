// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize %s 2>/dev/null | FileCheck %s
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize=device=3 %s 2>/dev/null | FileCheck %s --check-prefix=ONE
// RUN: not hspmd-opt --hspmd-specialize %s 2>&1 | FileCheck %s --check-prefix=UNPLACED

// Device 0: holds column 0 of rows 0-11 of the weighted constant (3:1 of 16
// rows, split by columns in the first group), none of the generated tensor
// (it lives on 1 and 3), and prints: it receives both tensors.
// CHECK-LABEL: func.func private @main_device0()
// CHECK: arith.constant dense<{{\[\[}}0.000000e+00], [2.000000e+00], [4.000000e+00], [6.000000e+00], [8.000000e+00], [1.000000e+01], [1.200000e+01], [1.400000e+01], [1.600000e+01], [1.800000e+01], [2.000000e+01], [2.200000e+01]]> : tensor<12x1xf32>
// CHECK-NOT: linalg.generic
// CHECK: hspmd.send_recv recvs [1 : [0, 0] [4, 4], 3 : [4, 0] [4, 4]] into
// CHECK: call @printMemrefF32
// CHECK: hspmd.send_recv recvs [1 : [0, 1] [12, 1], 2 : [12, 0] [4, 2]] into
// CHECK: call @printMemrefF32
// Device 1: column 1 of rows 0-11, and rows 0-3 of the generated tensor
// (no index offset); it prints nothing.
// CHECK-LABEL: func.func private @main_device1()
// CHECK: arith.constant dense<{{\[\[}}1.000000e+00], [3.000000e+00]
// CHECK-SAME: : tensor<12x1xf32>
// CHECK: linalg.generic
// CHECK-NOT: arith.addi
// CHECK: } -> tensor<4x4xf32>
// CHECK: math.exp %{{.*}} : tensor<4x4xf32>
// CHECK-NOT: call @printMemrefF32
// CHECK: return
// Device 2: rows 12-15 of the constant, both columns; nothing of the
// generated tensor.
// CHECK-LABEL: func.func private @main_device2()
// CHECK-NEXT: arith.constant dense<{{\[\[}}2.400000e+01, 2.500000e+01], [2.600000e+01, 2.700000e+01], [2.800000e+01, 2.900000e+01], [3.000000e+01, 3.100000e+01]]> : tensor<4x2xf32>
// CHECK-NEXT: hspmd.send_recv sends [0 : [0, 0] [4, 2]]
// CHECK-NEXT: return
// Device 3: rows 4-7 of the generated tensor: its indices count from row 4.
// CHECK-LABEL: func.func private @main_device3()
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: arith.addi %[[I]], %[[C4]] : index
// @main dispatches on the device id.
// CHECK-LABEL: func.func @main()
// CHECK: %[[ID:.*]] = hspmd.device_id : index
// CHECK: scf.index_switch %[[ID]]
// CHECK: case 0 {
// CHECK: func.call @main_device0() : () -> ()
// CHECK: case 3 {
// CHECK: func.call @main_device3() : () -> ()

// ONE-NOT: @main_device0
// ONE: func.func private @main_device3()
// ONE-NOT: @main_device1

// UNPLACED: specialize.mlir:[[@LINE+8]]:8: error: this value has no placement: run --hspmd-propagate first

func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  // Uneven weights 3:1 over 16 rows; the constant is sliced per device.
  %c = arith.constant dense<[[0.0, 1.0], [2.0, 3.0], [4.0, 5.0], [6.0, 7.0], [8.0, 9.0], [10.0, 11.0], [12.0, 13.0], [14.0, 15.0], [16.0, 17.0], [18.0, 19.0], [20.0, 21.0], [22.0, 23.0], [24.0, 25.0], [26.0, 27.0], [28.0, 29.0], [30.0, 31.0]]> : tensor<16x2xf32>
  %a = hspmd.annotate %c as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [d1 = 2], [2] : []]> : tensor<16x2xf32>
  // Generated from indices on devices 1 and 3 (rows split): device 3 sees rows 4-7.
  %e = tensor.empty() : tensor<8x4xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x4xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i64
    %v = arith.sitofp %ii : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x4xf32>
  %gx = hspmd.annotate %g as #hspmd.sharding<[1, 3] : [d0 = 2]> : tensor<8x4xf32>
  %x = math.exp %gx : tensor<8x4xf32>
  %xb = bufferization.to_buffer %x : tensor<8x4xf32> to memref<8x4xf32>
  %xu = memref.cast %xb : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%xu) : (memref<*xf32>) -> ()
  %b = bufferization.to_buffer %a : tensor<16x2xf32> to memref<16x2xf32>
  %u = memref.cast %b : memref<16x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

// P1 on devices 4 and 6: local matmul shapes (rows 8-15 by columns 0-31 of the
// 64 on device 4; all 64 columns of rows 16-23 on device 6).
// CHECK-LABEL: func.func @p1_device4
// CHECK-SAME: (%{{.*}}: tensor<8x32xf32>, %{{.*}}: tensor<32x32xf32>) -> tensor<8x32xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<8x32xf32>, tensor<32x32xf32>) outs(%{{.*}} : tensor<8x32xf32>) -> tensor<8x32xf32>
// CHECK-LABEL: func.func @p1_device6
// CHECK-SAME: (%{{.*}}: tensor<8x32xf32>, %{{.*}}: tensor<32x64xf32>) -> tensor<8x64xf32>
func.func @p1(%x: tensor<24x32xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>},
              %w: tensor<32x64xf32> {hspmd.sharding = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>}) -> tensor<24x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<24x64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<24x64xf32>) -> tensor<24x64xf32>
  %m = linalg.matmul ins(%x, %w : tensor<24x32xf32>, tensor<32x64xf32>) outs(%f : tensor<24x64xf32>) -> tensor<24x64xf32>
  return %m : tensor<24x64xf32>
}

// Devices with the same program share one function: P1's devices 0-3 run the
// same program, 4 and 5 another, 6 a third.
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=SHARED
// SHARED-DAG: remark: @main: 4 device programs, 4 distinct
// SHARED-DAG: remark: @p1: 7 device programs, 3 distinct
// CHECK-NOT: func.func @p1_device1
// CHECK-NOT: func.func @p1_device5

// A fresh partial value (a fill) is held by its keeper, device 0; devices
// 1-3 hold zeros (Semantics.md). All four run one program, which picks by
// device id.
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize %s 2>&1 | FileCheck %s --check-prefix=FRESH
// FRESH: remark: @fresh: 4 device programs, 1 distinct
// FRESH-LABEL: func.func @fresh_device0
// FRESH: %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[E:.*]] : tensor<4x8xf32>)
// FRESH: %[[Z:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[E]] : tensor<4x8xf32>)
// FRESH: %[[ID:.*]] = hspmd.device_id : index
// FRESH: %[[K:.*]] = arith.cmpi eq, %[[ID]], %c0
// FRESH: arith.select %[[K]], %[[F]], %[[Z]] : tensor<4x8xf32>
// FRESH-NOT: func.func @fresh_device1
func.func @fresh() -> (tensor<4x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>}) {
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<4x8xf32>
  %e2 = hspmd.annotate %e as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<4x8xf32>
  %f = linalg.fill ins(%one : f32) outs(%e2 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %p = hspmd.annotate %f as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<4x8xf32>
  %s = hspmd.reshard %p to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<4x8xf32>
  return %s : tensor<4x8xf32>
}

// Six keepers in one class of twelve: a table indexed by the device id.
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize %s 2>&1 | FileCheck %s --check-prefix=TABLE
// TABLE: remark: @fresh12: 12 device programs, 1 distinct
// TABLE-LABEL: func.func @fresh12_device0
// TABLE: %[[ID:.*]] = hspmd.device_id : index
// TABLE: %[[T:.*]] = arith.constant dense<[true, false, true, false, true, false, true, false, true, false, true]> : tensor<11xi1>
// TABLE: %[[IN:.*]] = arith.cmpi ult, %[[ID]], %c11
// TABLE: %[[AT:.*]] = arith.select %[[IN]], %[[ID]], %c0
// TABLE: %[[E:.*]] = tensor.extract %[[T]][%[[AT]]] : tensor<11xi1>
// TABLE: %[[K:.*]] = arith.andi %[[IN]], %[[E]] : i1
// TABLE: arith.select %[[K]], %{{.*}}, %{{.*}} : tensor<2x2xf32>
func.func @fresh12() -> (tensor<12x2xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : [d0 = 6, partial = 2]>}) {
  %seven = arith.constant 7.0 : f32
  %e = tensor.empty() : tensor<12x2xf32>
  %ea = hspmd.annotate %e as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : [d0 = 6, partial = 2]> : tensor<12x2xf32>
  %a = linalg.fill ins(%seven : f32) outs(%ea : tensor<12x2xf32>) -> tensor<12x2xf32>
  %ap = hspmd.annotate %a as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : [d0 = 6, partial = 2]> : tensor<12x2xf32>
  return %ap : tensor<12x2xf32>
}

// Index offsets that differ between devices running one program come from a
// table indexed by the device id: rows 0, 2, 4 and 6 of an 8-element iota
// split over 4 devices.
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize %s 2>&1 | FileCheck %s --check-prefix=IOTA
// IOTA: remark: @iota: 4 device programs, 1 distinct
// IOTA-LABEL: func.func @iota_device0
// IOTA: %[[ID:.*]] = hspmd.device_id : index
// IOTA: %[[T:.*]] = arith.constant dense<[0, 2, 4, 6]> : tensor<4xindex>
// IOTA: %[[OFF:.*]] = tensor.extract %[[T]][%[[ID]]] : tensor<4xindex>
// IOTA: linalg.generic
// IOTA: %[[I:.*]] = linalg.index 0 : index
// IOTA: arith.addi %[[I]], %[[OFF]] : index
#iota_map = affine_map<(i) -> (i)>
func.func @iota() -> (tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) {
  %e = tensor.empty() : tensor<8xf32>
  %ea = hspmd.annotate %e as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8xf32>
  %r = linalg.generic {indexing_maps = [#iota_map], iterator_types = ["parallel"]} outs(%ea : tensor<8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i64
    %f = arith.sitofp %ii : i64 to f32
    linalg.yield %f : f32
  } -> tensor<8xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8xf32>
  return %ra : tensor<8xf32>
}
