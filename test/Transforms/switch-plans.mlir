// RUN: hspmd-opt --hspmd-propagate --hspmd-comm-report=verify-plans=true %s -o /dev/null 2>&1 | FileCheck %s

// Moving parameters between strategies, one value at a time: the plan each
// switch takes for a 64 x 32 f32 weight (8192 bytes; a quarter of its
// columns is 64 x 8 x 4 = 2048 bytes), proved by the independent checker
// (verify-plans), with what each device sends and receives against the
// lower bound (the bytes of its destination block it does not hold).

// TP4 to DP4 on the same devices: each device gathers the three quarters
// it lacks, 6144 bytes, and sends its own to the three others.
// CHECK: reshard at {{.*}}switch-plans.mlir:{{[0-9]+}}:8: tensor<
// CHECK-NEXT: from #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]>
// CHECK-NEXT: to   #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>
// CHECK: plan: all-gather, 1 step
// CHECK-COUNT-4: {{^ +[0-3] +6144 +6144 +3 +6144$}}
// CHECK: total received 24576 bytes, lower bound 24576 bytes (ratio 1.00)
func.func @tp4_to_dp4(%w: tensor<64x32xf32>) -> tensor<64x32xf32> {
  %a = hspmd.annotate %w as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<64x32xf32>
  %b = hspmd.reshard %a to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<64x32xf32>
  return %b : tensor<64x32xf32>
}

// TP4 on devices 0-3 to TP2 on devices 0 and 1: device 0 keeps columns
// [0, 8) and needs [8, 16) from device 1; device 1 needs [16, 24) and
// [24, 32) from devices 2 and 3. Exactly the lower bound.
// CHECK: reshard at {{.*}}switch-plans.mlir:{{[0-9]+}}:8: tensor<
// CHECK-NEXT: from #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]>
// CHECK-NEXT: to   #hspmd.sharding<[0, 1] : [d1 = 2]>
// CHECK: plan: point-to-point, 1 step
// CHECK-NEXT: device sent received messages lower_bound
// CHECK-NEXT: {{^ +0 +0 +2048 +0 +2048$}}
// CHECK-NEXT: {{^ +1 +2048 +4096 +1 +4096$}}
// CHECK-NEXT: {{^ +2 +2048 +0 +1 +0$}}
// CHECK-NEXT: {{^ +3 +2048 +0 +1 +0$}}
// CHECK-NEXT: total received 6144 bytes, lower bound 6144 bytes (ratio 1.00)
func.func @tp4_to_tp2(%w: tensor<64x32xf32>) -> tensor<64x32xf32> {
  %a = hspmd.annotate %w as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<64x32xf32>
  %b = hspmd.reshard %a to #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<64x32xf32>
  return %b : tensor<64x32xf32>
}

// Groups 4/2/1 to 4/2 after losing device 6, the weight replicated across
// groups (each group holds a copy, split inside): nothing moves, and device
// 6 sends nothing, so losing it loses nothing (--hspmd-check-removal
// accepts such a loop, test/Transforms/check-removal.mlir).
// CHECK: reshard at {{.*}}switch-plans.mlir:{{[0-9]+}}:8: tensor<
// CHECK-NEXT: from #hspmd.sharding<hetero = dup, groups = {{\[\[}}0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>
// CHECK-NEXT: to   #hspmd.sharding<hetero = dup, groups = {{\[\[}}0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2]]>
// CHECK: plan: local, 0 steps
// CHECK-COUNT-7: {{^ +[0-6] +0 +0 +0 +0$}}
// CHECK: total received 0 bytes, lower bound 0 bytes
func.func @lose6(%w: tensor<64x32xf32>) -> tensor<64x32xf32> {
  %a = hspmd.annotate %w as #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]> : tensor<64x32xf32>
  %b = hspmd.reshard %a to #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2]]> : tensor<64x32xf32>
  return %b : tensor<64x32xf32>
}

// A planned shrink of a value split across groups (rows by weights 4:2:1 of
// 56, to 4:3): rows [48, 56) were device 6's alone, and both devices of the
// second group need them, 8 x 32 x 4 = 1024 bytes each, which only device
// 6 can send. Device 6 lost instead of leaving would lose them: that
// switch is refused (--hspmd-check-removal).
// CHECK: reshard at {{.*}}switch-plans.mlir:{{[0-9]+}}:8: tensor<
// CHECK-NEXT: from #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = {{\[\[}}0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
// CHECK-NEXT: to   #hspmd.sharding<hetero = d0, weights = [4, 3], groups = {{\[\[}}0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2]]>
// CHECK: plan: point-to-point, 1 step
// CHECK: {{^ +4 +0 +1024 +0 +1024$}}
// CHECK-NEXT: {{^ +5 +0 +1024 +0 +1024$}}
// CHECK-NEXT: {{^ +6 +2048 +0 +2 +0$}}
// CHECK-NEXT: total received 2048 bytes, lower bound 2048 bytes (ratio 1.00)
func.func @shrink_split(%w: tensor<56x32xf32>) -> tensor<56x32xf32> {
  %a = hspmd.annotate %w as #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]> : tensor<56x32xf32>
  %b = hspmd.reshard %a to #hspmd.sharding<hetero = d0, weights = [4, 3], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2]]> : tensor<56x32xf32>
  return %b : tensor<56x32xf32>
}
