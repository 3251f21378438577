// RUN: hspmd-opt --hspmd-lower-to-runtime %s | FileCheck %s

// Peers from a table: each column becomes a constant indexed by device id
// (-1 where the table lists no device), read at the running device's id
// into the peer arrays handed to the runtime.
// CHECK-LABEL: func.func @pairs
// CHECK: %[[RANK:.*]] = call @hspmd_rt_rank() : () -> i64
// CHECK: %[[AT:.*]] = arith.index_cast %[[RANK]] : i64 to index
// CHECK: %[[COL0:.*]] = memref.get_global @[[$SENDTO:__hspmd_list_[0-9]+]] : memref<6xi64>
// CHECK: %[[PEER0:.*]] = memref.load %[[COL0]][%[[AT]]] : memref<6xi64>
// CHECK: memref.store %[[PEER0]], %{{.*}}[%{{.*}}] : memref<1xi64>
// CHECK: %[[COL1:.*]] = memref.get_global @[[$FROM:__hspmd_list_[0-9]+]] : memref<6xi64>
// CHECK: memref.load %[[COL1]][%[[AT]]] : memref<6xi64>
// CHECK: call @hspmd_rt_send_recv(
func.func @pairs(%x: tensor<2x4xf32>, %init: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = hspmd.send_recv table [2, 3, 5] [[0, 0, 1], [4, 5, 3]] sends [0 : [0, 0] [2, 4]] of %x : tensor<2x4xf32> recvs [1 : [2, 0] [2, 4]] into %init : tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// Ids as large as 2^31 are valid: where the table's ids are sparse, the peer
// is found by a search over the sorted ids (a constant indexed by id would
// take 16 GB here and ran out of memory).
// CHECK-LABEL: func.func @sparse
// CHECK-NOT: memref<2000000001xi64>
// CHECK: arith.constant dense<[5, 2000000000]> : tensor<2xindex>
// CHECK: call @hspmd_rt_send_recv(
func.func @sparse(%x: tensor<2x4xf32>, %init: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = hspmd.send_recv table [5, 2000000000] [[2000000000, 5]] sends [0 : [0, 0] [2, 4]] of %x : tensor<2x4xf32> recvs [0 : [0, 0] [2, 4]] into %init : tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// The columns of @pairs, by device id:
// CHECK-DAG: memref.global "private" constant @[[$SENDTO]] : memref<6xi64> = dense<[-1, -1, 0, 0, -1, 1]>
// CHECK-DAG: memref.global "private" constant @[[$FROM]] : memref<6xi64> = dense<[-1, -1, 4, 5, -1, 3]>
