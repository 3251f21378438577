// RUN: hspmd-opt --hspmd-propagate %s 2>/dev/null | FileCheck %s
// RUN: hspmd-opt --hspmd-propagate %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARK
// The output parses and verifies again.
// RUN: hspmd-opt --hspmd-propagate %s 2>/dev/null | hspmd-opt > /dev/null

#x1 = #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
#w1 = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>
#dy = #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>

// P1: rows split across groups carry through the parallel loop i; the
// weights' column split inside each group carries through j.
// CHECK-LABEL: func.func @p1
// CHECK: %[[MM:.*]] = linalg.matmul
// CHECK-NEXT: hspmd.annotate %[[MM]] as #hspmd.sharding<hetero = d0, groups = {{\[\[}}0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]> : tensor<24x64xf32>
func.func @p1(%x: tensor<24x32xf32> {hspmd.sharding = #x1}, %w: tensor<32x64xf32> {hspmd.sharding = #w1}) -> tensor<24x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<24x64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<24x64xf32>) -> tensor<24x64xf32>
  %m = linalg.matmul ins(%x, %w : tensor<24x32xf32>, tensor<32x64xf32>) outs(%f : tensor<24x64xf32>) -> tensor<24x64xf32>
  return %m : tensor<24x64xf32>
}

// P2: both operands split the contracted loop k: the result is partial, and
// so is the init (the fill), which the realization rule puts on device 0.
// CHECK-LABEL: func.func @p2
// CHECK: %[[E:.*]] = tensor.empty() : tensor<16x64xf32>
// CHECK-NEXT: %[[EA:.*]] = hspmd.annotate %[[E]] as #hspmd.sharding<[0, 1] : [partial = 2]>
// CHECK-NEXT: %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EA]] : tensor<16x64xf32>)
// CHECK-NEXT: %[[FA:.*]] = hspmd.annotate %[[F]] as #hspmd.sharding<[0, 1] : [partial = 2]>
// CHECK-NEXT: %[[MM:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : {{.*}}) outs(%[[FA]] : tensor<16x64xf32>)
// CHECK-NEXT: hspmd.annotate %[[MM]] as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<16x64xf32>
func.func @p2(%x: tensor<16x32xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>},
              %w: tensor<32x64xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<16x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<16x64xf32>) -> tensor<16x64xf32>
  %m = linalg.matmul ins(%x, %w : tensor<16x32xf32>, tensor<32x64xf32>) outs(%f : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %m : tensor<16x64xf32>
}

// P3: a sum over the split dimension is partial over the same devices.
// CHECK-LABEL: func.func @p3
// CHECK: %[[R:.*]] = linalg.reduce
// CHECK: hspmd.annotate %[[R]] as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<8xf32>
func.func @p3(%x: tensor<24x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) -> tensor<8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<8xf32>) -> tensor<8xf32>
  %r = linalg.reduce ins(%x : tensor<24x8xf32>) outs(%f : tensor<8xf32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return %r : tensor<8xf32>
}

// P4: rows against columns. Either move costs the same (half of each
// 8x8 f32 block, 128 bytes over both devices), so the later operand moves.
// REMARK: propagate.mlir:[[@LINE+7]]:8: remark: operand #1 moves from #hspmd.sharding<[0, 1] : [d1 = 2]> to #hspmd.sharding<[0, 1] : [d0 = 2]>: its placement conflicts with operand #0's; moving it costs 128 bytes, keeping it and moving the others would cost 128 bytes (anchor operand #1); on a tie the later operand moves
// CHECK-LABEL: func.func @p4
// CHECK: %[[RS:.*]] = hspmd.reshard %arg1 to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x8xf32>
// CHECK-NEXT: %[[ADD:.*]] = arith.addf %arg0, %[[RS]] : tensor<8x8xf32>
// CHECK-NEXT: hspmd.annotate %[[ADD]] as #hspmd.sharding<[0, 1] : [d0 = 2]>
func.func @p4(%a: tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>},
              %b: tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>}) -> tensor<8x8xf32> {
  %c = arith.addf %a, %b : tensor<8x8xf32>
  return %c : tensor<8x8xf32>
}

// P5: contracting over the dimension split across groups gives
// hetero = partial; each group's own column split carries through.
// CHECK-LABEL: func.func @p5
// CHECK: %[[T:.*]] = linalg.transpose
// CHECK-NEXT: hspmd.annotate %[[T]] as #hspmd.sharding<hetero = d1, groups = {{\[\[}}0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
// CHECK: %[[MM:.*]] = linalg.matmul
// CHECK-NEXT: hspmd.annotate %[[MM]] as #hspmd.sharding<hetero = partial, groups = {{\[\[}}0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]> : tensor<16x32xf32>
func.func @p5(%x: tensor<24x16xf32> {hspmd.sharding = #x1}, %dy: tensor<24x32xf32> {hspmd.sharding = #dy}) -> tensor<16x32xf32> {
  %zero = arith.constant 0.0 : f32
  %et = tensor.empty() : tensor<16x24xf32>
  %xt = linalg.transpose ins(%x : tensor<24x16xf32>) outs(%et : tensor<16x24xf32>) permutation = [1, 0]
  %e = tensor.empty() : tensor<16x32xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<16x32xf32>) -> tensor<16x32xf32>
  %m = linalg.matmul ins(%xt, %dy : tensor<16x24xf32>, tensor<24x32xf32>) outs(%f : tensor<16x32xf32>) -> tensor<16x32xf32>
  return %m : tensor<16x32xf32>
}

// A partial value reaches only ops linear in it: exp gets the reduced value,
// while the sum of two partial values stays partial.
// REMARK: propagate.mlir:[[@LINE+14]]:9: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op is not linear in it, so the partial value is reduced first
// CHECK-LABEL: func.func @partial_into_exp
// CHECK: %[[M:.*]] = linalg.matmul
// CHECK-NEXT: %[[MA:.*]] = hspmd.annotate %[[M]] as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<16x64xf32>
// CHECK-NEXT: %[[RED:.*]] = hspmd.reshard %[[MA]] to #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: math.exp %[[RED]]
// CHECK: %[[SUM:.*]] = arith.addf %[[MA]], %[[MA]]
// CHECK-NEXT: hspmd.annotate %[[SUM]] as #hspmd.sharding<[0, 1] : [partial = 2]>
func.func @partial_into_exp(%x: tensor<16x32xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>},
              %w: tensor<32x64xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> (tensor<16x64xf32>, tensor<16x64xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<16x64xf32>) -> tensor<16x64xf32>
  %m = linalg.matmul ins(%x, %w : tensor<16x32xf32>, tensor<32x64xf32>) outs(%f : tensor<16x64xf32>) -> tensor<16x64xf32>
  %ex = math.exp %m : tensor<16x64xf32>
  %s = arith.addf %m, %m : tensor<16x64xf32>
  return %ex, %s : tensor<16x64xf32>, tensor<16x64xf32>
}

// An op without a sharding rule runs on replicated operands.
// REMARK: propagate.mlir:[[@LINE+7]]:8: remark: operand #1 moves from #hspmd.sharding<[0, 1] : [d0 = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op has no sharding rule, so it runs on replicated operands
// CHECK-LABEL: func.func @no_rule
// CHECK: %[[R:.*]] = hspmd.reshard %arg0 to #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: %[[C:.*]] = tensor.insert %arg1 into %[[R]]
// CHECK-NEXT: hspmd.annotate %[[C]] as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8x4xf32>
func.func @no_rule(%x: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}, %v: f32) -> tensor<8x4xf32> {
  %c1 = arith.constant 1 : index
  %c = tensor.insert %v into %x[%c1, %c1] : tensor<8x4xf32>
  return %c : tensor<8x4xf32>
}

// tensor.concat keeps splits of the dimensions it does not concatenate;
// along the concatenated one its operands are gathered.
// CHECK-LABEL: func.func @concat
// CHECK: %[[R:.*]] = hspmd.reshard %arg1 to #hspmd.sharding<[0, 1] : [d1 = 2]>
// CHECK-NEXT: %[[C:.*]] = tensor.concat dim(0) %arg0, %[[R]]
// CHECK-NEXT: hspmd.annotate %[[C]] as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<16x4xf32>
// CHECK: %[[G:.*]] = hspmd.reshard %arg0 to #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: %[[D:.*]] = tensor.concat dim(1) %[[G]], %[[G]]
// CHECK-NEXT: hspmd.annotate %[[D]] as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8x8xf32>
func.func @concat(%x: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>},
                  %y: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> (tensor<16x4xf32>, tensor<8x8xf32>) {
  %c = tensor.concat dim(0) %x, %y : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<16x4xf32>
  %d = tensor.concat dim(1) %x, %x : (tensor<8x4xf32>, tensor<8x4xf32>) -> tensor<8x8xf32>
  return %c, %d : tensor<16x4xf32>, tensor<8x8xf32>
}

// Nothing places %x: device 0, with a remark.
// REMARK: propagate.mlir:[[@LINE+5]]:1: remark: no annotation determines the placement of this value; it is placed on #hspmd.sharding<[0] : []>
// CHECK-LABEL: func.func @unplaced
// CHECK-NEXT: %[[A:.*]] = hspmd.annotate %arg0 as #hspmd.sharding<[0] : []> : tensor<8xf32>
// CHECK-NEXT: %[[Y:.*]] = arith.addf %[[A]], %[[A]]
// CHECK-NEXT: hspmd.annotate %[[Y]] as #hspmd.sharding<[0] : []>
func.func @unplaced(%x: tensor<8xf32>) -> tensor<8xf32> {
  %y = arith.addf %x, %x : tensor<8xf32>
  return %y : tensor<8xf32>
}

// User annotations never change: where the producer gives another placement
// a reshard goes in front of the annotation, and in front of the return when
// the function result's sharding differs.
// REMARK: propagate.mlir:[[@LINE+9]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [d0 = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the annotation fixes the placement and the producer cannot provide it
// REMARK: propagate.mlir:[[@LINE+9]]:3: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [dup = 2]> to #hspmd.sharding<[2, 3] : [d1 = 2]>: the function result's sharding fixes it
// CHECK-LABEL: func.func @fixed
// CHECK: %[[R1:.*]] = hspmd.reshard %{{.*}} to #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: %[[A:.*]] = hspmd.annotate %[[R1]] as #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: %[[R2:.*]] = hspmd.reshard %[[A]] to #hspmd.sharding<[2, 3] : [d1 = 2]>
// CHECK-NEXT: return %[[R2]]
func.func @fixed(%x: tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> (tensor<8x8xf32> {hspmd.sharding = #hspmd.sharding<[2, 3] : [d1 = 2]>}) {
  %y = math.exp %x : tensor<8x8xf32>
  %z = hspmd.annotate %y as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8x8xf32>
  return %z : tensor<8x8xf32>
}

// Backward: only the result is annotated; the producer and its operands
// follow it.
// CHECK-LABEL: func.func @backward
// CHECK-NEXT: %[[A0:.*]] = hspmd.annotate %arg0 as #hspmd.sharding<[4, 5, 6] : [d1 = 3]> : tensor<4x6xf32>
// CHECK-NEXT: %[[A1:.*]] = hspmd.annotate %arg1 as #hspmd.sharding<[4, 5, 6] : [d1 = 3]> : tensor<4x6xf32>
// CHECK-NEXT: arith.mulf %[[A0]], %[[A1]]
// CHECK-NOT: hspmd.reshard
func.func @backward(%a: tensor<4x6xf32>, %b: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %m = arith.mulf %a, %b : tensor<4x6xf32>
  %r = hspmd.annotate %m as #hspmd.sharding<[4, 5, 6] : [d1 = 3]> : tensor<4x6xf32>
  return %r : tensor<4x6xf32>
}

// Reshapes: a split of the outermost dimension of a group carries through; a
// split of an inner one is gathered first.
// CHECK-LABEL: func.func @collapse
// CHECK: %[[C:.*]] = tensor.collapse_shape %arg0
// CHECK-NEXT: hspmd.annotate %[[C]] as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<32x2xf32>
func.func @collapse(%x: tensor<8x4x2xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<32x2xf32> {
  %c = tensor.collapse_shape %x [[0, 1], [2]] : tensor<8x4x2xf32> into tensor<32x2xf32>
  return %c : tensor<32x2xf32>
}
// REMARK: propagate.mlir:[[@LINE+5]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [d1 = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op runs with a placement its sharding rule allows
// CHECK-LABEL: func.func @collapse_inner
// CHECK: %[[R:.*]] = hspmd.reshard %arg0 to #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: tensor.collapse_shape %[[R]]
func.func @collapse_inner(%x: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>}) -> tensor<32xf32> {
  %c = tensor.collapse_shape %x [[0, 1]] : tensor<8x4xf32> into tensor<32xf32>
  return %c : tensor<32xf32>
}
// 32 elements in 4 blocks of 8 are 4 blocks of 2 rows of 4.
// CHECK-LABEL: func.func @expand
// CHECK: %[[E:.*]] = tensor.expand_shape %arg0
// CHECK-NEXT: hspmd.annotate %[[E]] as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x4xf32>
func.func @expand(%x: tensor<32xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}) -> tensor<8x4xf32> {
  %r = tensor.expand_shape %x [[0, 1]] output_shape [8, 4] : tensor<32xf32> into tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}

// Slices: a dimension taken whole keeps its split; a sliced one is gathered.
// CHECK-LABEL: func.func @slice_whole_rows
// CHECK: %[[S:.*]] = tensor.extract_slice %arg0[0, 4] [8, 4] [1, 1]
// CHECK-NEXT: hspmd.annotate %[[S]] as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x4xf32>
func.func @slice_whole_rows(%x: tensor<8x16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<8x4xf32> {
  %s = tensor.extract_slice %x[0, 4] [8, 4] [1, 1] : tensor<8x16xf32> to tensor<8x4xf32>
  return %s : tensor<8x4xf32>
}
// CHECK-LABEL: func.func @slice_sliced_columns
// CHECK: %[[R:.*]] = hspmd.reshard %arg0 to #hspmd.sharding<[0, 1] : [dup = 2]>
// CHECK-NEXT: tensor.extract_slice %[[R]][0, 4] [8, 4] [1, 1]
func.func @slice_sliced_columns(%x: tensor<8x16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>}) -> tensor<8x4xf32> {
  %s = tensor.extract_slice %x[0, 4] [8, 4] [1, 1] : tensor<8x16xf32> to tensor<8x4xf32>
  return %s : tensor<8x4xf32>
}
// The destination of insert_slice takes the result's placement.
// CHECK-LABEL: func.func @insert
// CHECK-NEXT: %[[D:.*]] = hspmd.annotate %arg1 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x16xf32>
// CHECK-NEXT: %[[I:.*]] = tensor.insert_slice %arg0 into %[[D]]
// CHECK-NEXT: hspmd.annotate %[[I]] as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x16xf32>
func.func @insert(%x: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}, %d: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %s = tensor.insert_slice %x into %d[0, 4] [8, 4] [1, 1] : tensor<8x4xf32> into tensor<8x16xf32>
  return %s : tensor<8x16xf32>
}

// Across functions: the callee is deduced first and its signature records
// the placements; the caller moves its operand to match.
// CHECK-LABEL: func.func private @callee
// CHECK-SAME: (%arg0: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> (tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>})
// CHECK-LABEL: func.func @caller
// CHECK: %[[R:.*]] = hspmd.reshard %arg0 to #hspmd.sharding<[0, 1] : [d0 = 2]>
// CHECK-NEXT: %[[C:.*]] = call @callee(%[[R]])
// CHECK-NEXT: %[[CA:.*]] = hspmd.annotate %[[C]] as #hspmd.sharding<[0, 1] : [d0 = 2]>
// CHECK-NEXT: arith.addf %[[CA]], %[[CA]]
func.func private @callee(%a: tensor<8xf32>) -> tensor<8xf32> {
  %b = math.exp %a : tensor<8xf32>
  %c = hspmd.annotate %b as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  return %c : tensor<8xf32>
}
func.func @caller(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}) -> tensor<8xf32> {
  %r = func.call @callee(%x) : (tensor<8xf32>) -> tensor<8xf32>
  %s = arith.addf %r, %r : tensor<8xf32>
  return %s : tensor<8xf32>
}

// A max over the split dimension (softmax over a split vocabulary) is split
// in two: each device reduces its block from -inf, and only the 4x4 partial
// maxima move (an all-gather), not the 4x16 input; a product over a split
// dimension of a weighted top-tier split cannot be cut evenly, so its input
// is gathered.
// REMARK: propagate.mlir:[[@LINE+15]]:8: remark: the reduction's combiner is not a sum, so it is split in two: each of the 4 devices reduces its block, and only the 4 partial results move
// CHECK-LABEL: func.func @max_split
// CHECK: %[[X:.*]] = tensor.expand_shape %arg0 {{\[\[}}0], [1, 2]] output_shape [4, 4, 4] : tensor<4x16xf32> into tensor<4x4x4xf32>
// CHECK-NEXT: hspmd.annotate %[[X]] as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x4x4xf32>
// CHECK: %[[P:.*]] = linalg.generic
// CHECK: hspmd.annotate %[[P]] as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x4xf32>
// CHECK: hspmd.reshard %{{.*}} to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<4x4xf32>
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["reduction", "parallel"]
// CHECK: hspmd.reshard %arg1 to #hspmd.sharding<hetero = dup, groups = {{\[\[}}0, 1] : [dup = 2], [2] : []]> : tensor<4x16xf32>
func.func @max_split(%x: tensor<4x16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]>},
                     %y: tensor<4x16xf32> {hspmd.sharding = #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]>}) -> (tensor<4xf32>, tensor<4xf32>) {
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<4xf32>
  %init = linalg.fill ins(%ninf : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %m = linalg.reduce ins(%x : tensor<4x16xf32>) outs(%init : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %one = arith.constant 1.0 : f32
  %init2 = linalg.fill ins(%one : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %p = linalg.reduce ins(%y : tensor<4x16xf32>) outs(%init2 : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %r = arith.mulf %in, %acc : f32
      linalg.yield %r : f32
    }
  return %m, %p : tensor<4xf32>, tensor<4xf32>
}
