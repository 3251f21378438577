// Annotations on intermediates that contradict propagation (5 ranks, device
// list [4, 0, 3, 1, 2]): a partial matmul result annotated row-split on
// [1, 2, 3] (partial -> split), +2, annotated partial on [0, 4]
// (split -> partial by annotation), *2 (linear: may stay partial), then
// hetero = partial over [2] and [3, 1], -2 (must be added once), column-split
// on all five, squared, partial again on [3, 4], then absf (must reduce
// first).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a0_e = tensor.empty() : tensor<6x10xf32>
  %a0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a0_e : tensor<6x10xf32>) {
  ^bb0(%o0: f32):
    %acc0_0 = arith.constant 0 : index
    %ix0_0 = linalg.index 0 : index
    %cc0_0 = arith.constant 3 : index
    %m0_0 = arith.muli %ix0_0, %cc0_0 : index
    %acc0_1 = arith.addi %acc0_0, %m0_0 : index
    %ix0_1 = linalg.index 1 : index
    %cc0_1 = arith.constant 1 : index
    %m0_1 = arith.muli %ix0_1, %cc0_1 : index
    %acc0_2 = arith.addi %acc0_1, %m0_1 : index
    %md0 = arith.constant 7 : index
    %r0 = arith.remui %acc0_2, %md0 : index
    %i0 = arith.index_cast %r0 : index to i32
    %of0 = arith.constant 3 : i32
    %s0 = arith.subi %i0, %of0 : i32
    %v0 = arith.sitofp %s0 : i32 to f32
    linalg.yield %v0 : f32
  } -> tensor<6x10xf32>
  %b0_e = tensor.empty() : tensor<10x5xf32>
  %b0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%b0_e : tensor<10x5xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 0 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 1 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 4 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %md1 = arith.constant 5 : index
    %r1 = arith.remui %acc1_2, %md1 : index
    %i1 = arith.index_cast %r1 : index to i32
    %of1 = arith.constant 2 : i32
    %s1 = arith.subi %i1, %of1 : i32
    %v1 = arith.sitofp %s1 : i32 to f32
    linalg.yield %v1 : f32
  } -> tensor<10x5xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[4, 0, 3, 1, 2] : [d1 = 5]> : tensor<6x10xf32>
  %b = hspmd.annotate %b0 as #hspmd.sharding<[4, 0, 3, 1, 2] : [d0 = 5]> : tensor<10x5xf32>
  %c_i_z = arith.constant 0.0 : f32
  %c_i_e = tensor.empty() : tensor<6x5xf32>
  %c_i = linalg.fill ins(%c_i_z : f32) outs(%c_i_e : tensor<6x5xf32>) -> tensor<6x5xf32>
  %c = linalg.matmul ins(%a, %b : tensor<6x10xf32>, tensor<10x5xf32>) outs(%c_i : tensor<6x5xf32>) -> tensor<6x5xf32>
  %c1 = hspmd.annotate %c as #hspmd.sharding<[1, 2, 3] : [d0 = 3]> : tensor<6x5xf32>
  %two = arith.constant dense<2.0> : tensor<6x5xf32>
  %c2 = arith.addf %c1, %two : tensor<6x5xf32>
  %c3 = hspmd.annotate %c2 as #hspmd.sharding<[0, 4] : [partial = 2]> : tensor<6x5xf32>
  %c4 = arith.mulf %c3, %two : tensor<6x5xf32>
  %c5 = hspmd.annotate %c4 as #hspmd.sharding<hetero = partial, groups = [[2] : [], [3, 1] : [d0 = 2]]> : tensor<6x5xf32>
  %c6 = arith.subf %c5, %two : tensor<6x5xf32>
  %c7 = hspmd.annotate %c6 as #hspmd.sharding<[0, 1, 2, 3, 4] : [d1 = 5]> : tensor<6x5xf32>
  %c8 = arith.mulf %c7, %c7 : tensor<6x5xf32>
  %c9 = hspmd.annotate %c8 as #hspmd.sharding<[3, 4] : [partial = 2]> : tensor<6x5xf32>
  %c10 = math.absf %c9 : tensor<6x5xf32>
  %pb2 = bufferization.to_buffer %c2 : tensor<6x5xf32> to memref<6x5xf32>
  %pc2 = memref.cast %pb2 : memref<6x5xf32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  %pb3 = bufferization.to_buffer %c6 : tensor<6x5xf32> to memref<6x5xf32>
  %pc3 = memref.cast %pb3 : memref<6x5xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %c10 : tensor<6x5xf32> to memref<6x5xf32>
  %pc4 = memref.cast %pb4 : memref<6x5xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  return
}
