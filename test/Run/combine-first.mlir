// Reshards from partial sources to other devices, the plans that add
// summands where they are before sending (combine-first, docs/Semantics.md
// "Changing a placement"), with real summands (matmuls over a split
// contraction dimension), small integers exact in f32. The run on 7 ranks
// must print what the single-device run prints; the comm report shows which
// plan each reshard got.
// REQUIRES: mpi
// RUN: hspmd-run --reference %s > %t.ref
// RUN: hspmd-run -n 7 %s > %t.out
// RUN: diff %t.ref %t.out
// RUN: FileCheck %s --check-prefix=RUNS < %t.out
// RUN: hspmd-opt --hspmd-propagate --hspmd-comm-report %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLANS
// RUNS-COUNT-5: Unranked Memref base@ = <addr> rank = 2
// Each partial reshard gets the combine-first plan (the reshards of the
// results to device 0 for printing are plain point-to-point):
// - pair, 16x8 f32 (512 bytes), summands on 0 and 1 to rows split on 2 and
//   3: 2 transfers per element (1024), 256 into each of the 4 devices;
// - leaves, to dup on 1 and 2: 1 adds, then sends to 2: 1024 in total, 512
//   into each of 1 and 2 (each needs the whole value);
// - tp4to1, 4 summands to device 4: 4 per element (2048); 4 needs its 512,
//   each reducer adds a quarter, taking 3 x 128;
// - tp4to2, 16x12 (768 bytes), 4 summands to columns split on 4 and 5: 4
//   transfers per element (3072) over 6 devices, 512 each at best; reducers
//   are dealt region by region and end at 576 and 504 (1.12x);
// - hetero0, the heterogeneous weight gradient (16x32, 2048 bytes) to
//   device 0: device 0 receives only its 2048 bytes, for 9% more in total
//   than adding its own block itself (which would give it 1.25x).
// PLANS: plan: combine-first, 2 steps
// PLANS: combining bound 1024 bytes (ratio 1.00); busiest device received 256 bytes, busiest-device bound 256 bytes (ratio 1.00)
// PLANS: plan: combine-first, 2 steps
// PLANS: combining bound 1024 bytes (ratio 1.00); busiest device received 512 bytes, busiest-device bound 512 bytes (ratio 1.00)
// PLANS: plan: combine-first, 2 steps
// PLANS: combining bound 2048 bytes (ratio 1.00); busiest device received 512 bytes, busiest-device bound 512 bytes (ratio 1.00)
// PLANS: plan: combine-first, 2 steps
// PLANS: combining bound 3072 bytes (ratio 1.00); busiest device received 576 bytes, busiest-device bound 512 bytes (ratio 1.12)
// PLANS: plan: combine-first, 2 steps
// PLANS: combining bound 5632 bytes (ratio 1.09); busiest device received 2048 bytes, busiest-device bound 2048 bytes (ratio 1.00)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %c11 = arith.constant 11 : index
  // pair
  %e_x_pair = tensor.empty() : tensor<16x8xf32>
  %x_pair = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_x_pair : tensor<16x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c3 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c7 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %e_w_pair = tensor.empty() : tensor<8x8xf32>
  %w_pair = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_w_pair : tensor<8x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c5 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c11 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x8xf32>
  %xa_pair = hspmd.annotate %x_pair as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<16x8xf32>
  %wa_pair = hspmd.annotate %w_pair as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x8xf32>
  %z_pair = arith.constant 0.0 : f32
  %eo_pair = tensor.empty() : tensor<16x8xf32>
  %o_pair = linalg.fill ins(%z_pair : f32) outs(%eo_pair : tensor<16x8xf32>) -> tensor<16x8xf32>
  %p_pair = linalg.matmul ins(%xa_pair, %wa_pair : tensor<16x8xf32>, tensor<8x8xf32>) outs(%o_pair : tensor<16x8xf32>) -> tensor<16x8xf32>
  %r_pair = hspmd.reshard %p_pair to #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<16x8xf32>
  %b_pair = bufferization.to_buffer %r_pair : tensor<16x8xf32> to memref<16x8xf32>
  %u_pair = memref.cast %b_pair : memref<16x8xf32> to memref<*xf32>
  call @printMemrefF32(%u_pair) : (memref<*xf32>) -> ()
  // leaves
  %e_x_leaves = tensor.empty() : tensor<16x8xf32>
  %x_leaves = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_x_leaves : tensor<16x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c3 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c7 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %e_w_leaves = tensor.empty() : tensor<8x8xf32>
  %w_leaves = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_w_leaves : tensor<8x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c5 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c11 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x8xf32>
  %xa_leaves = hspmd.annotate %x_leaves as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<16x8xf32>
  %wa_leaves = hspmd.annotate %w_leaves as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x8xf32>
  %z_leaves = arith.constant 0.0 : f32
  %eo_leaves = tensor.empty() : tensor<16x8xf32>
  %o_leaves = linalg.fill ins(%z_leaves : f32) outs(%eo_leaves : tensor<16x8xf32>) -> tensor<16x8xf32>
  %p_leaves = linalg.matmul ins(%xa_leaves, %wa_leaves : tensor<16x8xf32>, tensor<8x8xf32>) outs(%o_leaves : tensor<16x8xf32>) -> tensor<16x8xf32>
  %r_leaves = hspmd.reshard %p_leaves to #hspmd.sharding<[1, 2] : [dup = 2]> : tensor<16x8xf32>
  %b_leaves = bufferization.to_buffer %r_leaves : tensor<16x8xf32> to memref<16x8xf32>
  %u_leaves = memref.cast %b_leaves : memref<16x8xf32> to memref<*xf32>
  call @printMemrefF32(%u_leaves) : (memref<*xf32>) -> ()
  // tp4to1
  %e_x_tp4to1 = tensor.empty() : tensor<16x8xf32>
  %x_tp4to1 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_x_tp4to1 : tensor<16x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c3 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c7 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %e_w_tp4to1 = tensor.empty() : tensor<8x8xf32>
  %w_tp4to1 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_w_tp4to1 : tensor<8x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c5 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c11 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x8xf32>
  %xa_tp4to1 = hspmd.annotate %x_tp4to1 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<16x8xf32>
  %wa_tp4to1 = hspmd.annotate %w_tp4to1 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x8xf32>
  %z_tp4to1 = arith.constant 0.0 : f32
  %eo_tp4to1 = tensor.empty() : tensor<16x8xf32>
  %o_tp4to1 = linalg.fill ins(%z_tp4to1 : f32) outs(%eo_tp4to1 : tensor<16x8xf32>) -> tensor<16x8xf32>
  %p_tp4to1 = linalg.matmul ins(%xa_tp4to1, %wa_tp4to1 : tensor<16x8xf32>, tensor<8x8xf32>) outs(%o_tp4to1 : tensor<16x8xf32>) -> tensor<16x8xf32>
  %r_tp4to1 = hspmd.reshard %p_tp4to1 to #hspmd.sharding<[4] : []> : tensor<16x8xf32>
  %b_tp4to1 = bufferization.to_buffer %r_tp4to1 : tensor<16x8xf32> to memref<16x8xf32>
  %u_tp4to1 = memref.cast %b_tp4to1 : memref<16x8xf32> to memref<*xf32>
  call @printMemrefF32(%u_tp4to1) : (memref<*xf32>) -> ()
  // tp4to2
  %e_x_tp4to2 = tensor.empty() : tensor<16x8xf32>
  %x_tp4to2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_x_tp4to2 : tensor<16x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c3 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c7 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %e_w_tp4to2 = tensor.empty() : tensor<8x12xf32>
  %w_tp4to2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_w_tp4to2 : tensor<8x12xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c5 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c11 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x12xf32>
  %xa_tp4to2 = hspmd.annotate %x_tp4to2 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<16x8xf32>
  %wa_tp4to2 = hspmd.annotate %w_tp4to2 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x12xf32>
  %z_tp4to2 = arith.constant 0.0 : f32
  %eo_tp4to2 = tensor.empty() : tensor<16x12xf32>
  %o_tp4to2 = linalg.fill ins(%z_tp4to2 : f32) outs(%eo_tp4to2 : tensor<16x12xf32>) -> tensor<16x12xf32>
  %p_tp4to2 = linalg.matmul ins(%xa_tp4to2, %wa_tp4to2 : tensor<16x8xf32>, tensor<8x12xf32>) outs(%o_tp4to2 : tensor<16x12xf32>) -> tensor<16x12xf32>
  %r_tp4to2 = hspmd.reshard %p_tp4to2 to #hspmd.sharding<[4, 5] : [d1 = 2]> : tensor<16x12xf32>
  %b_tp4to2 = bufferization.to_buffer %r_tp4to2 : tensor<16x12xf32> to memref<16x12xf32>
  %u_tp4to2 = memref.cast %b_tp4to2 : memref<16x12xf32> to memref<*xf32>
  call @printMemrefF32(%u_tp4to2) : (memref<*xf32>) -> ()
  // hetero0: the weight gradient X^T dY of a heterogeneous data-parallel MLP
  %e_x_hetero0 = tensor.empty() : tensor<24x16xf32>
  %x_hetero0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_x_hetero0 : tensor<24x16xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c3 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c7 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x16xf32>
  %e_dy_hetero0 = tensor.empty() : tensor<24x32xf32>
  %dy_hetero0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e_dy_hetero0 : tensor<24x32xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ic = arith.muli %i, %c3 : index
    %k = arith.addi %ic, %j : index
    %k2 = arith.remui %k, %c5 : index
    %ki = arith.index_cast %k2 : index to i64
    %v = arith.sitofp %ki : i64 to f32
    linalg.yield %v : f32
  } -> tensor<24x32xf32>
  %xa_hetero0 = hspmd.annotate %x_hetero0 as #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]> : tensor<24x16xf32>
  %dya_hetero0 = hspmd.annotate %dy_hetero0 as #hspmd.sharding<hetero = d0, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]> : tensor<24x32xf32>
  %et_hetero0 = tensor.empty() : tensor<16x24xf32>
  %xt_hetero0 = linalg.transpose ins(%xa_hetero0 : tensor<24x16xf32>) outs(%et_hetero0 : tensor<16x24xf32>) permutation = [1, 0]
  %z_hetero0 = arith.constant 0.0 : f32
  %eo_hetero0 = tensor.empty() : tensor<16x32xf32>
  %o_hetero0 = linalg.fill ins(%z_hetero0 : f32) outs(%eo_hetero0 : tensor<16x32xf32>) -> tensor<16x32xf32>
  %p_hetero0 = linalg.matmul ins(%xt_hetero0, %dya_hetero0 : tensor<16x24xf32>, tensor<24x32xf32>) outs(%o_hetero0 : tensor<16x32xf32>) -> tensor<16x32xf32>
  %r_hetero0 = hspmd.reshard %p_hetero0 to #hspmd.sharding<[0] : []> : tensor<16x32xf32>
  %b_hetero0 = bufferization.to_buffer %r_hetero0 : tensor<16x32xf32> to memref<16x32xf32>
  %u_hetero0 = memref.cast %b_hetero0 : memref<16x32xf32> to memref<*xf32>
  call @printMemrefF32(%u_hetero0) : (memref<*xf32>) -> ()
  return
}
