// RUN: hspmd-opt --hspmd-resolve-comm --hspmd-specialize=device=4 --hspmd-lower-to-runtime %s | FileCheck %s

// C8 on device 4: it holds rows 0-63 of a 128x32 partial value (two 32-row
// blocks, one for each of devices 0 and 1 of the first group) and sums each
// block with a different group. Each block is summed where it lies in the
// buffer: rows 32-63 start 32 * 32 * 4 = 4096 bytes in; nothing is sliced
// out or inserted back. The argument is copied once (its buffer is not
// ours to overwrite); the second all-reduce works in that copy again.
// CHECK-LABEL: func.func @c8_device4
// CHECK-NOT: tensor.extract_slice
// CHECK: %[[A:.*]] = memref.alloc() : memref<64x32xf32>
// CHECK: %[[B0:.*]] = bufferization.to_buffer %{{.*}} read_only : tensor<64x32xf32> to memref<64x32xf32>
// CHECK: memref.copy %[[B0]], %[[A]]
// CHECK: %[[P0:.*]] = memref.extract_aligned_pointer_as_index %[[A]]
// CHECK: arith.index_cast %[[P0]]
// CHECK: call @hspmd_rt_all_reduce(%{{.*}}, %c1024_i64
// CHECK-NOT: memref.copy
// CHECK: %[[P1:.*]] = memref.extract_aligned_pointer_as_index %[[A]]
// CHECK: arith.addi %[[P1]], %c4096 : index
// CHECK: call @hspmd_rt_all_reduce(
// CHECK: bufferization.to_tensor %[[A]] restrict writable
// CHECK-NOT: tensor.insert_slice
// CHECK-NOT: bufferization.to_tensor
// CHECK: return
func.func @c8(%x: tensor<128x32xf32> {hspmd.sharding = #hspmd.sharding<hetero = partial, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]>}) -> tensor<128x32xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]> : tensor<128x32xf32>
  return %0 : tensor<128x32xf32>
}

// A block that is not contiguous (columns) is sliced out and back as before.
// CHECK-LABEL: func.func @cols_device4
// CHECK: tensor.extract_slice
// CHECK: call @hspmd_rt_all_reduce(
// CHECK: tensor.insert_slice
func.func @cols(%x: tensor<32x128xf32> {hspmd.sharding = #hspmd.sharding<hetero = partial, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>}) -> tensor<32x128xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]> : tensor<32x128xf32>
  return %0 : tensor<32x128xf32>
}

// Called from @main, a device program first creates the communicators of
// every group it uses, in increasing order ([0, 4, 6] before [1, 4, 6]);
// one global per distinct list.
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize=device=4 --hspmd-lower-to-runtime %S/Inputs/c8-main.mlir | FileCheck %s --check-prefix=PREPARE
// PREPARE-LABEL: func.func private @main_device4
// PREPARE-NEXT: memref.get_global @[[$G0:__hspmd_list_[0-9]+]]
// PREPARE: call @hspmd_rt_prepare_group
// PREPARE-NEXT: memref.get_global @[[$G1:__hspmd_list_[0-9]+]]
// PREPARE: call @hspmd_rt_prepare_group
// PREPARE: call @hspmd_rt_all_reduce
// PREPARE: call @hspmd_rt_all_reduce
// PREPARE-DAG: memref.global "private" constant @[[$G0]] : memref<3xi64> = dense<[0, 4, 6]>
// PREPARE-DAG: memref.global "private" constant @[[$G1]] : memref<3xi64> = dense<[1, 4, 6]>
