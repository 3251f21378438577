// Softmax on 7 heterogeneous ranks: the batch (14 rows) is split between
// three groups with weights 4:2:1 (8, 4 and 2 rows); inside the groups the
// vocabulary is split 4 ways, 2 ways and not at all. Max reduction, exp,
// sum reduction, divide (as softmax_vocab); then the column sums of the
// probabilities over the weighted batch split (a sum across groups) and the
// per-row argmax (a two-result reduction over the group-split vocabulary).
// Logits are 100 * ((3i + 5j) mod 8) so every exp is 1 or exactly 0 after
// the shift (exp(-100k) underflows), each row has exactly two maxima, so
// every probability (and every sum of them) is exact.
#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %e = tensor.empty() : tensor<14x16xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<14x16xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 8 : index
    %a = arith.muli %i, %c3 : index
    %b = arith.muli %j, %c5 : index
    %s = arith.addi %a, %b : index
    %k = arith.remui %s, %c7 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %h = arith.constant 100.0 : f32
    %v = arith.mulf %f, %h : f32
    linalg.yield %v : f32
  } -> tensor<14x16xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [d1 = 2], [6] : []]> : tensor<14x16xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %e1 = tensor.empty() : tensor<14xf32>
  %i1 = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<14xf32>) -> tensor<14xf32>
  %m = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<14x16xf32>) outs(%i1 : tensor<14xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.maximumf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<14xf32>
  %e2 = tensor.empty() : tensor<14x16xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %m : tensor<14x16xf32>, tensor<14xf32>) outs(%e2 : tensor<14x16xf32>) {
  ^bb0(%in: f32, %mx: f32, %o: f32):
    %d = arith.subf %in, %mx : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<14x16xf32>
  %z = arith.constant 0.0 : f32
  %i2 = linalg.fill ins(%z : f32) outs(%e1 : tensor<14xf32>) -> tensor<14xf32>
  %s = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%ex : tensor<14x16xf32>) outs(%i2 : tensor<14xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.addf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<14xf32>
  %e3 = tensor.empty() : tensor<14x16xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%ex, %s : tensor<14x16xf32>, tensor<14xf32>) outs(%e3 : tensor<14x16xf32>) {
  ^bb0(%in: f32, %sum: f32, %o: f32):
    %r = arith.divf %in, %sum : f32
    linalg.yield %r : f32
  } -> tensor<14x16xf32>
  %b0 = bufferization.to_buffer %s : tensor<14xf32> to memref<14xf32>
  %u0 = memref.cast %b0 : memref<14xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %p : tensor<14x16xf32> to memref<14x16xf32>
  %u1 = memref.cast %b1 : memref<14x16xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %ec = tensor.empty() : tensor<16xf32>
  %fc = linalg.fill ins(%z : f32) outs(%ec : tensor<16xf32>) -> tensor<16xf32>
  %cs = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%p : tensor<14x16xf32>) outs(%fc : tensor<16xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.addf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<16xf32>
  %zi = arith.constant 0 : i32
  %ea = tensor.empty() : tensor<14xi32>
  %fa = linalg.fill ins(%zi : i32) outs(%ea : tensor<14xi32>) -> tensor<14xi32>
  %fv = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<14xf32>) -> tensor<14xf32>
  %am:2 = linalg.generic {indexing_maps = [#id, #row, #row], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<14x16xf32>) outs(%fv, %fa : tensor<14xf32>, tensor<14xi32>) {
  ^bb0(%in: f32, %av: f32, %ai: i32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %gt = arith.cmpf ogt, %in, %av : f32
    %nv = arith.select %gt, %in, %av : f32
    %ni = arith.select %gt, %ji, %ai : i32
    linalg.yield %nv, %ni : f32, i32
  } -> (tensor<14xf32>, tensor<14xi32>)
  %b2 = bufferization.to_buffer %cs : tensor<16xf32> to memref<16xf32>
  %u2 = memref.cast %b2 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %b3 = bufferization.to_buffer %am#1 : tensor<14xi32> to memref<14xi32>
  %u3 = memref.cast %b3 : memref<14xi32> to memref<*xi32>
  call @printMemrefI32(%u3) : (memref<*xi32>) -> ()
  return
}
