// Payloads with linalg.index on a partial matmul result (K split across weighted hetero groups): in + i (not linear),
// causal selects with 0 / 1 / -in / j, in*(i+j) - in, in/i, i/in, out - in, fma, max-select; only the linear ones may stay partial.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e0 = tensor.empty() : tensor<4x8xf32>
  %g1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e0 : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %acc_0 = arith.constant 0 : index
    %ix_0 = linalg.index 0 : index
    %cm_0 = arith.constant 3 : index
    %mm_0 = arith.muli %ix_0, %cm_0 : index
    %acc_1 = arith.addi %acc_0, %mm_0 : index
    %ix_1 = linalg.index 1 : index
    %cm_1 = arith.constant 5 : index
    %mm_1 = arith.muli %ix_1, %cm_1 : index
    %acc_2 = arith.addi %acc_1, %mm_1 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc_2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x8xf32>
  %a2 = hspmd.annotate %g1 as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[3] : [], [0, 1, 2] : [d1 = 3]]> : tensor<4x8xf32>
  %e3 = tensor.empty() : tensor<8x4xf32>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e3 : tensor<8x4xf32>) {
  ^bb0(%o: f32):
    %acc_0 = arith.constant 0 : index
    %ix_0 = linalg.index 0 : index
    %cm_0 = arith.constant 2 : index
    %mm_0 = arith.muli %ix_0, %cm_0 : index
    %acc_1 = arith.addi %acc_0, %mm_0 : index
    %ix_1 = linalg.index 1 : index
    %cm_1 = arith.constant 3 : index
    %mm_1 = arith.muli %ix_1, %cm_1 : index
    %acc_2 = arith.addi %acc_1, %mm_1 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc_2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<8x4xf32>
  %c6 = arith.constant 0.0 : f32
  %e5 = tensor.empty() : tensor<4x4xf32>
  %f7 = linalg.fill ins(%c6 : f32) outs(%e5 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %S = linalg.matmul ins(%a2, %g4 : tensor<4x8xf32>, tensor<8x4xf32>) outs(%f7 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %c9 = arith.constant 2.0 : f32
  %e8 = tensor.empty() : tensor<4x4xf32>
  %f10 = linalg.fill ins(%c9 : f32) outs(%e8 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r11 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f10 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %r = arith.addf %in, %f : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b12 = bufferization.to_buffer %r11 : tensor<4x4xf32> to memref<4x4xf32>
  %u13 = memref.cast %b12 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u13) : (memref<*xf32>) -> ()
  %c15 = arith.constant 2.0 : f32
  %e14 = tensor.empty() : tensor<4x4xf32>
  %f16 = linalg.fill ins(%c15 : f32) outs(%e14 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r17 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f16 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c = arith.cmpi uge, %i, %j : index
    %one = arith.constant 1.0 : f32
    %r = arith.select %c, %in, %one : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b18 = bufferization.to_buffer %r17 : tensor<4x4xf32> to memref<4x4xf32>
  %u19 = memref.cast %b18 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u19) : (memref<*xf32>) -> ()
  %c21 = arith.constant 2.0 : f32
  %e20 = tensor.empty() : tensor<4x4xf32>
  %f22 = linalg.fill ins(%c21 : f32) outs(%e20 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r23 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f22 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c = arith.cmpi uge, %i, %j : index
    %n = arith.negf %in : f32
    %r = arith.select %c, %in, %n : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b24 = bufferization.to_buffer %r23 : tensor<4x4xf32> to memref<4x4xf32>
  %u25 = memref.cast %b24 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u25) : (memref<*xf32>) -> ()
  %c27 = arith.constant 2.0 : f32
  %e26 = tensor.empty() : tensor<4x4xf32>
  %f28 = linalg.fill ins(%c27 : f32) outs(%e26 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r29 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f28 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c = arith.cmpi uge, %i, %j : index
    %z = arith.constant 0.0 : f32
    %r = arith.select %c, %in, %z : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b30 = bufferization.to_buffer %r29 : tensor<4x4xf32> to memref<4x4xf32>
  %u31 = memref.cast %b30 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u31) : (memref<*xf32>) -> ()
  %c33 = arith.constant 2.0 : f32
  %e32 = tensor.empty() : tensor<4x4xf32>
  %f34 = linalg.fill ins(%c33 : f32) outs(%e32 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r35 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f34 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.addi %i, %j : index
    %ii = arith.index_cast %s : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %m = arith.mulf %in, %f : f32
    %r = arith.subf %m, %in : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b36 = bufferization.to_buffer %r35 : tensor<4x4xf32> to memref<4x4xf32>
  %u37 = memref.cast %b36 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u37) : (memref<*xf32>) -> ()
  %c39 = arith.constant 2.0 : f32
  %e38 = tensor.empty() : tensor<4x4xf32>
  %f40 = linalg.fill ins(%c39 : f32) outs(%e38 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r41 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f40 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c = arith.cmpi uge, %i, %j : index
    %ii = arith.index_cast %j : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %r = arith.select %c, %in, %f : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b42 = bufferization.to_buffer %r41 : tensor<4x4xf32> to memref<4x4xf32>
  %u43 = memref.cast %b42 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u43) : (memref<*xf32>) -> ()
  %c45 = arith.constant 2.0 : f32
  %e44 = tensor.empty() : tensor<4x4xf32>
  %f46 = linalg.fill ins(%c45 : f32) outs(%e44 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r47 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f46 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %r = arith.divf %in, %f : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b48 = bufferization.to_buffer %r47 : tensor<4x4xf32> to memref<4x4xf32>
  %u49 = memref.cast %b48 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u49) : (memref<*xf32>) -> ()
  %c51 = arith.constant 2.0 : f32
  %e50 = tensor.empty() : tensor<4x4xf32>
  %f52 = linalg.fill ins(%c51 : f32) outs(%e50 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r53 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f52 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %r = arith.divf %f, %in : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b54 = bufferization.to_buffer %r53 : tensor<4x4xf32> to memref<4x4xf32>
  %u55 = memref.cast %b54 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u55) : (memref<*xf32>) -> ()
  %c57 = arith.constant 2.0 : f32
  %e56 = tensor.empty() : tensor<4x4xf32>
  %f58 = linalg.fill ins(%c57 : f32) outs(%e56 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r59 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f58 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %r = arith.subf %o, %in : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b60 = bufferization.to_buffer %r59 : tensor<4x4xf32> to memref<4x4xf32>
  %u61 = memref.cast %b60 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u61) : (memref<*xf32>) -> ()
  %c63 = arith.constant 2.0 : f32
  %e62 = tensor.empty() : tensor<4x4xf32>
  %f64 = linalg.fill ins(%c63 : f32) outs(%e62 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r65 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f64 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %r = arith.addf %in, %o : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b66 = bufferization.to_buffer %r65 : tensor<4x4xf32> to memref<4x4xf32>
  %u67 = memref.cast %b66 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u67) : (memref<*xf32>) -> ()
  %c69 = arith.constant 2.0 : f32
  %e68 = tensor.empty() : tensor<4x4xf32>
  %f70 = linalg.fill ins(%c69 : f32) outs(%e68 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r71 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f70 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ii = arith.index_cast %j : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %r = math.fma %in, %f, %o : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b72 = bufferization.to_buffer %r71 : tensor<4x4xf32> to memref<4x4xf32>
  %u73 = memref.cast %b72 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u73) : (memref<*xf32>) -> ()
  %c75 = arith.constant 2.0 : f32
  %e74 = tensor.empty() : tensor<4x4xf32>
  %f76 = linalg.fill ins(%c75 : f32) outs(%e74 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r77 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f76 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ii = arith.index_cast %j : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %r = math.fma %f, %f, %in : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b78 = bufferization.to_buffer %r77 : tensor<4x4xf32> to memref<4x4xf32>
  %u79 = memref.cast %b78 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u79) : (memref<*xf32>) -> ()
  %c81 = arith.constant 2.0 : f32
  %e80 = tensor.empty() : tensor<4x4xf32>
  %f82 = linalg.fill ins(%c81 : f32) outs(%e80 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r83 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%S : tensor<4x4xf32>) outs(%f82 : tensor<4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c = arith.cmpf ogt, %in, %o : f32
    %r = arith.select %c, %in, %o : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %b84 = bufferization.to_buffer %r83 : tensor<4x4xf32> to memref<4x4xf32>
  %u85 = memref.cast %b84 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u85) : (memref<*xf32>) -> ()
  return
}
