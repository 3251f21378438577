// Devices left idle (8 ranks, only 5, 2 and 7 hold data): a matmul whose
// contraction is split over [5, 2, 7] for A and [7, 5, 2] for W (different
// orders, so blocks must be matched), init 1; the result is wanted row-split
// on [2, 7]; device 0, which prints, holds nothing.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<6x9xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<6x9xf32>) {
  ^bb0(%o20: f32):
    %acc20_0 = arith.constant 0 : index
    %ix20_0 = linalg.index 0 : index
    %cc20_0 = arith.constant 4 : index
    %m20_0 = arith.muli %ix20_0, %cc20_0 : index
    %acc20_1 = arith.addi %acc20_0, %m20_0 : index
    %ix20_1 = linalg.index 1 : index
    %cc20_1 = arith.constant 1 : index
    %m20_1 = arith.muli %ix20_1, %cc20_1 : index
    %acc20_2 = arith.addi %acc20_1, %m20_1 : index
    %md20 = arith.constant 11 : index
    %r20 = arith.remui %acc20_2, %md20 : index
    %i20 = arith.index_cast %r20 : index to i32
    %of20 = arith.constant 5 : i32
    %s20 = arith.subi %i20, %of20 : i32
    %v20 = arith.sitofp %s20 : i32 to f32
    linalg.yield %v20 : f32
  } -> tensor<6x9xf32>
  %w_e = tensor.empty() : tensor<9x3xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w_e : tensor<9x3xf32>) {
  ^bb0(%o21: f32):
    %acc21_0 = arith.constant 0 : index
    %ix21_0 = linalg.index 0 : index
    %cc21_0 = arith.constant 2 : index
    %m21_0 = arith.muli %ix21_0, %cc21_0 : index
    %acc21_1 = arith.addi %acc21_0, %m21_0 : index
    %ix21_1 = linalg.index 1 : index
    %cc21_1 = arith.constant 1 : index
    %m21_1 = arith.muli %ix21_1, %cc21_1 : index
    %acc21_2 = arith.addi %acc21_1, %m21_1 : index
    %md21 = arith.constant 7 : index
    %r21 = arith.remui %acc21_2, %md21 : index
    %i21 = arith.index_cast %r21 : index to i32
    %of21 = arith.constant 3 : i32
    %s21 = arith.subi %i21, %of21 : i32
    %v21 = arith.sitofp %s21 : i32 to f32
    linalg.yield %v21 : f32
  } -> tensor<9x3xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[5, 2, 7] : [d1 = 3]> : tensor<6x9xf32>
  %wa = hspmd.annotate %w as #hspmd.sharding<[7, 5, 2] : [d0 = 3]> : tensor<9x3xf32>
  %c_i_z = arith.constant 1.0 : f32
  %c_i_e = tensor.empty() : tensor<6x3xf32>
  %c_i = linalg.fill ins(%c_i_z : f32) outs(%c_i_e : tensor<6x3xf32>) -> tensor<6x3xf32>
  %c = linalg.matmul ins(%aa, %wa : tensor<6x9xf32>, tensor<9x3xf32>) outs(%c_i : tensor<6x3xf32>) -> tensor<6x3xf32>
  %ca = hspmd.annotate %c as #hspmd.sharding<[2, 7] : [d0 = 2]> : tensor<6x3xf32>
  %t = arith.mulf %ca, %ca : tensor<6x3xf32>
  %pb22 = bufferization.to_buffer %c : tensor<6x3xf32> to memref<6x3xf32>
  %pc22 = memref.cast %pb22 : memref<6x3xf32> to memref<*xf32>
  call @printMemrefF32(%pc22) : (memref<*xf32>) -> ()
  %pb23 = bufferization.to_buffer %t : tensor<6x3xf32> to memref<6x3xf32>
  %pc23 = memref.cast %pb23 : memref<6x3xf32> to memref<*xf32>
  call @printMemrefF32(%pc23) : (memref<*xf32>) -> ()
  return
}
