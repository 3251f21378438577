func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8x4xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8x4xf32>
  %table = hspmd.annotate %t as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x4xf32>
  %ids = arith.constant dense<[7, 0, 3, 5, 6, 1]> : tensor<6xi32>
  %e2 = tensor.empty() : tensor<6x4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%ids : tensor<6xi32>) outs(%e2 : tensor<6x4xf32>) {
  ^bb0(%id: i32, %o: f32):
    %j = linalg.index 1 : index
    %row = arith.index_cast %id : i32 to index
    %v = tensor.extract %table[%row, %j] : tensor<8x4xf32>
    linalg.yield %v : f32
  } -> tensor<6x4xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<6x4xf32>
  %u = tensor.cast %ra : tensor<6x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
