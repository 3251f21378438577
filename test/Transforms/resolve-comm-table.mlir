// Point-to-point plans whose peers follow no distance: the halves of a split
// gathered two by two ([d0 = n] to [dup = 2, d0 = n/2]: device d receives
// blocks 2d and 2d+1, or 2(d - n/2) and 2(d - n/2)+1). Peers as ids or
// distances gave one program per device; as columns of a table, the number
// of programs stays three whatever n (the two devices that keep a block of
// their own, and the rest).
// RUN: hspmd-opt --hspmd-resolve-comm --hspmd-specialize %s 2>&1 | FileCheck %s

// CHECK: remark: @pairs8: 8 device programs, 3 distinct
// CHECK: remark: @pairs64: 64 device programs, 3 distinct
// Device 0 keeps rows 0-1 and takes rows 2-3 from device 1; it sends its
// rows to device 4 too (ids: one device).
// CHECK-LABEL: func.func @pairs8_device0(
// CHECK: hspmd.send_recv sends [4 : [0, 0] [2, 4]] of %{{.*}} recvs [1 : [2, 0] [2, 4]] into
// Devices 1 to 6 send their rows to the two devices holding them (columns
// 0 and 1) and receive two blocks (columns 2 and 3).
// CHECK-LABEL: func.func @pairs8_device1(
// CHECK: hspmd.send_recv table [1, 2, 3, 4, 5, 6] {{\[\[}}0, 1, 1, 2, 2, 3], [4, 5, 5, 6, 6, 7], [2, 4, 6, 0, 2, 4], [3, 5, 7, 1, 3, 5]] sends [0 : [0, 0] [2, 4], 1 : [0, 0] [2, 4]] of %{{.*}} recvs [2 : [0, 0] [2, 4], 3 : [2, 0] [2, 4]] into
// CHECK-LABEL: func.func @pairs8_device7(
// CHECK: hspmd.send_recv sends [3 : [0, 0] [2, 4]] of %{{.*}} recvs [6 : [0, 0] [2, 4]] into
func.func @pairs8(%x: tensor<16x4xf32> {hspmd.sharding = #hspmd.sharding<[0 to 7] : [d0 = 8]>})
    -> (tensor<16x4xf32> {hspmd.sharding = #hspmd.sharding<[0 to 7] : [dup = 2, d0 = 4]>}) {
  %y = hspmd.reshard %x to #hspmd.sharding<[0 to 7] : [dup = 2, d0 = 4]> : tensor<16x4xf32>
  return %y : tensor<16x4xf32>
}

func.func @pairs64(%x: tensor<128x4xf32> {hspmd.sharding = #hspmd.sharding<[0 to 63] : [d0 = 64]>})
    -> (tensor<128x4xf32> {hspmd.sharding = #hspmd.sharding<[0 to 63] : [dup = 2, d0 = 32]>}) {
  %y = hspmd.reshard %x to #hspmd.sharding<[0 to 63] : [dup = 2, d0 = 32]> : tensor<128x4xf32>
  return %y : tensor<128x4xf32>
}
