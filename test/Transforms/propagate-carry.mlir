// RUN: hspmd-opt --hspmd-propagate=carry-float-products=true %s -o /dev/null 2>&1 | FileCheck %s
// RUN: hspmd-opt --hspmd-propagate=carry-float-products=true %s 2>/dev/null | FileCheck %s --check-prefix=IR
// RUN: hspmd-opt --hspmd-propagate %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FINITE

// By default floating-point summands are reduced before a product: a
// summand's product can overflow or meet an infinity (0 * inf is NaN) where
// the product of the sum does not. Integer products are carried.

// Products carry the summands of one partial input when reducing the result
// later moves fewer bytes than reducing the input now (docs/Design.md,
// "Products carry summands"). Sizes are f32; each reduction on [0, 1] moves
// the value once into each of the two devices.

// [8, 16] x [16, 4]: reducing the 512-byte input would move 1024 bytes, the
// 128-byte result 256. The init (zeros) is placed partial so it is added
// once; the exp, not linear, reduces the result.
// CHECK: propagate-carry.mlir:[[#@LINE+8]]:8: remark: the summands of operand #0 go through the op, which is linear in it, and its result is partial: reducing the result moves 256 bytes, reducing the operand first would move 1024 bytes
// CHECK: propagate-carry.mlir:[[#@LINE+7]]:8: remark: operand #2 moves from #hspmd.sharding<[0, 1] : [dup = 2]> to #hspmd.sharding<[0, 1] : [partial = 2]>: an init takes the placement of the result
// CHECK: propagate-carry.mlir:[[#@LINE+7]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op is not linear in it, so the partial value is reduced first
func.func @carry_smaller(%a: tensor<8x16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>},
                         %w: tensor<16x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}) -> tensor<8x4xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x4xf32>
  %o = linalg.fill ins(%z : f32) outs(%e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %p = linalg.matmul ins(%a, %w : tensor<8x16xf32>, tensor<16x4xf32>) outs(%o : tensor<8x4xf32>) -> tensor<8x4xf32>
  %r = math.exp %p : tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}
// FINITE: propagate-carry.mlir:[[#@LINE-4]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op multiplies it, and a floating-point product of a summand can overflow or meet an infinity (0 * inf is NaN) where the product of the sum does not, so it is reduced first (carry-float-products=true carries it)

// [8, 4] x [4, 16]: the result (512 bytes) is larger than the input (128):
// the input is reduced first, and the remark says what carrying would cost.
// CHECK: propagate-carry.mlir:[[#@LINE+6]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: reducing it first moves 256 bytes; carrying its summands through the op (linear in it) and reducing the result would move 1024 bytes
func.func @reduce_larger(%a: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>},
                         %w: tensor<4x16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}) -> tensor<8x16xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x16xf32>
  %o = linalg.fill ins(%z : f32) outs(%e : tensor<8x16xf32>) -> tensor<8x16xf32>
  %p = linalg.matmul ins(%a, %w : tensor<8x4xf32>, tensor<4x16xf32>) outs(%o : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %p : tensor<8x16xf32>
}

// An elementwise product of equal sizes is a tie: reduced first.
// CHECK: propagate-carry.mlir:[[#@LINE+3]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: reducing it first moves 64 bytes; carrying its summands through the op (linear in it) and reducing the result would move 64 bytes
func.func @tie(%a: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>},
               %b: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}) -> tensor<8xf32> {
  %p = arith.mulf %a, %b : tensor<8xf32>
  return %p : tensor<8xf32>
}

// Two partial inputs: a product of summands is not the product of the sums.
// CHECK: propagate-carry.mlir:[[#@LINE+4]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op multiplies partial values, and a product of summands is not the product of their sums, so each is reduced first
// CHECK: propagate-carry.mlir:[[#@LINE+3]]:8: remark: operand #1 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op multiplies partial values
func.func @two_partials(%a: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>},
                        %b: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>}) -> tensor<8xf32> {
  %p = arith.mulf %a, %b : tensor<8xf32>
  return %p : tensor<8xf32>
}

// A chain: [8, 64] -> [8, 32] -> [8, 4]. Both matmuls carry (2048 < 4096,
// then 256 < 2048), and the only reduction is of the smallest tensor, at
// the return.
// IR-LABEL: func.func @chain
// IR-NOT: hspmd.reshard %arg0
// IR: %[[H:.*]] = linalg.matmul {hspmd.carried_summands} ins(%arg0, %arg1
// IR-NEXT: %[[HA:.*]] = hspmd.annotate %[[H]] as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8x32xf32>
// IR-NOT: hspmd.reshard %[[HA]]
// IR: %[[Y:.*]] = linalg.matmul {hspmd.carried_summands} ins(%[[HA]], %arg2
// IR-NEXT: %[[YA:.*]] = hspmd.annotate %[[Y]] as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8x4xf32>
// IR-NEXT: %[[R:.*]] = hspmd.reshard %[[YA]] to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8x4xf32>
// IR-NEXT: return %[[R]]
func.func @chain(%a: tensor<8x64xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>},
                 %w1: tensor<64x32xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>},
                 %w2: tensor<32x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>})
    -> (tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}) {
  %z = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<8x32xf32>
  %o1 = linalg.fill ins(%z : f32) outs(%e1 : tensor<8x32xf32>) -> tensor<8x32xf32>
  %h = linalg.matmul ins(%a, %w1 : tensor<8x64xf32>, tensor<64x32xf32>) outs(%o1 : tensor<8x32xf32>) -> tensor<8x32xf32>
  %e2 = tensor.empty() : tensor<8x4xf32>
  %o2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<8x4xf32>) -> tensor<8x4xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<8x32xf32>, tensor<32x4xf32>) outs(%o2 : tensor<8x4xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// A product with the init it writes is not carried: the init would be a
// summand too.
// CHECK: propagate-carry.mlir:[[#@LINE+3]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op is not linear in it, so the partial value is reduced first
func.func @times_init(%a: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>},
                      %b: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}) -> tensor<8xf32> {
  %p = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%a : tensor<8xf32>) outs(%b : tensor<8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.mulf %out, %in : f32
    linalg.yield %m : f32
  } -> tensor<8xf32>
  return %p : tensor<8xf32>
}

// The other input is split along the axis holding the summands: no device
// has a summand and the whole weight, so the input is reduced first.
// CHECK: propagate-carry.mlir:[[#@LINE+6]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op is linear in it, but its other inputs are not held whole on each summand's devices (or the result cannot be partial), so it is reduced first
func.func @conflict(%a: tensor<8x16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>},
                    %w: tensor<16x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>}) -> tensor<8x4xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x4xf32>
  %o = linalg.fill ins(%z : f32) outs(%e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %p = linalg.matmul ins(%a, %w : tensor<8x16xf32>, tensor<16x4xf32>) outs(%o : tensor<8x4xf32>) -> tensor<8x4xf32>
  return %p : tensor<8x4xf32>
}

// Additive ops carry summands unless the result is larger: a broadcast of a
// partial [8] to [8, 16] reduces the 32-byte input (64 bytes moved) rather
// than the 512-byte result (1024), and its tensor.empty init is made dup
// where the op runs, with no reshard.
// CHECK: propagate-carry.mlir:[[#@LINE+7]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: reducing it first moves 64 bytes; carrying its summands through the op (additive in it) and reducing the result would move 1024 bytes
// CHECK-NOT: propagate-carry.mlir:[[#@LINE+6]]:8: remark: operand #1
// IR-LABEL: func.func @broadcast
// IR: %[[E:.*]] = tensor.empty() : tensor<8x16xf32>
// IR-NEXT: hspmd.annotate %[[E]] as #hspmd.sharding<[0, 1] : [dup = 2]>
func.func @broadcast(%a: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>}) -> tensor<8x16xf32> {
  %e = tensor.empty() : tensor<8x16xf32>
  %b = linalg.broadcast ins(%a : tensor<8xf32>) outs(%e : tensor<8x16xf32>) dimensions = [1]
  %r = math.exp %b : tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

// The sum of two partial values is carried: reducing both first would move
// 2048 bytes, the sum 1024.
// CHECK-NOT: propagate-carry.mlir:[[#@LINE+3]]:8: remark
// CHECK: propagate-carry.mlir:[[#@LINE+3]]:8: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: the op is not linear in it
func.func @sum(%a: tensor<8x16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>}, %c: tensor<8x16xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>}) -> tensor<8x16xf32> {
  %b = arith.addf %a, %c : tensor<8x16xf32>
  %r = math.exp %b : tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

// The same product on i32 elements: wrap-around products are linear, so the
// summands go through by default.
func.func @carry_integers(%a: tensor<8x16xi32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [partial = 2]>},
                          %w: tensor<16x4xi32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}) -> tensor<8x4xi32> {
  %z = arith.constant 0 : i32
  %e = tensor.empty() : tensor<8x4xi32>
  %o = linalg.fill ins(%z : i32) outs(%e : tensor<8x4xi32>) -> tensor<8x4xi32>
  %p = linalg.matmul ins(%a, %w : tensor<8x16xi32>, tensor<16x4xi32>) outs(%o : tensor<8x4xi32>) -> tensor<8x4xi32>
  return %p : tensor<8x4xi32>
}
// FINITE: propagate-carry.mlir:[[#@LINE-3]]:8: remark: the summands of operand #0 go through the op, which is linear in it, and its result is partial: reducing the result moves 256 bytes, reducing the operand first would move 1024 bytes
