// torch-mlir's aten.addmm / nn.Linear on 8 ranks: the matmul's init is the
// bias broadcast to the output (linalg.generic (i, j) -> (j)), and the
// contraction is split 4 ways (X [d0 = 2, d1 = 4], W [dup = 2, d0 = 4]), so
// the bias must be counted once across the partial sums. Then relu
// (arith.cmpf + select), a second linear layer whose weight is split 8 ways
// by rows (the contraction again), a generic contraction over rows
// (Y^T W3, as matmul_transpose_a lowers) and a max over the 4-way split
// output columns.
#id = affine_map<(i, j) -> (i, j)>
#c = affine_map<(i, j) -> (j)>
#r = affine_map<(i, j) -> (i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x16xf32>
  %x0 = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x16xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.addi %i, %j : index
    %k = arith.remui %s, %c5 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8x16xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 2, d1 = 4]> : tensor<8x16xf32>
  %ew = tensor.empty() : tensor<16x8xf32>
  %w0 = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%ew : tensor<16x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %t = arith.muli %j, %c3 : index
    %s = arith.addi %t, %i : index
    %m = arith.remui %s, %c3 : index
    %d = arith.subi %m, %c1 : index
    %n = arith.index_cast %d : index to i64
    %v = arith.sitofp %n : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %w = hspmd.annotate %w0 as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [dup = 2, d0 = 4]> : tensor<16x8xf32>
  %bias = arith.constant dense<[1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 4.0, -4.0]> : tensor<8xf32>
  %eb = tensor.empty() : tensor<8x8xf32>
  %bb = linalg.generic {indexing_maps = [#c, #id], iterator_types = ["parallel", "parallel"]} ins(%bias : tensor<8xf32>) outs(%eb : tensor<8x8xf32>) {
  ^bb0(%b: f32, %o: f32):
    linalg.yield %b : f32
  } -> tensor<8x8xf32>
  %h = linalg.matmul ins(%x, %w : tensor<8x16xf32>, tensor<16x8xf32>) outs(%bb : tensor<8x8xf32>) -> tensor<8x8xf32>
  %er = tensor.empty() : tensor<8x8xf32>
  %relu = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%h : tensor<8x8xf32>) outs(%er : tensor<8x8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %gt = arith.cmpf ugt, %in, %z : f32
    %v = arith.select %gt, %in, %z : f32
    linalg.yield %v : f32
  } -> tensor<8x8xf32>
  %w2c = arith.constant dense<[[1.0, 0.0, -1.0, 2.0], [0.0, 1.0, 1.0, 0.0], [2.0, -1.0, 0.0, 1.0], [1.0, 1.0, 1.0, 1.0], [-1.0, 0.0, 2.0, 0.0], [0.0, 2.0, 0.0, -1.0], [1.0, -2.0, 1.0, 0.0], [0.0, 0.0, 3.0, 1.0]]> : tensor<8x4xf32>
  %w2 = hspmd.annotate %w2c as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 8]> : tensor<8x4xf32>
  %e2 = tensor.empty() : tensor<8x4xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<8x4xf32>) -> tensor<8x4xf32>
  %y = linalg.matmul ins(%relu, %w2 : tensor<8x8xf32>, tensor<8x4xf32>) outs(%f2 : tensor<8x4xf32>) -> tensor<8x4xf32>
  %w3 = hspmd.annotate %w2c as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d1 = 4, dup = 2]> : tensor<8x4xf32>
  %e3 = tensor.empty() : tensor<4x4xf32>
  %f3 = linalg.fill ins(%z : f32) outs(%e3 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %yt = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (k, i)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%y, %w3 : tensor<8x4xf32>, tensor<8x4xf32>) outs(%f3 : tensor<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<4x4xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %ya = hspmd.annotate %y as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 2, d1 = 4]> : tensor<8x4xf32>
  %em = tensor.empty() : tensor<8xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%em : tensor<8xf32>) -> tensor<8xf32>
  %mx = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%ya : tensor<8x4xf32>) outs(%fm : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.maximumf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<8xf32>
  %p0 = bufferization.to_buffer %h : tensor<8x8xf32> to memref<8x8xf32>
  %q0 = memref.cast %p0 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %y : tensor<8x4xf32> to memref<8x4xf32>
  %q1 = memref.cast %p1 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %yt : tensor<4x4xf32> to memref<4x4xf32>
  %q2 = memref.cast %p2 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %mx : tensor<8xf32> to memref<8xf32>
  %q3 = memref.cast %p3 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  return
}
