// linalg.matmul with indexing_maps (A and B transposed) and a contraction split unevenly (weights [1, 2]);
// linalg.contract with B broadcast over the batch, batch and K split; batch_reduce_matmul with the reduced
// batch split 4 ways and non-zero init; matvec / vecmat / dot / batch_matvec / batch_vecmat on weighted splits
// of the contraction (partial sums with a 0.5 / 3.0 init counted once).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<6x5xf32>
  %A = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<6x5xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 5 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<6x5xf32>
  %Aa = hspmd.annotate %A as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[1] : [], [0, 2, 3] : [dup = 3]]> : tensor<6x5xf32>
  %e2 = tensor.empty() : tensor<7x6xf32>
  %Bt = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e2 : tensor<7x6xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 2 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<7x6xf32>
  %Bta = hspmd.annotate %Bt as #hspmd.sharding<[3, 2, 1, 0] : [d1 = 2, dup = 2]> : tensor<7x6xf32>
  %c4 = arith.constant 1.0 : f32
  %e3 = tensor.empty() : tensor<5x7xf32>
  %C0 = linalg.fill ins(%c4 : f32) outs(%e3 : tensor<5x7xf32>) -> tensor<5x7xf32>
  %C = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%Aa, %Bta : tensor<6x5xf32>, tensor<7x6xf32>) outs(%C0 : tensor<5x7xf32>) -> tensor<5x7xf32>
  %b5 = bufferization.to_buffer %C : tensor<5x7xf32> to memref<5x7xf32>
  %u6 = memref.cast %b5 : memref<5x7xf32> to memref<*xf32>
  call @printMemrefF32(%u6) : (memref<*xf32>) -> ()
  %e7 = tensor.empty() : tensor<4x3x6xf32>
  %X = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e7 : tensor<4x3x6xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 1 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 5 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc3, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x3x6xf32>
  %Xa = hspmd.annotate %X as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d2 = 2]> : tensor<4x3x6xf32>
  %e8 = tensor.empty() : tensor<6x5xf32>
  %W = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e8 : tensor<6x5xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 2 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<6x5xf32>
  %c10 = arith.constant 0.0 : f32
  %e9 = tensor.empty() : tensor<4x3x5xf32>
  %Y0 = linalg.fill ins(%c10 : f32) outs(%e9 : tensor<4x3x5xf32>) -> tensor<4x3x5xf32>
  %Y = linalg.contract indexing_maps = [affine_map<(b, m, n, k) -> (b, m, k)>, affine_map<(b, m, n, k) -> (k, n)>, affine_map<(b, m, n, k) -> (b, m, n)>] ins(%Xa, %W : tensor<4x3x6xf32>, tensor<6x5xf32>) outs(%Y0 : tensor<4x3x5xf32>) -> tensor<4x3x5xf32>
  %Ya = hspmd.annotate %Y as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1, 2] : [d0 = 3], [3] : []]> : tensor<4x3x5xf32>
  %b11 = bufferization.to_buffer %Ya : tensor<4x3x5xf32> to memref<4x3x5xf32>
  %u12 = memref.cast %b11 : memref<4x3x5xf32> to memref<*xf32>
  call @printMemrefF32(%u12) : (memref<*xf32>) -> ()
  %e13 = tensor.empty() : tensor<4x3x5xf32>
  %P = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e13 : tensor<4x3x5xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 1 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 5 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc3, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x3x5xf32>
  %Pa = hspmd.annotate %P as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x3x5xf32>
  %e14 = tensor.empty() : tensor<4x5x2xf32>
  %Q = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e14 : tensor<4x5x2xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 1 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 5 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc3, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x5x2xf32>
  %Qa = hspmd.annotate %Q as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<4x5x2xf32>
  %c16 = arith.constant 2.0 : f32
  %e15 = tensor.empty() : tensor<3x2xf32>
  %R0 = linalg.fill ins(%c16 : f32) outs(%e15 : tensor<3x2xf32>) -> tensor<3x2xf32>
  %R = linalg.batch_reduce_matmul ins(%Pa, %Qa : tensor<4x3x5xf32>, tensor<4x5x2xf32>) outs(%R0 : tensor<3x2xf32>) -> tensor<3x2xf32>
  %b17 = bufferization.to_buffer %R : tensor<3x2xf32> to memref<3x2xf32>
  %u18 = memref.cast %b17 : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u18) : (memref<*xf32>) -> ()
  %e19 = tensor.empty() : tensor<6x8xf32>
  %M = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e19 : tensor<6x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 5 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<6x8xf32>
  %Ma = hspmd.annotate %M as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[0, 1, 2] : [d1 = 3], [3] : []]> : tensor<6x8xf32>
  %e20 = tensor.empty() : tensor<8xf32>
  %v8 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e20 : tensor<8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc1, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<8xf32>
  %e21 = tensor.empty() : tensor<6xf32>
  %v6 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e21 : tensor<6xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 5 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc1, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<6xf32>
  %v6a = hspmd.annotate %v6 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[3] : [], [2, 0] : [d0 = 2]]> : tensor<6xf32>
  %c23 = arith.constant 0.5 : f32
  %e22 = tensor.empty() : tensor<6xf32>
  %mv0 = linalg.fill ins(%c23 : f32) outs(%e22 : tensor<6xf32>) -> tensor<6xf32>
  %mv = linalg.matvec ins(%Ma, %v8 : tensor<6x8xf32>, tensor<8xf32>) outs(%mv0 : tensor<6xf32>) -> tensor<6xf32>
  %b24 = bufferization.to_buffer %mv : tensor<6xf32> to memref<6xf32>
  %u25 = memref.cast %b24 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u25) : (memref<*xf32>) -> ()
  %c27 = arith.constant 0.5 : f32
  %e26 = tensor.empty() : tensor<8xf32>
  %vm0 = linalg.fill ins(%c27 : f32) outs(%e26 : tensor<8xf32>) -> tensor<8xf32>
  %vm = linalg.vecmat ins(%v6a, %Ma : tensor<6xf32>, tensor<6x8xf32>) outs(%vm0 : tensor<8xf32>) -> tensor<8xf32>
  %b28 = bufferization.to_buffer %vm : tensor<8xf32> to memref<8xf32>
  %u29 = memref.cast %b28 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u29) : (memref<*xf32>) -> ()
  %c31 = arith.constant 3.0 : f32
  %e30 = tensor.empty() : tensor<f32>
  %d0 = linalg.fill ins(%c31 : f32) outs(%e30 : tensor<f32>) -> tensor<f32>
  %dt = linalg.dot ins(%v6a, %mv : tensor<6xf32>, tensor<6xf32>) outs(%d0 : tensor<f32>) -> tensor<f32>
  %b32 = bufferization.to_buffer %dt : tensor<f32> to memref<f32>
  %u33 = memref.cast %b32 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%u33) : (memref<*xf32>) -> ()
  %c35 = arith.constant 0.0 : f32
  %e34 = tensor.empty() : tensor<4x3xf32>
  %bm0 = linalg.fill ins(%c35 : f32) outs(%e34 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %e36 = tensor.empty() : tensor<4x5xf32>
  %bv = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e36 : tensor<4x5xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 2 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x5xf32>
  %bva = hspmd.annotate %bv as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d0 = 2]> : tensor<4x5xf32>
  %bm = linalg.batch_matvec ins(%Pa, %bv : tensor<4x3x5xf32>, tensor<4x5xf32>) outs(%bm0 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %b37 = bufferization.to_buffer %bm : tensor<4x3xf32> to memref<4x3xf32>
  %u38 = memref.cast %b37 : memref<4x3xf32> to memref<*xf32>
  call @printMemrefF32(%u38) : (memref<*xf32>) -> ()
  %c40 = arith.constant 0.0 : f32
  %e39 = tensor.empty() : tensor<4x5xf32>
  %bw0 = linalg.fill ins(%c40 : f32) outs(%e39 : tensor<4x5xf32>) -> tensor<4x5xf32>
  %e41 = tensor.empty() : tensor<4x3xf32>
  %bva3 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e41 : tensor<4x3xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 2 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 2 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x3xf32>
  %bw = linalg.batch_vecmat ins(%bva3, %Pa : tensor<4x3xf32>, tensor<4x3x5xf32>) outs(%bw0 : tensor<4x5xf32>) -> tensor<4x5xf32>
  %b42 = bufferization.to_buffer %bw : tensor<4x5xf32> to memref<4x5xf32>
  %u43 = memref.cast %b42 : memref<4x5xf32> to memref<*xf32>
  call @printMemrefF32(%u43) : (memref<*xf32>) -> ()
  return
}
