// Partial (summed) values flowing where front ends put them (4 ranks): S,
// a matmul with its contraction split 4 ways, is passed to an unannotated
// helper that applies relu (non-linear) and to one that scales it (linear);
// captured by a generic's body that reads S at computed positions
// (tensor.extract %S[j, i], a transpose gather); used as the init (outs) of
// a generic that adds another value into it (out + in, linear in the init)
// and of one that squares it (out * out, not linear).
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @relu(%a: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %z = arith.constant dense<0.0> : tensor<4x4xf32>
  %r = arith.maximumf %a, %z : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}
func.func private @scale(%a: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %three = arith.constant dense<3.0> : tensor<4x4xf32>
  %r = arith.mulf %a, %three : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %a = arith.muli %i, %c3 : index
    %s = arith.addi %a, %j : index
    %k = arith.remui %s, %c5 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %two = arith.constant 2.0 : f32
    %v = arith.subf %f, %two : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf32>
  %w = arith.constant dense<[[1.0, -1.0, 0.0, 2.0], [0.0, 1.0, 1.0, -1.0], [2.0, 0.0, -1.0, 1.0], [1.0, 1.0, 1.0, 0.0], [-1.0, 2.0, 0.0, 1.0], [0.0, 0.0, 2.0, -2.0], [1.0, -1.0, 1.0, 1.0], [3.0, 0.0, 0.0, 1.0]]> : tensor<8x4xf32>
  %wa = hspmd.annotate %w as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x4xf32>
  %z = arith.constant 0.0 : f32
  %em = tensor.empty() : tensor<4x4xf32>
  %fm = linalg.fill ins(%z : f32) outs(%em : tensor<4x4xf32>) -> tensor<4x4xf32>
  %s = linalg.matmul ins(%a, %wa : tensor<4x8xf32>, tensor<8x4xf32>) outs(%fm : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r = call @relu(%s) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %sc = call @scale(%s) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %e2 = tensor.empty() : tensor<4x4xf32>
  %tg = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e2 : tensor<4x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %v = tensor.extract %s[%j, %i] : tensor<4x4xf32>
    linalg.yield %v : f32
  } -> tensor<4x4xf32>
  %cm = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]> : tensor<4x4xf32>
  %acc = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%cm : tensor<4x4xf32>) outs(%s : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %t = arith.addf %o, %in : f32
    linalg.yield %t : f32
  } -> tensor<4x4xf32>
  %sqr = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%s : tensor<4x4xf32>) {
  ^bb0(%o: f32):
    %t = arith.mulf %o, %o : f32
    linalg.yield %t : f32
  } -> tensor<4x4xf32>
  %all = tensor.concat dim(1) %s, %r, %sc, %tg, %acc, %sqr : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x24xf32>
  %p0 = bufferization.to_buffer %all : tensor<4x24xf32> to memref<4x24xf32>
  %q0 = memref.cast %p0 : memref<4x24xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  return
}
