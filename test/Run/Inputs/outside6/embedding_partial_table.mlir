// RANKS: 4
// (outside6.test)
// Embedding table that is partial (split-k matmul annotated partial) read in a payload (reduced first), ids on a weighted hetero
// placement, payload mixes linalg.index of the split sequence loop.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [1.0, 0.0, 1.0, 0.0], [0.0, 2.0, 0.0, 2.0], [3.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<6x4xf32>
  %b = arith.constant dense<[[1.0, 0.0, 2.0], [0.0, 1.0, 1.0], [2.0, 1.0, 0.0], [1.0, 1.0, 1.0]]> : tensor<4x3xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<6x4xf32>
  %ba = hspmd.annotate %b as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x3xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<6x3xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<6x3xf32>) -> tensor<6x3xf32>
  %tbl = linalg.matmul ins(%aa, %ba : tensor<6x4xf32>, tensor<4x3xf32>) outs(%f : tensor<6x3xf32>) -> tensor<6x3xf32>
  %tp = hspmd.annotate %tbl as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<6x3xf32>
  %ids = arith.constant dense<[5, 0, 3, 3, 1, 4, 2, 0]> : tensor<8xi32>
  %idsa = hspmd.annotate %ids as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[2, 3, 1] : [d0 = 3], [0] : []]> : tensor<8xi32>
  %oe = tensor.empty() : tensor<8x3xf32>
  %emb = linalg.generic {indexing_maps = [affine_map<(s, h) -> (s)>, affine_map<(s, h) -> (s, h)>], iterator_types = ["parallel", "parallel"]} ins(%idsa : tensor<8xi32>) outs(%oe : tensor<8x3xf32>) {
  ^bb0(%id: i32, %o: f32):
    %ii = arith.index_cast %id : i32 to index
    %h = linalg.index 1 : index
    %s = linalg.index 0 : index
    %v = tensor.extract %tp[%ii, %h] : tensor<6x3xf32>
    %sv = arith.index_cast %s : index to i32
    %sf = arith.sitofp %sv : i32 to f32
    %k = arith.constant 1000.0 : f32
    %w = arith.mulf %sf, %k : f32
    %r = arith.addf %v, %w : f32
    linalg.yield %r : f32
  } -> tensor<8x3xf32>
  %emba = hspmd.annotate %emb as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x3xf32>
  %bb = bufferization.to_buffer %emba : tensor<8x3xf32> to memref<8x3xf32>
  %u = memref.cast %bb : memref<8x3xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
