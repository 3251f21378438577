// RUN: hspmd-opt --hspmd-comm-report %s -o /dev/null 2>&1 | FileCheck %s
// RUN: hspmd-opt --hspmd-comm-report="format=json verify-plans=true" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: not hspmd-opt --hspmd-comm-report="format=yaml" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FORMAT
// RUN: not hspmd-opt --hspmd-comm-report %S/Inputs/unknown-source.mlir -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN

// Expected numbers worked out from Semantics.md "Changing a placement" for 24x8 and 16x8 f32 tensors
// (one row of 8 f32 is 32 bytes).

// C12: ring all-gather over 4 devices: each receives the 18 rows it lacks
// (576 bytes), in 3 messages: exactly the lower bound.
// CHECK-LABEL: reshard at
// CHECK: plan: all-gather, 1 step
// CHECK: device         sent     received  messages  lower_bound
// CHECK-NEXT: 0          576          576         3          576
// CHECK-NEXT: 1          576          576         3          576
// CHECK-NEXT: 2          576          576         3          576
// CHECK-NEXT: 3          576          576         3          576
// CHECK-NEXT: total received 2304 bytes, lower bound 2304 bytes (ratio 1.00)
func.func @c12(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) -> tensor<24x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<24x8xf32>
  return %0 : tensor<24x8xf32>
}

// C1: all-reduce of 12 rows (384 bytes) in pairs: a ring over 2 moves
// 2(n-1)/n = 1 times the block; the bound is the block (a summand is not
// the value).
// CHECK-LABEL: reshard at
// CHECK: plan: all-reduce, 1 step
// CHECK: 0          384          384         2          384
// CHECK: total received 1536 bytes, lower bound 1536 bytes (ratio 1.00)
func.func @c1(%x: tensor<24x8xf32>) -> tensor<24x8xf32> {
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]> : tensor<24x8xf32>
  %1 = hspmd.reshard %0 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
  return %1 : tensor<24x8xf32>
}

// C14: 2 sends rows 12-15 to 0 and to 1; 0 sends rows 0-3 and 8-11 to 2
// (one message); 1 sends rows 4-7 to 2. 20 rows: the lower bound.
// CHECK-LABEL: reshard at
// CHECK: plan: point-to-point, 1 step
// CHECK: 0          256          128         1          128
// CHECK-NEXT: 1          128          128         1          128
// CHECK-NEXT: 2          256          384         2          384
// CHECK-NEXT: total received 640 bytes, lower bound 640 bytes (ratio 1.00)
func.func @c14(%x: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]> : tensor<16x8xf32>
  %1 = hspmd.reshard %0 to #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<16x8xf32>
  return %1 : tensor<16x8xf32>
}

// C4: a local slice moves nothing; the bound is 0.
// CHECK-LABEL: reshard at
// CHECK: plan: local, 1 step
// CHECK: total received 0 bytes, lower bound 0 bytes{{$}}
func.func @c4(%x: tensor<24x8xf32>) -> tensor<24x8xf32> {
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<24x8xf32>
  %1 = hspmd.reshard %0 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x8xf32>
  return %1 : tensor<24x8xf32>
}

// A partial source leaving its devices (docs/Semantics.md "Changing a
// placement"): 16x8 f32, 512 bytes. Every element has k = 2 summands, wanted
// by one device that holds none: 2 transfers each, a combining bound of 1024
// bytes; over 4 devices at least 256 each, which is also the largest
// per-device bound (2 and 3 need their 8 rows). Sending both summands to the
// receivers moves 1024 bytes too, but 512 into each receiver. Combine-first:
// the uniform grid's 8-row cells cut in 2 (2 source devices), 4-row cells
// dealt by load: 0 adds rows 0-3 and 8-11 (getting them from 1), 1 adds
// rows 4-7 and 12-15 (from 0); then 2 gets rows 0-3 from 0 and 4-7 from 1,
// 3 gets 8-11 from 0 and 12-15 from 1. Everyone receives 256 bytes; 0 and 1
// send 512 in 3 messages (one to its partner, one to each receiver).
// CHECK-LABEL: reshard at
// CHECK: plan: combine-first, 2 steps
// CHECK: device         sent     received  messages  lower_bound
// CHECK-NEXT: 0          512          256         3            0
// CHECK-NEXT: 1          512          256         3            0
// CHECK-NEXT: 2            0          256         0          256
// CHECK-NEXT: 3            0          256         0          256
// CHECK-NEXT: total received 1024 bytes, lower bound 512 bytes (ratio 2.00)
// CHECK-NEXT: combining bound 1024 bytes (ratio 1.00); busiest device received 256 bytes, busiest-device bound 256 bytes (ratio 1.00)
func.func @partial_to_pair(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>}) -> tensor<16x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// A gradient leaving its pair for an overlapping pair: D = {1, 2} meets the
// holders (1), so 2 + 2 - 1 - 1 = 2 transfers per element (1024 bytes); 1
// and 2 each need the whole value (512). 1 adds (from 0), then sends to 2.
// CHECK-LABEL: reshard at
// CHECK: plan: combine-first, 2 steps
// CHECK: 0          512            0         1            0
// CHECK-NEXT: 1          512          512         1          512
// CHECK-NEXT: 2            0          512         0          512
// CHECK-NEXT: total received 1024 bytes, lower bound 1024 bytes (ratio 1.00)
// CHECK-NEXT: combining bound 1024 bytes (ratio 1.00); busiest device received 512 bytes, busiest-device bound 512 bytes (ratio 1.00)
func.func @gradient_leaves(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>}) -> tensor<16x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[1, 2] : [dup = 2]> : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// JSON: [
// JSON-NEXT:   {
// JSON-NEXT:     "busiest_bound": 576,
// JSON-NEXT:     "busiest_ratio": 1,
// JSON-NEXT:     "busiest_received": 576,
// JSON-NEXT:     "combining_bound": 2304,
// JSON-NEXT:     "combining_is_sum_of_lower_bounds": true,
// JSON-NEXT:     "combining_ratio": 1,
// JSON-NEXT:     "devices": [
// JSON-NEXT:       {
// JSON-NEXT:         "device": 0,
// JSON-NEXT:         "lower_bound": 576,
// JSON-NEXT:         "messages": 3,
// JSON-NEXT:         "received": 576,
// JSON-NEXT:         "sent": 576
// JSON-NEXT:       },
// JSON:      "loc": "{{.*}}comm-report.mlir:23:8",
// JSON-NEXT: "plan": "all-gather",
// JSON-NEXT: "total_lower_bound": 2304,
// JSON-NEXT: "total_received": 2304
// JSON:      "plan": "all-reduce",
// JSON:      "plan": "point-to-point",
// JSON-NEXT: "total_lower_bound": 640,
// JSON-NEXT: "total_received": 640
// JSON:      "plan": "local",
// JSON:      "busiest_bound": 256,
// JSON-NEXT: "busiest_ratio": 1,
// JSON-NEXT: "busiest_received": 256,
// JSON-NEXT: "combining_bound": 1024,
// JSON-NEXT: "combining_is_sum_of_lower_bounds": false,
// JSON-NEXT: "combining_ratio": 1,
// JSON:      "plan": "combine-first",

// FORMAT: error: --hspmd-comm-report: unknown format 'yaml', expected 'table' or 'json'

// UNKNOWN: unknown-source.mlir:3:8: error: the placement of the operand is unknown: annotate it, or run --hspmd-propagate first
