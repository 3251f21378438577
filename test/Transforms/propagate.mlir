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
