// Attention with the heads split 4 ways ([d0 = 4] on Q, K and V, 4 ranks):
// QK^T as a linalg.generic contraction, a softmax over keys, a batch_matmul
// with V.
// Q[h, s, d] = (s == d), K[h, t, d] = (h + 3t + 5d) mod 7, so the score of
// (s, t) is (h + 3t + 5s) mod 7, distinct over t: scaled by 1000 the softmax
// is exactly one-hot and the output row is V at the arg max (exact).
#q = affine_map<(h, s, t, d) -> (h, s, d)>
#k = affine_map<(h, s, t, d) -> (h, t, d)>
#o = affine_map<(h, s, t, d) -> (h, s, t)>
#id3 = affine_map<(h, s, t) -> (h, s, t)>
#r3 = affine_map<(h, s, t) -> (h, s)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %c10 = arith.constant 10 : index
  %one = arith.constant 1.0 : f32
  %zero = arith.constant 0.0 : f32
  %eq = tensor.empty() : tensor<4x4x4xf32>
  %q0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%eq : tensor<4x4x4xf32>) {
  ^bb0(%out: f32):
    %s = linalg.index 1 : index
    %d = linalg.index 2 : index
    %c = arith.cmpi eq, %s, %d : index
    %v = arith.select %c, %one, %zero : f32
    linalg.yield %v : f32
  } -> tensor<4x4x4xf32>
  %q = hspmd.annotate %q0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x4x4xf32>
  %ek = tensor.empty() : tensor<4x4x4xf32>
  %k0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%ek : tensor<4x4x4xf32>) {
  ^bb0(%out: f32):
    %h = linalg.index 0 : index
    %t = linalg.index 1 : index
    %d = linalg.index 2 : index
    %t3 = arith.muli %t, %c3 : index
    %d5 = arith.muli %d, %c5 : index
    %a = arith.addi %h, %t3 : index
    %b = arith.addi %a, %d5 : index
    %m = arith.remui %b, %c7 : index
    %i = arith.index_cast %m : index to i32
    %v = arith.sitofp %i : i32 to f32
    linalg.yield %v : f32
  } -> tensor<4x4x4xf32>
  %k = hspmd.annotate %k0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x4x4xf32>
  %ev = tensor.empty() : tensor<4x4x4xf32>
  %v0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%ev : tensor<4x4x4xf32>) {
  ^bb0(%out: f32):
    %h = linalg.index 0 : index
    %t = linalg.index 1 : index
    %d = linalg.index 2 : index
    %h10 = arith.muli %h, %c10 : index
    %t4 = arith.muli %t, %c4 : index
    %a = arith.addi %h10, %t4 : index
    %b = arith.addi %a, %d : index
    %i = arith.index_cast %b : index to i32
    %v = arith.sitofp %i : i32 to f32
    linalg.yield %v : f32
  } -> tensor<4x4x4xf32>
  %v = hspmd.annotate %v0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x4x4xf32>
  %es = tensor.empty() : tensor<4x4x4xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<4x4x4xf32>) -> tensor<4x4x4xf32>
  %sc = linalg.generic {indexing_maps = [#q, #k, #o], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<4x4x4xf32>, tensor<4x4x4xf32>) outs(%fs : tensor<4x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  } -> tensor<4x4x4xf32>
  %scale = arith.constant 1000.0 : f32
  %e1 = tensor.empty() : tensor<4x4x4xf32>
  %scs = linalg.generic {indexing_maps = [#id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sc : tensor<4x4x4xf32>) outs(%e1 : tensor<4x4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %r = arith.mulf %in, %scale : f32
    linalg.yield %r : f32
  } -> tensor<4x4x4xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %em = tensor.empty() : tensor<4x4xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%em : tensor<4x4xf32>) -> tensor<4x4xf32>
  %mx = linalg.generic {indexing_maps = [#id3, #r3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%scs : tensor<4x4x4xf32>) outs(%fm : tensor<4x4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.maximumf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %e2 = tensor.empty() : tensor<4x4x4xf32>
  %ex = linalg.generic {indexing_maps = [#id3, #r3, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%scs, %mx : tensor<4x4x4xf32>, tensor<4x4xf32>) outs(%e2 : tensor<4x4x4xf32>) {
  ^bb0(%in: f32, %m: f32, %o: f32):
    %d = arith.subf %in, %m : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<4x4x4xf32>
  %esum = tensor.empty() : tensor<4x4xf32>
  %fsum = linalg.fill ins(%zero : f32) outs(%esum : tensor<4x4xf32>) -> tensor<4x4xf32>
  %sm = linalg.generic {indexing_maps = [#id3, #r3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%ex : tensor<4x4x4xf32>) outs(%fsum : tensor<4x4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.addf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %e3 = tensor.empty() : tensor<4x4x4xf32>
  %p = linalg.generic {indexing_maps = [#id3, #r3, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%ex, %sm : tensor<4x4x4xf32>, tensor<4x4xf32>) outs(%e3 : tensor<4x4x4xf32>) {
  ^bb0(%in: f32, %s: f32, %o: f32):
    %r = arith.divf %in, %s : f32
    linalg.yield %r : f32
  } -> tensor<4x4x4xf32>
  %eo = tensor.empty() : tensor<4x4x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<4x4x4xf32>) -> tensor<4x4x4xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<4x4x4xf32>, tensor<4x4x4xf32>) outs(%fo : tensor<4x4x4xf32>) -> tensor<4x4x4xf32>
  %b0 = bufferization.to_buffer %sc : tensor<4x4x4xf32> to memref<4x4x4xf32>
  %u0 = memref.cast %b0 : memref<4x4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %out : tensor<4x4x4xf32> to memref<4x4x4xf32>
  %u1 = memref.cast %b1 : memref<4x4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  return
}
