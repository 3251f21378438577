// f64 throughout (4 ranks): a matmul whose contraction is split 4 ways
// (partial sums of f64), a row max over a split dimension
// (arith.maximumf on f64), a column sum with init 0.5 over split rows, and
// a division by 4 (exact). Values are integers with magnitudes up to 2^40,
// exact in f64 but not in f32, so a stray f32 round trip would show (the
// results are printed converted to i64 for all their digits).
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf64>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf64>) {
  ^bb0(%o: f64):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c7 = arith.constant 7 : index
    %a = arith.muli %i, %c3 : index
    %s = arith.addi %a, %j : index
    %k = arith.remui %s, %c7 : index
    %ii = arith.index_cast %k : index to i64
    %f = arith.sitofp %ii : i64 to f64
    %big = arith.constant 1099511627776.0 : f64
    %one = arith.constant 1.0 : f64
    %t = arith.mulf %f, %big : f64
    %v = arith.addf %t, %one : f64
    linalg.yield %v : f64
  } -> tensor<4x8xf64>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf64>
  %w = arith.constant dense<[[1.0, -1.0], [2.0, 0.0], [0.0, 1.0], [-1.0, 3.0], [1.0, 1.0], [0.0, -2.0], [3.0, 0.0], [1.0, 1.0]]> : tensor<8x2xf64>
  %wa = hspmd.annotate %w as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x2xf64>
  %z = arith.constant 0.0 : f64
  %em = tensor.empty() : tensor<4x2xf64>
  %fm = linalg.fill ins(%z : f64) outs(%em : tensor<4x2xf64>) -> tensor<4x2xf64>
  %mm = linalg.matmul ins(%a, %wa : tensor<4x8xf64>, tensor<8x2xf64>) outs(%fm : tensor<4x2xf64>) -> tensor<4x2xf64>
  %ninf = arith.constant 0xFFF0000000000000 : f64
  %er = tensor.empty() : tensor<4xf64>
  %fr = linalg.fill ins(%ninf : f64) outs(%er : tensor<4xf64>) -> tensor<4xf64>
  %mx = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x8xf64>) outs(%fr : tensor<4xf64>) {
  ^bb0(%in: f64, %acc: f64):
    %r = arith.maximumf %in, %acc : f64
    linalg.yield %r : f64
  } -> tensor<4xf64>
  %b = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<4x8xf64>
  %half = arith.constant 0.5 : f64
  %ec = tensor.empty() : tensor<8xf64>
  %fc = linalg.fill ins(%half : f64) outs(%ec : tensor<8xf64>) -> tensor<8xf64>
  %cs = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%b : tensor<4x8xf64>) outs(%fc : tensor<8xf64>) {
  ^bb0(%in: f64, %acc: f64):
    %r = arith.addf %in, %acc : f64
    linalg.yield %r : f64
  } -> tensor<8xf64>
  %four = arith.constant dense<4.0> : tensor<8xf64>
  %d = arith.divf %cs, %four : tensor<8xf64>
  %i_mm = arith.fptosi %mm : tensor<4x2xf64> to tensor<4x2xi64>
  %p_mm = bufferization.to_buffer %i_mm : tensor<4x2xi64> to memref<4x2xi64>
  %q_mm = memref.cast %p_mm : memref<4x2xi64> to memref<*xi64>
  call @printMemrefI64(%q_mm) : (memref<*xi64>) -> ()
  %i_mx = arith.fptosi %mx : tensor<4xf64> to tensor<4xi64>
  %p_mx = bufferization.to_buffer %i_mx : tensor<4xi64> to memref<4xi64>
  %q_mx = memref.cast %p_mx : memref<4xi64> to memref<*xi64>
  call @printMemrefI64(%q_mx) : (memref<*xi64>) -> ()
  %i_d = arith.fptosi %d : tensor<8xf64> to tensor<8xi64>
  %p_d = bufferization.to_buffer %i_d : tensor<8xi64> to memref<8xi64>
  %q_d = memref.cast %p_d : memref<8xi64> to memref<*xi64>
  call @printMemrefI64(%q_d) : (memref<*xi64>) -> ()
  %p_df = bufferization.to_buffer %d : tensor<8xf64> to memref<8xf64>
  %q_df = memref.cast %p_df : memref<8xf64> to memref<*xf64>
  call @printMemrefF64(%q_df) : (memref<*xf64>) -> ()
  return
}
