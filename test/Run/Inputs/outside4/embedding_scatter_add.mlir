// Embedding fwd (gather by token id from a vocab-sharded table in a generic) and bwd (scatter-add of dy rows into a vocab-sharded gradient via a loop of extract_slice/insert_slice at data-dependent rows), SGD update.
// embedding fwd (gather by token id from vocab-sharded table) + bwd (scatter-add of dy rows into vocab-sharded grad via loop of extract_slice/insert_slice at data-dependent rows), SGD update
#es = #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[0, 1] : [d0 = 2], [2] : []]>
#ts = #hspmd.sharding<[0, 1, 2] : [dup = 3]>
#ys = #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]>
#id2 = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c6 = arith.constant 6 : index
  %c7 = arith.constant 7 : index
  %zero = arith.constant 0 : i32
  %ee = tensor.empty() : tensor<8x4xi32>
  %e0 = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%ee : tensor<8x4xi32>) {
  ^bb0(%out: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %a = arith.muli %i, %c3 : index
    %s = arith.addi %a, %j : index
    %m = arith.remui %s, %c7 : index
    %v = arith.index_cast %m : index to i32
    linalg.yield %v : i32
  } -> tensor<8x4xi32>
  %emb = hspmd.annotate %e0 as #es : tensor<8x4xi32>
  %tok0 = arith.constant dense<[3, 0, 7, 3, 5, 1]> : tensor<6xi32>
  %tok = hspmd.annotate %tok0 as #ts : tensor<6xi32>
  %ey = tensor.empty() : tensor<6x4xi32>
  %y0 = linalg.generic {indexing_maps = [affine_map<(t, d) -> (t)>, #id2], iterator_types = ["parallel", "parallel"]} ins(%tok : tensor<6xi32>) outs(%ey : tensor<6x4xi32>) {
  ^bb0(%id: i32, %out: i32):
    %d = linalg.index 1 : index
    %ii = arith.index_cast %id : i32 to index
    %v = tensor.extract %emb[%ii, %d] : tensor<8x4xi32>
    linalg.yield %v : i32
  } -> tensor<6x4xi32>
  %y = hspmd.annotate %y0 as #ys : tensor<6x4xi32>
  // dy = y * (t+1)
  %dy = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%y : tensor<6x4xi32>) {
  ^bb0(%v: i32):
    %t = linalg.index 0 : index
    %t1 = arith.addi %t, %c1 : index
    %ti = arith.index_cast %t1 : index to i32
    %r = arith.muli %v, %ti : i32
    linalg.yield %r : i32
  } -> tensor<6x4xi32>
  %fg = linalg.fill ins(%zero : i32) outs(%ee : tensor<8x4xi32>) -> tensor<8x4xi32>
  %ga = hspmd.annotate %fg as #es : tensor<8x4xi32>
  %g = scf.for %t = %c0 to %c6 step %c1 iter_args(%acc = %ga) -> (tensor<8x4xi32>) {
    %id = tensor.extract %tok[%t] : tensor<6xi32>
    %ii = arith.index_cast %id : i32 to index
    %row = tensor.extract_slice %acc[%ii, 0] [1, 4] [1, 1] : tensor<8x4xi32> to tensor<1x4xi32>
    %dr = tensor.extract_slice %dy[%t, 0] [1, 4] [1, 1] : tensor<6x4xi32> to tensor<1x4xi32>
    %s = arith.addi %row, %dr : tensor<1x4xi32>
    %n = tensor.insert_slice %s into %acc[%ii, 0] [1, 4] [1, 1] : tensor<1x4xi32> into tensor<8x4xi32>
    %na = hspmd.annotate %n as #es : tensor<8x4xi32>
    scf.yield %na : tensor<8x4xi32>
  }
  %ne = arith.subi %emb, %g : tensor<8x4xi32>
  %b1 = bufferization.to_buffer %ne : tensor<8x4xi32> to memref<8x4xi32>
  %u1 = memref.cast %b1 : memref<8x4xi32> to memref<*xi32>
  call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
  %b2 = bufferization.to_buffer %dy : tensor<6x4xi32> to memref<6x4xi32>
  %u2 = memref.cast %b2 : memref<6x4xi32> to memref<*xi32>
  call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
  return
}
