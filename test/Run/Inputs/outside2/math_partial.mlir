// math ops on a partial value (4 ranks): S is a matmul with the contraction
// split over [1, 2, 3, 0]; absf, floor/ceil/trunc/roundeven of S/2 (halves:
// the split summands would round differently), sqrt(S*S), copysign(0.5, S)
// all need S reduced first.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<4x8xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<4x8xf32>) {
  ^bb0(%o17: f32):
    %acc17_0 = arith.constant 0 : index
    %ix17_0 = linalg.index 0 : index
    %cc17_0 = arith.constant 3 : index
    %m17_0 = arith.muli %ix17_0, %cc17_0 : index
    %acc17_1 = arith.addi %acc17_0, %m17_0 : index
    %ix17_1 = linalg.index 1 : index
    %cc17_1 = arith.constant 1 : index
    %m17_1 = arith.muli %ix17_1, %cc17_1 : index
    %acc17_2 = arith.addi %acc17_1, %m17_1 : index
    %md17 = arith.constant 7 : index
    %r17 = arith.remui %acc17_2, %md17 : index
    %i17 = arith.index_cast %r17 : index to i32
    %of17 = arith.constant 3 : i32
    %s17 = arith.subi %i17, %of17 : i32
    %v17 = arith.sitofp %s17 : i32 to f32
    linalg.yield %v17 : f32
  } -> tensor<4x8xf32>
  %w_e = tensor.empty() : tensor<8x4xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w_e : tensor<8x4xf32>) {
  ^bb0(%o18: f32):
    %acc18_0 = arith.constant 0 : index
    %ix18_0 = linalg.index 0 : index
    %cc18_0 = arith.constant 1 : index
    %m18_0 = arith.muli %ix18_0, %cc18_0 : index
    %acc18_1 = arith.addi %acc18_0, %m18_0 : index
    %ix18_1 = linalg.index 1 : index
    %cc18_1 = arith.constant 3 : index
    %m18_1 = arith.muli %ix18_1, %cc18_1 : index
    %acc18_2 = arith.addi %acc18_1, %m18_1 : index
    %md18 = arith.constant 5 : index
    %r18 = arith.remui %acc18_2, %md18 : index
    %i18 = arith.index_cast %r18 : index to i32
    %of18 = arith.constant 2 : i32
    %s18 = arith.subi %i18, %of18 : i32
    %v18 = arith.sitofp %s18 : i32 to f32
    linalg.yield %v18 : f32
  } -> tensor<8x4xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[1, 2, 3, 0] : [d1 = 4]> : tensor<4x8xf32>
  %p_i_z = arith.constant 0.0 : f32
  %p_i_e = tensor.empty() : tensor<4x4xf32>
  %p_i = linalg.fill ins(%p_i_z : f32) outs(%p_i_e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %p = linalg.matmul ins(%aa, %w : tensor<4x8xf32>, tensor<8x4xf32>) outs(%p_i : tensor<4x4xf32>) -> tensor<4x4xf32>
  %ab = math.absf %p : tensor<4x4xf32>
  %h = arith.constant dense<0.5> : tensor<4x4xf32>
  %ph = arith.mulf %p, %h : tensor<4x4xf32>
  %fl = math.floor %ph : tensor<4x4xf32>
  %ce = math.ceil %ph : tensor<4x4xf32>
  %tr = math.trunc %ph : tensor<4x4xf32>
  %rn = math.roundeven %ph : tensor<4x4xf32>
  %sq = arith.mulf %p, %p : tensor<4x4xf32>
  %rt = math.sqrt %sq : tensor<4x4xf32>
  %cs = math.copysign %h, %p : tensor<4x4xf32>
  %sg = arith.cmpf oeq, %rt, %ab : tensor<4x4xf32>
  %one = arith.constant dense<1.0> : tensor<4x4xf32>
  %sgf = arith.select %sg, %one, %h : tensor<4x4xi1>, tensor<4x4xf32>
  %all = tensor.concat dim(1) %p, %ab, %fl, %ce, %tr, %rn, %rt, %cs, %sgf : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x36xf32>
  %pb19 = bufferization.to_buffer %all : tensor<4x36xf32> to memref<4x36xf32>
  %pc19 = memref.cast %pb19 : memref<4x36xf32> to memref<*xf32>
  call @printMemrefF32(%pc19) : (memref<*xf32>) -> ()
  return
}
