func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x4xf32>
  %x0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x4xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %n = arith.index_cast %i : index to i64
    %v = arith.sitofp %n : i64 to f32
    linalg.yield %v : f32
  } -> tensor<4x4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x4xf32>
  %e2 = tensor.empty() : tensor<4x4xf32>
  %q = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e2 : tensor<4x4xf32>) {
  ^bb0(%out: f32):
    %j = linalg.index 1 : index
    %n = arith.index_cast %j : index to i64
    %v = arith.sitofp %n : i64 to f32
    linalg.yield %v : f32
  } -> tensor<4x4xf32>
  %r = arith.addf %x, %q : tensor<4x4xf32>
  %b = bufferization.to_buffer %r : tensor<4x4xf32> to memref<4x4xf32>
  %u = memref.cast %b : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
