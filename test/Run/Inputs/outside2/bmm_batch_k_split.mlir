// linalg.batch_matmul (4 ranks, device list [3, 1, 2, 0]) with the batch dim
// split 2 ways and the contraction dim split 2 ways on both operands: the
// result is partial over the K axis; +1 afterwards must not be added twice;
// the result is then wanted split on its last dim over [0, 1] only.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a0_e = tensor.empty() : tensor<4x4x8xf32>
  %a0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%a0_e : tensor<4x4x8xf32>) {
  ^bb0(%o0: f32):
    %acc0_0 = arith.constant 0 : index
    %ix0_0 = linalg.index 0 : index
    %cc0_0 = arith.constant 3 : index
    %m0_0 = arith.muli %ix0_0, %cc0_0 : index
    %acc0_1 = arith.addi %acc0_0, %m0_0 : index
    %ix0_1 = linalg.index 1 : index
    %cc0_1 = arith.constant 5 : index
    %m0_1 = arith.muli %ix0_1, %cc0_1 : index
    %acc0_2 = arith.addi %acc0_1, %m0_1 : index
    %ix0_2 = linalg.index 2 : index
    %cc0_2 = arith.constant 1 : index
    %m0_2 = arith.muli %ix0_2, %cc0_2 : index
    %acc0_3 = arith.addi %acc0_2, %m0_2 : index
    %md0 = arith.constant 7 : index
    %r0 = arith.remui %acc0_3, %md0 : index
    %i0 = arith.index_cast %r0 : index to i32
    %of0 = arith.constant 3 : i32
    %s0 = arith.subi %i0, %of0 : i32
    %v0 = arith.sitofp %s0 : i32 to f32
    linalg.yield %v0 : f32
  } -> tensor<4x4x8xf32>
  %b0_e = tensor.empty() : tensor<4x8x6xf32>
  %b0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%b0_e : tensor<4x8x6xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 0 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 1 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 2 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %ix1_2 = linalg.index 2 : index
    %cc1_2 = arith.constant 3 : index
    %m1_2 = arith.muli %ix1_2, %cc1_2 : index
    %acc1_3 = arith.addi %acc1_2, %m1_2 : index
    %md1 = arith.constant 5 : index
    %r1 = arith.remui %acc1_3, %md1 : index
    %i1 = arith.index_cast %r1 : index to i32
    %of1 = arith.constant 2 : i32
    %s1 = arith.subi %i1, %of1 : i32
    %v1 = arith.sitofp %s1 : i32 to f32
    linalg.yield %v1 : f32
  } -> tensor<4x8x6xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[3, 1, 2, 0] : [d0 = 2, d2 = 2]> : tensor<4x4x8xf32>
  %b = hspmd.annotate %b0 as #hspmd.sharding<[3, 1, 2, 0] : [d0 = 2, d1 = 2]> : tensor<4x8x6xf32>
  %c0_z = arith.constant 0.0 : f32
  %c0_e = tensor.empty() : tensor<4x4x6xf32>
  %c0 = linalg.fill ins(%c0_z : f32) outs(%c0_e : tensor<4x4x6xf32>) -> tensor<4x4x6xf32>
  %c = linalg.batch_matmul ins(%a, %b : tensor<4x4x8xf32>, tensor<4x8x6xf32>) outs(%c0 : tensor<4x4x6xf32>) -> tensor<4x4x6xf32>
  %one = arith.constant dense<1.0> : tensor<4x4x6xf32>
  %c1 = arith.addf %c, %one : tensor<4x4x6xf32>
  %c2 = hspmd.annotate %c1 as #hspmd.sharding<[0, 1] : [d2 = 2]> : tensor<4x4x6xf32>
  %pb2 = bufferization.to_buffer %c2 : tensor<4x4x6xf32> to memref<4x4x6xf32>
  %pc2 = memref.cast %pb2 : memref<4x4x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  return
}
