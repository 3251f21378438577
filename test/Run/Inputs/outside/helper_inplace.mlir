// Helpers that update their argument "in place" (2 ranks): @put writes a
// 2 x 4 block into its argument with tensor.insert_slice and returns it;
// @poke does tensor.insert of a scalar. The caller keeps using the original
// argument afterwards (value semantics: it must be unchanged), calls @put
// twice on the same row-split value with different blocks, and once on a
// column-split value; the updated results are summed with the original.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @put(%a: tensor<6x4xf32>, %b: tensor<2x4xf32>) -> tensor<6x4xf32> {
  %r = tensor.insert_slice %b into %a[2, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<6x4xf32>
  return %r : tensor<6x4xf32>
}
func.func private @poke(%a: tensor<6x4xf32>, %v: f32) -> tensor<6x4xf32> {
  %c5 = arith.constant 5 : index
  %c3 = arith.constant 3 : index
  %r = tensor.insert %v into %a[%c5, %c3] : tensor<6x4xf32>
  return %r : tensor<6x4xf32>
}
func.func @main() {
  %e = tensor.empty() : tensor<6x4xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<6x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<6x4xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<6x4xf32>
  %blk1 = arith.constant dense<-1.0> : tensor<2x4xf32>
  %blk2 = arith.constant dense<[[100.0, 101.0, 102.0, 103.0], [104.0, 105.0, 106.0, 107.0]]> : tensor<2x4xf32>
  %u1 = call @put(%a, %blk1) : (tensor<6x4xf32>, tensor<2x4xf32>) -> tensor<6x4xf32>
  %u2 = call @put(%a, %blk2) : (tensor<6x4xf32>, tensor<2x4xf32>) -> tensor<6x4xf32>
  %b = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<6x4xf32>
  %u3 = call @put(%b, %blk1) : (tensor<6x4xf32>, tensor<2x4xf32>) -> tensor<6x4xf32>
  %nine = arith.constant 9.0 : f32
  %u4 = call @poke(%u3, %nine) : (tensor<6x4xf32>, f32) -> tensor<6x4xf32>
  %s = arith.addf %u1, %u2 : tensor<6x4xf32>
  %s2 = arith.addf %s, %a : tensor<6x4xf32>
  %s3 = arith.addf %s2, %u4 : tensor<6x4xf32>
  %p0 = bufferization.to_buffer %a : tensor<6x4xf32> to memref<6x4xf32>
  %q0 = memref.cast %p0 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %u2 : tensor<6x4xf32> to memref<6x4xf32>
  %q1 = memref.cast %p1 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %s3 : tensor<6x4xf32> to memref<6x4xf32>
  %q2 = memref.cast %p2 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %b : tensor<6x4xf32> to memref<6x4xf32>
  %q3 = memref.cast %p3 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  return
}
