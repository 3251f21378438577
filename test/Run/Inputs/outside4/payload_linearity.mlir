// linalg.generic payloads on a partial=3 operand with result annotated partial: scalar operand add, constant inside payload, linalg.index subtract, 0-x divided by scalar, select of a constant, captured scalar add.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<4x6xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e : tensor<4x6xf32>) {
  ^bb0(%a_o: f32):
    %a_acc0 = arith.constant 1 : index
    %a_ix0 = linalg.index 0 : index
    %a_k0 = arith.constant 3 : index
    %a_m0 = arith.muli %a_ix0, %a_k0 : index
    %a_acc1 = arith.addi %a_acc0, %a_m0 : index
    %a_ix1 = linalg.index 1 : index
    %a_k1 = arith.constant 2 : index
    %a_m1 = arith.muli %a_ix1, %a_k1 : index
    %a_acc2 = arith.addi %a_acc1, %a_m1 : index
    %a_md = arith.constant 11 : index
    %a_rm = arith.remui %a_acc2, %a_md : index
    %a_ii = arith.index_cast %a_rm : index to i32
    %a_v = arith.sitofp %a_ii : i32 to f32
    linalg.yield %a_v : f32
  } -> tensor<4x6xf32>
  %b_e = tensor.empty() : tensor<6x4xf32>
  %b = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%b_e : tensor<6x4xf32>) {
  ^bb0(%b_o: f32):
    %b_acc0 = arith.constant 1 : index
    %b_ix0 = linalg.index 0 : index
    %b_k0 = arith.constant 3 : index
    %b_m0 = arith.muli %b_ix0, %b_k0 : index
    %b_acc1 = arith.addi %b_acc0, %b_m0 : index
    %b_ix1 = linalg.index 1 : index
    %b_k1 = arith.constant 2 : index
    %b_m1 = arith.muli %b_ix1, %b_k1 : index
    %b_acc2 = arith.addi %b_acc1, %b_m1 : index
    %b_md = arith.constant 5 : index
    %b_rm = arith.remui %b_acc2, %b_md : index
    %b_ii = arith.index_cast %b_rm : index to i32
    %b_v = arith.sitofp %b_ii : i32 to f32
    linalg.yield %b_v : f32
  } -> tensor<6x4xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[3, 1, 2] : [d1 = 3]> : tensor<4x6xf32>
  %b1 = hspmd.annotate %b as #hspmd.sharding<[3, 1, 2] : [d0 = 3]> : tensor<6x4xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %m = linalg.matmul ins(%a1, %b1 : tensor<4x6xf32>, tensor<6x4xf32>) outs(%f : tensor<4x4xf32>) -> tensor<4x4xf32>
  %p = hspmd.annotate %m as #hspmd.sharding<[3, 1, 2] : [partial = 3]> : tensor<4x4xf32>
  %s = arith.constant 2.0 : f32
  %true = arith.constant false
  %g1 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> ()>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%p, %s : tensor<4x4xf32>, f32) outs(%e : tensor<4x4xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %r = arith.addf %x, %y : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %g1a = hspmd.annotate %g1 as #hspmd.sharding<[3, 1, 2] : [partial = 3]> : tensor<4x4xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%p : tensor<4x4xf32>) outs(%e : tensor<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %c = arith.constant 1.0 : f32
    %r = arith.addf %x, %c : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %g2a = hspmd.annotate %g2 as #hspmd.sharding<[3, 1, 2] : [partial = 3]> : tensor<4x4xf32>
  %g3 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%p : tensor<4x4xf32>) outs(%e : tensor<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %r = arith.subf %x, %fi : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %g3a = hspmd.annotate %g3 as #hspmd.sharding<[3, 1, 2] : [partial = 3]> : tensor<4x4xf32>
  %g4 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%p : tensor<4x4xf32>) outs(%e : tensor<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %c = arith.constant 0.0 : f32
    %r = arith.subf %c, %x : f32
    %r2 = arith.divf %r, %s : f32
    linalg.yield %r2 : f32
  } -> tensor<4x4xf32>
  %g4a = hspmd.annotate %g4 as #hspmd.sharding<[3, 1, 2] : [partial = 3]> : tensor<4x4xf32>
  %g5 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%p : tensor<4x4xf32>) outs(%e : tensor<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %c = arith.constant 3.0 : f32
    %r = arith.select %true, %x, %c : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %g5a = hspmd.annotate %g5 as #hspmd.sharding<[3, 1, 2] : [partial = 3]> : tensor<4x4xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%p : tensor<4x4xf32>) outs(%e : tensor<4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %r = arith.addf %x, %s : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %g6a = hspmd.annotate %g6 as #hspmd.sharding<[3, 1, 2] : [partial = 3]> : tensor<4x4xf32>
  %pb_g1a = bufferization.to_buffer %g1a : tensor<4x4xf32> to memref<4x4xf32>
  %pc_g1a = memref.cast %pb_g1a : memref<4x4xf32> to memref<*xf32>
  func.call @printMemrefF32(%pc_g1a) : (memref<*xf32>) -> ()
  %pb_g2a = bufferization.to_buffer %g2a : tensor<4x4xf32> to memref<4x4xf32>
  %pc_g2a = memref.cast %pb_g2a : memref<4x4xf32> to memref<*xf32>
  func.call @printMemrefF32(%pc_g2a) : (memref<*xf32>) -> ()
  %pb_g3a = bufferization.to_buffer %g3a : tensor<4x4xf32> to memref<4x4xf32>
  %pc_g3a = memref.cast %pb_g3a : memref<4x4xf32> to memref<*xf32>
  func.call @printMemrefF32(%pc_g3a) : (memref<*xf32>) -> ()
  %pb_g4a = bufferization.to_buffer %g4a : tensor<4x4xf32> to memref<4x4xf32>
  %pc_g4a = memref.cast %pb_g4a : memref<4x4xf32> to memref<*xf32>
  func.call @printMemrefF32(%pc_g4a) : (memref<*xf32>) -> ()
  %pb_g5a = bufferization.to_buffer %g5a : tensor<4x4xf32> to memref<4x4xf32>
  %pc_g5a = memref.cast %pb_g5a : memref<4x4xf32> to memref<*xf32>
  func.call @printMemrefF32(%pc_g5a) : (memref<*xf32>) -> ()
  %pb_g6a = bufferization.to_buffer %g6a : tensor<4x4xf32> to memref<4x4xf32>
  %pc_g6a = memref.cast %pb_g6a : memref<4x4xf32> to memref<*xf32>
  func.call @printMemrefF32(%pc_g6a) : (memref<*xf32>) -> ()
  return
}
