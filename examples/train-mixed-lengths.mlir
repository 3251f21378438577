// Training on batches of very different sequence lengths (8 or 64 tokens),
// each step choosing its strategy from its batch's length bucket at run time:
// short batches run "tp" (tokens whole, W1 split by columns and W2 by rows:
// the bytes moved grow with the tokens), long ones "dp" (tokens split,
// weights replicated: the bytes grow with the weights). One executable holds
// both; the loop carries the weights once per strategy and moves them only
// when the strategy changes (steps 2 and 5 here). Integer data: the final
// weights equal those of one strategy throughout, and one device's, bit
// for bit (`%policy` 1 or 2 runs tp or dp alone).
//
//   hspmd-run -n 4 examples/train-mixed-lengths.mlir
//   hspmd-run --reference examples/train-mixed-lengths.mlir
//
// Written by bench/switch/gen.py (defaults), which also writes the larger
// programs bench/switch/run.sh times.
#tokens = #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>
#tokens_dp = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>
#cols = #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]>
#rows = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>
#whole = #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>
#id2 = affine_map<(i, j) -> (i, j)>

module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 7 : index
    %zero = arith.constant 0 : i32
    %cys = arith.constant 14 : i32
    %cgs = arith.constant 20 : i32
    %c64i = arith.constant 64 : i32
    %steps = arith.constant 6 : index
    // Each step's sequence-length bucket: 0 = 8 tokens, 1 = 64.
    %buckets = arith.constant dense<[0, 0, 1, 1, 1, 0]> : tensor<6xindex>
    // The policy: 0 = each step's strategy from its bucket, 1 = always tp, 2 = always dp.
    %policy = arith.constant 0 : index
    %e_w1i_0 = tensor.empty() : tensor<16x32xi32>
    %w1i_0 = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%e_w1i_0 : tensor<16x32xi32>) {
    ^bb0(%out: i32):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %ia = arith.muli %i, %c1 : index
      %jb = arith.muli %j, %c2 : index
      %s = arith.addi %ia, %jb : index
      %m = arith.remui %s, %c5 : index
      %d = arith.subi %m, %c2 : index
      %v = arith.index_cast %d : index to i32
      %r = arith.muli %v, %c64i : i32
      linalg.yield %r : i32
    } -> tensor<16x32xi32>
    %e_w2i_0 = tensor.empty() : tensor<32x16xi32>
    %w2i_0 = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%e_w2i_0 : tensor<32x16xi32>) {
    ^bb0(%out: i32):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %ia = arith.muli %i, %c2 : index
      %jb = arith.muli %j, %c1 : index
      %s = arith.addi %ia, %jb : index
      %m = arith.remui %s, %c5 : index
      %d = arith.subi %m, %c2 : index
      %v = arith.index_cast %d : index to i32
      %r = arith.muli %v, %c64i : i32
      linalg.yield %r : i32
    } -> tensor<32x16xi32>
    %w1f_0, %w2f_0 = scf.for %step = %c0 to %steps step %c1 iter_args(%w1a_0 = %w1i_0, %w2a_0 = %w2i_0) -> (tensor<16x32xi32>, tensor<32x16xi32>) {
      %bucket = tensor.extract %buckets[%step] : tensor<6xindex>
      %fixed = arith.subi %policy, %c1 : index
      %chosen = arith.cmpi eq, %policy, %c0 : index
      %strategy = arith.select %chosen, %bucket, %fixed : index
      %w1n_0, %w2n_0 = hspmd.with_strategy %strategy (%w1a_0, %w2a_0) : (tensor<16x32xi32>, tensor<32x16xi32>) -> (tensor<16x32xi32>, tensor<32x16xi32>) {
      ^bb0(%w1b_0: tensor<16x32xi32>, %w2b_0: tensor<32x16xi32>):
        %w1_0 = hspmd.annotate %w1b_0 as #cols : tensor<16x32xi32> {hspmd.strategy_shardings = {dp = #whole}}
        %w2_0 = hspmd.annotate %w2b_0 as #rows : tensor<32x16xi32> {hspmd.strategy_shardings = {dp = #whole}}
        %long = arith.cmpi eq, %bucket, %c1 : index
        %r0, %r1 = scf.if %long -> (tensor<16x32xi32>, tensor<32x16xi32>) {
          %ex64 = tensor.empty() : tensor<64x16xi32>
          %x64g = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%ex64 : tensor<64x16xi32>) {
          ^bb0(%out: i32):
            %i = linalg.index 0 : index
            %j = linalg.index 1 : index
            %i3 = arith.muli %i, %c3 : index
            %s = arith.addi %i3, %j : index
            %s2 = arith.addi %s, %step : index
            %m = arith.remui %s2, %c7 : index
            %d = arith.subi %m, %c3 : index
            %v = arith.index_cast %d : index to i32
            linalg.yield %v : i32
          } -> tensor<64x16xi32>
          %x64 = hspmd.annotate %x64g as #tokens : tensor<64x16xi32> {hspmd.strategy_shardings = {dp = #tokens_dp}}
          %ez64_0 = tensor.empty() : tensor<64x32xi32>
          %fz64_0 = linalg.fill ins(%zero : i32) outs(%ez64_0 : tensor<64x32xi32>) -> tensor<64x32xi32>
          %z64_0 = linalg.matmul ins(%x64, %w1_0 : tensor<64x16xi32>, tensor<16x32xi32>) outs(%fz64_0 : tensor<64x32xi32>) -> tensor<64x32xi32>
          %h64_0 = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%z64_0 : tensor<64x32xi32>) outs(%ez64_0 : tensor<64x32xi32>) {
          ^bb0(%in: i32, %out: i32):
            %r = arith.maxsi %in, %zero : i32
            linalg.yield %r : i32
          } -> tensor<64x32xi32>
          %ey64_0 = tensor.empty() : tensor<64x16xi32>
          %fy64_0 = linalg.fill ins(%zero : i32) outs(%ey64_0 : tensor<64x16xi32>) -> tensor<64x16xi32>
          %y64_0 = linalg.matmul ins(%h64_0, %w2_0 : tensor<64x32xi32>, tensor<32x16xi32>) outs(%fy64_0 : tensor<64x16xi32>) -> tensor<64x16xi32>
          %dy64_0 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%y64_0, %x64 : tensor<64x16xi32>, tensor<64x16xi32>) outs(%ey64_0 : tensor<64x16xi32>) {
          ^bb0(%p: i32, %q: i32, %out: i32):
            %sh = arith.shrsi %p, %cys : i32
            %r = arith.subi %sh, %q : i32
            linalg.yield %r : i32
          } -> tensor<64x16xi32>
          %eht64_0 = tensor.empty() : tensor<32x64xi32>
          %ht64_0 = linalg.transpose ins(%h64_0 : tensor<64x32xi32>) outs(%eht64_0 : tensor<32x64xi32>) permutation = [1, 0]
          %e264_0 = tensor.empty() : tensor<32x16xi32>
          %f264_0 = linalg.fill ins(%zero : i32) outs(%e264_0 : tensor<32x16xi32>) -> tensor<32x16xi32>
          %dw264_0 = linalg.matmul ins(%ht64_0, %dy64_0 : tensor<32x64xi32>, tensor<64x16xi32>) outs(%f264_0 : tensor<32x16xi32>) -> tensor<32x16xi32>
          %ew2t64_0 = tensor.empty() : tensor<16x32xi32>
          %w2t64_0 = linalg.transpose ins(%w2_0 : tensor<32x16xi32>) outs(%ew2t64_0 : tensor<16x32xi32>) permutation = [1, 0]
          %fdh64_0 = linalg.fill ins(%zero : i32) outs(%ez64_0 : tensor<64x32xi32>) -> tensor<64x32xi32>
          %dh64_0 = linalg.matmul ins(%dy64_0, %w2t64_0 : tensor<64x16xi32>, tensor<16x32xi32>) outs(%fdh64_0 : tensor<64x32xi32>) -> tensor<64x32xi32>
          %dz64_0 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%dh64_0, %z64_0 : tensor<64x32xi32>, tensor<64x32xi32>) outs(%ez64_0 : tensor<64x32xi32>) {
          ^bb0(%g: i32, %zz: i32, %out: i32):
            %pos = arith.cmpi sgt, %zz, %zero : i32
            %r = arith.select %pos, %g, %zero : i32
            linalg.yield %r : i32
          } -> tensor<64x32xi32>
          %ext64_0 = tensor.empty() : tensor<16x64xi32>
          %xt64_0 = linalg.transpose ins(%x64 : tensor<64x16xi32>) outs(%ext64_0 : tensor<16x64xi32>) permutation = [1, 0]
          %e164_0 = tensor.empty() : tensor<16x32xi32>
          %f164_0 = linalg.fill ins(%zero : i32) outs(%e164_0 : tensor<16x32xi32>) -> tensor<16x32xi32>
          %dw164_0 = linalg.matmul ins(%xt64_0, %dz64_0 : tensor<16x64xi32>, tensor<64x32xi32>) outs(%f164_0 : tensor<16x32xi32>) -> tensor<16x32xi32>
          %ndw164_0 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w1_0, %dw164_0 : tensor<16x32xi32>, tensor<16x32xi32>) outs(%e164_0 : tensor<16x32xi32>) {
          ^bb0(%ww: i32, %gg: i32, %out: i32):
            %sh = arith.shrsi %gg, %cgs : i32
            %r = arith.subi %ww, %sh : i32
            linalg.yield %r : i32
          } -> tensor<16x32xi32>
          %ndw264_0 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w2_0, %dw264_0 : tensor<32x16xi32>, tensor<32x16xi32>) outs(%e264_0 : tensor<32x16xi32>) {
          ^bb0(%ww: i32, %gg: i32, %out: i32):
            %sh = arith.shrsi %gg, %cgs : i32
            %r = arith.subi %ww, %sh : i32
            linalg.yield %r : i32
          } -> tensor<32x16xi32>
          scf.yield %ndw164_0, %ndw264_0 : tensor<16x32xi32>, tensor<32x16xi32>
        } else {
          %ex8 = tensor.empty() : tensor<8x16xi32>
          %x8g = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%ex8 : tensor<8x16xi32>) {
          ^bb0(%out: i32):
            %i = linalg.index 0 : index
            %j = linalg.index 1 : index
            %i3 = arith.muli %i, %c3 : index
            %s = arith.addi %i3, %j : index
            %s2 = arith.addi %s, %step : index
            %m = arith.remui %s2, %c7 : index
            %d = arith.subi %m, %c3 : index
            %v = arith.index_cast %d : index to i32
            linalg.yield %v : i32
          } -> tensor<8x16xi32>
          %x8 = hspmd.annotate %x8g as #tokens : tensor<8x16xi32> {hspmd.strategy_shardings = {dp = #tokens_dp}}
          %ez8_0 = tensor.empty() : tensor<8x32xi32>
          %fz8_0 = linalg.fill ins(%zero : i32) outs(%ez8_0 : tensor<8x32xi32>) -> tensor<8x32xi32>
          %z8_0 = linalg.matmul ins(%x8, %w1_0 : tensor<8x16xi32>, tensor<16x32xi32>) outs(%fz8_0 : tensor<8x32xi32>) -> tensor<8x32xi32>
          %h8_0 = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%z8_0 : tensor<8x32xi32>) outs(%ez8_0 : tensor<8x32xi32>) {
          ^bb0(%in: i32, %out: i32):
            %r = arith.maxsi %in, %zero : i32
            linalg.yield %r : i32
          } -> tensor<8x32xi32>
          %ey8_0 = tensor.empty() : tensor<8x16xi32>
          %fy8_0 = linalg.fill ins(%zero : i32) outs(%ey8_0 : tensor<8x16xi32>) -> tensor<8x16xi32>
          %y8_0 = linalg.matmul ins(%h8_0, %w2_0 : tensor<8x32xi32>, tensor<32x16xi32>) outs(%fy8_0 : tensor<8x16xi32>) -> tensor<8x16xi32>
          %dy8_0 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%y8_0, %x8 : tensor<8x16xi32>, tensor<8x16xi32>) outs(%ey8_0 : tensor<8x16xi32>) {
          ^bb0(%p: i32, %q: i32, %out: i32):
            %sh = arith.shrsi %p, %cys : i32
            %r = arith.subi %sh, %q : i32
            linalg.yield %r : i32
          } -> tensor<8x16xi32>
          %eht8_0 = tensor.empty() : tensor<32x8xi32>
          %ht8_0 = linalg.transpose ins(%h8_0 : tensor<8x32xi32>) outs(%eht8_0 : tensor<32x8xi32>) permutation = [1, 0]
          %e28_0 = tensor.empty() : tensor<32x16xi32>
          %f28_0 = linalg.fill ins(%zero : i32) outs(%e28_0 : tensor<32x16xi32>) -> tensor<32x16xi32>
          %dw28_0 = linalg.matmul ins(%ht8_0, %dy8_0 : tensor<32x8xi32>, tensor<8x16xi32>) outs(%f28_0 : tensor<32x16xi32>) -> tensor<32x16xi32>
          %ew2t8_0 = tensor.empty() : tensor<16x32xi32>
          %w2t8_0 = linalg.transpose ins(%w2_0 : tensor<32x16xi32>) outs(%ew2t8_0 : tensor<16x32xi32>) permutation = [1, 0]
          %fdh8_0 = linalg.fill ins(%zero : i32) outs(%ez8_0 : tensor<8x32xi32>) -> tensor<8x32xi32>
          %dh8_0 = linalg.matmul ins(%dy8_0, %w2t8_0 : tensor<8x16xi32>, tensor<16x32xi32>) outs(%fdh8_0 : tensor<8x32xi32>) -> tensor<8x32xi32>
          %dz8_0 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%dh8_0, %z8_0 : tensor<8x32xi32>, tensor<8x32xi32>) outs(%ez8_0 : tensor<8x32xi32>) {
          ^bb0(%g: i32, %zz: i32, %out: i32):
            %pos = arith.cmpi sgt, %zz, %zero : i32
            %r = arith.select %pos, %g, %zero : i32
            linalg.yield %r : i32
          } -> tensor<8x32xi32>
          %ext8_0 = tensor.empty() : tensor<16x8xi32>
          %xt8_0 = linalg.transpose ins(%x8 : tensor<8x16xi32>) outs(%ext8_0 : tensor<16x8xi32>) permutation = [1, 0]
          %e18_0 = tensor.empty() : tensor<16x32xi32>
          %f18_0 = linalg.fill ins(%zero : i32) outs(%e18_0 : tensor<16x32xi32>) -> tensor<16x32xi32>
          %dw18_0 = linalg.matmul ins(%xt8_0, %dz8_0 : tensor<16x8xi32>, tensor<8x32xi32>) outs(%f18_0 : tensor<16x32xi32>) -> tensor<16x32xi32>
          %ndw18_0 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w1_0, %dw18_0 : tensor<16x32xi32>, tensor<16x32xi32>) outs(%e18_0 : tensor<16x32xi32>) {
          ^bb0(%ww: i32, %gg: i32, %out: i32):
            %sh = arith.shrsi %gg, %cgs : i32
            %r = arith.subi %ww, %sh : i32
            linalg.yield %r : i32
          } -> tensor<16x32xi32>
          %ndw28_0 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w2_0, %dw28_0 : tensor<32x16xi32>, tensor<32x16xi32>) outs(%e28_0 : tensor<32x16xi32>) {
          ^bb0(%ww: i32, %gg: i32, %out: i32):
            %sh = arith.shrsi %gg, %cgs : i32
            %r = arith.subi %ww, %sh : i32
            linalg.yield %r : i32
          } -> tensor<32x16xi32>
          scf.yield %ndw18_0, %ndw28_0 : tensor<16x32xi32>, tensor<32x16xi32>
        }
        hspmd.yield %r0, %r1 : tensor<16x32xi32>, tensor<32x16xi32>
      }
      scf.yield %w1n_0, %w2n_0 : tensor<16x32xi32>, tensor<32x16xi32>
    }
    %b1_0 = bufferization.to_buffer %w1f_0 : tensor<16x32xi32> to memref<16x32xi32>
    %u1_0 = memref.cast %b1_0 : memref<16x32xi32> to memref<*xi32>
    call @printMemrefI32(%u1_0) : (memref<*xi32>) -> ()
    %b2_0 = bufferization.to_buffer %w2f_0 : tensor<32x16xi32> to memref<32x16xi32>
    %u2_0 = memref.cast %b2_0 : memref<32x16xi32> to memref<*xi32>
    call @printMemrefI32(%u2_0) : (memref<*xi32>) -> ()
    return
  }
}
