// MoE top-1: gate matmul, argmax over experts, experts sharded by expert index across groups (batched generic), combine via tensor.extract with routed index, scatter back in routed order by nested loops of insert_slice + scf.if.
// MoE top-1: gate argmax, experts sharded by expert across groups, combine via tensor.extract gather, scatter back via loop of insert_slice
#xs = #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[0, 1] : [dup = 2], [2, 3] : [dup = 2]]>
#es = #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[0, 1] : [d2 = 2], [2, 3] : [d1 = 2]]>
#id2 = affine_map<(i, j) -> (i, j)>
#id3 = affine_map<(e, i, j) -> (e, i, j)>
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0 : i32
  %ex = tensor.empty() : tensor<8x4xi32>
  %x0 = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%ex : tensor<8x4xi32>) {
  ^bb0(%out: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %a = arith.muli %i, %c3 : index
    %b = arith.muli %j, %j : index
    %s = arith.addi %a, %b : index
    %m = arith.remui %s, %c7 : index
    %d = arith.subi %m, %c3 : index
    %v = arith.index_cast %d : index to i32
    linalg.yield %v : i32
  } -> tensor<8x4xi32>
  %x = hspmd.annotate %x0 as #xs : tensor<8x4xi32>
  %wg = arith.constant dense<[[1, -1], [2, 0], [-1, 1], [0, 2]]> : tensor<4x2xi32>
  %el = tensor.empty() : tensor<8x2xi32>
  %fl = linalg.fill ins(%zero : i32) outs(%el : tensor<8x2xi32>) -> tensor<8x2xi32>
  %lg = linalg.matmul ins(%x, %wg : tensor<8x4xi32>, tensor<4x2xi32>) outs(%fl : tensor<8x2xi32>) -> tensor<8x2xi32>
  // top-1 argmax over experts
  %et = tensor.empty() : tensor<8xi32>
  %min = arith.constant -1000000 : i32
  %fm = linalg.fill ins(%min : i32) outs(%et : tensor<8xi32>) -> tensor<8xi32>
  %fi = linalg.fill ins(%zero : i32) outs(%et : tensor<8xi32>) -> tensor<8xi32>
  %am:2 = linalg.generic {indexing_maps = [#id2, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%lg : tensor<8x2xi32>) outs(%fm, %fi : tensor<8xi32>, tensor<8xi32>) {
  ^bb0(%a: i32, %bm: i32, %bi: i32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %gt = arith.cmpi sgt, %a, %bm : i32
    %nm = arith.select %gt, %a, %bm : i32
    %ni = arith.select %gt, %ji, %bi : i32
    linalg.yield %nm, %ni : i32, i32
  } -> (tensor<8xi32>, tensor<8xi32>)

  // experts W[e, k, n]
  %ew = tensor.empty() : tensor<2x4x4xi32>
  %w0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%ew : tensor<2x4x4xi32>) {
  ^bb0(%out: i32):
    %e = linalg.index 0 : index
    %i = linalg.index 1 : index
    %j = linalg.index 2 : index
    %a = arith.muli %e, %c5 : index
    %b = arith.muli %i, %c3 : index
    %s = arith.addi %a, %b : index
    %s2 = arith.addi %s, %j : index
    %m = arith.remui %s2, %c5 : index
    %d = arith.subi %m, %c2 : index
    %v = arith.index_cast %d : index to i32
    linalg.yield %v : i32
  } -> tensor<2x4x4xi32>
  %w = hspmd.annotate %w0 as #es : tensor<2x4x4xi32>
  // every expert on every token (dense), Y[e, t, n]
  %ey = tensor.empty() : tensor<2x8x4xi32>
  %fy = linalg.fill ins(%zero : i32) outs(%ey : tensor<2x8x4xi32>) -> tensor<2x8x4xi32>
  %y = linalg.generic {indexing_maps = [affine_map<(e, t, n, k) -> (t, k)>, affine_map<(e, t, n, k) -> (e, k, n)>, affine_map<(e, t, n, k) -> (e, t, n)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%x, %w : tensor<8x4xi32>, tensor<2x4x4xi32>) outs(%fy : tensor<2x8x4xi32>) {
  ^bb0(%a: i32, %b: i32, %o: i32):
    %m = arith.muli %a, %b : i32
    %s = arith.addi %o, %m : i32
    linalg.yield %s : i32
  } -> tensor<2x8x4xi32>
  %ya = hspmd.annotate %y as #es : tensor<2x8x4xi32>
  // combine: out[t, n] = Y[idx[t], t, n]
  %fo = linalg.fill ins(%zero : i32) outs(%ex : tensor<8x4xi32>) -> tensor<8x4xi32>
  %o = linalg.generic {indexing_maps = [affine_map<(t, n) -> (t)>, #id2], iterator_types = ["parallel", "parallel"]} ins(%am#1 : tensor<8xi32>) outs(%fo : tensor<8x4xi32>) {
  ^bb0(%e: i32, %out: i32):
    %t = linalg.index 0 : index
    %n = linalg.index 1 : index
    %ei = arith.index_cast %e : i32 to index
    %val = tensor.extract %ya[%ei, %t, %n] : tensor<2x8x4xi32>
    linalg.yield %val : i32
  } -> tensor<8x4xi32>
  %oa = hspmd.annotate %o as #xs : tensor<8x4xi32>
  %b1 = bufferization.to_buffer %oa : tensor<8x4xi32> to memref<8x4xi32>
  %u1 = memref.cast %b1 : memref<8x4xi32> to memref<*xi32>
  call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
  // scatter back: out2 rows in routed order: tokens of expert 0 first then expert 1
  %fo2 = linalg.fill ins(%zero : i32) outs(%ex : tensor<8x4xi32>) -> tensor<8x4xi32>
  %r:2 = scf.for %e = %c0 to %c2 step %c1 iter_args(%acc = %fo2, %pos = %c0) -> (tensor<8x4xi32>, index) {
    %r2:2 = scf.for %t = %c0 to %c8 step %c1 iter_args(%acc2 = %acc, %p2 = %pos) -> (tensor<8x4xi32>, index) {
      %te = tensor.extract %am#1[%t] : tensor<8xi32>
      %tei = arith.index_cast %te : i32 to index
      %is = arith.cmpi eq, %tei, %e : index
      %res:2 = scf.if %is -> (tensor<8x4xi32>, index) {
        %row = tensor.extract_slice %ya[%e, %t, 0] [1, 1, 4] [1, 1, 1] : tensor<2x8x4xi32> to tensor<1x4xi32>
        %ins = tensor.insert_slice %row into %acc2[%p2, 0] [1, 4] [1, 1] : tensor<1x4xi32> into tensor<8x4xi32>
        %np = arith.addi %p2, %c1 : index
        scf.yield %ins, %np : tensor<8x4xi32>, index
      } else {
        scf.yield %acc2, %p2 : tensor<8x4xi32>, index
      }
      scf.yield %res#0, %res#1 : tensor<8x4xi32>, index
    }
    scf.yield %r2#0, %r2#1 : tensor<8x4xi32>, index
  }
  %b2 = bufferization.to_buffer %r#0 : tensor<8x4xi32> to memref<8x4xi32>
  %u2 = memref.cast %b2 : memref<8x4xi32> to memref<*xi32>
  call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
  %b3 = bufferization.to_buffer %am#1 : tensor<8xi32> to memref<8xi32>
  %u3 = memref.cast %b3 : memref<8xi32> to memref<*xi32>
  call @printMemrefI32(%u3) : (memref<*xi32>) -> ()
  return
}
