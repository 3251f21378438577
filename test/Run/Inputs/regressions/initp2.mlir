func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<2x4xf32>
  %one = arith.constant 1.0 : f32
  %z = arith.constant 0.0 : f32
  %x0 = linalg.fill ins(%one : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xf32>
  %ei = tensor.empty() : tensor<2xf32>
  %f = linalg.fill ins(%z : f32) outs(%ei : tensor<2xf32>) -> tensor<2xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<2x4xf32>) outs(%f : tensor<2xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %a = arith.addf %acc, %in : f32
    linalg.yield %a : f32
  } -> tensor<2xf32>
  %q = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]} outs(%s : tensor<2xf32>) {
  ^bb0(%out: f32):
    %a = arith.addf %out, %one : f32
    linalg.yield %a : f32
  } -> tensor<2xf32>
  %qa = hspmd.annotate %q as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<2xf32>
  %b = bufferization.to_buffer %qa : tensor<2xf32> to memref<2xf32>
  %u = memref.cast %b : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
