// SwiGLU MLP with bf16 activations, bf16 gate / f16 up weights (column parallel, hetero d1 weights [1, 2] and 
// [d1 = 2, dup = 2]), bf16 down weight row parallel (hetero d0) giving a hetero partial f32 result; extf inside 
// the matmul generics, SiLU via exp, truncf to bf16 of the hidden, residual add with truncf/extf round trip on 
// the partial sum.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<8x8xbf16>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<8x8xbf16>) {
  ^bb0(%Zo: bf16):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 3 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 5 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 9 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 4 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.25 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    %Ztw = arith.truncf %Zfw : f32 to bf16
    linalg.yield %Ztw : bf16
  } -> tensor<8x8xbf16>
  %e2 = tensor.empty() : tensor<8x12xbf16>
  %wg = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e2 : tensor<8x12xbf16>) {
  ^bb0(%Zo: bf16):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 5 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 7 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 11 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 5 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.125 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    %Ztw = arith.truncf %Zfw : f32 to bf16
    linalg.yield %Ztw : bf16
  } -> tensor<8x12xbf16>
  %e3 = tensor.empty() : tensor<8x12xf16>
  %wu = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e3 : tensor<8x12xf16>) {
  ^bb0(%Zo: f16):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 3 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 2 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 7 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 3 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.25 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    %Ztw = arith.truncf %Zfw : f32 to f16
    linalg.yield %Ztw : f16
  } -> tensor<8x12xf16>
  %e4 = tensor.empty() : tensor<12x8xbf16>
  %wd = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e4 : tensor<12x8xbf16>) {
  ^bb0(%Zo: bf16):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 7 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 3 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 13 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 6 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.125 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    %Ztw = arith.truncf %Zfw : f32 to bf16
    linalg.yield %Ztw : bf16
  } -> tensor<12x8xbf16>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<8x8xbf16>
  %wga = hspmd.annotate %wg as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<8x12xbf16>
  %wua = hspmd.annotate %wu as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, dup = 2]> : tensor<8x12xf16>
  %wda = hspmd.annotate %wd as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[0] : [], [1, 2] : [d0 = 2]]> : tensor<12x8xbf16>
  %zero = arith.constant 0.0 : f32
  %eA = tensor.empty() : tensor<8x12xf32>
  %zA = linalg.fill ins(%zero : f32) outs(%eA : tensor<8x12xf32>) -> tensor<8x12xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%xa, %wga : tensor<8x8xbf16>, tensor<8x12xbf16>) outs(%zA : tensor<8x12xf32>) {
  ^bb0(%a: bf16, %b: bf16, %o: f32):
    %af = arith.extf %a : bf16 to f32
    %bf = arith.extf %b : bf16 to f32
    %m = arith.mulf %af, %bf : f32
    %s = arith.addf %m, %o : f32
    linalg.yield %s : f32
  } -> tensor<8x12xf32>
  %u = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%xa, %wua : tensor<8x8xbf16>, tensor<8x12xf16>) outs(%zA : tensor<8x12xf32>) {
  ^bb0(%a: bf16, %b: f16, %o: f32):
    %af = arith.extf %a : bf16 to f32
    %bf = arith.extf %b : f16 to f32
    %m = arith.mulf %af, %bf : f32
    %s = arith.addf %m, %o : f32
    linalg.yield %s : f32
  } -> tensor<8x12xf32>
  %eAB = tensor.empty() : tensor<8x12xbf16>
  %hb = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%g, %u : tensor<8x12xf32>, tensor<8x12xf32>) outs(%eAB : tensor<8x12xbf16>) {
  ^bb0(%a: f32, %b: f32, %o: bf16):
    %n = arith.negf %a : f32
    %e = math.exp %n : f32
    %one = arith.constant 1.0 : f32
    %d = arith.addf %one, %e : f32
    %s = arith.divf %a, %d : f32
    %p = arith.mulf %s, %b : f32
    %t = arith.truncf %p : f32 to bf16
    linalg.yield %t : bf16
  } -> tensor<8x12xbf16>
  %eO = tensor.empty() : tensor<8x8xf32>
  %zO = linalg.fill ins(%zero : f32) outs(%eO : tensor<8x8xf32>) -> tensor<8x8xf32>
  %dn = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%hb, %wda : tensor<8x12xbf16>, tensor<12x8xbf16>) outs(%zO : tensor<8x8xf32>) {
  ^bb0(%a: bf16, %b: bf16, %o: f32):
    %af = arith.extf %a : bf16 to f32
    %bf = arith.extf %b : bf16 to f32
    %m = arith.mulf %af, %bf : f32
    %s = arith.addf %m, %o : f32
    linalg.yield %s : f32
  } -> tensor<8x8xf32>
  %dna = hspmd.annotate %dn as #hspmd.sharding<hetero = partial, groups = [[0] : [], [1, 2] : [d0 = 2]]> : tensor<8x8xf32>
  %res = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%dna, %xa : tensor<8x8xf32>, tensor<8x8xbf16>) outs(%eO : tensor<8x8xf32>) {
  ^bb0(%a: f32, %b: bf16, %o: f32):
    %bf = arith.extf %b : bf16 to f32
    %s = arith.addf %a, %bf : f32
    %t = arith.truncf %s : f32 to bf16
    %r = arith.extf %t : bf16 to f32
    linalg.yield %r : f32
  } -> tensor<8x8xf32>
  %resa = hspmd.annotate %res as #hspmd.sharding<[3, 2] : [d0 = 2]> : tensor<8x8xf32>

  %b5 = bufferization.to_buffer %resa : tensor<8x8xf32> to memref<8x8xf32>
  %u6 = memref.cast %b5 : memref<8x8xf32> to memref<*xf32>
  call @printMemrefF32(%u6) : (memref<*xf32>) -> ()
  %b7 = bufferization.to_buffer %g : tensor<8x12xf32> to memref<8x12xf32>
  %u8 = memref.cast %b7 : memref<8x12xf32> to memref<*xf32>
  call @printMemrefF32(%u8) : (memref<*xf32>) -> ()
  return
}
