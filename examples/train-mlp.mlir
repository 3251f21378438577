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

  %w1f, %w2f = scf.for %step = %c0 to %steps step %c1
      iter_args(%w1a = %w1i, %w2a = %w2i) -> (tensor<32x64xi32>, tensor<64x16xi32>) {
    %w1 = hspmd.annotate %w1a as #w1 : tensor<32x64xi32>
    %w2 = hspmd.annotate %w2a as #w2 : tensor<64x16xi32>

    // Forward: Z = X W1, H = relu(Z), Y = H W2
    %fz = linalg.fill ins(%zero : i32) outs(%eh : tensor<56x64xi32>) -> tensor<56x64xi32>
    %z = linalg.matmul ins(%x, %w1 : tensor<56x32xi32>, tensor<32x64xi32>) outs(%fz : tensor<56x64xi32>) -> tensor<56x64xi32>
    %h = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%z : tensor<56x64xi32>) outs(%eh : tensor<56x64xi32>) {
    ^bb0(%in: i32, %out: i32):
      %r = arith.maxsi %in, %zero : i32
      linalg.yield %r : i32
    } -> tensor<56x64xi32>
    %fy = linalg.fill ins(%zero : i32) outs(%ey : tensor<56x16xi32>) -> tensor<56x16xi32>
    %y = linalg.matmul ins(%h, %w2 : tensor<56x64xi32>, tensor<64x16xi32>) outs(%fy : tensor<56x16xi32>) -> tensor<56x16xi32>

    // Backward, with dY = (Y >> 8) - T
    %dy = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%y, %t : tensor<56x16xi32>, tensor<56x16xi32>) outs(%ey : tensor<56x16xi32>) {
    ^bb0(%a: i32, %b: i32, %out: i32):
      %s = arith.shrsi %a, %shift : i32
      %r = arith.subi %s, %b : i32
      linalg.yield %r : i32
    } -> tensor<56x16xi32>
    %ht = linalg.transpose ins(%h : tensor<56x64xi32>) outs(%eht : tensor<64x56xi32>) permutation = [1, 0]
    %fg2 = linalg.fill ins(%zero : i32) outs(%e2 : tensor<64x16xi32>) -> tensor<64x16xi32>
    %dw2 = linalg.matmul ins(%ht, %dy : tensor<64x56xi32>, tensor<56x16xi32>) outs(%fg2 : tensor<64x16xi32>) -> tensor<64x16xi32>
    %w2t = linalg.transpose ins(%w2 : tensor<64x16xi32>) outs(%ew2t : tensor<16x64xi32>) permutation = [1, 0]
    %fdh = linalg.fill ins(%zero : i32) outs(%eh : tensor<56x64xi32>) -> tensor<56x64xi32>
    %dh = linalg.matmul ins(%dy, %w2t : tensor<56x16xi32>, tensor<16x64xi32>) outs(%fdh : tensor<56x64xi32>) -> tensor<56x64xi32>
    %dz = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%dh, %z : tensor<56x64xi32>, tensor<56x64xi32>) outs(%eh : tensor<56x64xi32>) {
    ^bb0(%g: i32, %zz: i32, %out: i32):
      %pos = arith.cmpi sgt, %zz, %zero : i32
      %r = arith.select %pos, %g, %zero : i32
      linalg.yield %r : i32
    } -> tensor<56x64xi32>
    %xt = linalg.transpose ins(%x : tensor<56x32xi32>) outs(%ext : tensor<32x56xi32>) permutation = [1, 0]
    %fg1 = linalg.fill ins(%zero : i32) outs(%e1 : tensor<32x64xi32>) -> tensor<32x64xi32>
    %dw1 = linalg.matmul ins(%xt, %dz : tensor<32x56xi32>, tensor<56x64xi32>) outs(%fg1 : tensor<32x64xi32>) -> tensor<32x64xi32>

    // SGD: W <- W - (dW >> 8)
    %nw1 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w1, %dw1 : tensor<32x64xi32>, tensor<32x64xi32>) outs(%e1 : tensor<32x64xi32>) {
    ^bb0(%w: i32, %g: i32, %out: i32):
      %s = arith.shrsi %g, %shift : i32
      %r = arith.subi %w, %s : i32
      linalg.yield %r : i32
    } -> tensor<32x64xi32>
    %nw2 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w2, %dw2 : tensor<64x16xi32>, tensor<64x16xi32>) outs(%e2 : tensor<64x16xi32>) {
    ^bb0(%w: i32, %g: i32, %out: i32):
      %s = arith.shrsi %g, %shift : i32
      %r = arith.subi %w, %s : i32
      linalg.yield %r : i32
    } -> tensor<64x16xi32>
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
