// The conformance cases (Testing.md "Conformance cases") with data, and a few
// more: each case places a tensor generated from indices (element (i, j) is
// 8 * i + j, exact in f32) by its source sharding (a partial source holds the
// value on its keepers and zeros elsewhere), moves it to the destination, and
// prints it. The run on 8 ranks must print exactly what the single-device run
// prints.
// REQUIRES: mpi
// RUN: hspmd-run --reference %s > %t.ref
// RUN: hspmd-run -n 8 %s > %t.out
// RUN: diff %t.ref %t.out
// RUN: FileCheck %s < %t.out
// Every case prints the generated tensor: rows start at 8 * i.
// CHECK-COUNT-15: Unranked Memref base@ = <addr> rank = 2
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c8 = arith.constant 8 : index
  // C1
  %e0 = tensor.empty() : tensor<24x8xf32>
  %g0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e0 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s0 = hspmd.annotate %g0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]> : tensor<24x8xf32>
  %r0 = hspmd.reshard %s0 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
  %b0 = bufferization.to_buffer %r0 : tensor<24x8xf32> to memref<24x8xf32>
  %u0 = memref.cast %b0 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  // C2
  %e1 = tensor.empty() : tensor<24x8xf32>
  %g1 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s1 = hspmd.annotate %g1 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]> : tensor<24x8xf32>
  %r1 = hspmd.reshard %s1 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x8xf32>
  %b1 = bufferization.to_buffer %r1 : tensor<24x8xf32> to memref<24x8xf32>
  %u1 = memref.cast %b1 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  // C3
  %e2 = tensor.empty() : tensor<24x8xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e2 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s2 = hspmd.annotate %g2 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x8xf32>
  %r2 = hspmd.reshard %s2 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
  %b2 = bufferization.to_buffer %r2 : tensor<24x8xf32> to memref<24x8xf32>
  %u2 = memref.cast %b2 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  // C4
  %e3 = tensor.empty() : tensor<24x8xf32>
  %g3 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e3 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s3 = hspmd.annotate %g3 as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<24x8xf32>
  %r3 = hspmd.reshard %s3 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x8xf32>
  %b3 = bufferization.to_buffer %r3 : tensor<24x8xf32> to memref<24x8xf32>
  %u3 = memref.cast %b3 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  // C5
  %e4 = tensor.empty() : tensor<24x8xf32>
  %g4 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e4 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s4 = hspmd.annotate %g4 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
  %r4 = hspmd.reshard %s4 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<24x8xf32>
  %b4 = bufferization.to_buffer %r4 : tensor<24x8xf32> to memref<24x8xf32>
  %u4 = memref.cast %b4 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  // C6
  %e5 = tensor.empty() : tensor<24x8xf32>
  %g5 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e5 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s5 = hspmd.annotate %g5 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
  %r5 = hspmd.reshard %s5 to #hspmd.sharding<[4, 5, 6, 7] : [d0 = 2, dup = 2]> : tensor<24x8xf32>
  %b5 = bufferization.to_buffer %r5 : tensor<24x8xf32> to memref<24x8xf32>
  %u5 = memref.cast %b5 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u5) : (memref<*xf32>) -> ()
  // C7
  %e6 = tensor.empty() : tensor<24x8xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e6 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s6 = hspmd.annotate %g6 as #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [partial = 4], [4, 5] : [partial = 2], [6] : []]> : tensor<24x8xf32>
  %r6 = hspmd.reshard %s6 to #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]> : tensor<24x8xf32>
  %b6 = bufferization.to_buffer %r6 : tensor<24x8xf32> to memref<24x8xf32>
  %u6 = memref.cast %b6 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u6) : (memref<*xf32>) -> ()
  // C8
  %e7 = tensor.empty() : tensor<24x8xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e7 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s7 = hspmd.annotate %g7 as #hspmd.sharding<hetero = partial, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]> : tensor<24x8xf32>
  %r7 = hspmd.reshard %s7 to #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]> : tensor<24x8xf32>
  %b7 = bufferization.to_buffer %r7 : tensor<24x8xf32> to memref<24x8xf32>
  %u7 = memref.cast %b7 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u7) : (memref<*xf32>) -> ()
  // C9
  %e8 = tensor.empty() : tensor<16x8xf32>
  %g8 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e8 : tensor<16x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %s8 = hspmd.annotate %g8 as #hspmd.sharding<hetero = partial, groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<16x8xf32>
  %r8 = hspmd.reshard %s8 to #hspmd.sharding<hetero = d0, groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<16x8xf32>
  %b8 = bufferization.to_buffer %r8 : tensor<16x8xf32> to memref<16x8xf32>
  %u8 = memref.cast %b8 : memref<16x8xf32> to memref<*xf32>
  call @printMemrefF32(%u8) : (memref<*xf32>) -> ()
  // C10
  %e9 = tensor.empty() : tensor<24x8xf32>
  %g9 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e9 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s9 = hspmd.annotate %g9 as #hspmd.sharding<hetero = partial, groups = [[0, 1, 2, 3] : [partial = 4], [4, 5] : [partial = 2], [6] : []]> : tensor<24x8xf32>
  %r9 = hspmd.reshard %s9 to #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]> : tensor<24x8xf32>
  %b9 = bufferization.to_buffer %r9 : tensor<24x8xf32> to memref<24x8xf32>
  %u9 = memref.cast %b9 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u9) : (memref<*xf32>) -> ()
  // C11
  %e10 = tensor.empty() : tensor<24x8xf32>
  %g10 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e10 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s10 = hspmd.annotate %g10 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x8xf32>
  %r10 = hspmd.reshard %s10 to #hspmd.sharding<[4, 5] : [d0 = 2]> : tensor<24x8xf32>
  %b10 = bufferization.to_buffer %r10 : tensor<24x8xf32> to memref<24x8xf32>
  %u10 = memref.cast %b10 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u10) : (memref<*xf32>) -> ()
  // C12
  %e11 = tensor.empty() : tensor<24x8xf32>
  %g11 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e11 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s11 = hspmd.annotate %g11 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<24x8xf32>
  %r11 = hspmd.reshard %s11 to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<24x8xf32>
  %b11 = bufferization.to_buffer %r11 : tensor<24x8xf32> to memref<24x8xf32>
  %u11 = memref.cast %b11 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u11) : (memref<*xf32>) -> ()
  // C13
  %e12 = tensor.empty() : tensor<12x8xf32>
  %g12 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e12 : tensor<12x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<12x8xf32>
  %s12 = hspmd.annotate %g12 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<12x8xf32>
  %r12 = hspmd.reshard %s12 to #hspmd.sharding<[0, 1, 2] : [d0 = 3]> : tensor<12x8xf32>
  %b12 = bufferization.to_buffer %r12 : tensor<12x8xf32> to memref<12x8xf32>
  %u12 = memref.cast %b12 : memref<12x8xf32> to memref<*xf32>
  call @printMemrefF32(%u12) : (memref<*xf32>) -> ()
  // C14
  %e13 = tensor.empty() : tensor<16x8xf32>
  %g13 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e13 : tensor<16x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %s13 = hspmd.annotate %g13 as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]> : tensor<16x8xf32>
  %r13 = hspmd.reshard %s13 to #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<16x8xf32>
  %b13 = bufferization.to_buffer %r13 : tensor<16x8xf32> to memref<16x8xf32>
  %u13 = memref.cast %b13 : memref<16x8xf32> to memref<*xf32>
  call @printMemrefF32(%u13) : (memref<*xf32>) -> ()
  // C15
  %e14 = tensor.empty() : tensor<24x8xf32>
  %g14 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e14 : tensor<24x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x8xf32>
  %s14 = hspmd.annotate %g14 as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<24x8xf32>
  %r14 = hspmd.reshard %s14 to #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, partial = 2]> : tensor<24x8xf32>
  %b14 = bufferization.to_buffer %r14 : tensor<24x8xf32> to memref<24x8xf32>
  %u14 = memref.cast %b14 : memref<24x8xf32> to memref<*xf32>
  call @printMemrefF32(%u14) : (memref<*xf32>) -> ()
  // A2A
  %e15 = tensor.empty() : tensor<8x8xf32>
  %g15 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e15 : tensor<8x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x8xf32>
  %s15 = hspmd.annotate %g15 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x8xf32>
  %r15 = hspmd.reshard %s15 to #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<8x8xf32>
  %b15 = bufferization.to_buffer %r15 : tensor<8x8xf32> to memref<8x8xf32>
  %u15 = memref.cast %b15 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%u15) : (memref<*xf32>) -> ()
  // 2D
  %e16 = tensor.empty() : tensor<12x8xf32>
  %g16 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e16 : tensor<12x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c8 : index
    %k = arith.addi %ic, %j : index
    %ki = arith.index_cast %k : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<12x8xf32>
  %s16 = hspmd.annotate %g16 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<12x8xf32>
  %r16 = hspmd.reshard %s16 to #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d1 = 2, d0 = 3]> : tensor<12x8xf32>
  %b16 = bufferization.to_buffer %r16 : tensor<12x8xf32> to memref<12x8xf32>
  %u16 = memref.cast %b16 : memref<12x8xf32> to memref<*xf32>
  call @printMemrefF32(%u16) : (memref<*xf32>) -> ()
  return
}
