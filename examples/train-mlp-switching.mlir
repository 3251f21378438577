// The MLP of train-mlp.mlir trained with two strategies compiled into one
// executable, each step choosing its strategy at run time from its batch's
// sequence length (a bucket: long batches use "dp", short ones "tp"):
//
//   "tp" (the default): W1 split by columns and W2 by rows inside each group,
//                       the batch split between groups 4:2:1;
//   "dp":               the weights replicated in each group, the batch also
//                       split inside groups.
//
// The body is written once, inside hspmd.with_strategy, its annotations
// carrying the "dp" placement next to the default one. The loop carries
// one copy of each weight per strategy and the strategy that ran last: a
// step moves the weights only when its strategy differs from the last one
// (here tp -> dp, dp, dp -> tp, tp -> dp). Strategies place values and never
// change them: the final weights equal those of train-mlp.mlir (one
// strategy), bit for bit, and one device's.
//
//   hspmd-run -n 7 examples/train-mlp-switching.mlir
//   hspmd-run --reference examples/train-mlp-switching.mlir

#batch = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
#w1    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>
#w2    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]>
#id2 = affine_map<(i, j) -> (i, j)>

#w1dp    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
#batchdp = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]>

module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func private @printMemrefI32(memref<*xi32>)

  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 7 : index
    %steps = arith.constant 4 : index
    %zero = arith.constant 0 : i32
    %shift = arith.constant 8 : i32

    // X[i, j] = (i + j) mod 5
    %ex = tensor.empty() : tensor<56x32xi32>
    %x0 = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%ex : tensor<56x32xi32>) {
    ^bb0(%out: i32):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %s = arith.addi %i, %j : index
      %m = arith.remui %s, %c5 : index
      %v = arith.index_cast %m : index to i32
      linalg.yield %v : i32
    } -> tensor<56x32xi32>
    %x = hspmd.annotate %x0 as #batch : tensor<56x32xi32>

    // The target T[i, j] = (i j) mod 7 - 3
    %et = tensor.empty() : tensor<56x16xi32>
    %t0 = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%et : tensor<56x16xi32>) {
    ^bb0(%out: i32):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %p = arith.muli %i, %j : index
      %m = arith.remui %p, %c7 : index
      %d = arith.subi %m, %c3 : index
      %v = arith.index_cast %d : index to i32
      linalg.yield %v : i32
    } -> tensor<56x16xi32>
    %t = hspmd.annotate %t0 as #batch : tensor<56x16xi32>

    // W1[i, j] = 64 ((4 i + j) mod 3 - 1)
    %e1 = tensor.empty() : tensor<32x64xi32>
    %w1g = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<32x64xi32>) {
    ^bb0(%out: i32):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %t4 = arith.muli %i, %c3 : index
      %s = arith.addi %t4, %j : index
      %s2 = arith.addi %s, %i : index
      %m = arith.remui %s2, %c3 : index
      %d = arith.subi %m, %c1 : index
      %v = arith.index_cast %d : index to i32
      %c64 = arith.constant 64 : i32
      %w = arith.muli %v, %c64 : i32
      linalg.yield %w : i32
    } -> tensor<32x64xi32>
    %w1i = hspmd.annotate %w1g as #w1 : tensor<32x64xi32>

    // W2[i, j] = 64 ((i + 2 j) mod 3 - 1)
    %e2 = tensor.empty() : tensor<64x16xi32>
    %w2g = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%e2 : tensor<64x16xi32>) {
    ^bb0(%out: i32):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %j2 = arith.addi %j, %j : index
      %s = arith.addi %i, %j2 : index
      %m = arith.remui %s, %c3 : index
      %d = arith.subi %m, %c1 : index
      %v = arith.index_cast %d : index to i32
      %c64 = arith.constant 64 : i32
      %w = arith.muli %v, %c64 : i32
      linalg.yield %w : i32
    } -> tensor<64x16xi32>
    %w2i = hspmd.annotate %w2g as #w2 : tensor<64x16xi32>

    %eh = tensor.empty() : tensor<56x64xi32>
    %ey = tensor.empty() : tensor<56x16xi32>
    %ew2t = tensor.empty() : tensor<16x64xi32>
    %ext = tensor.empty() : tensor<32x56xi32>
    %eht = tensor.empty() : tensor<64x56xi32>

    // Each step's sequence length, and the length from which a batch is
    // "long" (its step runs "dp").
    %lengths = arith.constant dense<[4096, 4096, 300, 8192]> : tensor<4xindex>
    %long = arith.constant 2048 : index
    %w1f, %w2f = scf.for %step = %c0 to %steps step %c1
        iter_args(%w1a = %w1i, %w2a = %w2i) -> (tensor<32x64xi32>, tensor<64x16xi32>) {
      %len = tensor.extract %lengths[%step] : tensor<4xindex>
      %isLong = arith.cmpi uge, %len, %long : index
      %strategy = arith.select %isLong, %c1, %c0 : index
      %nw1, %nw2 = hspmd.with_strategy %strategy (%w1a, %w2a) : (tensor<32x64xi32>, tensor<64x16xi32>) -> (tensor<32x64xi32>, tensor<64x16xi32>) {
      ^bb0(%w1s: tensor<32x64xi32>, %w2s: tensor<64x16xi32>):
        %w1_a = hspmd.annotate %w1s as #w1 : tensor<32x64xi32> {hspmd.strategy_shardings = {dp = #w1dp}}
        %w2_a = hspmd.annotate %w2s as #w2 : tensor<64x16xi32> {hspmd.strategy_shardings = {dp = #w1dp}}
        %x_a = hspmd.annotate %x as #batch : tensor<56x32xi32> {hspmd.strategy_shardings = {dp = #batchdp}}
        %t_a = hspmd.annotate %t as #batch : tensor<56x16xi32> {hspmd.strategy_shardings = {dp = #batchdp}}

        // Forward: Z = X W1, H = relu(Z), Y = H W2
        %fz_a = linalg.fill ins(%zero : i32) outs(%eh : tensor<56x64xi32>) -> tensor<56x64xi32>
        %z_a = linalg.matmul ins(%x_a, %w1_a : tensor<56x32xi32>, tensor<32x64xi32>) outs(%fz_a : tensor<56x64xi32>) -> tensor<56x64xi32>
        %h_a = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%z_a : tensor<56x64xi32>) outs(%eh : tensor<56x64xi32>) {
        ^bb0(%in: i32, %out: i32):
          %r_a = arith.maxsi %in, %zero : i32
          linalg.yield %r_a : i32
        } -> tensor<56x64xi32>
        %fy_a = linalg.fill ins(%zero : i32) outs(%ey : tensor<56x16xi32>) -> tensor<56x16xi32>
        %y_a = linalg.matmul ins(%h_a, %w2_a : tensor<56x64xi32>, tensor<64x16xi32>) outs(%fy_a : tensor<56x16xi32>) -> tensor<56x16xi32>

        // Backward, with dY = (Y >> 8) - T
        %dy_a = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%y_a, %t_a : tensor<56x16xi32>, tensor<56x16xi32>) outs(%ey : tensor<56x16xi32>) {
        ^bb0(%a: i32, %b: i32, %out: i32):
          %s_a = arith.shrsi %a, %shift : i32
          %r_a = arith.subi %s_a, %b : i32
          linalg.yield %r_a : i32
        } -> tensor<56x16xi32>
        %ht_a = linalg.transpose ins(%h_a : tensor<56x64xi32>) outs(%eht : tensor<64x56xi32>) permutation = [1, 0]
        %fg2_a = linalg.fill ins(%zero : i32) outs(%e2 : tensor<64x16xi32>) -> tensor<64x16xi32>
        %dw2_a = linalg.matmul ins(%ht_a, %dy_a : tensor<64x56xi32>, tensor<56x16xi32>) outs(%fg2_a : tensor<64x16xi32>) -> tensor<64x16xi32>
        %w2t_a = linalg.transpose ins(%w2_a : tensor<64x16xi32>) outs(%ew2t : tensor<16x64xi32>) permutation = [1, 0]
        %fdh_a = linalg.fill ins(%zero : i32) outs(%eh : tensor<56x64xi32>) -> tensor<56x64xi32>
        %dh_a = linalg.matmul ins(%dy_a, %w2t_a : tensor<56x16xi32>, tensor<16x64xi32>) outs(%fdh_a : tensor<56x64xi32>) -> tensor<56x64xi32>
        %dz_a = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%dh_a, %z_a : tensor<56x64xi32>, tensor<56x64xi32>) outs(%eh : tensor<56x64xi32>) {
        ^bb0(%g: i32, %zz: i32, %out: i32):
          %pos_a = arith.cmpi sgt, %zz, %zero : i32
          %r_a = arith.select %pos_a, %g, %zero : i32
          linalg.yield %r_a : i32
        } -> tensor<56x64xi32>
        %xt_a = linalg.transpose ins(%x_a : tensor<56x32xi32>) outs(%ext : tensor<32x56xi32>) permutation = [1, 0]
        %fg1_a = linalg.fill ins(%zero : i32) outs(%e1 : tensor<32x64xi32>) -> tensor<32x64xi32>
        %dw1_a = linalg.matmul ins(%xt_a, %dz_a : tensor<32x56xi32>, tensor<56x64xi32>) outs(%fg1_a : tensor<32x64xi32>) -> tensor<32x64xi32>

        // SGD: W <- W - (dW >> 8)
        %nw1_a = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w1_a, %dw1_a : tensor<32x64xi32>, tensor<32x64xi32>) outs(%e1 : tensor<32x64xi32>) {
        ^bb0(%w: i32, %g: i32, %out: i32):
          %s_a = arith.shrsi %g, %shift : i32
          %r_a = arith.subi %w, %s_a : i32
          linalg.yield %r_a : i32
        } -> tensor<32x64xi32>
        %nw2_a = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w2_a, %dw2_a : tensor<64x16xi32>, tensor<64x16xi32>) outs(%e2 : tensor<64x16xi32>) {
        ^bb0(%w: i32, %g: i32, %out: i32):
          %s_a = arith.shrsi %g, %shift : i32
          %r_a = arith.subi %w, %s_a : i32
          linalg.yield %r_a : i32
        } -> tensor<64x16xi32>
        hspmd.yield %nw1_a, %nw2_a : tensor<32x64xi32>, tensor<64x16xi32>
      }
      scf.yield %nw1, %nw2 : tensor<32x64xi32>, tensor<64x16xi32>
    }

    %b1 = bufferization.to_buffer %w1f : tensor<32x64xi32> to memref<32x64xi32>
    %u1 = memref.cast %b1 : memref<32x64xi32> to memref<*xi32>
    call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
    %b2 = bufferization.to_buffer %w2f : tensor<64x16xi32> to memref<64x16xi32>
    %u2 = memref.cast %b2 : memref<64x16xi32> to memref<*xi32>
    call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
    return
  }
}
