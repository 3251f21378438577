func.func private @printMemrefF32(tensor<*xf32>)
func.func @helper(%a: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %r = arith.addf %a, %a : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}
func.func @main() {
  %e = tensor.empty() : tensor<4x4xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x4xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x4xf32>
  %h = call @helper(%a) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %b = hspmd.annotate %g as #hspmd.sharding<[2, 3] : [d1 = 2]> : tensor<4x4xf32>
  %s = arith.addf %h, %b : tensor<4x4xf32>
  %c = tensor.concat dim(0) %s, %a : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
  %ca = hspmd.annotate %c as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x4xf32>
  %pv = arith.constant 7.0 : f32
  %p = tensor.pad %ca low[1, 0] high[1, 2] {
  ^bb0(%i0: index, %i1: index):
    tensor.yield %pv : f32
  } : tensor<8x4xf32> to tensor<10x6xf32>
  %pa = hspmd.annotate %p as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<10x6xf32>
  %u = tensor.cast %pa : tensor<10x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
