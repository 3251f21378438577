// Full softmax over a vocabulary dimension split 4 ways ([d1 = 4] on 4
// ranks), written as torch-mlir emits it: a max reduction (arith.maximumf
// from -inf), exp of the shifted logits, a sum reduction, a divide.
// Logits are 100 * ((3i + 5j) mod 7) so every exp is 1 or exactly 0 after
// the shift (exp(-100k) underflows), the sum is an exact count and every
// output is exact.
#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x16xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x16xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 7 : index
    %a = arith.muli %i, %c3 : index
    %b = arith.muli %j, %c5 : index
    %s = arith.addi %a, %b : index
    %k = arith.remui %s, %c7 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %h = arith.constant 100.0 : f32
    %v = arith.mulf %f, %h : f32
    linalg.yield %v : f32
  } -> tensor<4x16xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x16xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %e1 = tensor.empty() : tensor<4xf32>
  %i1 = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %m = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x16xf32>) outs(%i1 : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.maximumf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %e2 = tensor.empty() : tensor<4x16xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %m : tensor<4x16xf32>, tensor<4xf32>) outs(%e2 : tensor<4x16xf32>) {
  ^bb0(%in: f32, %mx: f32, %o: f32):
    %d = arith.subf %in, %mx : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<4x16xf32>
  %z = arith.constant 0.0 : f32
  %i2 = linalg.fill ins(%z : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %s = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%ex : tensor<4x16xf32>) outs(%i2 : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.addf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %e3 = tensor.empty() : tensor<4x16xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%ex, %s : tensor<4x16xf32>, tensor<4xf32>) outs(%e3 : tensor<4x16xf32>) {
  ^bb0(%in: f32, %sum: f32, %o: f32):
    %r = arith.divf %in, %sum : f32
    linalg.yield %r : f32
  } -> tensor<4x16xf32>
  %b0 = bufferization.to_buffer %s : tensor<4xf32> to memref<4xf32>
  %u0 = memref.cast %b0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %p : tensor<4x16xf32> to memref<4x16xf32>
  %u1 = memref.cast %b1 : memref<4x16xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  return
}
