// Minimal repro: a generic with no inputs whose body squares its init
// (outs(%s) { out * out }) where %s is a sum over a split dimension
// (partial on 2 ranks), and whose result is added to %s (so a partial
// result is wanted). Propagation keeps the init and the result partial: the
// distributed run prints sum(piece^2) + s instead of s^2 + s (exit 0).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %x = hspmd.annotate %c as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<2xf32>) -> tensor<2xf32>
  %s = linalg.reduce ins(%x : tensor<2x4xf32>) outs(%f : tensor<2xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.addf %in, %acc : f32
      linalg.yield %t : f32
    }
  %sq = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]} outs(%s : tensor<2xf32>) {
  ^bb0(%o: f32):
    %t = arith.mulf %o, %o : f32
    linalg.yield %t : f32
  } -> tensor<2xf32>
  %t = arith.addf %sq, %s : tensor<2xf32>
  %b = bufferization.to_buffer %t : tensor<2xf32> to memref<2xf32>
  %u = memref.cast %b : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
