// Point-to-point plans whose devices exchange with peers at equal distances
// (a pipeline boundary, a shift) write the peers as distances, so that the
// devices share programs: two classes here (the senders and the receivers)
// where absolute peers made one per device. A gather to one device keeps
// absolute peers (every sender names device 0).
// RUN: hspmd-opt --hspmd-resolve-comm --hspmd-specialize %s 2>&1 | FileCheck %s

// CHECK: remark: @boundary: 8 device programs, 2 distinct
// CHECK: remark: @gather: 4 device programs, 2 distinct
// CHECK-LABEL: func.func @boundary_device0(
// CHECK: hspmd.send_recv relative sends [4 : [0, 0] [2, 4]] of %{{.*}} : tensor<2x4xf32> recvs [] into
// CHECK-LABEL: func.func @boundary_device4(
// CHECK: hspmd.send_recv relative recvs [-4 : [0, 0] [2, 4]] into
func.func @boundary(%x: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>})
    -> (tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[4, 5, 6, 7] : [d0 = 4]>}) {
  %y = hspmd.reshard %x to #hspmd.sharding<[4, 5, 6, 7] : [d0 = 4]> : tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @gather_device0(
// CHECK: hspmd.send_recv recvs [1 : [2, 0] [2, 4], 2 : [4, 0] [2, 4], 3 : [6, 0] [2, 4]] into
// CHECK-LABEL: func.func @gather_device1(
// CHECK: hspmd.send_recv sends [0 : [0, 0] [2, 4]]
func.func @gather(%x: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>})
    -> (tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0] : []>}) {
  %y = hspmd.reshard %x to #hspmd.sharding<[0] : []> : tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}
