// Two-layer decoder forward as scf.for over layers with weights stacked [L, ...] and sliced with extract_slice 
// at the loop index (TP-split wq/wk/wv on d2, wo [d1 = 2, dup = 2], w1/w2 hetero weighted splits), RMSNorm, 
// multi-head causal attention (expand_shape into heads, transposes, batch_matmul, masked softmax), SiLU MLP, 
// residuals; carry annotated d0 = 2 (sequence parallel); then cross-entropy with i32 labels and one-hot from 
// linalg.index.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<8x8xf32>
  %x0 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<8x8xf32>) {
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
    %Zmd = arith.constant 11 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 5 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.25 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<8x8xf32>
  %e2 = tensor.empty() : tensor<2x8x8xf32>
  %wq = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e2 : tensor<2x8x8xf32>) {
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
    %Zk2 = arith.constant 7 : index
    %Zm2 = arith.muli %Zx2, %Zk2 : index
    %Za3 = arith.addi %Za2, %Zm2 : index
    %Zmd = arith.constant 13 : index
    %Zrr = arith.remui %Za3, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 6 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.0625 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<2x8x8xf32>
  %e3 = tensor.empty() : tensor<2x8x8xf32>
  %wk = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e3 : tensor<2x8x8xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 3 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 7 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zx2 = linalg.index 2 : index
    %Zk2 = arith.constant 5 : index
    %Zm2 = arith.muli %Zx2, %Zk2 : index
    %Za3 = arith.addi %Za2, %Zm2 : index
    %Zmd = arith.constant 11 : index
    %Zrr = arith.remui %Za3, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 5 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.0625 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<2x8x8xf32>
  %e4 = tensor.empty() : tensor<2x8x8xf32>
  %wv = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e4 : tensor<2x8x8xf32>) {
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
    %Zx2 = linalg.index 2 : index
    %Zk2 = arith.constant 3 : index
    %Zm2 = arith.muli %Zx2, %Zk2 : index
    %Za3 = arith.addi %Za2, %Zm2 : index
    %Zmd = arith.constant 9 : index
    %Zrr = arith.remui %Za3, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 4 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.125 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<2x8x8xf32>
  %e5 = tensor.empty() : tensor<2x8x8xf32>
  %wo = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e5 : tensor<2x8x8xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 2 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 3 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zx2 = linalg.index 2 : index
    %Zk2 = arith.constant 5 : index
    %Zm2 = arith.muli %Zx2, %Zk2 : index
    %Za3 = arith.addi %Za2, %Zm2 : index
    %Zmd = arith.constant 7 : index
    %Zrr = arith.remui %Za3, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 3 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.125 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<2x8x8xf32>
  %e6 = tensor.empty() : tensor<2x8x16xf32>
  %w1 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e6 : tensor<2x8x16xf32>) {
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
    %Zsc = arith.constant 0.0625 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<2x8x16xf32>
  %e7 = tensor.empty() : tensor<2x16x8xf32>
  %w2 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e7 : tensor<2x16x8xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 5 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 7 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zx2 = linalg.index 2 : index
    %Zk2 = arith.constant 3 : index
    %Zm2 = arith.muli %Zx2, %Zk2 : index
    %Za3 = arith.addi %Za2, %Zm2 : index
    %Zmd = arith.constant 11 : index
    %Zrr = arith.remui %Za3, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 5 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.0625 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<2x16x8xf32>
  %e8 = tensor.empty() : tensor<2x8xf32>
  %gm = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e8 : tensor<2x8xf32>) {
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
    %Zmd = arith.constant 5 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant -2 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.25 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<2x8xf32>
  %e9 = tensor.empty() : tensor<8xi32>
  %lab = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e9 : tensor<8xi32>) {
  ^bb0(%Zo: i32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 5 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zmd = arith.constant 8 : index
    %Zrr = arith.remui %Za1, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 0 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Ztv = arith.trunci %Zsv : i64 to i32
    linalg.yield %Ztv : i32
  } -> tensor<8xi32>
  %x0a = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x8xf32>
  %wqa = hspmd.annotate %wq as #hspmd.sharding<[0, 1] : [d2 = 2]> : tensor<2x8x8xf32>
  %wka = hspmd.annotate %wk as #hspmd.sharding<[0, 1] : [d2 = 2]> : tensor<2x8x8xf32>
  %wva = hspmd.annotate %wv as #hspmd.sharding<[2, 3] : [d2 = 2]> : tensor<2x8x8xf32>
  %woa = hspmd.annotate %wo as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, dup = 2]> : tensor<2x8x8xf32>
  %w1a = hspmd.annotate %w1 as #hspmd.sharding<hetero = d2, weights = [1, 3], groups = [[0] : [], [1, 2, 3] : [d2 = 3]]> : tensor<2x8x16xf32>
  %w2a = hspmd.annotate %w2 as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[0] : [], [1, 2, 3] : [d1 = 3]]> : tensor<2x16x8xf32>
  %zero = arith.constant 0.0 : f32
  %eX = tensor.empty() : tensor<8x8xf32>
  %zX = linalg.fill ins(%zero : f32) outs(%eX : tensor<8x8xf32>) -> tensor<8x8xf32>
  %eR = tensor.empty() : tensor<8xf32>
  %zR = linalg.fill ins(%zero : f32) outs(%eR : tensor<8xf32>) -> tensor<8xf32>
  %eH1 = tensor.empty() : tensor<8x16xf32>
  %zH1 = linalg.fill ins(%zero : f32) outs(%eH1 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %eSC = tensor.empty() : tensor<2x8x8xf32>
  %zSC = linalg.fill ins(%zero : f32) outs(%eSC : tensor<2x8x8xf32>) -> tensor<2x8x8xf32>
  %eSR = tensor.empty() : tensor<2x8xf32>
  %zSR = linalg.fill ins(%zero : f32) outs(%eSR : tensor<2x8xf32>) -> tensor<2x8xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %mSR = linalg.fill ins(%ninf : f32) outs(%eSR : tensor<2x8xf32>) -> tensor<2x8xf32>
  %eQT = tensor.empty() : tensor<2x8x4xf32>
  %zQT = linalg.fill ins(%zero : f32) outs(%eQT : tensor<2x8x4xf32>) -> tensor<2x8x4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cL = arith.constant 2 : index
  %xf = scf.for %l = %c0 to %cL step %c1 iter_args(%h = %x0a) -> (tensor<8x8xf32>) {
    %gl = tensor.extract_slice %gm[%l, 0] [1, 8] [1, 1] : tensor<2x8xf32> to tensor<8xf32>
    %wql = tensor.extract_slice %wqa[%l, 0, 0] [1, 8, 8] [1, 1, 1] : tensor<2x8x8xf32> to tensor<8x8xf32>
    %wkl = tensor.extract_slice %wka[%l, 0, 0] [1, 8, 8] [1, 1, 1] : tensor<2x8x8xf32> to tensor<8x8xf32>
    %wvl = tensor.extract_slice %wva[%l, 0, 0] [1, 8, 8] [1, 1, 1] : tensor<2x8x8xf32> to tensor<8x8xf32>
    %wol = tensor.extract_slice %woa[%l, 0, 0] [1, 8, 8] [1, 1, 1] : tensor<2x8x8xf32> to tensor<8x8xf32>
    %w1l = tensor.extract_slice %w1a[%l, 0, 0] [1, 8, 16] [1, 1, 1] : tensor<2x8x16xf32> to tensor<8x16xf32>
    %w2l = tensor.extract_slice %w2a[%l, 0, 0] [1, 16, 8] [1, 1, 1] : tensor<2x16x8xf32> to tensor<16x8xf32>
    %n1_sq = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%h : tensor<8x8xf32>) outs(%zR : tensor<8xf32>) {
    ^bb0(%a: f32, %o: f32):
      %m = arith.mulf %a, %a : f32
      %s = arith.addf %m, %o : f32
      linalg.yield %s : f32
    } -> tensor<8xf32>
    %n1 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%h, %n1_sq, %gl : tensor<8x8xf32>, tensor<8xf32>, tensor<8xf32>) outs(%eX : tensor<8x8xf32>) {
    ^bb0(%a: f32, %s: f32, %g: f32, %o: f32):
      %hh = arith.constant 8.0 : f32
      %eps = arith.constant 1.0e-05 : f32
      %m = arith.divf %s, %hh : f32
      %m2 = arith.addf %m, %eps : f32
      %rq = math.rsqrt %m2 : f32
      %y = arith.mulf %a, %rq : f32
      %z = arith.mulf %y, %g : f32
      linalg.yield %z : f32
    } -> tensor<8x8xf32>
    %q = linalg.matmul ins(%n1, %wql : tensor<8x8xf32>, tensor<8x8xf32>) outs(%zX : tensor<8x8xf32>) -> tensor<8x8xf32>
    %k = linalg.matmul ins(%n1, %wkl : tensor<8x8xf32>, tensor<8x8xf32>) outs(%zX : tensor<8x8xf32>) -> tensor<8x8xf32>
    %v = linalg.matmul ins(%n1, %wvl : tensor<8x8xf32>, tensor<8x8xf32>) outs(%zX : tensor<8x8xf32>) -> tensor<8x8xf32>
    %q4 = tensor.expand_shape %q [[0], [1, 2]] output_shape [8, 2, 4] : tensor<8x8xf32> into tensor<8x2x4xf32>
    %k4 = tensor.expand_shape %k [[0], [1, 2]] output_shape [8, 2, 4] : tensor<8x8xf32> into tensor<8x2x4xf32>
    %v4 = tensor.expand_shape %v [[0], [1, 2]] output_shape [8, 2, 4] : tensor<8x8xf32> into tensor<8x2x4xf32>
    %qt = linalg.transpose ins(%q4 : tensor<8x2x4xf32>) outs(%eQT : tensor<2x8x4xf32>) permutation = [1, 0, 2]
    %vt = linalg.transpose ins(%v4 : tensor<8x2x4xf32>) outs(%eQT : tensor<2x8x4xf32>) permutation = [1, 0, 2]
    %eKT = tensor.empty() : tensor<2x4x8xf32>
    %kt = linalg.transpose ins(%k4 : tensor<8x2x4xf32>) outs(%eKT : tensor<2x4x8xf32>) permutation = [1, 2, 0]
    %sc = linalg.batch_matmul ins(%qt, %kt : tensor<2x8x4xf32>, tensor<2x4x8xf32>) outs(%zSC : tensor<2x8x8xf32>) -> tensor<2x8x8xf32>
    %msk = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sc : tensor<2x8x8xf32>) outs(%eSC : tensor<2x8x8xf32>) {
    ^bb0(%a: f32, %o: f32):
      %i = linalg.index 1 : index
      %j = linalg.index 2 : index
      %gt = arith.cmpi ugt, %j, %i : index
      %ni = arith.constant 0xFF800000 : f32
      %sq = arith.constant 0.5 : f32
      %as = arith.mulf %a, %sq : f32
      %r = arith.select %gt, %ni, %as : f32
      linalg.yield %r : f32
    } -> tensor<2x8x8xf32>
    %mx = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%msk : tensor<2x8x8xf32>) outs(%mSR : tensor<2x8xf32>) {
    ^bb0(%a: f32, %o: f32):
      %m = arith.maximumf %a, %o : f32
      linalg.yield %m : f32
    } -> tensor<2x8xf32>
    %ex = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%msk, %mx : tensor<2x8x8xf32>, tensor<2x8xf32>) outs(%eSC : tensor<2x8x8xf32>) {
    ^bb0(%a: f32, %m: f32, %o: f32):
      %d = arith.subf %a, %m : f32
      %e = math.exp %d : f32
      linalg.yield %e : f32
    } -> tensor<2x8x8xf32>
    %sm = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%ex : tensor<2x8x8xf32>) outs(%zSR : tensor<2x8xf32>) {
    ^bb0(%a: f32, %o: f32):
      %m = arith.addf %a, %o : f32
      linalg.yield %m : f32
    } -> tensor<2x8xf32>
    %pr = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%ex, %sm : tensor<2x8x8xf32>, tensor<2x8xf32>) outs(%eSC : tensor<2x8x8xf32>) {
    ^bb0(%a: f32, %m: f32, %o: f32):
      %d = arith.divf %a, %m : f32
      linalg.yield %d : f32
    } -> tensor<2x8x8xf32>
    %at = linalg.batch_matmul ins(%pr, %vt : tensor<2x8x8xf32>, tensor<2x8x4xf32>) outs(%zQT : tensor<2x8x4xf32>) -> tensor<2x8x4xf32>
    %eQ4 = tensor.empty() : tensor<8x2x4xf32>
    %at4 = linalg.transpose ins(%at : tensor<2x8x4xf32>) outs(%eQ4 : tensor<8x2x4xf32>) permutation = [1, 0, 2]
    %atc = tensor.collapse_shape %at4 [[0], [1, 2]] : tensor<8x2x4xf32> into tensor<8x8xf32>
    %ao = linalg.matmul ins(%atc, %wol : tensor<8x8xf32>, tensor<8x8xf32>) outs(%zX : tensor<8x8xf32>) -> tensor<8x8xf32>
    %h2 = arith.addf %h, %ao : tensor<8x8xf32>
    %n2_sq = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%h2 : tensor<8x8xf32>) outs(%zR : tensor<8xf32>) {
    ^bb0(%a: f32, %o: f32):
      %m = arith.mulf %a, %a : f32
      %s = arith.addf %m, %o : f32
      linalg.yield %s : f32
    } -> tensor<8xf32>
    %n2 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%h2, %n2_sq, %gl : tensor<8x8xf32>, tensor<8xf32>, tensor<8xf32>) outs(%eX : tensor<8x8xf32>) {
    ^bb0(%a: f32, %s: f32, %g: f32, %o: f32):
      %hh = arith.constant 8.0 : f32
      %eps = arith.constant 1.0e-05 : f32
      %m = arith.divf %s, %hh : f32
      %m2 = arith.addf %m, %eps : f32
      %rq = math.rsqrt %m2 : f32
      %y = arith.mulf %a, %rq : f32
      %z = arith.mulf %y, %g : f32
      linalg.yield %z : f32
    } -> tensor<8x8xf32>
    %u = linalg.matmul ins(%n2, %w1l : tensor<8x8xf32>, tensor<8x16xf32>) outs(%zH1 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %act = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%u : tensor<8x16xf32>) outs(%eH1 : tensor<8x16xf32>) {
    ^bb0(%a: f32, %o: f32):
      %n = arith.negf %a : f32
      %e = math.exp %n : f32
      %one = arith.constant 1.0 : f32
      %d = arith.addf %one, %e : f32
      %s = arith.divf %a, %d : f32
      linalg.yield %s : f32
    } -> tensor<8x16xf32>
    %dn = linalg.matmul ins(%act, %w2l : tensor<8x16xf32>, tensor<16x8xf32>) outs(%zX : tensor<8x8xf32>) -> tensor<8x8xf32>
    %h3 = arith.addf %h2, %dn : tensor<8x8xf32>
    %h3a = hspmd.annotate %h3 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x8xf32>
    scf.yield %h3a : tensor<8x8xf32>
  }
  %mR = linalg.fill ins(%ninf : f32) outs(%eR : tensor<8xf32>) -> tensor<8xf32>
  %lmx = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%xf : tensor<8x8xf32>) outs(%mR : tensor<8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.maximumf %a, %o : f32
    linalg.yield %m : f32
  } -> tensor<8xf32>
  %lse = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%xf, %lmx : tensor<8x8xf32>, tensor<8xf32>) outs(%zR : tensor<8xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %d = arith.subf %a, %m : f32
    %e = math.exp %d : f32
    %s = arith.addf %e, %o : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  %eS = tensor.empty() : tensor<f32>
  %zS = linalg.fill ins(%zero : f32) outs(%eS : tensor<f32>) -> tensor<f32>
  %loss = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> ()>], iterator_types = ["reduction", "reduction"]} ins(%xf, %lmx, %lse, %lab : tensor<8x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xi32>) outs(%zS : tensor<f32>) {
  ^bb0(%a: f32, %m: f32, %s: f32, %t: i32, %o: f32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %eq = arith.cmpi eq, %ji, %t : i32
    %ls = math.log %s : f32
    %lz = arith.addf %ls, %m : f32
    %lp = arith.subf %lz, %a : f32
    %z = arith.constant 0.0 : f32
    %c = arith.select %eq, %lp, %z : f32
    %r = arith.addf %c, %o : f32
    linalg.yield %r : f32
  } -> tensor<f32>

  %b10 = bufferization.to_buffer %xf : tensor<8x8xf32> to memref<8x8xf32>
  %u11 = memref.cast %b10 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%u11) : (memref<*xf32>) -> ()
  %b12 = bufferization.to_buffer %loss : tensor<f32> to memref<f32>
  %u13 = memref.cast %b12 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%u13) : (memref<*xf32>) -> ()
  return
}
