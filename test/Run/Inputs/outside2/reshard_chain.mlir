// Explicit hspmd.reshard chain (7 ranks): weighted hetero row split
// ([2, 1] over [6, 5, 4, 3] and [0, 2]) -> hetero = partial over [1] and
// [2, 3] -> [partial = 3, d1 = 2] on six ranks -> *2 (stays partial) ->
// hetero = dup over [6] and [4, 1] -> +2 -> weighted hetero column split
// -> absf.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<12x6xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<12x6xf32>) {
  ^bb0(%o5: f32):
    %acc5_0 = arith.constant 0 : index
    %ix5_0 = linalg.index 0 : index
    %cc5_0 = arith.constant 5 : index
    %m5_0 = arith.muli %ix5_0, %cc5_0 : index
    %acc5_1 = arith.addi %acc5_0, %m5_0 : index
    %ix5_1 = linalg.index 1 : index
    %cc5_1 = arith.constant 1 : index
    %m5_1 = arith.muli %ix5_1, %cc5_1 : index
    %acc5_2 = arith.addi %acc5_1, %m5_1 : index
    %md5 = arith.constant 13 : index
    %r5 = arith.remui %acc5_2, %md5 : index
    %i5 = arith.index_cast %r5 : index to i32
    %of5 = arith.constant 6 : i32
    %s5 = arith.subi %i5, %of5 : i32
    %v5 = arith.sitofp %s5 : i32 to f32
    linalg.yield %v5 : f32
  } -> tensor<12x6xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[6, 5, 4, 3] : [d0 = 2, d1 = 2], [0, 2] : [d1 = 2]]> : tensor<12x6xf32>
  %b = hspmd.reshard %aa to #hspmd.sharding<hetero = partial, groups = [[1] : [], [2, 3] : [d0 = 2]]> : tensor<12x6xf32>
  %c = hspmd.reshard %b to #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [partial = 3, d1 = 2]> : tensor<12x6xf32>
  %two = arith.constant dense<2.0> : tensor<12x6xf32>
  %c2 = arith.mulf %c, %two : tensor<12x6xf32>
  %d = hspmd.reshard %c2 to #hspmd.sharding<hetero = dup, groups = [[6] : [], [4, 1] : [d0 = 2]]> : tensor<12x6xf32>
  %e = arith.addf %d, %two : tensor<12x6xf32>
  %f = hspmd.reshard %e to #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[3] : [], [0, 5] : [d0 = 2]]> : tensor<12x6xf32>
  %g = math.absf %f : tensor<12x6xf32>
  %pb6 = bufferization.to_buffer %c2 : tensor<12x6xf32> to memref<12x6xf32>
  %pc6 = memref.cast %pb6 : memref<12x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc6) : (memref<*xf32>) -> ()
  %pb7 = bufferization.to_buffer %g : tensor<12x6xf32> to memref<12x6xf32>
  %pc7 = memref.cast %pb7 : memref<12x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc7) : (memref<*xf32>) -> ()
  return
}
