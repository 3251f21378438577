// Ops applied to a value that is a sum of partial results (4 ranks): S is a
// matmul whose contraction is split 4 ways. Adding a constant (S + 1, in a
// generic body and as arith.addf of tensors), S - C, negf, S * 2, relu
// (arith.maximumf with 0), S * S, a select on S > 0, tensor.extract of an
// element of S, tensor.insert into S, and a reduction of S over an unsplit
// dimension with a non-zero init. Only the linear ones may stay partial.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
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
  %e1 = tensor.empty() : tensor<4x4xf32>
  %plus1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%s : tensor<4x4xf32>) outs(%e1 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %one = arith.constant 1.0 : f32
    %t = arith.addf %in, %one : f32
    linalg.yield %t : f32
  } -> tensor<4x4xf32>
  %ones = arith.constant dense<1.0> : tensor<4x4xf32>
  %plus1b = arith.addf %s, %ones : tensor<4x4xf32>
  %cm = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]> : tensor<4x4xf32>
  %sub = arith.subf %cm, %s : tensor<4x4xf32>
  %neg = arith.negf %s : tensor<4x4xf32>
  %twos = arith.constant dense<2.0> : tensor<4x4xf32>
  %dbl = arith.mulf %s, %twos : tensor<4x4xf32>
  %zeros = arith.constant dense<0.0> : tensor<4x4xf32>
  %relu = arith.maximumf %s, %zeros : tensor<4x4xf32>
  %sq = arith.mulf %s, %s : tensor<4x4xf32>
  %pos = arith.cmpf ogt, %s, %zeros : tensor<4x4xf32>
  %sel = arith.select %pos, %cm, %neg : tensor<4x4xi1>, tensor<4x4xf32>
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %x = tensor.extract %s[%c1, %c2] : tensor<4x4xf32>
  %ins = tensor.insert %x into %s[%c2, %c1] : tensor<4x4xf32>
  %seven = arith.constant 7.0 : f32
  %er = tensor.empty() : tensor<4xf32>
  %fr = linalg.fill ins(%seven : f32) outs(%er : tensor<4xf32>) -> tensor<4xf32>
  %rs = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%s : tensor<4x4xf32>) outs(%fr : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.addf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %all = tensor.concat dim(1) %s, %plus1, %plus1b, %sub, %neg, %dbl, %relu, %sq, %sel, %ins : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x40xf32>
  %p0 = bufferization.to_buffer %all : tensor<4x40xf32> to memref<4x40xf32>
  %q0 = memref.cast %p0 : memref<4x40xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %rs : tensor<4xf32> to memref<4xf32>
  %q1 = memref.cast %p1 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  return
}
