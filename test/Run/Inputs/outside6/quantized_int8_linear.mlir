// RANKS: 5
// (outside6.test)
// Quantized int8 linear layer as a front end lowers it: u8 activations (cast_unsigned matmul,
// i32 accumulation) times i8 weights, the contraction split unevenly across two groups
// (weights [1, 3]; one group also splits it 3 ways) so the i32 accumulator is partial and
// wraps; zero-point correction with a row-sum of u8 values (extui, sum over the split dim),
// requantization (sitofp, per-channel scale, math.roundeven, clamp, fptosi to i8), then a
// signed i16 accumulation of the i8 result with remsi/divui mixing and an i1 mask reduction.
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %e0 = tensor.empty() : tensor<4x24xi8>
  %xa = linalg.generic {indexing_maps = [affine_map<(i, k) -> (i, k)>], iterator_types = ["parallel", "parallel"]} outs(%e0 : tensor<4x24xi8>) {
  ^bb0(%o: i8):
    %i = linalg.index 0 : index
    %k = linalg.index 1 : index
    %c37 = arith.constant 37 : index
    %c11 = arith.constant 11 : index
    %m = arith.muli %i, %c37 : index
    %n = arith.muli %k, %c11 : index
    %s = arith.addi %m, %n : index
    %c256 = arith.constant 256 : index
    %r = arith.remui %s, %c256 : index
    %v = arith.index_cast %r : index to i8
    linalg.yield %v : i8
  } -> tensor<4x24xi8>
  %x = hspmd.annotate %xa as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[4] : [], [0, 1, 2, 3] : [dup = 2, d1 = 2]]> : tensor<4x24xi8>
  %e1 = tensor.empty() : tensor<24x6xi8>
  %wa = linalg.generic {indexing_maps = [affine_map<(k, j) -> (k, j)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<24x6xi8>) {
  ^bb0(%o: i8):
    %k = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c5 = arith.constant 5 : index
    %c3 = arith.constant 3 : index
    %m = arith.muli %k, %c5 : index
    %n = arith.muli %j, %c3 : index
    %s = arith.addi %m, %n : index
    %c17 = arith.constant 17 : index
    %r = arith.remui %s, %c17 : index
    %v = arith.index_cast %r : index to i8
    %c8 = arith.constant 8 : i8
    %d = arith.subi %v, %c8 : i8
    %c13 = arith.constant 13 : i8
    %q = arith.muli %d, %c13 : i8
    linalg.yield %q : i8
  } -> tensor<24x6xi8>
  %w = hspmd.annotate %wa as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[4] : [], [0, 1, 2, 3] : [d0 = 2, d1 = 2]]> : tensor<24x6xi8>
  %z = arith.constant 0 : i32
  %e2 = tensor.empty() : tensor<4x6xi32>
  %f2 = linalg.fill ins(%z : i32) outs(%e2 : tensor<4x6xi32>) -> tensor<4x6xi32>
  %acc = linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%x, %w : tensor<4x24xi8>, tensor<24x6xi8>) outs(%f2 : tensor<4x6xi32>) -> tensor<4x6xi32>
  %e3 = tensor.empty() : tensor<4xi32>
  %f3 = linalg.fill ins(%z : i32) outs(%e3 : tensor<4xi32>) -> tensor<4xi32>
  %rs = linalg.generic {indexing_maps = [affine_map<(i, k) -> (i, k)>, affine_map<(i, k) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x24xi8>) outs(%f3 : tensor<4xi32>) {
  ^bb0(%v: i8, %o: i32):
    %u = arith.extui %v : i8 to i32
    %s = arith.addi %o, %u : i32
    linalg.yield %s : i32
  } -> tensor<4xi32>
  %e4 = tensor.empty() : tensor<4x6xi8>
  %scale = arith.constant dense<[0.001, 0.002, 0.0005, 0.004, 0.003, 0.0015]> : tensor<6xf32>
  %q = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%acc, %rs, %scale : tensor<4x6xi32>, tensor<4xi32>, tensor<6xf32>) outs(%e4 : tensor<4x6xi8>) {
  ^bb0(%a: i32, %r: i32, %s: f32, %o: i8):
    %zp = arith.constant 3 : i32
    %corr = arith.muli %r, %zp : i32
    %t = arith.subi %a, %corr : i32
    %tf = arith.sitofp %t : i32 to f32
    %y = arith.mulf %tf, %s : f32
    %yr = math.roundeven %y : f32
    %lo = arith.constant -128.0 : f32
    %hi = arith.constant 127.0 : f32
    %c1 = arith.maximumf %yr, %lo : f32
    %c2 = arith.minimumf %c1, %hi : f32
    %i = arith.fptosi %c2 : f32 to i8
    linalg.yield %i : i8
  } -> tensor<4x6xi8>
  %qa = hspmd.annotate %q as #hspmd.sharding<[0, 1, 2, 3, 4] : [dup = 5]> : tensor<4x6xi8>
  // i16 statistics over the (split) rows: sum with wrap, and an or-mask of negative values
  %qs = hspmd.annotate %qa as #hspmd.sharding<[1, 3] : [d1 = 2]> : tensor<4x6xi8>
  %z16 = arith.constant 0 : i16
  %e5 = tensor.empty() : tensor<4xi16>
  %f5 = linalg.fill ins(%z16 : i16) outs(%e5 : tensor<4xi16>) -> tensor<4xi16>
  %sum16 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%qs : tensor<4x6xi8>) outs(%f5 : tensor<4xi16>) {
  ^bb0(%v: i8, %o: i16):
    %u = arith.extsi %v : i8 to i16
    %c300 = arith.constant 300 : i16
    %m = arith.muli %u, %c300 : i16
    %s = arith.addi %o, %m : i16
    linalg.yield %s : i16
  } -> tensor<4xi16>
  %fa = arith.constant false
  %e6 = tensor.empty() : tensor<4xi1>
  %f6 = linalg.fill ins(%fa : i1) outs(%e6 : tensor<4xi1>) -> tensor<4xi1>
  %neg = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%qs : tensor<4x6xi8>) outs(%f6 : tensor<4xi1>) {
  ^bb0(%v: i8, %o: i1):
    %c0 = arith.constant 0 : i8
    %lt = arith.cmpi slt, %v, %c0 : i8
    %s = arith.ori %o, %lt : i1
    linalg.yield %s : i1
  } -> tensor<4xi1>
  %e7 = tensor.empty() : tensor<4x6xi32>
  %out = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%acc, %qa, %sum16, %neg : tensor<4x6xi32>, tensor<4x6xi8>, tensor<4xi16>, tensor<4xi1>) outs(%e7 : tensor<4x6xi32>) {
  ^bb0(%a: i32, %qv: i8, %s: i16, %n: i1, %o: i32):
    %q32 = arith.extsi %qv : i8 to i32
    %s32 = arith.extsi %s : i16 to i32
    %n32 = arith.extui %n : i1 to i32
    %c1000 = arith.constant 1000 : i32
    %m = arith.muli %q32, %c1000 : i32
    %c7 = arith.constant 7 : i32
    %ar = arith.remsi %a, %c7 : i32
    %t = arith.addi %m, %ar : i32
    %c100000 = arith.constant 100000 : i32
    %nn = arith.muli %n32, %c100000 : i32
    %t2 = arith.addi %t, %nn : i32
    %c3 = arith.constant 3 : i32
    %sd = arith.divui %s32, %c3 : i32
    %t3 = arith.xori %t2, %sd : i32
    linalg.yield %t3 : i32
  } -> tensor<4x6xi32>
  %b = bufferization.to_buffer %out : tensor<4x6xi32> to memref<4x6xi32>
  %u = memref.cast %b : memref<4x6xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  %ab = bufferization.to_buffer %acc : tensor<4x6xi32> to memref<4x6xi32>
  %au = memref.cast %ab : memref<4x6xi32> to memref<*xi32>
  call @printMemrefI32(%au) : (memref<*xi32>) -> ()
  return
}
