// Point-to-point reshards whose devices share programs by writing peers as
// distances (a pipeline boundary, a cyclic shift, a split regrouped with
// its axes in the other order), each checked against the single device.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<16x3xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<16x3xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %a = arith.muli %i, %c10 : index
    %s = arith.addi %a, %j : index
    %v = arith.index_cast %s : index to i32
    %f = arith.sitofp %v : i32 to f32
    linalg.yield %f : f32
  } -> tensor<16x3xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<16x3xf32>
  // A pipeline boundary: each device hands its block on to the device 4 on.
  %b = hspmd.reshard %x to #hspmd.sharding<[4, 5, 6, 7] : [d0 = 4]> : tensor<16x3xf32>
  %c = arith.addf %b, %b : tensor<16x3xf32>
  // A cyclic shift over all eight.
  %s1 = hspmd.reshard %c to #hspmd.sharding<[0 to 7] : [d0 = 8]> : tensor<16x3xf32>
  %s2 = hspmd.reshard %s1 to #hspmd.sharding<[7, 0, 1, 2, 3, 4, 5, 6] : [d0 = 8]> : tensor<16x3xf32>
  %d = arith.addf %s2, %s2 : tensor<16x3xf32>
  // The axes in the other order.
  %r = hspmd.reshard %d to #hspmd.sharding<[0 to 7] : [dup = 2, d0 = 4]> : tensor<16x3xf32>
  %t = arith.addf %r, %g : tensor<16x3xf32>
  %w = hspmd.reshard %t to #hspmd.sharding<[0] : []> : tensor<16x3xf32>
  %pb = bufferization.to_buffer %w : tensor<16x3xf32> to memref<16x3xf32>
  %pc = memref.cast %pb : memref<16x3xf32> to memref<*xf32>
  call @printMemrefF32(%pc) : (memref<*xf32>) -> ()
  return
}
