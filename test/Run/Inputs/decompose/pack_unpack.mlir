// linalg.pack as a front end tiling for a micro-kernel writes it: an 8 x 10
// matrix split by rows over 2 ranks is packed into 4 x 3 tiles (padded with
// -1), every tile is scaled by its tile row and column, and linalg.unpack
// gives the 8 x 10 matrix back, annotated split by columns.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8x10xf32>
  %m = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x10xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8x10xf32>
  %x = hspmd.annotate %m as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x10xf32>
  %pad = arith.constant -1.0 : f32
  %pe = tensor.empty() : tensor<2x4x4x3xf32>
  %p = linalg.pack %x padding_value(%pad : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 3] into %pe : tensor<8x10xf32> -> tensor<2x4x4x3xf32>
  %se = tensor.empty() : tensor<2x4x4x3xf32>
  %sc = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%p : tensor<2x4x4x3xf32>) outs(%se : tensor<2x4x4x3xf32>) {
  ^bb0(%in: f32, %o: f32):
    %a = linalg.index 0 : index
    %b = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %t = arith.muli %a, %c3 : index
    %t2 = arith.addi %t, %b : index
    %ti = arith.index_cast %t2 : index to i32
    %tf = arith.sitofp %ti : i32 to f32
    %r = arith.mulf %in, %tf : f32
    linalg.yield %r : f32
  } -> tensor<2x4x4x3xf32>
  %ue = tensor.empty() : tensor<8x10xf32>
  %u0 = linalg.unpack %sc inner_dims_pos = [0, 1] inner_tiles = [4, 3] into %ue : tensor<2x4x4x3xf32> -> tensor<8x10xf32>
  %ua = hspmd.annotate %u0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<8x10xf32>
  %b1 = bufferization.to_buffer %sc : tensor<2x4x4x3xf32> to memref<2x4x4x3xf32>
  %c1 = memref.cast %b1 : memref<2x4x4x3xf32> to memref<*xf32>
  call @printMemrefF32(%c1) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %ua : tensor<8x10xf32> to memref<8x10xf32>
  %c2 = memref.cast %b2 : memref<8x10xf32> to memref<*xf32>
  call @printMemrefF32(%c2) : (memref<*xf32>) -> ()
  return
}
