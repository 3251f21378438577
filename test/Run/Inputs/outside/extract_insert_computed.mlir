// tensor.extract / tensor.insert at computed indices (4 ranks): an i32
// index tensor split 4 ways is read at [3] (rank 1's block) to get a row
// index r, a row-split ([d0 = 4]) data tensor is read at [r, (r + 1) mod 4],
// the value is scaled and inserted at [(r * 3) mod 8, 1] into a
// column-split tensor, and a column sum over the split rows follows.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %idx0 = arith.constant dense<[1, 6, 2, 5, 0, 7, 3, 4]> : tensor<8xi32>
  %idx = hspmd.annotate %idx0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8xi32>
  %e = tensor.empty() : tensor<8x4xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<8x4xf32>) {
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
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x4xf32>
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %ri = tensor.extract %idx[%c3] : tensor<8xi32>
  %r = arith.index_cast %ri : i32 to index
  %r1 = arith.addi %r, %c1 : index
  %col = arith.remui %r1, %c4 : index
  %x = tensor.extract %a[%r, %col] : tensor<8x4xf32>
  %two = arith.constant 2.0 : f32
  %x2 = arith.mulf %x, %two : f32
  %r3 = arith.muli %r, %c3 : index
  %row2 = arith.remui %r3, %c8 : index
  %b = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<8x4xf32>
  %b2 = tensor.insert %x2 into %b[%row2, %c1] : tensor<8x4xf32>
  %z = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<4xf32>
  %fs = linalg.fill ins(%z : f32) outs(%es : tensor<4xf32>) -> tensor<4xf32>
  %cs = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%a : tensor<8x4xf32>) outs(%fs : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %s = arith.addf %in, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %cs2 = tensor.insert %x into %cs[%col] : tensor<4xf32>
  %m0 = bufferization.to_buffer %b2 : tensor<8x4xf32> to memref<8x4xf32>
  %u0 = memref.cast %m0 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %cs2 : tensor<4xf32> to memref<4xf32>
  %u1 = memref.cast %m1 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  return
}
