// LayerNorm forward and backward on [B, S, H]: x split [d1 = 2, d2 = 3], dy split across groups (hetero d0, one 
// group [d1 = 2, partial = 3]), mean / centered variance reductions over the split hidden dim, rsqrt, xhat, 
// affine; dx from the two row sums; dgamma as a generic reducing two dims annotated hetero partial; dbeta with 
// linalg.reduce over dims [0, 1]; dx annotated hetero d2 weights [1, 2].
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<2x4x12xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e1 : tensor<2x4x12xf32>) {
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
    %Zx2 = linalg.index 2 : index
    %Zk2 = arith.constant 7 : index
    %Zm2 = arith.muli %Zx2, %Zk2 : index
    %Za3 = arith.addi %Za2, %Zm2 : index
    %Zmd = arith.constant 13 : index
    %Zrr = arith.remui %Za3, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 6 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.5 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<2x4x12xf32>
  %e2 = tensor.empty() : tensor<2x4x12xf32>
  %dy = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e2 : tensor<2x4x12xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 5 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 3 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zx2 = linalg.index 2 : index
    %Zk2 = arith.constant 2 : index
    %Zm2 = arith.muli %Zx2, %Zk2 : index
    %Za3 = arith.addi %Za2, %Zm2 : index
    %Zmd = arith.constant 9 : index
    %Zrr = arith.remui %Za3, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 4 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.25 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<2x4x12xf32>
  %e3 = tensor.empty() : tensor<12xf32>
  %gam = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e3 : tensor<12xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 3 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zmd = arith.constant 5 : index
    %Zrr = arith.remui %Za1, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant -1 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.5 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<12xf32>
  %e4 = tensor.empty() : tensor<12xf32>
  %bet = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e4 : tensor<12xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 5 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zmd = arith.constant 7 : index
    %Zrr = arith.remui %Za1, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 3 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.25 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<12xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d1 = 2, d2 = 3]> : tensor<2x4x12xf32>
  %dya = hspmd.annotate %dy as #hspmd.sharding<hetero = d0, groups = [[0, 1] : [d2 = 2], [2, 3, 4, 5, 6, 7] : [d1 = 2, partial = 3]]> : tensor<2x4x12xf32>
  %gama = hspmd.annotate %gam as #hspmd.sharding<[2, 0, 1] : [d0 = 3]> : tensor<12xf32>
  %zero = arith.constant 0.0 : f32
  %eR = tensor.empty() : tensor<2x4xf32>
  %zR = linalg.fill ins(%zero : f32) outs(%eR : tensor<2x4xf32>) -> tensor<2x4xf32>
  %eX = tensor.empty() : tensor<2x4x12xf32>
  %sx = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%xa : tensor<2x4x12xf32>) outs(%zR : tensor<2x4xf32>) {
  ^bb0(%a: f32, %o: f32):

    %acc = arith.addf %a, %o : f32
    linalg.yield %acc : f32
  } -> tensor<2x4xf32>
  %mu = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%sx : tensor<2x4xf32>) outs(%eR : tensor<2x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %hh = arith.constant 12.0 : f32
    %m = arith.divf %a, %hh : f32
    linalg.yield %m : f32
  } -> tensor<2x4xf32>
  %xc = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%xa, %mu : tensor<2x4x12xf32>, tensor<2x4xf32>) outs(%eX : tensor<2x4x12xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %d = arith.subf %a, %m : f32
    linalg.yield %d : f32
  } -> tensor<2x4x12xf32>
  %xca = hspmd.annotate %xc as #hspmd.sharding<[3, 4] : [d0 = 2]> : tensor<2x4x12xf32>
  %vs = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%xca : tensor<2x4x12xf32>) outs(%zR : tensor<2x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %q = arith.mulf %a, %a : f32
    %acc = arith.addf %q, %o : f32
    linalg.yield %acc : f32
  } -> tensor<2x4xf32>
  %rstd = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%vs : tensor<2x4xf32>) outs(%eR : tensor<2x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %hh = arith.constant 12.0 : f32
    %eps = arith.constant 1.0e-05 : f32
    %m = arith.divf %a, %hh : f32
    %m2 = arith.addf %m, %eps : f32
    %r = math.rsqrt %m2 : f32
    linalg.yield %r : f32
  } -> tensor<2x4xf32>
  %xh = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%xca, %rstd : tensor<2x4x12xf32>, tensor<2x4xf32>) outs(%eX : tensor<2x4x12xf32>) {
  ^bb0(%a: f32, %r: f32, %o: f32):
    %d = arith.mulf %a, %r : f32
    linalg.yield %d : f32
  } -> tensor<2x4x12xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%xh, %gama, %bet : tensor<2x4x12xf32>, tensor<12xf32>, tensor<12xf32>) outs(%eX : tensor<2x4x12xf32>) {
  ^bb0(%a: f32, %g: f32, %b: f32, %o: f32):
    %d = arith.mulf %a, %g : f32
    %e = arith.addf %d, %b : f32
    linalg.yield %e : f32
  } -> tensor<2x4x12xf32>
  %ya = hspmd.annotate %y as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<2x4x12xf32>
  %dxh = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%dya, %gama : tensor<2x4x12xf32>, tensor<12xf32>) outs(%eX : tensor<2x4x12xf32>) {
  ^bb0(%a: f32, %g: f32, %o: f32):
    %d = arith.mulf %a, %g : f32
    linalg.yield %d : f32
  } -> tensor<2x4x12xf32>
  %s1 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%dxh : tensor<2x4x12xf32>) outs(%zR : tensor<2x4xf32>) {
  ^bb0(%a: f32, %o: f32):

    %acc = arith.addf %a, %o : f32
    linalg.yield %acc : f32
  } -> tensor<2x4xf32>
  %s2 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%dxh, %xh : tensor<2x4x12xf32>, tensor<2x4x12xf32>) outs(%zR : tensor<2x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %q = arith.mulf %a, %b : f32
    %acc = arith.addf %q, %o : f32
    linalg.yield %acc : f32
  } -> tensor<2x4xf32>
  %dx = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%dxh, %xh, %s1, %s2, %rstd : tensor<2x4x12xf32>, tensor<2x4x12xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>) outs(%eX : tensor<2x4x12xf32>) {
  ^bb0(%g: f32, %h: f32, %a: f32, %b: f32, %r: f32, %o: f32):
    %hh = arith.constant 12.0 : f32
    %t1 = arith.mulf %g, %hh : f32
    %t2 = arith.subf %t1, %a : f32
    %t3 = arith.mulf %h, %b : f32
    %t4 = arith.subf %t2, %t3 : f32
    %t5 = arith.divf %r, %hh : f32
    %t6 = arith.mulf %t4, %t5 : f32
    linalg.yield %t6 : f32
  } -> tensor<2x4x12xf32>
  %dxa = hspmd.annotate %dx as #hspmd.sharding<hetero = d2, weights = [1, 2], groups = [[7] : [], [5, 6] : [dup = 2]]> : tensor<2x4x12xf32>
  %eW = tensor.empty() : tensor<12xf32>
  %zW = linalg.fill ins(%zero : f32) outs(%eW : tensor<12xf32>) -> tensor<12xf32>
  %dg = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d2)>], iterator_types = ["reduction", "reduction", "parallel"]} ins(%dya, %xh : tensor<2x4x12xf32>, tensor<2x4x12xf32>) outs(%zW : tensor<12xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %q = arith.mulf %a, %b : f32
    %acc = arith.addf %q, %o : f32
    linalg.yield %acc : f32
  } -> tensor<12xf32>
  %db = linalg.reduce ins(%dya : tensor<2x4x12xf32>) outs(%zW : tensor<12xf32>) dimensions = [0, 1]
  (%a: f32, %o: f32) {
    %acc = arith.addf %a, %o : f32
    linalg.yield %acc : f32
  }
  %dga = hspmd.annotate %dg as #hspmd.sharding<hetero = partial, groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<12xf32>

  %b5 = bufferization.to_buffer %ya : tensor<2x4x12xf32> to memref<2x4x12xf32>
  %u6 = memref.cast %b5 : memref<2x4x12xf32> to memref<*xf32>
  call @printMemrefF32(%u6) : (memref<*xf32>) -> ()
  %b7 = bufferization.to_buffer %dxa : tensor<2x4x12xf32> to memref<2x4x12xf32>
  %u8 = memref.cast %b7 : memref<2x4x12xf32> to memref<*xf32>
  call @printMemrefF32(%u8) : (memref<*xf32>) -> ()
  %b9 = bufferization.to_buffer %dga : tensor<12xf32> to memref<12xf32>
  %u10 = memref.cast %b9 : memref<12xf32> to memref<*xf32>
  call @printMemrefF32(%u10) : (memref<*xf32>) -> ()
  %b11 = bufferization.to_buffer %db : tensor<12xf32> to memref<12xf32>
  %u12 = memref.cast %b11 : memref<12xf32> to memref<*xf32>
  call @printMemrefF32(%u12) : (memref<*xf32>) -> ()
  return
}
