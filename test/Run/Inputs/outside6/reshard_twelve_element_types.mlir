// RANKS: 6
// (outside6.test)
// Every element width through chains of 4 reshards (2-d grids, permuted lists, weighted hetero
// d0/d1, hetero dup, a single device): i1, i8, i16, i24, i64, index, i128, f16, bf16, f80, f128,
// f32, values made from linalg.index so each element is distinct, printed widened.
func.func private @printMemrefI64(memref<*xi64>)
func.func private @printMemrefF64(memref<*xf64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<6x12xi1>
  %g1 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<6x12xi1>) {
  ^bb0(%o: i1):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.trunci %s3 : i64 to i1
    linalg.yield %v : i1
  } -> tensor<6x12xi1>
  %a1_0 = hspmd.annotate %g1 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[4] : [], [0, 1, 2, 3] : [d0 = 2, d1 = 2]]> : tensor<6x12xi1>
  %a1_1 = hspmd.annotate %a1_0 as #hspmd.sharding<[5, 3, 1, 0, 2, 4] : [d1 = 3, dup = 2]> : tensor<6x12xi1>
  %a1_2 = hspmd.annotate %a1_1 as #hspmd.sharding<hetero = d1, weights = [2, 1], groups = [[1, 3] : [d1 = 2], [0, 2, 5] : [dup = 3]]> : tensor<6x12xi1>
  %a1_3 = hspmd.annotate %a1_2 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xi1>
  %w1 = arith.extui %a1_3 : tensor<6x12xi1> to tensor<6x12xi64>
  %b1 = bufferization.to_buffer %w1 : tensor<6x12xi64> to memref<6x12xi64>
  %u1 = memref.cast %b1 : memref<6x12xi64> to memref<*xi64>
  call @printMemrefI64(%u1) : (memref<*xi64>) -> ()
  %e2 = tensor.empty() : tensor<6x12xi8>
  %g2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e2 : tensor<6x12xi8>) {
  ^bb0(%o: i8):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.trunci %s3 : i64 to i8
    linalg.yield %v : i8
  } -> tensor<6x12xi8>
  %a2_0 = hspmd.annotate %g2 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xi8>
  %a2_1 = hspmd.annotate %a2_0 as #hspmd.sharding<hetero = dup, groups = [[2] : [], [0, 5] : [d0 = 2], [1, 3, 4] : [d1 = 3]]> : tensor<6x12xi8>
  %a2_2 = hspmd.annotate %a2_1 as #hspmd.sharding<[0, 2, 4] : [d1 = 3]> : tensor<6x12xi8>
  %a2_3 = hspmd.annotate %a2_2 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[4] : [], [0, 1, 2, 3] : [d0 = 2, d1 = 2]]> : tensor<6x12xi8>
  %w2 = arith.extsi %a2_3 : tensor<6x12xi8> to tensor<6x12xi64>
  %b2 = bufferization.to_buffer %w2 : tensor<6x12xi64> to memref<6x12xi64>
  %u2 = memref.cast %b2 : memref<6x12xi64> to memref<*xi64>
  call @printMemrefI64(%u2) : (memref<*xi64>) -> ()
  %e3 = tensor.empty() : tensor<6x12xi16>
  %g3 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e3 : tensor<6x12xi16>) {
  ^bb0(%o: i16):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.trunci %s3 : i64 to i16
    linalg.yield %v : i16
  } -> tensor<6x12xi16>
  %a3_0 = hspmd.annotate %g3 as #hspmd.sharding<hetero = dup, groups = [[2] : [], [0, 5] : [d0 = 2], [1, 3, 4] : [d1 = 3]]> : tensor<6x12xi16>
  %a3_1 = hspmd.annotate %a3_0 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xi16>
  %a3_2 = hspmd.annotate %a3_1 as #hspmd.sharding<[0, 2, 4] : [d1 = 3]> : tensor<6x12xi16>
  %a3_3 = hspmd.annotate %a3_2 as #hspmd.sharding<[5, 3, 1, 0, 2, 4] : [d1 = 3, dup = 2]> : tensor<6x12xi16>
  %w3 = arith.extsi %a3_3 : tensor<6x12xi16> to tensor<6x12xi64>
  %b3 = bufferization.to_buffer %w3 : tensor<6x12xi64> to memref<6x12xi64>
  %u3 = memref.cast %b3 : memref<6x12xi64> to memref<*xi64>
  call @printMemrefI64(%u3) : (memref<*xi64>) -> ()
  %e4 = tensor.empty() : tensor<6x12xi24>
  %g4 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e4 : tensor<6x12xi24>) {
  ^bb0(%o: i24):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.trunci %s3 : i64 to i24
    linalg.yield %v : i24
  } -> tensor<6x12xi24>
  %a4_0 = hspmd.annotate %g4 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xi24>
  %a4_1 = hspmd.annotate %a4_0 as #hspmd.sharding<[0, 2, 4] : [d1 = 3]> : tensor<6x12xi24>
  %a4_2 = hspmd.annotate %a4_1 as #hspmd.sharding<hetero = d1, weights = [2, 1], groups = [[1, 3] : [d1 = 2], [0, 2, 5] : [dup = 3]]> : tensor<6x12xi24>
  %a4_3 = hspmd.annotate %a4_2 as #hspmd.sharding<hetero = dup, groups = [[2] : [], [0, 5] : [d0 = 2], [1, 3, 4] : [d1 = 3]]> : tensor<6x12xi24>
  %w4 = arith.extsi %a4_3 : tensor<6x12xi24> to tensor<6x12xi64>
  %b4 = bufferization.to_buffer %w4 : tensor<6x12xi64> to memref<6x12xi64>
  %u4 = memref.cast %b4 : memref<6x12xi64> to memref<*xi64>
  call @printMemrefI64(%u4) : (memref<*xi64>) -> ()
  %e5 = tensor.empty() : tensor<6x12xi64>
  %g5 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e5 : tensor<6x12xi64>) {
  ^bb0(%o: i64):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.addi %s3, %s3 : i64
    linalg.yield %v : i64
  } -> tensor<6x12xi64>
  %a5_0 = hspmd.annotate %g5 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xi64>
  %a5_1 = hspmd.annotate %a5_0 as #hspmd.sharding<[5, 3, 1, 0, 2, 4] : [d1 = 3, dup = 2]> : tensor<6x12xi64>
  %a5_2 = hspmd.annotate %a5_1 as #hspmd.sharding<[0, 2, 4] : [d1 = 3]> : tensor<6x12xi64>
  %a5_3 = hspmd.annotate %a5_2 as #hspmd.sharding<hetero = d1, weights = [2, 1], groups = [[1, 3] : [d1 = 2], [0, 2, 5] : [dup = 3]]> : tensor<6x12xi64>
  %w5 = arith.addi %a5_3, %a5_3 : tensor<6x12xi64>
  %b5 = bufferization.to_buffer %w5 : tensor<6x12xi64> to memref<6x12xi64>
  %u5 = memref.cast %b5 : memref<6x12xi64> to memref<*xi64>
  call @printMemrefI64(%u5) : (memref<*xi64>) -> ()
  %e6 = tensor.empty() : tensor<6x12xindex>
  %g6 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e6 : tensor<6x12xindex>) {
  ^bb0(%o: index):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.index_cast %s3 : i64 to index
    linalg.yield %v : index
  } -> tensor<6x12xindex>
  %a6_0 = hspmd.annotate %g6 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xindex>
  %a6_1 = hspmd.annotate %a6_0 as #hspmd.sharding<hetero = dup, groups = [[2] : [], [0, 5] : [d0 = 2], [1, 3, 4] : [d1 = 3]]> : tensor<6x12xindex>
  %a6_2 = hspmd.annotate %a6_1 as #hspmd.sharding<[0, 2, 4] : [d1 = 3]> : tensor<6x12xindex>
  %a6_3 = hspmd.annotate %a6_2 as #hspmd.sharding<[5, 3, 1, 0, 2, 4] : [d1 = 3, dup = 2]> : tensor<6x12xindex>
  %w6 = arith.index_cast %a6_3 : tensor<6x12xindex> to tensor<6x12xi64>
  %b6 = bufferization.to_buffer %w6 : tensor<6x12xi64> to memref<6x12xi64>
  %u6 = memref.cast %b6 : memref<6x12xi64> to memref<*xi64>
  call @printMemrefI64(%u6) : (memref<*xi64>) -> ()
  %e7 = tensor.empty() : tensor<6x12xi128>
  %g7 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e7 : tensor<6x12xi128>) {
  ^bb0(%o: i128):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.extsi %s3 : i64 to i128
    linalg.yield %v : i128
  } -> tensor<6x12xi128>
  %a7_0 = hspmd.annotate %g7 as #hspmd.sharding<[3] : []> : tensor<6x12xi128>
  %a7_1 = hspmd.annotate %a7_0 as #hspmd.sharding<[0, 2, 4] : [d1 = 3]> : tensor<6x12xi128>
  %a7_2 = hspmd.annotate %a7_1 as #hspmd.sharding<hetero = dup, groups = [[2] : [], [0, 5] : [d0 = 2], [1, 3, 4] : [d1 = 3]]> : tensor<6x12xi128>
  %a7_3 = hspmd.annotate %a7_2 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xi128>
  %w7 = arith.trunci %a7_3 : tensor<6x12xi128> to tensor<6x12xi64>
  %b7 = bufferization.to_buffer %w7 : tensor<6x12xi64> to memref<6x12xi64>
  %u7 = memref.cast %b7 : memref<6x12xi64> to memref<*xi64>
  call @printMemrefI64(%u7) : (memref<*xi64>) -> ()
  %e8 = tensor.empty() : tensor<6x12xf16>
  %g8 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e8 : tensor<6x12xf16>) {
  ^bb0(%o: f16):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.sitofp %s3 : i64 to f16
    linalg.yield %v : f16
  } -> tensor<6x12xf16>
  %a8_0 = hspmd.annotate %g8 as #hspmd.sharding<hetero = dup, groups = [[2] : [], [0, 5] : [d0 = 2], [1, 3, 4] : [d1 = 3]]> : tensor<6x12xf16>
  %a8_1 = hspmd.annotate %a8_0 as #hspmd.sharding<[0, 2, 4] : [d1 = 3]> : tensor<6x12xf16>
  %a8_2 = hspmd.annotate %a8_1 as #hspmd.sharding<hetero = d1, weights = [2, 1], groups = [[1, 3] : [d1 = 2], [0, 2, 5] : [dup = 3]]> : tensor<6x12xf16>
  %a8_3 = hspmd.annotate %a8_2 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xf16>
  %w8 = arith.extf %a8_3 : tensor<6x12xf16> to tensor<6x12xf64>
  %b8 = bufferization.to_buffer %w8 : tensor<6x12xf64> to memref<6x12xf64>
  %u8 = memref.cast %b8 : memref<6x12xf64> to memref<*xf64>
  call @printMemrefF64(%u8) : (memref<*xf64>) -> ()
  %e9 = tensor.empty() : tensor<6x12xbf16>
  %g9 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e9 : tensor<6x12xbf16>) {
  ^bb0(%o: bf16):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.sitofp %s3 : i64 to bf16
    linalg.yield %v : bf16
  } -> tensor<6x12xbf16>
  %a9_0 = hspmd.annotate %g9 as #hspmd.sharding<[5, 3, 1, 0, 2, 4] : [d1 = 3, dup = 2]> : tensor<6x12xbf16>
  %a9_1 = hspmd.annotate %a9_0 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xbf16>
  %a9_2 = hspmd.annotate %a9_1 as #hspmd.sharding<hetero = dup, groups = [[2] : [], [0, 5] : [d0 = 2], [1, 3, 4] : [d1 = 3]]> : tensor<6x12xbf16>
  %a9_3 = hspmd.annotate %a9_2 as #hspmd.sharding<[0, 2, 4] : [d1 = 3]> : tensor<6x12xbf16>
  %w9 = arith.extf %a9_3 : tensor<6x12xbf16> to tensor<6x12xf64>
  %b9 = bufferization.to_buffer %w9 : tensor<6x12xf64> to memref<6x12xf64>
  %u9 = memref.cast %b9 : memref<6x12xf64> to memref<*xf64>
  call @printMemrefF64(%u9) : (memref<*xf64>) -> ()
  %e10 = tensor.empty() : tensor<6x12xf80>
  %g10 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e10 : tensor<6x12xf80>) {
  ^bb0(%o: f80):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.sitofp %s3 : i64 to f80
    linalg.yield %v : f80
  } -> tensor<6x12xf80>
  %a10_0 = hspmd.annotate %g10 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[4] : [], [0, 1, 2, 3] : [d0 = 2, d1 = 2]]> : tensor<6x12xf80>
  %a10_1 = hspmd.annotate %a10_0 as #hspmd.sharding<hetero = d1, weights = [2, 1], groups = [[1, 3] : [d1 = 2], [0, 2, 5] : [dup = 3]]> : tensor<6x12xf80>
  %a10_2 = hspmd.annotate %a10_1 as #hspmd.sharding<[5, 3, 1, 0, 2, 4] : [d1 = 3, dup = 2]> : tensor<6x12xf80>
  %a10_3 = hspmd.annotate %a10_2 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xf80>
  %w10 = arith.truncf %a10_3 : tensor<6x12xf80> to tensor<6x12xf64>
  %b10 = bufferization.to_buffer %w10 : tensor<6x12xf64> to memref<6x12xf64>
  %u10 = memref.cast %b10 : memref<6x12xf64> to memref<*xf64>
  call @printMemrefF64(%u10) : (memref<*xf64>) -> ()
  %e11 = tensor.empty() : tensor<6x12xf128>
  %g11 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e11 : tensor<6x12xf128>) {
  ^bb0(%o: f128):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.sitofp %s3 : i64 to f128
    linalg.yield %v : f128
  } -> tensor<6x12xf128>
  %a11_0 = hspmd.annotate %g11 as #hspmd.sharding<hetero = dup, groups = [[2] : [], [0, 5] : [d0 = 2], [1, 3, 4] : [d1 = 3]]> : tensor<6x12xf128>
  %a11_1 = hspmd.annotate %a11_0 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[4] : [], [0, 1, 2, 3] : [d0 = 2, d1 = 2]]> : tensor<6x12xf128>
  %a11_2 = hspmd.annotate %a11_1 as #hspmd.sharding<[0, 2, 4] : [d1 = 3]> : tensor<6x12xf128>
  %a11_3 = hspmd.annotate %a11_2 as #hspmd.sharding<[5, 3, 1, 0, 2, 4] : [d1 = 3, dup = 2]> : tensor<6x12xf128>
  %w11 = arith.truncf %a11_3 : tensor<6x12xf128> to tensor<6x12xf64>
  %b11 = bufferization.to_buffer %w11 : tensor<6x12xf64> to memref<6x12xf64>
  %u11 = memref.cast %b11 : memref<6x12xf64> to memref<*xf64>
  call @printMemrefF64(%u11) : (memref<*xf64>) -> ()
  %e12 = tensor.empty() : tensor<6x12xf32>
  %g12 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e12 : tensor<6x12xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c13 = arith.constant 13 : index
    %m = arith.muli %i, %c13 : index
    %s = arith.addi %m, %j : index
    %s64 = arith.index_cast %s : index to i64
    %c7 = arith.constant 7 : i64
    %s2 = arith.muli %s64, %c7 : i64
    %c40 = arith.constant 40 : i64
    %s3 = arith.subi %s2, %c40 : i64
    %v = arith.sitofp %s3 : i64 to f32
    linalg.yield %v : f32
  } -> tensor<6x12xf32>
  %a12_0 = hspmd.annotate %g12 as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x12xf32>
  %a12_1 = hspmd.annotate %a12_0 as #hspmd.sharding<hetero = dup, groups = [[2] : [], [0, 5] : [d0 = 2], [1, 3, 4] : [d1 = 3]]> : tensor<6x12xf32>
  %a12_2 = hspmd.annotate %a12_1 as #hspmd.sharding<[3] : []> : tensor<6x12xf32>
  %a12_3 = hspmd.annotate %a12_2 as #hspmd.sharding<[5, 3, 1, 0, 2, 4] : [d1 = 3, dup = 2]> : tensor<6x12xf32>
  %w12 = arith.extf %a12_3 : tensor<6x12xf32> to tensor<6x12xf64>
  %b12 = bufferization.to_buffer %w12 : tensor<6x12xf64> to memref<6x12xf64>
  %u12 = memref.cast %b12 : memref<6x12xf64> to memref<*xf64>
  call @printMemrefF64(%u12) : (memref<*xf64>) -> ()
  return
}
