// 3-step MLP training loop (i32): fwd with bias, relu, loss printed each step, bwd (matmul with transposed maps), SGD on carried W1/b1/W2; group [0..3] 2-way DP x 2-way TP, [4,5] DP, [6] whole; batch split 2:2:1 across groups.
#batch = #hspmd.sharding<hetero = d0, weights = [2, 2, 1], groups = [[0, 1, 2, 3] : [d0 = 2, dup = 2], [4, 5] : [d0 = 2], [6] : []]>
#w1    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [dup = 2, d1 = 2], [4, 5] : [dup = 2], [6] : []]>
#b1    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [dup = 2, d0 = 2], [4, 5] : [dup = 2], [6] : []]>
#w2    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [dup = 2, d0 = 2], [4, 5] : [dup = 2], [6] : []]>
#id2 = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (j)>
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %steps = arith.constant 3 : index
  %zero = arith.constant 0 : i32
  %shift = arith.constant 4 : i32
  %ex = tensor.empty() : tensor<10x4xi32>
  %x0 = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%ex : tensor<10x4xi32>) {
  ^bb0(%out: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.addi %i, %j : index
    %m = arith.remui %s, %c5 : index
    %v = arith.index_cast %m : index to i32
    linalg.yield %v : i32
  } -> tensor<10x4xi32>
  %x = hspmd.annotate %x0 as #batch : tensor<10x4xi32>
  %et = tensor.empty() : tensor<10x2xi32>
  %t0 = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%et : tensor<10x2xi32>) {
  ^bb0(%out: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %p = arith.muli %i, %j : index
    %m = arith.remui %p, %c7 : index
    %d = arith.subi %m, %c3 : index
    %v = arith.index_cast %d : index to i32
    linalg.yield %v : i32
  } -> tensor<10x2xi32>
  %t = hspmd.annotate %t0 as #batch : tensor<10x2xi32>
  %w1c = arith.constant dense<[[16, -16, 0, 32], [0, 16, -16, 16], [16, 0, 16, -32], [-16, 16, 0, 16]]> : tensor<4x4xi32>
  %w1i = hspmd.annotate %w1c as #w1 : tensor<4x4xi32>
  %b1c = arith.constant dense<[1, -2, 3, 0]> : tensor<4xi32>
  %b1i = hspmd.annotate %b1c as #b1 : tensor<4xi32>
  %w2c = arith.constant dense<[[16, 0], [-16, 16], [0, 32], [16, -16]]> : tensor<4x2xi32>
  %w2i = hspmd.annotate %w2c as #w2 : tensor<4x2xi32>
  %eh = tensor.empty() : tensor<10x4xi32>
  %ey = tensor.empty() : tensor<10x2xi32>
  %e1 = tensor.empty() : tensor<4x4xi32>
  %e2 = tensor.empty() : tensor<4x2xi32>
  %eb = tensor.empty() : tensor<4xi32>
  %w1f, %b1f, %w2f = scf.for %step = %c0 to %steps step %c1
      iter_args(%w1a = %w1i, %b1a = %b1i, %w2a = %w2i) -> (tensor<4x4xi32>, tensor<4xi32>, tensor<4x2xi32>) {
    %w1 = hspmd.annotate %w1a as #w1 : tensor<4x4xi32>
    %b1 = hspmd.annotate %b1a as #b1 : tensor<4xi32>
    %w2 = hspmd.annotate %w2a as #w2 : tensor<4x2xi32>
    %fz = linalg.fill ins(%zero : i32) outs(%eh : tensor<10x4xi32>) -> tensor<10x4xi32>
    %z0 = linalg.matmul ins(%x, %w1 : tensor<10x4xi32>, tensor<4x4xi32>) outs(%fz : tensor<10x4xi32>) -> tensor<10x4xi32>
    %z = linalg.generic {indexing_maps = [#id2, #row, #id2], iterator_types = ["parallel", "parallel"]} ins(%z0, %b1 : tensor<10x4xi32>, tensor<4xi32>) outs(%eh : tensor<10x4xi32>) {
    ^bb0(%a: i32, %b: i32, %out: i32):
      %r = arith.addi %a, %b : i32
      linalg.yield %r : i32
    } -> tensor<10x4xi32>
    %h = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%z : tensor<10x4xi32>) outs(%eh : tensor<10x4xi32>) {
    ^bb0(%in: i32, %out: i32):
      %r = arith.maxsi %in, %zero : i32
      linalg.yield %r : i32
    } -> tensor<10x4xi32>
    %fy = linalg.fill ins(%zero : i32) outs(%ey : tensor<10x2xi32>) -> tensor<10x2xi32>
    %y = linalg.matmul ins(%h, %w2 : tensor<10x4xi32>, tensor<4x2xi32>) outs(%fy : tensor<10x2xi32>) -> tensor<10x2xi32>
    %dy = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%y, %t : tensor<10x2xi32>, tensor<10x2xi32>) outs(%ey : tensor<10x2xi32>) {
    ^bb0(%a: i32, %b: i32, %out: i32):
      %s = arith.shrsi %a, %shift : i32
      %r = arith.subi %s, %b : i32
      linalg.yield %r : i32
    } -> tensor<10x2xi32>
    // loss = sum dy^2
    %le = tensor.empty() : tensor<i32>
    %lf = linalg.fill ins(%zero : i32) outs(%le : tensor<i32>) -> tensor<i32>
    %loss = linalg.generic {indexing_maps = [#id2, affine_map<(i, j) -> ()>], iterator_types = ["reduction", "reduction"]} ins(%dy : tensor<10x2xi32>) outs(%lf : tensor<i32>) {
    ^bb0(%a: i32, %o: i32):
      %p = arith.muli %a, %a : i32
      %s = arith.addi %o, %p : i32
      linalg.yield %s : i32
    } -> tensor<i32>
    %lb = bufferization.to_buffer %loss : tensor<i32> to memref<i32>
    %lu = memref.cast %lb : memref<i32> to memref<*xi32>
    func.call @printMemrefI32(%lu) : (memref<*xi32>) -> ()
    // dW2 = h^T dy
    %fg2 = linalg.fill ins(%zero : i32) outs(%e2 : tensor<4x2xi32>) -> tensor<4x2xi32>
    %dw2 = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (k, i)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%h, %dy : tensor<10x4xi32>, tensor<10x2xi32>) outs(%fg2 : tensor<4x2xi32>) {
    ^bb0(%a: i32, %b: i32, %o: i32):
      %p = arith.muli %a, %b : i32
      %s = arith.addi %o, %p : i32
      linalg.yield %s : i32
    } -> tensor<4x2xi32>
    // dh = dy W2^T
    %fdh = linalg.fill ins(%zero : i32) outs(%eh : tensor<10x4xi32>) -> tensor<10x4xi32>
    %dh = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%dy, %w2 : tensor<10x2xi32>, tensor<4x2xi32>) outs(%fdh : tensor<10x4xi32>) -> tensor<10x4xi32>
    %dz = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%dh, %z : tensor<10x4xi32>, tensor<10x4xi32>) outs(%eh : tensor<10x4xi32>) {
    ^bb0(%g: i32, %zz: i32, %out: i32):
      %pos = arith.cmpi sgt, %zz, %zero : i32
      %r = arith.select %pos, %g, %zero : i32
      linalg.yield %r : i32
    } -> tensor<10x4xi32>
    %fg1 = linalg.fill ins(%zero : i32) outs(%e1 : tensor<4x4xi32>) -> tensor<4x4xi32>
    %dw1 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>] ins(%x, %dz : tensor<10x4xi32>, tensor<10x4xi32>) outs(%fg1 : tensor<4x4xi32>) -> tensor<4x4xi32>
    %fb = linalg.fill ins(%zero : i32) outs(%eb : tensor<4xi32>) -> tensor<4xi32>
    %db1 = linalg.reduce ins(%dz : tensor<10x4xi32>) outs(%fb : tensor<4xi32>) dimensions = [0]
      (%in: i32, %init: i32) {
        %s = arith.addi %in, %init : i32
        linalg.yield %s : i32
      }
    %nw1 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w1, %dw1 : tensor<4x4xi32>, tensor<4x4xi32>) outs(%e1 : tensor<4x4xi32>) {
    ^bb0(%w: i32, %g: i32, %out: i32):
      %s = arith.shrsi %g, %shift : i32
      %r = arith.subi %w, %s : i32
      linalg.yield %r : i32
    } -> tensor<4x4xi32>
    %nb1 = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%b1, %db1 : tensor<4xi32>, tensor<4xi32>) outs(%eb : tensor<4xi32>) {
    ^bb0(%w: i32, %g: i32, %out: i32):
      %s = arith.shrsi %g, %shift : i32
      %r = arith.subi %w, %s : i32
      linalg.yield %r : i32
    } -> tensor<4xi32>
    %nw2 = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%w2, %dw2 : tensor<4x2xi32>, tensor<4x2xi32>) outs(%e2 : tensor<4x2xi32>) {
    ^bb0(%w: i32, %g: i32, %out: i32):
      %s = arith.shrsi %g, %shift : i32
      %r = arith.subi %w, %s : i32
      linalg.yield %r : i32
    } -> tensor<4x2xi32>
    scf.yield %nw1, %nb1, %nw2 : tensor<4x4xi32>, tensor<4xi32>, tensor<4x2xi32>
  }
  %bb1 = bufferization.to_buffer %w1f : tensor<4x4xi32> to memref<4x4xi32>
  %u1 = memref.cast %bb1 : memref<4x4xi32> to memref<*xi32>
  call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
  %bb3 = bufferization.to_buffer %b1f : tensor<4xi32> to memref<4xi32>
  %u3 = memref.cast %bb3 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u3) : (memref<*xi32>) -> ()
  %bb2 = bufferization.to_buffer %w2f : tensor<4x2xi32> to memref<4x2xi32>
  %u2 = memref.cast %bb2 : memref<4x2xi32> to memref<*xi32>
  call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
  return
}
