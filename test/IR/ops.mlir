// RUN: hspmd-opt %s | FileCheck %s
// Printing and re-parsing give the same text.
// RUN: hspmd-opt %s > %t.1.mlir && hspmd-opt %t.1.mlir > %t.2.mlir
// RUN: diff %t.1.mlir %t.2.mlir
// The generic form round-trips too.
// RUN: hspmd-opt --mlir-print-op-generic %s | hspmd-opt | FileCheck %s

// Aliases work, and the printer shows the sharding in full.
#rows = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>

// Every example of Semantics.md "Syntax", in its printed form.
// CHECK-LABEL: func.func @spec_examples
func.func @spec_examples(%x: tensor<24x32xf32>, %y: tensor<16x32xf32>) {
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<[0] : []> : tensor<24x32xf32>
  %0 = hspmd.annotate %x as #hspmd.sharding<[0] : []> : tensor<24x32xf32>
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x32xf32>
  %1 = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x32xf32>
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<16x32xf32>
  %2 = hspmd.annotate %y as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<16x32xf32>
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d1 = 2]> : tensor<16x32xf32>
  %3 = hspmd.annotate %y as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d1 = 2]> : tensor<16x32xf32>
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<[4, 5] : [partial = 2]> : tensor<24x32xf32>
  %4 = hspmd.annotate %x as #hspmd.sharding<[4, 5] : [partial = 2]> : tensor<24x32xf32>
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<hetero = d0, groups = {{\[\[}}0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]> : tensor<24x32xf32>
  %5 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]> : tensor<24x32xf32>
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = {{\[\[}}0, 1] : [dup = 2], [2] : []]> : tensor<16x32xf32>
  %6 = hspmd.annotate %y as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]> : tensor<16x32xf32>
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<hetero = dup, groups = {{\[\[}}0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2]]> : tensor<24x32xf32>
  %7 = hspmd.annotate %x as #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2]]> : tensor<24x32xf32>
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<hetero = partial, groups = {{\[\[}}0, 1] : [d0 = 2], [2] : []]> : tensor<24x32xf32>
  %8 = hspmd.annotate %x as #hspmd.sharding<hetero = partial, groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<24x32xf32>
  return
}

// CHECK-LABEL: func.func @canonical_printing
func.func @canonical_printing(%x: tensor<16x8xf32>) {
  // Weights are divided by their gcd...
  // CHECK: #hspmd.sharding<hetero = d0, weights = [3, 1], groups = {{\[\[}}0, 1] : [dup = 2], [2] : []]>
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [6, 2], groups = [[0, 1] : [dup = 2], [2] : []]> : tensor<16x8xf32>
  // ...and omitted when all are equal.
  // CHECK: #hspmd.sharding<hetero = d0, groups = {{\[\[}}0] : [], [1] : []]>
  %1 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [4, 4], groups = [[0] : [], [1] : []]> : tensor<16x8xf32>
  // Spacing in the input does not matter; devices, groups and axes keep their order.
  // CHECK: #hspmd.sharding<[3, 1, 2, 0] : [dup = 2, d1 = 2]>
  %2 = hspmd.annotate %x as #hspmd.sharding<[3,1,2,0]:[dup=2,d1=2]> : tensor<16x8xf32>
  // CHECK: #hspmd.sharding<hetero = d1, weights = [1, 3], groups = {{\[\[}}7] : [], [5, 6] : [partial = 2]]>
  %3 = hspmd.annotate %x as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[7] : [], [5, 6] : [partial = 2]]> : tensor<16x8xf32>
  // An alias prints in full.
  // CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<16x8xf32>
  %4 = hspmd.annotate %x as #rows : tensor<16x8xf32>
  // CHECK: hspmd.reshard %{{.*}} to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<16x8xf32>
  %5 = hspmd.reshard %4 to #rows : tensor<16x8xf32>
  // Discardable attributes follow the type.
  // CHECK: hspmd.reshard %{{.*}} to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<16x8xf32> {note = "x"}
  %6 = hspmd.reshard %5 to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<16x8xf32> {note = "x"}
  return
}

// Rank 0, size-0 dimensions, 3-D tensors, large device ids, and every
// element type that allows partial.
// CHECK-LABEL: func.func @edge_cases
func.func @edge_cases(%s: tensor<f32>, %e: tensor<0x8xf32>, %t: tensor<4x6x8xbf16>,
                      %h: tensor<8xf16>, %d: tensor<8xf64>, %i: tensor<8xi32>, %l: tensor<8xi64>,
                      %b: tensor<8xi1>) {
  // CHECK: #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<f32>
  %0 = hspmd.annotate %s as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<f32>
  // CHECK: #hspmd.sharding<hetero = dup, groups = {{\[\[}}0, 1] : [dup = 2], [2] : []]> : tensor<f32>
  %1 = hspmd.annotate %s as #hspmd.sharding<hetero = dup, groups = [[0, 1] : [dup = 2], [2] : []]> : tensor<f32>
  // CHECK: #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<0x8xf32>
  %2 = hspmd.annotate %e as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<0x8xf32>
  // CHECK: #hspmd.sharding<[0 to 7] : [d2 = 2, partial = 2, d0 = 2]> : tensor<4x6x8xbf16>
  %3 = hspmd.annotate %t as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d2 = 2, partial = 2, d0 = 2]> : tensor<4x6x8xbf16>
  // CHECK: #hspmd.sharding<[2147483647, 0] : [d0 = 2]> : tensor<8xf16>
  %4 = hspmd.annotate %h as #hspmd.sharding<[2147483647, 0] : [d0 = 2]> : tensor<8xf16>
  // CHECK: #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8xf64>
  %5 = hspmd.annotate %d as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8xf64>
  // CHECK: #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8xi32>
  %6 = hspmd.annotate %i as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8xi32>
  // CHECK: #hspmd.sharding<hetero = partial, groups = {{\[\[}}0] : [], [1] : []]> : tensor<8xi64>
  %7 = hspmd.annotate %l as #hspmd.sharding<hetero = partial, groups = [[0] : [], [1] : []]> : tensor<8xi64>
  // Any element type may be split or replicated.
  // CHECK: #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xi1>
  %8 = hspmd.annotate %b as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xi1>
  return
}

// Function arguments and results carry shardings.
// CHECK-LABEL: func.func @func_attrs
// CHECK-SAME: (%{{.*}}: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>})
// CHECK-SAME: -> (tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0] : []>})
func.func @func_attrs(%x: tensor<24x8xf32> {hspmd.sharding = #rows})
    -> (tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0] : []>}) {
  return %x : tensor<24x8xf32>
}
// CHECK-LABEL: func.func private @declaration
// CHECK-SAME: {hspmd.sharding = #hspmd.sharding<[4, 5] : [partial = 2]>}
func.func private @declaration(tensor<6xi32> {hspmd.sharding = #hspmd.sharding<[4, 5] : [partial = 2]>})

// The concrete communication ops, as a per-device program reads them.
// CHECK-LABEL: func.func @communication
func.func @communication(%x: tensor<12x8xf32>, %y: tensor<6x8xf32>, %z: tensor<8x8xf32>,
                         %w: tensor<4x8xf32>) {
  // CHECK: hspmd.all_reduce %{{.*}} groups {{\[}}[0, 1], [2, 3]] : tensor<12x8xf32>
  %0 = hspmd.all_reduce %x groups [[0, 1], [2, 3]] : tensor<12x8xf32>
  // Groups take ranges like device lists; runs of eight or more print as
  // ranges, shorter runs stay listed, and the groups are checked expanded.
  // CHECK: hspmd.all_reduce %{{.*}} groups {{\[}}[0 to 9, 20, 21, 22], [30 to 37, 10, 11, 12, 13, 14]] : tensor<12x8xf32>
  %r = hspmd.all_reduce %x groups [[0, 1, 2, 3, 4 to 9, 20 to 22], [30 to 37, 10 to 14]] : tensor<12x8xf32>
  // CHECK: hspmd.reduce_scatter %{{.*}} dim 0 groups {{\[}}[0, 1], [2, 3]] : tensor<12x8xf32> -> tensor<6x8xf32>
  %1 = hspmd.reduce_scatter %x dim 0 groups [[0, 1], [2, 3]] : tensor<12x8xf32> -> tensor<6x8xf32>
  // CHECK: hspmd.all_gather %{{.*}} dim 0 groups {{\[}}[0, 1], [2, 3]] : tensor<6x8xf32> -> tensor<12x8xf32>
  %2 = hspmd.all_gather %y dim 0 groups [[0, 1], [2, 3]] : tensor<6x8xf32> -> tensor<12x8xf32>
  // CHECK: hspmd.all_to_all %{{.*}} split_dim 1 concat_dim 0 groups {{\[}}[0, 1]] : tensor<6x8xf32> -> tensor<12x4xf32>
  %3 = hspmd.all_to_all %y split_dim 1 concat_dim 0 groups [[0, 1]] : tensor<6x8xf32> -> tensor<12x4xf32>
  // CHECK: hspmd.send_recv sends [2 : [0, 0] [4, 8]] of %{{.*}} : tensor<8x8xf32> recvs [0 : [0, 0] [4, 8], 2 : [0, 0] [4, 8]] accumulate into %{{.*}} : tensor<4x8xf32>
  %6 = hspmd.send_recv sends [2 : [0, 0] [4, 8]] of %z : tensor<8x8xf32>
      recvs [0 : [0, 0] [4, 8], 2 : [0, 0] [4, 8]] accumulate into %w : tensor<4x8xf32>
  // A device that only receives.
  // CHECK: hspmd.send_recv recvs [1 : [0, 0] [2, 8], 1 : [2, 0] [2, 8]] into %{{.*}} : tensor<4x8xf32>
  %7 = hspmd.send_recv recvs [1 : [0, 0] [2, 8], 1 : [2, 0] [2, 8]] into %w : tensor<4x8xf32>
  // Ops that only move data take any integer, float or index elements.
  // CHECK: hspmd.all_gather %{{.*}} dim 0 groups {{\[}}[0, 1]] : tensor<4xi8> -> tensor<8xi8>
  %i8 = arith.constant dense<1> : tensor<4xi8>
  %9 = hspmd.all_gather %i8 dim 0 groups [[0, 1]] : tensor<4xi8> -> tensor<8xi8>
  // CHECK: hspmd.all_gather %{{.*}} dim 0 groups {{\[}}[0, 1]] : tensor<4xi1> -> tensor<8xi1>
  %i1 = arith.constant dense<true> : tensor<4xi1>
  %10 = hspmd.all_gather %i1 dim 0 groups [[0, 1]] : tensor<4xi1> -> tensor<8xi1>
  // CHECK: hspmd.send_recv recvs [1 : [0] [4]] into %{{.*}} : tensor<4xindex>
  %ix = arith.constant dense<0> : tensor<4xindex>
  %11 = hspmd.send_recv recvs [1 : [0] [4]] into %ix : tensor<4xindex>
  // A device that only sends: it receives nothing into an empty tensor.
  // CHECK: hspmd.send_recv sends [3 : [0, 0] [4, 8]] of %{{.*}} : tensor<4x8xf32> recvs [] into %{{.*}} : tensor<0x8xf32>
  %e = tensor.empty() : tensor<0x8xf32>
  %8 = hspmd.send_recv sends [3 : [0, 0] [4, 8]] of %w : tensor<4x8xf32> recvs [] into %e : tensor<0x8xf32>
  // Peers as distances from the running device: sends to the next device,
  // receives from the one before.
  // CHECK: hspmd.send_recv relative sends [1 : [0, 0] [4, 8]] of %{{.*}} : tensor<4x8xf32> recvs [-1 : [0, 0] [4, 8]] into %{{.*}} : tensor<4x8xf32>
  %12 = hspmd.send_recv relative sends [1 : [0, 0] [4, 8]] of %w : tensor<4x8xf32> recvs [-1 : [0, 0] [4, 8]] into %w : tensor<4x8xf32>
  // Peers as columns of a table: devices 8 to 15 send to 0 to 7 in pairs
  // (column 0) and receive from ids in no common pattern (column 1). The
  // table's devices print by the rule of device lists.
  // CHECK: hspmd.send_recv table [8 to 15] {{\[\[}}0, 0, 1, 1, 2, 2, 3, 3], [3, 9, 8, 20, 4, 4, 7, 0]] sends [0 : [0, 0] [4, 8]] of %{{.*}} : tensor<4x8xf32> recvs [1 : [0, 0] [4, 8]] into %{{.*}} : tensor<4x8xf32>
  %13 = hspmd.send_recv table [8, 9, 10, 11, 12, 13, 14, 15] [[0, 0, 1, 1, 2, 2, 3, 3], [3, 9, 8, 20, 4, 4, 7, 0]] sends [0 : [0, 0] [4, 8]] of %w : tensor<4x8xf32> recvs [1 : [0, 0] [4, 8]] into %w : tensor<4x8xf32>
  return
}

// Device ranges: `a to b` lists a, a+1, ..., b; runs of eight or more
// consecutive increasing ids print as a range, shorter runs one by one.
// CHECK-LABEL: func.func @ranges
func.func @ranges(%x: tensor<64x8xf32>) -> tensor<64x8xf32> {
  // CHECK: #hspmd.sharding<[0 to 7, 9, 10, 11, 12, 13, 14, 15] : [dup = 15]>
  %a = hspmd.annotate %x as #hspmd.sharding<[0 to 7, 9 to 15] : [dup = 15]> : tensor<64x8xf32>
  // CHECK: #hspmd.sharding<[0 to 7] : [d0 = 8]>
  %b = hspmd.annotate %a as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 8]> : tensor<64x8xf32>
  // CHECK: #hspmd.sharding<[7, 6, 5, 4, 3, 2, 1, 0] : [d0 = 8]>
  %c = hspmd.annotate %b as #hspmd.sharding<[7, 6, 5, 4, 3, 2, 1, 0] : [d0 = 8]> : tensor<64x8xf32>
  // CHECK: #hspmd.sharding<hetero = d0, groups = {{\[\[}}100 to 131] : [d0 = 32], [3, 4] : [dup = 2]]>
  %d = hspmd.annotate %c as #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[100 to 131] : [d0 = 32], [3, 4 to 4] : [dup = 2]]> : tensor<64x8xf32>
  return %d : tensor<64x8xf32>
}

// A plan's device sets take ranges and print by the same rule.
// CHECK-LABEL: func.func @plan_ranges
func.func @plan_ranges(%x: tensor<16xf32>) -> tensor<16xf32> {
  // CHECK: hspmd.plan %{{.*}} to #hspmd.sharding<[0 to 11] : [dup = 12]> : tensor<16xf32>
  // CHECK-NEXT: devices [0 to 9] {
  // CHECK: devices [10, 11] {
  %0 = hspmd.plan %x to #hspmd.sharding<[0 to 11] : [dup = 12]> : tensor<16xf32>
  devices [0, 1, 2 to 9] {
  ^bb0(%in: tensor<16xf32>):
    hspmd.yield %in : tensor<16xf32>
  }
  devices [10 to 11] {
  ^bb0(%in: tensor<16xf32>):
    hspmd.yield %in : tensor<16xf32>
  }
  return %0 : tensor<16xf32>
}
