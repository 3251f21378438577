func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<2x5x5x4xf32>
  %in = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, h, w, c)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e : tensor<2x5x5x4xf32>) {
  ^bb0(%o: f32):
    %n = linalg.index 0 : index
    %h = linalg.index 1 : index
    %w = linalg.index 2 : index
    %c = linalg.index 3 : index
    %a = arith.addi %n, %h : index
    %b = arith.muli %w, %c : index
    %k = arith.addi %a, %b : index
    %c3 = arith.constant 3 : index
    %k3 = arith.remui %k, %c3 : index
    %ii = arith.index_cast %k3 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<2x5x5x4xf32>
  %ina = hspmd.annotate %in as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x5x5x4xf32>
  %fe = tensor.empty() : tensor<3x3x4x6xf32>
  %flt = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%fe : tensor<3x3x4x6xf32>) {
  ^bb0(%o: f32):
    %a = linalg.index 0 : index
    %d = linalg.index 3 : index
    %k = arith.addi %a, %d : index
    %c2 = arith.constant 2 : index
    %k3 = arith.remui %k, %c2 : index
    %ii = arith.index_cast %k3 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<3x3x4x6xf32>
  %fa = hspmd.annotate %flt as #hspmd.sharding<[0, 1] : [d3 = 2]> : tensor<3x3x4x6xf32>
  %oe = tensor.empty() : tensor<2x3x3x6xf32>
  %z = arith.constant 0.0 : f32
  %of = linalg.fill ins(%z : f32) outs(%oe : tensor<2x3x3x6xf32>) -> tensor<2x3x3x6xf32>
  %r = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%ina, %fa : tensor<2x5x5x4xf32>, tensor<3x3x4x6xf32>) outs(%of : tensor<2x3x3x6xf32>) -> tensor<2x3x3x6xf32>
  %pe = tensor.empty() : tensor<2x2x2x6xf32>
  %pw = tensor.empty() : tensor<2x2xf32>
  %ninf = arith.constant -1000.0 : f32
  %pf = linalg.fill ins(%ninf : f32) outs(%pe : tensor<2x2x2x6xf32>) -> tensor<2x2x2x6xf32>
  %p = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%r, %pw : tensor<2x3x3x6xf32>, tensor<2x2xf32>) outs(%pf : tensor<2x2x2x6xf32>) -> tensor<2x2x2x6xf32>
  %bias = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]]> : tensor<1x6xf32>
  %ba = hspmd.annotate %bias as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<1x6xf32>
  %q = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (0, c)>, affine_map<(n, h, w, c) -> (n, h, w, c)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ba : tensor<1x6xf32>) outs(%p : tensor<2x2x2x6xf32>) {
  ^bb0(%b: f32, %o: f32):
    %s = arith.addf %b, %o : f32
    linalg.yield %s : f32
  } -> tensor<2x2x2x6xf32>
  %u = tensor.cast %q : tensor<2x2x2x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
