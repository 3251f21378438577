// Partial values carried through products (docs/Design.md, "Products carry
// summands"): summands from a matmul over a split contraction dimension
// carried through two matmuls that shrink them and a bias add; summands of
// a heterogeneous contraction (weights 3:1) carried through a matmul and
// reduced into a split on other devices; a batch matmul whose summands are
// carried through a second one; a matvec of annotated summands accumulating
// into a bias; a broadcast of summands to a tensor 8 times larger, which
// reduces its input first. Values are small integers, exact in f32, so
// carrying f32 summands is exact here: it is asked for
// (`carry-float-products=true`, propagated first, then compiled; by default
// floating-point summands are reduced before a product). Both runs on 4
// ranks must print what the single-device run prints; propagation says each
// product carried its summands and the broadcast did not.
// REQUIRES: mpi
// RUN: hspmd-run --reference %s > %t.ref
// RUN: hspmd-run -n 4 %s > %t.out
// RUN: diff %t.ref %t.out
// RUN: hspmd-opt --hspmd-propagate=carry-float-products=true %s -o %t.carried.mlir 2>/dev/null
// RUN: hspmd-run -n 4 %t.carried.mlir > %t.carried.out
// RUN: diff %t.ref %t.carried.out
// RUN: FileCheck %s --check-prefix=RUNS < %t.carried.out
// RUN: hspmd-opt --hspmd-propagate=carry-float-products=true %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=CARRY
// The propagated program marks the products it carried, so that compiling
// it (which propagates again, by default) carries them again:
// RUN: hspmd-opt --hspmd-propagate %t.carried.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=RECARRY
// RECARRY-COUNT-5: remark: the summands of operand #0 go through the op
// RECARRY-NOT: so it is reduced first
// RUN: hspmd-opt --hspmd-propagate %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FINITE
// FINITE-NOT: go through the op
// FINITE: so it is reduced first (carry-float-products=true carries it)
// RUNS-COUNT-5: Unranked Memref base@ = <addr>
// CARRY-COUNT-5: remark: the summands of operand #0 go through the op
// CARRY-NOT: reduced first
// CARRY: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [partial = 2]> to #hspmd.sharding<[0, 1] : [dup = 2]>: reducing it first moves 256 bytes; carrying its summands through the op (additive in it) and reducing the result would move 2048 bytes
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %zero = arith.constant 0.0 : f32
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %c9 = arith.constant 9 : index
  // chain
  %a1_e = tensor.empty() : tensor<8x16xf32>
  %a1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a1_e : tensor<8x16xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c3 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c5 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x16xf32>
  %a1s = hspmd.annotate %a1 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<8x16xf32>
  %b1_e = tensor.empty() : tensor<16x8xf32>
  %b1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%b1_e : tensor<16x8xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c2 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c3 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %b1s = hspmd.annotate %b1 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<16x8xf32>
  %x1_o_e = tensor.empty() : tensor<8x8xf32>
  %x1_o = linalg.fill ins(%zero : f32) outs(%x1_o_e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %x1 = linalg.matmul ins(%a1s, %b1s : tensor<8x16xf32>, tensor<16x8xf32>) outs(%x1_o : tensor<8x8xf32>) -> tensor<8x8xf32>
  %w1_e = tensor.empty() : tensor<8x4xf32>
  %w1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w1_e : tensor<8x4xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c2 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c3 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x4xf32>
  %w1s = hspmd.annotate %w1 as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8x4xf32>
  %h1_o_e = tensor.empty() : tensor<8x4xf32>
  %h1_o = linalg.fill ins(%zero : f32) outs(%h1_o_e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %h1 = linalg.matmul ins(%x1, %w1s : tensor<8x8xf32>, tensor<8x4xf32>) outs(%h1_o : tensor<8x4xf32>) -> tensor<8x4xf32>
  %v1_e = tensor.empty() : tensor<4x2xf32>
  %v1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%v1_e : tensor<4x2xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c3 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<4x2xf32>
  %v1s = hspmd.annotate %v1 as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4x2xf32>
  %y1_o_e = tensor.empty() : tensor<8x2xf32>
  %y1_o = linalg.fill ins(%zero : f32) outs(%y1_o_e : tensor<8x2xf32>) -> tensor<8x2xf32>
  %y1 = linalg.matmul ins(%h1, %v1s : tensor<8x4xf32>, tensor<4x2xf32>) outs(%y1_o : tensor<8x2xf32>) -> tensor<8x2xf32>
  %bias1_e = tensor.empty() : tensor<8x2xf32>
  %bias1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%bias1_e : tensor<8x2xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c2 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x2xf32>
  %z1 = arith.addf %y1, %bias1 : tensor<8x2xf32>
  %z1_b = bufferization.to_buffer %z1 : tensor<8x2xf32> to memref<8x2xf32>
  %z1_u = memref.cast %z1_b : memref<8x2xf32> to memref<*xf32>
  call @printMemrefF32(%z1_u) : (memref<*xf32>) -> ()
  // hetero
  %a2_e = tensor.empty() : tensor<8x16xf32>
  %a2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a2_e : tensor<8x16xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c5 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c7 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x16xf32>
  %a2s = hspmd.annotate %a2 as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<8x16xf32>
  %b2_e = tensor.empty() : tensor<16x8xf32>
  %b2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%b2_e : tensor<16x8xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c3 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c4 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %b2s = hspmd.annotate %b2 as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]> : tensor<16x8xf32>
  %x2_o_e = tensor.empty() : tensor<8x8xf32>
  %x2_o = linalg.fill ins(%zero : f32) outs(%x2_o_e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %x2 = linalg.matmul ins(%a2s, %b2s : tensor<8x16xf32>, tensor<16x8xf32>) outs(%x2_o : tensor<8x8xf32>) -> tensor<8x8xf32>
  %w2_e = tensor.empty() : tensor<8x2xf32>
  %w2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w2_e : tensor<8x2xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c3 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x2xf32>
  %w2s = hspmd.annotate %w2 as #hspmd.sharding<hetero = dup, groups = [[0, 1] : [dup = 2], [2] : []]> : tensor<8x2xf32>
  %y2_o_e = tensor.empty() : tensor<8x2xf32>
  %y2_o = linalg.fill ins(%zero : f32) outs(%y2_o_e : tensor<8x2xf32>) -> tensor<8x2xf32>
  %y2 = linalg.matmul ins(%x2, %w2s : tensor<8x8xf32>, tensor<8x2xf32>) outs(%y2_o : tensor<8x2xf32>) -> tensor<8x2xf32>
  %y2r = hspmd.annotate %y2 as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<8x2xf32>
  %y2r_b = bufferization.to_buffer %y2r : tensor<8x2xf32> to memref<8x2xf32>
  %y2r_u = memref.cast %y2r_b : memref<8x2xf32> to memref<*xf32>
  call @printMemrefF32(%y2r_u) : (memref<*xf32>) -> ()
  // batch
  %a3_e = tensor.empty() : tensor<2x8x8xf32>
  %a3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%a3_e : tensor<2x8x8xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c3 : index
    %s1 = arith.addi %m0, %m1 : index
    %i2 = linalg.index 2 : index
    %m2 = arith.muli %i2, %c1 : index
    %s2 = arith.addi %s1, %m2 : index
    %k = arith.remui %s2, %c5 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<2x8x8xf32>
  %a3s = hspmd.annotate %a3 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d2 = 2]> : tensor<2x8x8xf32>
  %b3_e = tensor.empty() : tensor<2x8x8xf32>
  %b3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%b3_e : tensor<2x8x8xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c2 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %i2 = linalg.index 2 : index
    %m2 = arith.muli %i2, %c1 : index
    %s2 = arith.addi %s1, %m2 : index
    %k = arith.remui %s2, %c3 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<2x8x8xf32>
  %b3s = hspmd.annotate %b3 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<2x8x8xf32>
  %x3_o_e = tensor.empty() : tensor<2x8x8xf32>
  %x3_o = linalg.fill ins(%zero : f32) outs(%x3_o_e : tensor<2x8x8xf32>) -> tensor<2x8x8xf32>
  %x3 = linalg.batch_matmul ins(%a3s, %b3s : tensor<2x8x8xf32>, tensor<2x8x8xf32>) outs(%x3_o : tensor<2x8x8xf32>) -> tensor<2x8x8xf32>
  %w3_e = tensor.empty() : tensor<2x8x2xf32>
  %w3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%w3_e : tensor<2x8x2xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %i2 = linalg.index 2 : index
    %m2 = arith.muli %i2, %c1 : index
    %s2 = arith.addi %s1, %m2 : index
    %k = arith.remui %s2, %c3 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<2x8x2xf32>
  %w3s = hspmd.annotate %w3 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<2x8x2xf32>
  %y3_o_e = tensor.empty() : tensor<2x8x2xf32>
  %y3_o = linalg.fill ins(%zero : f32) outs(%y3_o_e : tensor<2x8x2xf32>) -> tensor<2x8x2xf32>
  %y3 = linalg.batch_matmul ins(%x3, %w3s : tensor<2x8x8xf32>, tensor<2x8x2xf32>) outs(%y3_o : tensor<2x8x2xf32>) -> tensor<2x8x2xf32>
  %y3_b = bufferization.to_buffer %y3 : tensor<2x8x2xf32> to memref<2x8x2xf32>
  %y3_u = memref.cast %y3_b : memref<2x8x2xf32> to memref<*xf32>
  call @printMemrefF32(%y3_u) : (memref<*xf32>) -> ()
  // matvec
  %a4_e = tensor.empty() : tensor<8x16xf32>
  %a4 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a4_e : tensor<8x16xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c4 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x16xf32>
  %a4s = hspmd.annotate %a4 as #hspmd.sharding<[1, 3] : [partial = 2]> : tensor<8x16xf32>
  %v4_e = tensor.empty() : tensor<16xf32>
  %v4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%v4_e : tensor<16xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %k = arith.remui %m0, %c3 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16xf32>
  %v4s = hspmd.annotate %v4 as #hspmd.sharding<[1, 3] : [dup = 2]> : tensor<16xf32>
  %i4_e = tensor.empty() : tensor<8xf32>
  %i4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%i4_e : tensor<8xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %k = arith.remui %m0, %c5 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8xf32>
  %y4 = linalg.matvec ins(%a4s, %v4s : tensor<8x16xf32>, tensor<16xf32>) outs(%i4 : tensor<8xf32>) -> tensor<8xf32>
  %y4_b = bufferization.to_buffer %y4 : tensor<8xf32> to memref<8xf32>
  %y4_u = memref.cast %y4_b : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%y4_u) : (memref<*xf32>) -> ()
  // broadcast
  %a5_e = tensor.empty() : tensor<8x16xf32>
  %a5 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a5_e : tensor<8x16xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c3 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c5 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x16xf32>
  %a5s = hspmd.annotate %a5 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<8x16xf32>
  %b5_e = tensor.empty() : tensor<16x4xf32>
  %b5 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%b5_e : tensor<16x4xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c2 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %k = arith.remui %s1, %c3 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x4xf32>
  %b5s = hspmd.annotate %b5 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<16x4xf32>
  %x5_o_e = tensor.empty() : tensor<8x4xf32>
  %x5_o = linalg.fill ins(%zero : f32) outs(%x5_o_e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %x5 = linalg.matmul ins(%a5s, %b5s : tensor<8x16xf32>, tensor<16x4xf32>) outs(%x5_o : tensor<8x4xf32>) -> tensor<8x4xf32>
  %x5b_e = tensor.empty() : tensor<8x4x8xf32>
  %x5b = linalg.broadcast ins(%x5 : tensor<8x4xf32>) outs(%x5b_e : tensor<8x4x8xf32>) dimensions = [2]
  %k5_e = tensor.empty() : tensor<8x4x8xf32>
  %k5 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%k5_e : tensor<8x4x8xf32>) {
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %m0 = arith.muli %i0, %c1 : index
    %i1 = linalg.index 1 : index
    %m1 = arith.muli %i1, %c1 : index
    %s1 = arith.addi %m0, %m1 : index
    %i2 = linalg.index 2 : index
    %m2 = arith.muli %i2, %c1 : index
    %s2 = arith.addi %s1, %m2 : index
    %k = arith.remui %s2, %c9 : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x4x8xf32>
  %y5 = arith.maximumf %x5b, %k5 : tensor<8x4x8xf32>
  %y5_b = bufferization.to_buffer %y5 : tensor<8x4x8xf32> to memref<8x4x8xf32>
  %y5_u = memref.cast %y5_b : memref<8x4x8xf32> to memref<*xf32>
  call @printMemrefF32(%y5_u) : (memref<*xf32>) -> ()
  return
}
