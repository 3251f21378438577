// Cross-entropy loss as torch-mlir lowers log_softmax + nll_loss (8 ranks):
// logits (8 x 16) split [d0 = 2, d1 = 4] (batch and vocabulary), a max over
// the split vocabulary, log(sum(exp(x - max))), the target logit gathered
// by a generic whose body does tensor.extract %logits[%i, %target[i]] (a
// captured split tensor at computed indices), the per-row loss
// max + lse - x[target] and its mean over the split batch. Logits are
// 100 * ((3i + 5j) mod 16), so each row has one maximum, exp(x - max) is 1
// or exactly 0, lse = log(1) = 0 and every loss is an exact integer.
#id = affine_map<(i, j) -> (i, j)>
#r = affine_map<(i, j) -> (i)>
#v = affine_map<(i) -> (i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8x16xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x16xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %c16 = arith.constant 16 : index
    %a = arith.muli %i, %c3 : index
    %b = arith.muli %j, %c5 : index
    %s = arith.addi %a, %b : index
    %k = arith.remui %s, %c16 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %h = arith.constant 100.0 : f32
    %v = arith.mulf %f, %h : f32
    linalg.yield %v : f32
  } -> tensor<8x16xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 2, d1 = 4]> : tensor<8x16xf32>
  %tgt0 = arith.constant dense<[3, 0, 15, 7, 8, 1, 12, 5]> : tensor<8xi64>
  %tgt = hspmd.annotate %tgt0 as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 2, dup = 4]> : tensor<8xi64>
  %ninf = arith.constant 0xFF800000 : f32
  %z = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<8xf32>
  %f1 = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<8xf32>) -> tensor<8xf32>
  %mx = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<8x16xf32>) outs(%f1 : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.maximumf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<8xf32>
  %e2 = tensor.empty() : tensor<8xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<8xf32>) -> tensor<8xf32>
  %se = linalg.generic {indexing_maps = [#id, #r, #r], iterator_types = ["parallel", "reduction"]} ins(%x, %mx : tensor<8x16xf32>, tensor<8xf32>) outs(%f2 : tensor<8xf32>) {
  ^bb0(%in: f32, %m: f32, %acc: f32):
    %d = arith.subf %in, %m : f32
    %ex = math.exp %d : f32
    %t = arith.addf %ex, %acc : f32
    linalg.yield %t : f32
  } -> tensor<8xf32>
  %e3 = tensor.empty() : tensor<8xf32>
  %pick = linalg.generic {indexing_maps = [#v, #v], iterator_types = ["parallel"]} ins(%tgt : tensor<8xi64>) outs(%e3 : tensor<8xf32>) {
  ^bb0(%t: i64, %o: f32):
    %i = linalg.index 0 : index
    %j = arith.index_cast %t : i64 to index
    %v = tensor.extract %x[%i, %j] : tensor<8x16xf32>
    linalg.yield %v : f32
  } -> tensor<8xf32>
  %e4 = tensor.empty() : tensor<8xf32>
  %loss = linalg.generic {indexing_maps = [#v, #v, #v, #v], iterator_types = ["parallel"]} ins(%mx, %se, %pick : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) outs(%e4 : tensor<8xf32>) {
  ^bb0(%m: f32, %s: f32, %p: f32, %o: f32):
    %l = math.log %s : f32
    %a = arith.addf %m, %l : f32
    %r = arith.subf %a, %p : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %e5 = tensor.empty() : tensor<f32>
  %f5 = linalg.fill ins(%z : f32) outs(%e5 : tensor<f32>) -> tensor<f32>
  %tot = linalg.reduce ins(%loss : tensor<8xf32>) outs(%f5 : tensor<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %t = arith.addf %in, %acc : f32
      linalg.yield %t : f32
    }
  %eight = arith.constant dense<8.0> : tensor<f32>
  %mean = arith.divf %tot, %eight : tensor<f32>
  %p0 = bufferization.to_buffer %loss : tensor<8xf32> to memref<8xf32>
  %q0 = memref.cast %p0 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %mean : tensor<f32> to memref<f32>
  %q1 = memref.cast %p1 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  return
}
