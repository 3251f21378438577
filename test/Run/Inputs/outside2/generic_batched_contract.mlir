// A generic batched contraction C[b,i,j] = 1 + sum_k A[i,b,k] * B[b,k,j]
// (8 ranks): the batch dim of A is its middle dim; A's contraction dim is cut
// between two groups (hetero = d2, devices in decreasing and interleaved
// order), B splits batch 2 ways and contraction 4 ways. The init is 1 (must be
// added once), and C*C needs the summands reduced first.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a0_e = tensor.empty() : tensor<4x2x8xf32>
  %a0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%a0_e : tensor<4x2x8xf32>) {
  ^bb0(%o3: f32):
    %acc3_0 = arith.constant 0 : index
    %ix3_0 = linalg.index 0 : index
    %cc3_0 = arith.constant 1 : index
    %m3_0 = arith.muli %ix3_0, %cc3_0 : index
    %acc3_1 = arith.addi %acc3_0, %m3_0 : index
    %ix3_1 = linalg.index 1 : index
    %cc3_1 = arith.constant 3 : index
    %m3_1 = arith.muli %ix3_1, %cc3_1 : index
    %acc3_2 = arith.addi %acc3_1, %m3_1 : index
    %ix3_2 = linalg.index 2 : index
    %cc3_2 = arith.constant 2 : index
    %m3_2 = arith.muli %ix3_2, %cc3_2 : index
    %acc3_3 = arith.addi %acc3_2, %m3_2 : index
    %md3 = arith.constant 5 : index
    %r3 = arith.remui %acc3_3, %md3 : index
    %i3 = arith.index_cast %r3 : index to i32
    %of3 = arith.constant 2 : i32
    %s3 = arith.subi %i3, %of3 : i32
    %v3 = arith.sitofp %s3 : i32 to f32
    linalg.yield %v3 : f32
  } -> tensor<4x2x8xf32>
  %b0_e = tensor.empty() : tensor<2x8x4xf32>
  %b0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%b0_e : tensor<2x8x4xf32>) {
  ^bb0(%o4: f32):
    %acc4_0 = arith.constant 0 : index
    %ix4_0 = linalg.index 0 : index
    %cc4_0 = arith.constant 2 : index
    %m4_0 = arith.muli %ix4_0, %cc4_0 : index
    %acc4_1 = arith.addi %acc4_0, %m4_0 : index
    %ix4_1 = linalg.index 1 : index
    %cc4_1 = arith.constant 1 : index
    %m4_1 = arith.muli %ix4_1, %cc4_1 : index
    %acc4_2 = arith.addi %acc4_1, %m4_1 : index
    %ix4_2 = linalg.index 2 : index
    %cc4_2 = arith.constant 3 : index
    %m4_2 = arith.muli %ix4_2, %cc4_2 : index
    %acc4_3 = arith.addi %acc4_2, %m4_2 : index
    %md4 = arith.constant 7 : index
    %r4 = arith.remui %acc4_3, %md4 : index
    %i4 = arith.index_cast %r4 : index to i32
    %of4 = arith.constant 3 : i32
    %s4 = arith.subi %i4, %of4 : i32
    %v4 = arith.sitofp %s4 : i32 to f32
    linalg.yield %v4 : f32
  } -> tensor<2x8x4xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<hetero = d2, groups = [[7, 5, 3, 1] : [d1 = 2, dup = 2], [0, 2, 4, 6] : [dup = 2, d1 = 2]]> : tensor<4x2x8xf32>
  %b = hspmd.annotate %b0 as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 2, d1 = 4]> : tensor<2x8x4xf32>
  %c0_z = arith.constant 1.0 : f32
  %c0_e = tensor.empty() : tensor<2x4x4xf32>
  %c0 = linalg.fill ins(%c0_z : f32) outs(%c0_e : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %c = linalg.generic {indexing_maps = [affine_map<(b, i, j, k) -> (i, b, k)>, affine_map<(b, i, j, k) -> (b, k, j)>, affine_map<(b, i, j, k) -> (b, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x2x8xf32>, tensor<2x8x4xf32>) outs(%c0 : tensor<2x4x4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<2x4x4xf32>
  %d = arith.mulf %c, %c : tensor<2x4x4xf32>
  %pb5 = bufferization.to_buffer %c : tensor<2x4x4xf32> to memref<2x4x4xf32>
  %pc5 = memref.cast %pb5 : memref<2x4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  %pb6 = bufferization.to_buffer %d : tensor<2x4x4xf32> to memref<2x4x4xf32>
  %pc6 = memref.cast %pb6 : memref<2x4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc6) : (memref<*xf32>) -> ()
  return
}
