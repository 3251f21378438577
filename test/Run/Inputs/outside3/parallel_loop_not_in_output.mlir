// A linalg.generic whose output map leaves out a parallel loop
// (out[j] = x[i, j]: the last i stays, as the sequential lowering writes
// it). The loop is held whole although the input is split along it; split,
// each device kept its own block's last row.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x2xf32>
  %e = tensor.empty() : tensor<2xf32>
  %ow = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (j)>], iterator_types = ["parallel", "parallel"]} ins(%xa : tensor<2x2xf32>) outs(%e : tensor<2xf32>) {
  ^bb0(%in: f32, %o: f32):
    linalg.yield %in : f32
  } -> tensor<2xf32>
  %m = bufferization.to_buffer %ow : tensor<2xf32> to memref<2xf32>
  %u = memref.cast %m : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
