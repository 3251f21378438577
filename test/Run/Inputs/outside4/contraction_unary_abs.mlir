// A generic contraction out += abs(S) * W whose S is partial (a matmul with
// its contraction split): abs is not linear, so S is reduced first. It used
// to be carried as summands (upstream's contraction test looks through unary
// ops), adding |s0| + |s1| instead of |s0 + s1|.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a0 = arith.constant dense<[[1.0, -2.0], [3.0, -4.0]]> : tensor<2x2xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x2xf32>
  %b0 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<2x4xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %s = linalg.matmul ins(%a, %b0 : tensor<2x2xf32>, tensor<2x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %w = arith.constant dense<[[1.0], [1.0], [1.0], [1.0]]> : tensor<4x1xf32>
  %e2 = tensor.empty() : tensor<2x1xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%s, %w : tensor<2x4xf32>, tensor<4x1xf32>) outs(%f2 : tensor<2x1xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %ax = math.absf %x : f32
    %p = arith.mulf %ax, %y : f32
    %q = arith.addf %o, %p : f32
    linalg.yield %q : f32
  } -> tensor<2x1xf32>
  %b = bufferization.to_buffer %r : tensor<2x1xf32> to memref<2x1xf32>
  %u = memref.cast %b : memref<2x1xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
