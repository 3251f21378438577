// RUN: hspmd-opt --hspmd-lower-to-runtime %s | FileCheck %s
// A program shared by the devices of several groups lists them all; the
// collective passes the runtime the running device's group, found at run
// time: the device id indexes a table of byte offsets into the listed
// groups (group i at i * size * 8). No group is prepared ahead, since which
// one a device needs is known only then: each communicator is created at
// its first collective.

// CHECK-NOT: hspmd_rt_prepare_group
// CHECK-LABEL: func.func private @shared
// CHECK: %[[GROUPS:.*]] = memref.get_global @[[$ALL:__hspmd_list_[0-9]+]] : memref<4xi64>
// CHECK: %[[TABLE:.*]] = memref.get_global @[[$OFF:__hspmd_list_[0-9]+]] : memref<4xi64>
// CHECK: %[[RANK:.*]] = call @hspmd_rt_rank() : () -> i64
// CHECK: %[[ID:.*]] = arith.index_cast %[[RANK]] : i64 to index
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[ID]], %{{.*}} : index
// CHECK: %[[AT:.*]] = arith.select %[[IN]], %[[ID]], %{{.*}} : index
// CHECK: %[[OFFSET:.*]] = memref.load %[[TABLE]][%[[AT]]] : memref<4xi64>
// CHECK: %[[O:.*]] = arith.select %[[IN]], %[[OFFSET]], %{{.*}} : i64
// CHECK: %[[BASE:.*]] = memref.extract_aligned_pointer_as_index %[[GROUPS]]
// CHECK: %[[B:.*]] = arith.index_cast %[[BASE]] : index to i64
// CHECK: %[[ADDR:.*]] = arith.addi %[[B]], %[[O]] : i64
// CHECK: %[[G:.*]] = llvm.inttoptr %[[ADDR]] : i64 to !llvm.ptr
// CHECK: call @hspmd_rt_all_reduce(%{{.*}}, %{{.*}}, %{{.*}}, %[[G]], %{{.*}}) : (!llvm.ptr, i64, i32, !llvm.ptr, i64) -> ()
// CHECK-LABEL: func.func @main
// CHECK-NOT: hspmd_rt_prepare_group
// Groups [0, 2] and [1, 3]: devices 0 and 2 at byte 0, 1 and 3 at byte 16.
// CHECK-DAG: memref.global "private" constant @[[$ALL]] : memref<4xi64> = dense<[0, 2, 1, 3]>
// CHECK-DAG: memref.global "private" constant @[[$OFF]] : memref<4xi64> = dense<[0, 16, 0, 16]>
module attributes {hspmd.max_device = 3 : i64} {
  func.func private @shared(%x: tensor<6x8xf32>) -> tensor<6x8xf32> {
    %r = hspmd.all_reduce %x groups [[0, 2], [1, 3]] : tensor<6x8xf32>
    %s = hspmd.all_reduce %r groups [[0, 1, 2, 3]] : tensor<6x8xf32>
    return %s : tensor<6x8xf32>
  }
  func.func @main() {
    %c = arith.constant dense<1.0> : tensor<6x8xf32>
    %r = call @shared(%c) : (tensor<6x8xf32>) -> tensor<6x8xf32>
    return
  }
}
