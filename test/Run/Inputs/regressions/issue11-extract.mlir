func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8x4xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = arith.muli %i, %j : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8x4xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x4xf32>
  %c6 = arith.constant 6 : index
  %c3 = arith.constant 3 : index
  %x = tensor.extract %a[%c6, %c3] : tensor<8x4xf32>
  %e2 = tensor.empty() : tensor<2xf32>
  %f = linalg.fill ins(%x : f32) outs(%e2 : tensor<2xf32>) -> tensor<2xf32>
  %u = tensor.cast %f : tensor<2xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
