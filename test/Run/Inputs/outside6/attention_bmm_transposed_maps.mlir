// RANKS: 4
// (outside6.test)
// Attention block: Q K^T as linalg.batch_matmul with transposed-operand indexing_maps (hidden dim split -> partial),
// scale + max-subtract-exp-sum-divide softmax on (batch, query) split rows, P x V batch_matmul, outputs resharded.
#id3 = affine_map<(b, i, j) -> (b, i, j)>
#row3 = affine_map<(b, i, j) -> (b, i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<2x4x8xf32>
  %q = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e : tensor<2x4x8xf32>) {
  ^bb0(%o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %a = arith.muli %i1, %i2 : index
    %b = arith.addi %a, %i0 : index
    %c7 = arith.constant 5 : index
    %r = arith.remui %b, %c7 : index
    %v = arith.index_cast %r : index to i32
    %f = arith.sitofp %v : i32 to f32
    %h = arith.constant 2.0 : f32
    %g = arith.subf %f, %h : f32
    linalg.yield %g : f32
  } -> tensor<2x4x8xf32>
  %k = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e : tensor<2x4x8xf32>) {
  ^bb0(%o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %a = arith.addi %i1, %i2 : index
    %b = arith.addi %a, %i0 : index
    %c7 = arith.constant 3 : index
    %r = arith.remui %b, %c7 : index
    %v = arith.index_cast %r : index to i32
    %f = arith.sitofp %v : i32 to f32
    %h = arith.constant 1.0 : f32
    %g = arith.subf %f, %h : f32
    linalg.yield %g : f32
  } -> tensor<2x4x8xf32>
  %qa = hspmd.annotate %q as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d2 = 2]> : tensor<2x4x8xf32>
  %ka = hspmd.annotate %k as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, d2 = 2]> : tensor<2x4x8xf32>
  %z = arith.constant 0.0 : f32
  %se = tensor.empty() : tensor<2x4x4xf32>
  %sf = linalg.fill ins(%z : f32) outs(%se : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %s = linalg.batch_matmul indexing_maps = [
      affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>,
      affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>,
      affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>]
      ins(%qa, %ka : tensor<2x4x8xf32>, tensor<2x4x8xf32>) outs(%sf : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %sa = hspmd.annotate %s as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<2x4x4xf32>
  %sb = bufferization.to_buffer %sa : tensor<2x4x4xf32> to memref<2x4x4xf32>
  %sc = memref.cast %sb : memref<2x4x4xf32> to memref<*xf32>
  call @printMemrefF32(%sc) : (memref<*xf32>) -> ()
  // scale + softmax over j (rows whole)
  %sc8 = arith.constant 0.125 : f32
  %ninf = arith.constant -1.0e30 : f32
  %me = tensor.empty() : tensor<2x4xf32>
  %mf = linalg.fill ins(%ninf : f32) outs(%me : tensor<2x4xf32>) -> tensor<2x4xf32>
  %mx = linalg.generic {indexing_maps = [#id3, #row3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%sa : tensor<2x4x4xf32>) outs(%mf : tensor<2x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.maximumf %a, %o : f32
    linalg.yield %m : f32
  } -> tensor<2x4xf32>
  %ex = linalg.generic {indexing_maps = [#id3, #row3, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sa, %mx : tensor<2x4x4xf32>, tensor<2x4xf32>) outs(%se : tensor<2x4x4xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %d = arith.subf %a, %m : f32
    %d2 = arith.mulf %d, %sc8 : f32
    %x = math.exp %d2 : f32
    linalg.yield %x : f32
  } -> tensor<2x4x4xf32>
  %zf = linalg.fill ins(%z : f32) outs(%me : tensor<2x4xf32>) -> tensor<2x4xf32>
  %sm = linalg.generic {indexing_maps = [#id3, #row3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%ex : tensor<2x4x4xf32>) outs(%zf : tensor<2x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.addf %a, %o : f32
    linalg.yield %m : f32
  } -> tensor<2x4xf32>
  %p = linalg.generic {indexing_maps = [#id3, #row3, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%ex, %sm : tensor<2x4x4xf32>, tensor<2x4xf32>) outs(%se : tensor<2x4x4xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %d = arith.divf %a, %m : f32
    linalg.yield %d : f32
  } -> tensor<2x4x4xf32>
  %pa = hspmd.annotate %p as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<2x4x4xf32>
  %oe = tensor.empty() : tensor<2x4x8xf32>
  %of = linalg.fill ins(%z : f32) outs(%oe : tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  // out = P x V with V = K (b, j, d)
  %out = linalg.batch_matmul ins(%pa, %ka : tensor<2x4x4xf32>, tensor<2x4x8xf32>) outs(%of : tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  %outa = hspmd.annotate %out as #hspmd.sharding<[0, 1, 2, 3] : [d2 = 4]> : tensor<2x4x8xf32>
  %ob = bufferization.to_buffer %outa : tensor<2x4x8xf32> to memref<2x4x8xf32>
  %oc = memref.cast %ob : memref<2x4x8xf32> to memref<*xf32>
  call @printMemrefF32(%oc) : (memref<*xf32>) -> ()
  return
}
