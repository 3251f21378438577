// Repro (4 ranks): the trace of a 4 x 4 matrix split [d0 = 2, d1 = 2], a
// reduction loop indexing two dims of one operand (affine_map<(i) -> (i, i)>)
// into a 0-d sum. hspmd-opt --hspmd-to-llvm segfaults in
// mlir::matchReduction called from linalg::splitReduction in the propagate
// pass, after remarking "the reduction's combiner is not a sum" (it is a
// sum). With [0, 1] : [d1 = 2] it says the same, splits and gives 34; the
// diagonal loop should not be split at all (docs/Design.md).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]> : tensor<4x4xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<4x4xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<f32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<f32>) -> tensor<f32>
  %tr = linalg.generic {indexing_maps = [affine_map<(i) -> (i, i)>, affine_map<(i) -> ()>], iterator_types = ["reduction"]} ins(%aa : tensor<4x4xf32>) outs(%f : tensor<f32>) {
  ^bb0(%x: f32, %acc: f32):
    %t = arith.addf %acc, %x : f32
    linalg.yield %t : f32
  } -> tensor<f32>
  %p = bufferization.to_buffer %tr : tensor<f32> to memref<f32>
  %q = memref.cast %p : memref<f32> to memref<*xf32>
  call @printMemrefF32(%q) : (memref<*xf32>) -> ()
  return
}
