// One 2-D-split tensor read twice in one generic, once transposed
// (A[i,j]*A[j,i] - A[i,j]); a row reduction reading A transposed and the
// product (init 1); the diagonal of the product and the trace of A (a loop
// indexing two dims of one operand), 4 ranks on [1, 0, 3, 2].
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<8x8xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<8x8xf32>) {
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
    %md0 = arith.constant 11 : index
    %r0 = arith.remui %acc0_2, %md0 : index
    %i0 = arith.index_cast %r0 : index to i32
    %of0 = arith.constant 5 : i32
    %s0 = arith.subi %i0, %of0 : i32
    %v0 = arith.sitofp %s0 : i32 to f32
    linalg.yield %v0 : f32
  } -> tensor<8x8xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[1, 0, 3, 2] : [d0 = 2, d1 = 2]> : tensor<8x8xf32>
  %e = tensor.empty() : tensor<8x8xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%aa, %aa : tensor<8x8xf32>, tensor<8x8xf32>) outs(%e : tensor<8x8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %t = arith.subf %m, %x : f32
    linalg.yield %t : f32
  } -> tensor<8x8xf32>
  %r0_z = arith.constant 1.0 : f32
  %r0_e = tensor.empty() : tensor<8xf32>
  %r0 = linalg.fill ins(%r0_z : f32) outs(%r0_e : tensor<8xf32>) -> tensor<8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%aa, %s : tensor<8x8xf32>, tensor<8x8xf32>) outs(%r0 : tensor<8xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %t = arith.addf %acc, %m : f32
    linalg.yield %t : f32
  } -> tensor<8xf32>
  %d0_z = arith.constant 0.0 : f32
  %d0_e = tensor.empty() : tensor<8xf32>
  %d0 = linalg.fill ins(%d0_z : f32) outs(%d0_e : tensor<8xf32>) -> tensor<8xf32>
  %dg = linalg.generic {indexing_maps = [affine_map<(i) -> (i, i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%s : tensor<8x8xf32>) outs(%d0 : tensor<8xf32>) {
  ^bb0(%x: f32, %o: f32):
    linalg.yield %x : f32
  } -> tensor<8xf32>
  %tr0_z = arith.constant 0.0 : f32
  %tr0_e = tensor.empty() : tensor<f32>
  %tr0 = linalg.fill ins(%tr0_z : f32) outs(%tr0_e : tensor<f32>) -> tensor<f32>
  %tr = linalg.generic {indexing_maps = [affine_map<(i) -> (i, i)>, affine_map<(i) -> ()>], iterator_types = ["reduction"]} ins(%aa : tensor<8x8xf32>) outs(%tr0 : tensor<f32>) {
  ^bb0(%x: f32, %acc: f32):
    %t = arith.addf %acc, %x : f32
    linalg.yield %t : f32
  } -> tensor<f32>
  %rm = arith.mulf %r, %dg : tensor<8xf32>
  %pb1 = bufferization.to_buffer %s : tensor<8x8xf32> to memref<8x8xf32>
  %pc1 = memref.cast %pb1 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%pc1) : (memref<*xf32>) -> ()
  %pb2 = bufferization.to_buffer %r : tensor<8xf32> to memref<8xf32>
  %pc2 = memref.cast %pb2 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  %pb3 = bufferization.to_buffer %rm : tensor<8xf32> to memref<8xf32>
  %pc3 = memref.cast %pb3 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %tr : tensor<f32> to memref<f32>
  %pc4 = memref.cast %pb4 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  return
}
