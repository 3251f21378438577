// Structural ops on a partial value (5 ranks; the matmul's contraction is
// split over [2, 4, 0], ranks 1 and 3 hold another operand): insert_slice
// of a constant into the partial value (the slice must not be summed),
// tensor.pad with pad value 5, concat with a row-split tensor on [1, 3],
// linalg.copy, and a strided extract_slice whose absf is inserted back.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<4x6xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<4x6xf32>) {
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
  } -> tensor<4x6xf32>
  %w_e = tensor.empty() : tensor<6x4xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w_e : tensor<6x4xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 0 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 1 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 3 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %md1 = arith.constant 5 : index
    %r1 = arith.remui %acc1_2, %md1 : index
    %i1 = arith.index_cast %r1 : index to i32
    %of1 = arith.constant 2 : i32
    %s1 = arith.subi %i1, %of1 : i32
    %v1 = arith.sitofp %s1 : i32 to f32
    linalg.yield %v1 : f32
  } -> tensor<6x4xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[2, 4, 0] : [d1 = 3]> : tensor<4x6xf32>
  %p_i_z = arith.constant 0.0 : f32
  %p_i_e = tensor.empty() : tensor<4x4xf32>
  %p_i = linalg.fill ins(%p_i_z : f32) outs(%p_i_e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %p = linalg.matmul ins(%aa, %w : tensor<4x6xf32>, tensor<6x4xf32>) outs(%p_i : tensor<4x4xf32>) -> tensor<4x4xf32>
  %k = arith.constant dense<[[9.0, 8.0], [7.0, 6.0]]> : tensor<2x2xf32>
  %ins = tensor.insert_slice %k into %p[1, 1] [2, 2] [1, 1] : tensor<2x2xf32> into tensor<4x4xf32>
  %pv = arith.constant 5.0 : f32
  %pad = tensor.pad %p low[1, 0] high[0, 2] {
  ^bb0(%i: index, %j: index):
    tensor.yield %pv : f32
  } : tensor<4x4xf32> to tensor<5x6xf32>
  %c = hspmd.annotate %a as #hspmd.sharding<[1, 3] : [d0 = 2]> : tensor<4x6xf32>
  %cat = tensor.concat dim(1) %p, %c : (tensor<4x4xf32>, tensor<4x6xf32>) -> tensor<4x10xf32>
  %ce = tensor.empty() : tensor<4x4xf32>
  %cp = linalg.copy ins(%p : tensor<4x4xf32>) outs(%ce : tensor<4x4xf32>) -> tensor<4x4xf32>
  %sl = tensor.extract_slice %p[0, 1] [4, 2] [1, 2] : tensor<4x4xf32> to tensor<4x2xf32>
  %sla = math.absf %sl : tensor<4x2xf32>
  %ins2 = tensor.insert_slice %sla into %cp[0, 0] [4, 2] [1, 1] : tensor<4x2xf32> into tensor<4x4xf32>
  %pb2 = bufferization.to_buffer %ins : tensor<4x4xf32> to memref<4x4xf32>
  %pc2 = memref.cast %pb2 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  %pb3 = bufferization.to_buffer %pad : tensor<5x6xf32> to memref<5x6xf32>
  %pc3 = memref.cast %pb3 : memref<5x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %cat : tensor<4x10xf32> to memref<4x10xf32>
  %pc4 = memref.cast %pb4 : memref<4x10xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %ins2 : tensor<4x4xf32> to memref<4x4xf32>
  %pc5 = memref.cast %pb5 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  return
}
