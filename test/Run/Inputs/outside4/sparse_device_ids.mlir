// Devices 1 and 2000000000 share one program whose linalg.index offsets
// differ (2, 4): the offset is found by a search over the sorted ids,
// not read from a table indexed by the id (which had 2000000001 entries:
// out of memory) (outside4.test).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<6xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e : tensor<6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<6xf32>
  %g1 = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2000000000] : [d0 = 3]> : tensor<6xf32>
  %pb = bufferization.to_buffer %g1 : tensor<6xf32> to memref<6xf32>
  %pc = memref.cast %pb : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc) : (memref<*xf32>) -> ()
  return
}
