// Embedding lookup as linalg.generic with tensor.extract on an index tensor (table split by rows across 
// weighted groups), vocab-parallel logits (W split d1 = 4), log-softmax + NLL with one-hot from linalg.index == 
// label, gradient of the logits, embedding backward as scf.for scatter-add (extract_slice / insert_slice at a 
// token-dependent row) of a partial = 4 gradient into a d1-split table, argmax over the split vocab (two-result 
// generic).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<12x4xf32>
  %tbl = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<12x4xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 3 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 5 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 13 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 6 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.25 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<12x4xf32>
  %e2 = tensor.empty() : tensor<6xi64>
  %lab = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e2 : tensor<6xi64>) {
  ^bb0(%Zo: i64):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 5 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zmd = arith.constant 12 : index
    %Zrr = arith.remui %Za1, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 0 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    linalg.yield %Zsv : i64
  } -> tensor<6xi64>
  %e3 = tensor.empty() : tensor<4x12xf32>
  %wo = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e3 : tensor<4x12xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 7 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 5 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 11 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 5 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.5 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<4x12xf32>
  %tbla = hspmd.annotate %tbl as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[0] : [], [1, 2] : [d0 = 2]]> : tensor<12x4xf32>
  %laba = hspmd.annotate %lab as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<6xi64>
  %woa = hspmd.annotate %wo as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x12xf32>
  %eEM = tensor.empty() : tensor<6x4xf32>
  %emb = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%laba : tensor<6xi64>) outs(%eEM : tensor<6x4xf32>) {
  ^bb0(%t: i64, %o: f32):
    %j = linalg.index 1 : index
    %ti = arith.index_cast %t : i64 to index
    %val = tensor.extract %tbla[%ti, %j] : tensor<12x4xf32>
    linalg.yield %val : f32
  } -> tensor<6x4xf32>
  %emba = hspmd.annotate %emb as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<6x4xf32>
  %zero = arith.constant 0.0 : f32
  %eL = tensor.empty() : tensor<6x12xf32>
  %zL = linalg.fill ins(%zero : f32) outs(%eL : tensor<6x12xf32>) -> tensor<6x12xf32>
  %lg = linalg.matmul ins(%emba, %woa : tensor<6x4xf32>, tensor<4x12xf32>) outs(%zL : tensor<6x12xf32>) -> tensor<6x12xf32>
  %lga = hspmd.annotate %lg as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<6x12xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %eR = tensor.empty() : tensor<6xf32>
  %mR = linalg.fill ins(%ninf : f32) outs(%eR : tensor<6xf32>) -> tensor<6xf32>
  %mx = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%lga : tensor<6x12xf32>) outs(%mR : tensor<6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.maximumf %a, %o : f32
    linalg.yield %m : f32
  } -> tensor<6xf32>
  %zR = linalg.fill ins(%zero : f32) outs(%eR : tensor<6xf32>) -> tensor<6xf32>
  %se = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%lga, %mx : tensor<6x12xf32>, tensor<6xf32>) outs(%zR : tensor<6xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %d = arith.subf %a, %m : f32
    %e = math.exp %d : f32
    %s = arith.addf %e, %o : f32
    linalg.yield %s : f32
  } -> tensor<6xf32>
  %lse = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%se, %mx : tensor<6xf32>, tensor<6xf32>) outs(%eR : tensor<6xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %l = math.log %a : f32
    %s = arith.addf %l, %m : f32
    linalg.yield %s : f32
  } -> tensor<6xf32>
  %lsm = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%lga, %lse : tensor<6x12xf32>, tensor<6xf32>) outs(%eL : tensor<6x12xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %d = arith.subf %a, %m : f32
    linalg.yield %d : f32
  } -> tensor<6x12xf32>
  %eS = tensor.empty() : tensor<f32>
  %zS = linalg.fill ins(%zero : f32) outs(%eS : tensor<f32>) -> tensor<f32>
  %nll = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> ()>], iterator_types = ["reduction", "reduction"]} ins(%lsm, %laba : tensor<6x12xf32>, tensor<6xi64>) outs(%zS : tensor<f32>) {
  ^bb0(%a: f32, %t: i64, %o: f32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i64
    %eq = arith.cmpi eq, %ji, %t : i64
    %z = arith.constant 0.0 : f32
    %na = arith.negf %a : f32
    %c = arith.select %eq, %na, %z : f32
    %s = arith.addf %c, %o : f32
    linalg.yield %s : f32
  } -> tensor<f32>
  %loss = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []} ins(%nll : tensor<f32>) outs(%eS : tensor<f32>) {
  ^bb0(%a: f32, %o: f32):
    %n = arith.constant 6.0 : f32
    %d = arith.divf %a, %n : f32
    linalg.yield %d : f32
  } -> tensor<f32>
  %dl = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%lsm, %laba : tensor<6x12xf32>, tensor<6xi64>) outs(%eL : tensor<6x12xf32>) {
  ^bb0(%a: f32, %t: i64, %o: f32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i64
    %eq = arith.cmpi eq, %ji, %t : i64
    %one = arith.constant 1.0 : f32
    %z = arith.constant 0.0 : f32
    %oh = arith.select %eq, %one, %z : f32
    %p = math.exp %a : f32
    %g = arith.subf %p, %oh : f32
    %n = arith.constant 6.0 : f32
    %d = arith.divf %g, %n : f32
    linalg.yield %d : f32
  } -> tensor<6x12xf32>
  %eWT = tensor.empty() : tensor<12x4xf32>
  %wt = linalg.transpose ins(%woa : tensor<4x12xf32>) outs(%eWT : tensor<12x4xf32>) permutation = [1, 0]
  %zEM = linalg.fill ins(%zero : f32) outs(%eEM : tensor<6x4xf32>) -> tensor<6x4xf32>
  %demb = linalg.matmul ins(%dl, %wt : tensor<6x12xf32>, tensor<12x4xf32>) outs(%zEM : tensor<6x4xf32>) -> tensor<6x4xf32>
  %dembp = hspmd.annotate %demb as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<6x4xf32>
  %zTB = arith.constant dense<0.0> : tensor<12x4xf32>
  %zTBa = hspmd.annotate %zTB as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<12x4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cN = arith.constant 6 : index
  %gt = scf.for %t = %c0 to %cN step %c1 iter_args(%acc = %zTBa) -> (tensor<12x4xf32>) {
    %tk = tensor.extract %laba[%t] : tensor<6xi64>
    %ti = arith.index_cast %tk : i64 to index
    %row = tensor.extract_slice %dembp[%t, 0] [1, 4] [1, 1] : tensor<6x4xf32> to tensor<1x4xf32>
    %cur = tensor.extract_slice %acc[%ti, 0] [1, 4] [1, 1] : tensor<12x4xf32> to tensor<1x4xf32>
    %eone = tensor.empty() : tensor<1x4xf32>
    %sum = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%row, %cur : tensor<1x4xf32>, tensor<1x4xf32>) outs(%eone : tensor<1x4xf32>) {
    ^bb0(%a: f32, %b: f32, %o: f32):
      %s = arith.addf %a, %b : f32
      linalg.yield %s : f32
    } -> tensor<1x4xf32>
    %nw = tensor.insert_slice %sum into %acc[%ti, 0] [1, 4] [1, 1] : tensor<1x4xf32> into tensor<12x4xf32>
    scf.yield %nw : tensor<12x4xf32>
  }
  %i0 = arith.constant 0 : i64
  %eRI = tensor.empty() : tensor<6xi64>
  %zRI = linalg.fill ins(%i0 : i64) outs(%eRI : tensor<6xi64>) -> tensor<6xi64>
  %mR2 = linalg.fill ins(%ninf : f32) outs(%eR : tensor<6xf32>) -> tensor<6xf32>
  %am:2 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%lga : tensor<6x12xf32>) outs(%mR2, %zRI : tensor<6xf32>, tensor<6xi64>) {
  ^bb0(%a: f32, %m: f32, %ix: i64):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i64
    %gtv = arith.cmpf ogt, %a, %m : f32
    %nm = arith.select %gtv, %a, %m : f32
    %ni = arith.select %gtv, %ji, %ix : i64
    linalg.yield %nm, %ni : f32, i64
  } -> (tensor<6xf32>, tensor<6xi64>)

  %b4 = bufferization.to_buffer %loss : tensor<f32> to memref<f32>
  %u5 = memref.cast %b4 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%u5) : (memref<*xf32>) -> ()
  %b6 = bufferization.to_buffer %gt : tensor<12x4xf32> to memref<12x4xf32>
  %u7 = memref.cast %b6 : memref<12x4xf32> to memref<*xf32>
  call @printMemrefF32(%u7) : (memref<*xf32>) -> ()
  %b8 = bufferization.to_buffer %am#1 : tensor<6xi64> to memref<6xi64>
  %u9 = memref.cast %b8 : memref<6xi64> to memref<*xi64>
  call @printMemrefI64(%u9) : (memref<*xi64>) -> ()
  %b10 = bufferization.to_buffer %lga : tensor<6x12xf32> to memref<6x12xf32>
  %u11 = memref.cast %b10 : memref<6x12xf32> to memref<*xf32>
  call @printMemrefF32(%u11) : (memref<*xf32>) -> ()
  return
}
