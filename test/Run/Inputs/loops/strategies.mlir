// Two strategies in one module for a training loop on 4 devices: "tp" (the
// default: W split by columns, the batch whole) and "dp" (W replicated, the
// batch split by rows). Each compiles on its own (--hspmd-select-strategy)
// and prints what one device prints; --reference ignores strategies.
module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func private @printMemrefF32(memref<*xf32>)
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %zero = arith.constant 0.0 : f32
    %x0 = arith.constant dense<[[1.0, 2.0, 0.0, -1.0], [0.0, 1.0, 1.0, 2.0], [3.0, -2.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0], [2.0, 0.0, -1.0, 1.0], [0.0, 0.0, 2.0, 1.0], [-1.0, 1.0, 0.0, 2.0], [1.0, -1.0, 1.0, -1.0]]> : tensor<8x4xf32>
    %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<8x4xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>}}
    %w0 = arith.constant dense<[[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, -1.0, 0.0], [1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, -1.0]]> : tensor<4x4xf32>
    %e = tensor.empty() : tensor<8x4xf32>
    %ew = tensor.empty() : tensor<4x4xf32>
    %wf = scf.for %k = %c0 to %c3 step %c1 iter_args(%wa = %w0) -> (tensor<4x4xf32>) {
      %w = hspmd.annotate %wa as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x4xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>}}
      %f = linalg.fill ins(%zero : f32) outs(%e : tensor<8x4xf32>) -> tensor<8x4xf32>
      %y = linalg.matmul ins(%x, %w : tensor<8x4xf32>, tensor<4x4xf32>) outs(%f : tensor<8x4xf32>) -> tensor<8x4xf32>
      %ext = tensor.empty() : tensor<4x8xf32>
      %xt = linalg.transpose ins(%x : tensor<8x4xf32>) outs(%ext : tensor<4x8xf32>) permutation = [1, 0]
      %fg = linalg.fill ins(%zero : f32) outs(%ew : tensor<4x4xf32>) -> tensor<4x4xf32>
      %g = linalg.matmul ins(%xt, %y : tensor<4x8xf32>, tensor<8x4xf32>) outs(%fg : tensor<4x4xf32>) -> tensor<4x4xf32>
      %quarter = arith.constant 0.25 : f32
      %nw = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%w, %g : tensor<4x4xf32>, tensor<4x4xf32>) outs(%ew : tensor<4x4xf32>) {
      ^bb0(%a: f32, %b: f32, %o: f32):
        %s = arith.mulf %b, %quarter : f32
        %r = arith.subf %a, %s : f32
        linalg.yield %r : f32
      } -> tensor<4x4xf32>
      scf.yield %nw : tensor<4x4xf32>
    }
    %b = bufferization.to_buffer %wf : tensor<4x4xf32> to memref<4x4xf32>
    %u = memref.cast %b : memref<4x4xf32> to memref<*xf32>
    func.call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    return
  }
}
