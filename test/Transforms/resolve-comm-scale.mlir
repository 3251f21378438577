// Reshards whose uniform grid (Semantics.md "Changing a placement": the gcd of every block boundary) has
// 2^41 unit cells plan at once: the planner walks regions of cells with the
// same holders, not cells. No time is asserted; `timeout` turns a planner
// that walks cells (hours) into a failure.
// RUN: timeout 120 hspmd-opt --hspmd-resolve-comm %s | FileCheck %s
// RUN: timeout 120 hspmd-opt --hspmd-comm-report %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// The plan checker simulates every element: it refuses these, with a reason.
// RUN: not hspmd-opt --hspmd-resolve-comm="verify-plans=true" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=VERIFY

// Block boundaries at 1 and 2^40: device 0 keeps element 0 and receives the
// rest of its half from 1 in one message; device 1 keeps its half.
// CHECK-LABEL: func.func @cells
// CHECK: devices [0] {
// CHECK-NEXT: ^bb0(%[[IN:.*]]: tensor<1xf32>):
// CHECK: %[[OWN:.*]] = tensor.insert_slice %[[IN]] into %{{.*}}[0] [1] [1] : tensor<1xf32> into tensor<1099511627776xf32>
// CHECK-NEXT: hspmd.send_recv recvs [1 : [1] [1099511627775]] into %[[OWN]] : tensor<1099511627776xf32>
// CHECK: devices [1] {
// CHECK: hspmd.send_recv sends [0 : [0] [1099511627775]] of %{{.*}} : tensor<2199023255551xf32> recvs [] into
// REPORT: reshard at {{.*}}resolve-comm-scale.mlir:[[@LINE+4]]:8
// REPORT: total received 4398046511100 bytes, lower bound 4398046511100 bytes (ratio 1.00)
// VERIFY: resolve-comm-scale.mlir:[[@LINE+2]]:8: error: cannot verify the plan of this reshard: the plan checker simulates every element, and the source blocks hold more than 268435456 elements
func.func @cells(%x: tensor<2199023255552xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, weights = [1, 2199023255551], groups = [[0] : [], [1] : []]>}) -> tensor<2199023255552xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2199023255552xf32>
  return %0 : tensor<2199023255552xf32>
}

// Three weighted groups (boundaries at 1 and 3) to every device: each
// receives every other group's rows in one message per sender, the columns
// split in the third group from both of its devices.
// CHECK-LABEL: func.func @weighted_to_dup
// CHECK: devices [0] {
// CHECK: hspmd.send_recv sends [1 : [0, 0] [1, 2], 2 : [0, 0] [1, 2]] of %{{.*}} : tensor<1x2xf32> recvs [1 : [1, 0] [2, 2], 2 : [3, 0] [2199023255549, 1], 3 : [3, 1] [2199023255549, 1]] into
// CHECK: devices [3] {
// CHECK: hspmd.send_recv sends [0 : [0, 0] [2199023255549, 1], 1 : [0, 0] [2199023255549, 1], 2 : [0, 0] [2199023255549, 1]] of
// REPORT: total received 43980465111028 bytes, lower bound 43980465111028 bytes (ratio 1.00)
func.func @weighted_to_dup(%x: tensor<2199023255552x2xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, weights = [1, 2, 2199023255549], groups = [[0] : [], [1] : [], [2, 3] : [d1 = 2]]>}) -> tensor<2199023255552x2xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<2199023255552x2xf32>
  return %0 : tensor<2199023255552x2xf32>
}
