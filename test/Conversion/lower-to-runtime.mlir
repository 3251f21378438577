// RUN: hspmd-opt --hspmd-resolve-comm --hspmd-specialize=device=2 --hspmd-lower-to-runtime %s | FileCheck %s

// C14 on device 2: it sends rows 12-15 to devices 0 and 1. The same blocks go
// to both peers, so one packed buffer serves both messages. It receives rows
// 0-3 and 8-11 from 0 (one message of 64 elements) and rows 4-7 from 1.
// CHECK-LABEL: func.func @c14_device2
// The packed message is handed over without a copy (read only).
// CHECK: %[[SEND:.*]] = bufferization.to_buffer %{{.*}} read_only : tensor<32xf32> to memref<32xf32>
// CHECK-NOT: memref.copy
// CHECK: %[[FROM0:.*]] = memref.alloc() : memref<64xf32>
// CHECK: %[[FROM1:.*]] = memref.alloc() : memref<32xf32>
// CHECK: memref.get_global @[[$PEERS:__hspmd_list_[0-9]+]] : memref<2xi64>
// CHECK: %[[P0:.*]] = memref.extract_aligned_pointer_as_index %[[SEND]]
// CHECK: %[[P1:.*]] = memref.extract_aligned_pointer_as_index %[[SEND]]
// CHECK: call @hspmd_rt_send_recv(
func.func @c14(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]>}) -> tensor<16x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// An all-gather along columns: the runtime concatenates blocks in front, so
// the result is transposed back and collapsed.
// CHECK-LABEL: func.func @columns_device2
// CHECK: call @hspmd_rt_all_gather(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, i64, i32, !llvm.ptr, i64) -> ()
// CHECK: %[[T:.*]] = bufferization.to_tensor %{{.*}} restrict writable : memref<4x8x2xf32> to tensor<4x8x2xf32>
// CHECK: %[[M:.*]] = linalg.transpose ins(%[[T]] : tensor<4x8x2xf32>) outs(%{{.*}} : tensor<8x4x2xf32>) permutation = [1, 0, 2]
// CHECK: tensor.collapse_shape %[[M]] {{\[\[}}0], [1, 2]] : tensor<8x4x2xf32> into tensor<8x8xf32>
func.func @columns(%x: tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]>}) -> tensor<8x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// An all-reduce updates a copy of its operand in place and hands it back as
// a tensor that aliases nothing: the operand's own buffer may hold other
// tensors built in place in it.
// CHECK-LABEL: func.func @sum_device2
// CHECK: %[[A:.*]] = memref.alloc() : memref<8x8xf32>
// CHECK: %[[B:.*]] = bufferization.to_buffer %{{.*}} read_only : tensor<8x8xf32> to memref<8x8xf32>
// CHECK: memref.copy %[[B]], %[[A]]
// CHECK: memref.extract_aligned_pointer_as_index %[[A]]
// CHECK: call @hspmd_rt_all_reduce(
// CHECK: bufferization.to_tensor %[[A]] restrict writable
func.func @sum(%x: tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2] : [partial = 3]>}) -> tensor<8x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// The send peers of device 2 in C14, a constant list.
// CHECK: memref.global "private" constant @[[$PEERS]] : memref<2xi64> = dense<[0, 1]>
