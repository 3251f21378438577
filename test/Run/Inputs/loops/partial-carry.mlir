// A loop carrying a partial value: the sum of a matmul over a split
// contraction dimension enters the loop unreduced; each iteration adds a
// partial product (linear: the summands stay), and the loop ends with a
// reduction to one device. A nested loop scales by a replicated scalar read
// from a tensor the loop carries.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %zero = arith.constant 0.0 : f32
  %a0 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xf32>
  %b0 = arith.constant dense<[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, -1.0]]> : tensor<4x2xf32>
  %b = hspmd.annotate %b0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x2xf32>
  %e = tensor.empty() : tensor<2x2xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %p = linalg.matmul ins(%a, %b : tensor<2x4xf32>, tensor<4x2xf32>) outs(%f : tensor<2x2xf32>) -> tensor<2x2xf32>
  %r = scf.for %k = %c0 to %c3 step %c1 iter_args(%acc = %p) -> (tensor<2x2xf32>) {
    %q = linalg.matmul ins(%a, %b : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
    %s = scf.for %j = %c0 to %c3 step %c1 iter_args(%in = %q) -> (tensor<2x2xf32>) {
      %v = tensor.extract %in[%c0, %c0] : tensor<2x2xf32>
      %small = arith.constant 0.01 : f32
      %w = arith.mulf %v, %small : f32
      %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%in : tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) {
      ^bb0(%x: f32, %o: f32):
        %y = arith.addf %x, %w : f32
        linalg.yield %y : f32
      } -> tensor<2x2xf32>
      scf.yield %g : tensor<2x2xf32>
    }
    scf.yield %s : tensor<2x2xf32>
  }
  %buf = bufferization.to_buffer %r : tensor<2x2xf32> to memref<2x2xf32>
  %u = memref.cast %buf : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
