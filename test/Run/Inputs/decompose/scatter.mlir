// tensor.scatter of rows into a destination split by rows over 2 ranks
// (an embedding gradient written back, index_put style): rows 3, 0 and 5 of
// a 6 x 4 destination (10 r + j) are replaced by the 3 x 1 x 4 source rows
// (-1, -2, -3 times (j + 1)), computed on a batch split; then every element
// is doubled on a column split. Expected by hand: row 0 = -2 (j + 1) * 2,
// row 3 = -1 (j + 1) * 2, row 5 = -3 (j + 1) * 2, the others 2 (10 r + j).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<6x4xf32>
  %d0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<6x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<6x4xf32>
  %dest = hspmd.annotate %d0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<6x4xf32>
  %es = tensor.empty() : tensor<3x1x4xf32>
  %s0 = linalg.generic {indexing_maps = [affine_map<(b, u, j) -> (b, u, j)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%es : tensor<3x1x4xf32>) {
  ^bb0(%o: f32):
    %b = linalg.index 0 : index
    %j = linalg.index 2 : index
    %c1 = arith.constant 1 : index
    %b1 = arith.addi %b, %c1 : index
    %j1 = arith.addi %j, %c1 : index
    %p = arith.muli %b1, %j1 : index
    %pi = arith.index_cast %p : index to i32
    %pf = arith.sitofp %pi : i32 to f32
    %n = arith.negf %pf : f32
    linalg.yield %n : f32
  } -> tensor<3x1x4xf32>
  %src = hspmd.annotate %s0 as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<3x1x4xf32>
  %ids = arith.constant dense<[[3], [0], [5]]> : tensor<3x1xi32>
  %r = tensor.scatter %src into %dest[%ids] scatter_dims([0]) unique : (tensor<3x1x4xf32>, tensor<6x4xf32>, tensor<3x1xi32>) -> tensor<6x4xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<6x4xf32>
  %e2 = tensor.empty() : tensor<6x4xf32>
  %two = linalg.add ins(%ra, %ra : tensor<6x4xf32>, tensor<6x4xf32>) outs(%e2 : tensor<6x4xf32>) -> tensor<6x4xf32>
  %b2 = bufferization.to_buffer %two : tensor<6x4xf32> to memref<6x4xf32>
  %c2 = memref.cast %b2 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%c2) : (memref<*xf32>) -> ()
  return
}
