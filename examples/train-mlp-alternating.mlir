// The MLP of train-mlp.mlir trained while switching strategies every step:
// even steps use tensor parallelism inside each group (strategy A: W1 split by
// columns, W2 by rows, the batch split between groups 4:2:1), odd steps data
// parallelism inside each group (strategy B: weights replicated in each group,
// the batch also split inside groups). The loop carries the weights in
// strategy A's placement; the odd branch moves them to B's and its new
// weights back, each a reshard. Switching moves values and never changes
// them: the final weights equal train-mlp.mlir's, bit for bit, and one
// device's.
//
//   hspmd-run -n 7 examples/train-mlp-alternating.mlir
//
// (What follows is train-mlp.mlir's description.)
//
// Training the heterogeneous MLP for several steps on 7 devices of three
// speeds (groups of 4, 2 and 1; see hetero-mlp.mlir for the shardings). An
// scf.for carries the weights from step to step: each step runs the forward
// pass, the backward pass against a target, and an SGD update
// W <- W - (dW >> 8). The loop carries W1 split by columns and W2 by rows
// inside each group, as the body's annotations place them; the weight
// gradients are sums over the batch, which the groups split, so they are
// reduced before the update (the shift is not linear in its operand).
//
// Integers (i32) make every sum exact whatever its order (wrapping addition
// is associative), so the 7-rank run prints exactly what one device prints:
//
//   hspmd-run -n 7 examples/train-mlp.mlir
//   hspmd-run --reference examples/train-mlp.mlir

#batch = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
#w1    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>
#w2    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]>

#w1b   = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
#batchb = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]>

#id2 = affine_map<(i, j) -> (i, j)>

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

  %two = arith.constant 2 : index
  %w1f, %w2f = scf.for %step = %c0 to %steps step %c1
      iter_args(%w1a = %w1i, %w2a = %w2i) -> (tensor<32x64xi32>, tensor<64x16xi32>) {
    // The loop carries the weights in strategy A's placement.
    %w1c = hspmd.annotate %w1a as #w1 : tensor<32x64xi32>
    %w2c = hspmd.annotate %w2a as #w2 : tensor<64x16xi32>
    %parity = arith.remui %step, %two : index
    %even = arith.cmpi eq, %parity, %c0 : index
    // Even steps: strategy A; odd steps: strategy B.
    %nw1, %nw2 = scf.if %even -> (tensor<32x64xi32>, tensor<64x16xi32>) {
      %w1_a = hspmd.annotate %w1a as #w1 : tensor<32x64xi32>
      %w2_a = hspmd.annotate %w2a as #w2 : tensor<64x16xi32>
      %x_a = hspmd.annotate %x as #batch : tensor<56x32xi32>
      %t_a = hspmd.annotate %t as #batch : tensor<56x16xi32>

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
      scf.yield %nw1_a, %nw2_a : tensor<32x64xi32>, tensor<64x16xi32>
    } else {
      %w1_b = hspmd.annotate %w1a as #w1b : tensor<32x64xi32>
      %w2_b = hspmd.annotate %w2a as #w1b : tensor<64x16xi32>
      %x_b = hspmd.annotate %x as #batchb : tensor<56x32xi32>
      %t_b = hspmd.annotate %t as #batchb : tensor<56x16xi32>

      // Forward: Z = X W1, H = relu(Z), Y = H W2
      %fz_b = linalg.fill ins(%zero : i32) outs(%eh : tensor<56x64xi32>) -> tensor<56x64xi32>
      %z_b = linalg.matmul ins(%x_b, %w1_b : tensor<56x32xi32>, tensor<32x64xi32>) outs(%fz_b : tensor<56x64xi32>) -> tensor<56x64xi32>
      %h_b = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%z_b : tensor<56x64xi32>) outs(%eh : tensor<56x64xi32>) {
      ^bb0(%in: i32, %out: i32):
        %r_b = arith.maxsi %in, %zero : i32
        linalg.yield %r_b : i32
      } -> tensor<56x64xi32>
      %fy_b = linalg.fill ins(%zero : i32) outs(%ey : tensor<56x16xi32>) -> tensor<56x16xi32>
      %y_b = linalg.matmul ins(%h_b, %w2_b : tensor<56x64xi32>, tensor<64x16xi32>) outs(%fy_b : tensor<56x16xi32>) -> tensor<56x16xi32>

      // Backward, with dY = (Y >> 8) - T
      %dy_b = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%y_b, %t_b : tensor<56x16xi32>, tensor<56x16xi32>) outs(%ey : tensor<56x16xi32>) {
      ^bb0(%a: i32, %b: i32, %out: i32):
        %s_b = arith.shrsi %a, %shift : i32
        %r_b = arith.subi %s_b, %b : i32
        linalg.yield %r_b : i32
      } -> tensor<56x16xi32>
      %ht_b = linalg.transpose ins(%h_b : tensor<56x64xi32>) outs(%eht : tensor<64x56xi32>) permutation = [1, 0]
      %fg2_b = linalg.fill ins(%zero : i32) outs(%e2 : tensor<64x16xi32>) -> tensor<64x16xi32>
      %dw2_b = linalg.matmul ins(%ht_b, %dy_b : tensor<64x56xi32>, tensor<56x16xi32>) outs(%fg2_b : tensor<64x16xi32>) -> tensor<64x16xi32>
      %w2t_b = linalg.transpose ins(%w2_b : tensor<64x16xi32>) outs(%ew2t : tensor<16x64xi32>) permutation = [1, 0]
      %fdh_b = linalg.fill ins(%zero : i32) outs(%eh : tensor<56x64xi32>) -> tensor<56x64xi32>
      %dh_b = linalg.matmul ins(%dy_b, %w2t_b : tensor<56x16xi32>, tensor<16x64xi32>) outs(%fdh_b : tensor<56x64xi32>) -> tensor<56x64xi32>
      %dz_b = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%dh_b, %z_b : tensor<56x64xi32>, tensor<56x64xi32>) outs(%eh : tensor<56x64xi32>) {
      ^bb0(%g: i32, %zz: i32, %out: i32):
        %pos_b = arith.cmpi sgt, %zz, %zero : i32
        %r_b = arith.select %pos_b, %g, %zero : i32
        linalg.yield %r_b : i32
      } -> tensor<56x64xi32>
      %xt_b = linalg.transpose ins(%x_b : tensor<56x32xi32>) outs(%ext : tensor<32x56xi32>) permutation = [1, 0]
      %fg1_b = linalg.fill ins(%zero : i32) outs(%e1 : tensor<32x64xi32>) -> tensor<32x64xi32>
      %dw1_b = linalg.matmul ins(%xt_b, %dz_b : tensor<32x56xi32>, tensor<56x64xi32>) outs(%fg1_b : tensor<32x64xi32>) -> tensor<32x64xi32>

      // SGD: W <- W - (dW >> 8)
      %nw1_b = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w1_b, %dw1_b : tensor<32x64xi32>, tensor<32x64xi32>) outs(%e1 : tensor<32x64xi32>) {
      ^bb0(%w: i32, %g: i32, %out: i32):
        %s_b = arith.shrsi %g, %shift : i32
        %r_b = arith.subi %w, %s_b : i32
        linalg.yield %r_b : i32
      } -> tensor<32x64xi32>
      %nw2_b = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w2_b, %dw2_b : tensor<64x16xi32>, tensor<64x16xi32>) outs(%e2 : tensor<64x16xi32>) {
      ^bb0(%w: i32, %g: i32, %out: i32):
        %s_b = arith.shrsi %g, %shift : i32
        %r_b = arith.subi %w, %s_b : i32
        linalg.yield %r_b : i32
      } -> tensor<64x16xi32>
      scf.yield %nw1_b, %nw2_b : tensor<32x64xi32>, tensor<64x16xi32>
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
