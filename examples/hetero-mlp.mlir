// A two-layer MLP on 7 devices of three speeds: a fast group of 4 (tensor
// parallel 4), a middle group of 2 (tensor parallel 2) and one slow device.
// Each group takes a share of the batch proportional to its speed (weights
// 4:2:1 of 56 rows) and splits the hidden dimension across its own devices:
// the first layer by columns, the second by rows, so each group's output is
// a sum of partial products until it is reduced. The weight gradient of the
// second layer contracts over the batch, which the groups split: it is a sum
// over groups (hetero = partial) until it is reduced.
//
//   forward:  Z = X W1, H = relu(Z), Y = H W2
//   backward (with dY = Y):
//             dW2 = H^T dY
//             dH  = dY W2^T
//             dZ  = dH * (Z > 0)
//             dW1 = X^T dZ
//
// Data are small integers computed from indices, so every sum is exact and
// the 7-rank run prints exactly what one device prints:
//
//   hspmd-run -n 7 examples/hetero-mlp.mlir
//   hspmd-run --reference examples/hetero-mlp.mlir
//   hspmd-opt --hspmd-propagate --hspmd-print-layout examples/hetero-mlp.mlir

#batch = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [dup = 4], [4, 5] : [dup = 2], [6] : []]>
#w1    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]>
#w2    = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]>

#id2 = affine_map<(i, j) -> (i, j)>

func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32

  // X[i, j] = (i + j) mod 5
  %ex = tensor.empty() : tensor<56x32xf32>
  %x0 = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%ex : tensor<56x32xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.addi %i, %j : index
    %m = arith.remui %s, %c5 : index
    %n = arith.index_cast %m : index to i64
    %v = arith.sitofp %n : i64 to f32
    linalg.yield %v : f32
  } -> tensor<56x32xf32>
  %x = hspmd.annotate %x0 as #batch : tensor<56x32xf32>

  // W1[i, j] = (3 i + j) mod 3 - 1, in {-1, 0, 1}
  %e1 = tensor.empty() : tensor<32x64xf32>
  %w1g = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<32x64xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %t = arith.muli %i, %c3 : index
    %s = arith.addi %t, %j : index
    %s2 = arith.addi %s, %i : index
    %m = arith.remui %s2, %c3 : index
    %d = arith.subi %m, %c1 : index
    %n = arith.index_cast %d : index to i64
    %v = arith.sitofp %n : i64 to f32
    linalg.yield %v : f32
  } -> tensor<32x64xf32>
  %w1 = hspmd.annotate %w1g as #w1 : tensor<32x64xf32>

  // W2[i, j] = (i + 2 j) mod 3 - 1
  %e2 = tensor.empty() : tensor<64x16xf32>
  %w2g = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%e2 : tensor<64x16xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %j2 = arith.addi %j, %j : index
    %s = arith.addi %i, %j2 : index
    %m = arith.remui %s, %c3 : index
    %d = arith.subi %m, %c1 : index
    %n = arith.index_cast %d : index to i64
    %v = arith.sitofp %n : i64 to f32
    linalg.yield %v : f32
  } -> tensor<64x16xf32>
  %w2 = hspmd.annotate %w2g as #w2 : tensor<64x16xf32>

  // H = relu(X W1)
  %eh = tensor.empty() : tensor<56x64xf32>
  %fh = linalg.fill ins(%zero : f32) outs(%eh : tensor<56x64xf32>) -> tensor<56x64xf32>
  %xw = linalg.matmul ins(%x, %w1 : tensor<56x32xf32>, tensor<32x64xf32>) outs(%fh : tensor<56x64xf32>) -> tensor<56x64xf32>
  %h = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%xw : tensor<56x64xf32>) outs(%eh : tensor<56x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.maximumf %in, %zero : f32
    linalg.yield %r : f32
  } -> tensor<56x64xf32>

  // Y = H W2
  %ey = tensor.empty() : tensor<56x16xf32>
  %fy = linalg.fill ins(%zero : f32) outs(%ey : tensor<56x16xf32>) -> tensor<56x16xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<56x64xf32>, tensor<64x16xf32>) outs(%fy : tensor<56x16xf32>) -> tensor<56x16xf32>

  // dW2 = H^T Y
  %et = tensor.empty() : tensor<64x56xf32>
  %ht = linalg.transpose ins(%h : tensor<56x64xf32>) outs(%et : tensor<64x56xf32>) permutation = [1, 0]
  %eg = tensor.empty() : tensor<64x16xf32>
  %fg = linalg.fill ins(%zero : f32) outs(%eg : tensor<64x16xf32>) -> tensor<64x16xf32>
  %dw2 = linalg.matmul ins(%ht, %y : tensor<64x56xf32>, tensor<56x16xf32>) outs(%fg : tensor<64x16xf32>) -> tensor<64x16xf32>

  // dH = dY W2^T
  %ew2t = tensor.empty() : tensor<16x64xf32>
  %w2t = linalg.transpose ins(%w2 : tensor<64x16xf32>) outs(%ew2t : tensor<16x64xf32>) permutation = [1, 0]
  %fdh = linalg.fill ins(%zero : f32) outs(%eh : tensor<56x64xf32>) -> tensor<56x64xf32>
  %dh = linalg.matmul ins(%y, %w2t : tensor<56x16xf32>, tensor<16x64xf32>) outs(%fdh : tensor<56x64xf32>) -> tensor<56x64xf32>
  // dZ = dH where Z > 0, else 0
  %dz = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%dh, %xw : tensor<56x64xf32>, tensor<56x64xf32>) outs(%eh : tensor<56x64xf32>) {
  ^bb0(%g: f32, %z: f32, %out: f32):
    %pos = arith.cmpf ogt, %z, %zero : f32
    %r = arith.select %pos, %g, %zero : f32
    linalg.yield %r : f32
  } -> tensor<56x64xf32>
  // dW1 = X^T dZ
  %ext = tensor.empty() : tensor<32x56xf32>
  %xt = linalg.transpose ins(%x : tensor<56x32xf32>) outs(%ext : tensor<32x56xf32>) permutation = [1, 0]
  %fw1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<32x64xf32>) -> tensor<32x64xf32>
  %dw1 = linalg.matmul ins(%xt, %dz : tensor<32x56xf32>, tensor<56x64xf32>) outs(%fw1 : tensor<32x64xf32>) -> tensor<32x64xf32>

  %by = bufferization.to_buffer %y : tensor<56x16xf32> to memref<56x16xf32>
  %uy = memref.cast %by : memref<56x16xf32> to memref<*xf32>
  call @printMemrefF32(%uy) : (memref<*xf32>) -> ()
  %bg = bufferization.to_buffer %dw2 : tensor<64x16xf32> to memref<64x16xf32>
  %ug = memref.cast %bg : memref<64x16xf32> to memref<*xf32>
  call @printMemrefF32(%ug) : (memref<*xf32>) -> ()
  %bw = bufferization.to_buffer %dw1 : tensor<32x64xf32> to memref<32x64xf32>
  %uw = memref.cast %bw : memref<32x64xf32> to memref<*xf32>
  call @printMemrefF32(%uw) : (memref<*xf32>) -> ()
  return
}
