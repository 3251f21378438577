// For f16, bf16, f64 and i64: a matmul whose contraction is split across weighted groups with a dup
// axis inside (partial sums, init 1), result annotated hetero = d1; and a sum over the weighted split
// annotated hetero = dup with a partial group, then doubled.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %_e1 = tensor.empty() : tensor<3x12xf16>
  %Af16 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e1 : tensor<3x12xf16>) {
  ^bb0(%o: f16):
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
    %vv = arith.sitofp %sv : i64 to f16
    linalg.yield %vv : f16
  } -> tensor<3x12xf16>
  %Af16a = hspmd.annotate %Af16 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[3] : [], [0, 1, 2, 4] : [d1 = 2, dup = 2]]> : tensor<3x12xf16>
  %_e2 = tensor.empty() : tensor<12x4xf16>
  %Bf16 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e2 : tensor<12x4xf16>) {
  ^bb0(%o: f16):
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
    %vv = arith.sitofp %sv : i64 to f16
    linalg.yield %vv : f16
  } -> tensor<12x4xf16>
  %Bf16a = hspmd.annotate %Bf16 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[3] : [], [0, 1, 2, 4] : [d0 = 2, d1 = 2]]> : tensor<12x4xf16>
  %_c4 = arith.constant 1.0 : f16
  %_e3 = tensor.empty() : tensor<3x4xf16>
  %C0f16 = linalg.fill ins(%_c4 : f16) outs(%_e3 : tensor<3x4xf16>) -> tensor<3x4xf16>
  %Cf16 = linalg.matmul ins(%Af16a, %Bf16a : tensor<3x12xf16>, tensor<12x4xf16>) outs(%C0f16 : tensor<3x4xf16>) -> tensor<3x4xf16>
  %Caf16 = hspmd.annotate %Cf16 as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[4, 2, 0] : [d1 = 3], [1] : []]> : tensor<3x4xf16>
  %_x5 = arith.extf %Caf16 : tensor<3x4xf16> to tensor<3x4xf32>
  %_b6 = bufferization.to_buffer %_x5 : tensor<3x4xf32> to memref<3x4xf32>
  %_u7 = memref.cast %_b6 : memref<3x4xf32> to memref<*xf32>
  call @printMemrefF32(%_u7) : (memref<*xf32>) -> ()
  %_c9 = arith.constant 2.0 : f16
  %_e8 = tensor.empty() : tensor<3xf16>
  %r0f16 = linalg.fill ins(%_c9 : f16) outs(%_e8 : tensor<3xf16>) -> tensor<3xf16>
  %rf16 = linalg.reduce ins(%Af16a : tensor<3x12xf16>) outs(%r0f16 : tensor<3xf16>) dimensions = [1]
    (%in: f16, %acc: f16) {
      %t = arith.addf %in, %acc : f16
      linalg.yield %t : f16
    }
  %raf16 = hspmd.annotate %rf16 as #hspmd.sharding<hetero = dup, groups = [[3, 1] : [partial = 2], [0, 2, 4] : [d0 = 3]]> : tensor<3xf16>
  %rrf16 = arith.addf %raf16, %raf16 : tensor<3xf16>
  %_x10 = arith.extf %rrf16 : tensor<3xf16> to tensor<3xf32>
  %_b11 = bufferization.to_buffer %_x10 : tensor<3xf32> to memref<3xf32>
  %_u12 = memref.cast %_b11 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%_u12) : (memref<*xf32>) -> ()
  %_e13 = tensor.empty() : tensor<3x12xbf16>
  %Abf16 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e13 : tensor<3x12xbf16>) {
  ^bb0(%o: bf16):
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
    %vv = arith.sitofp %sv : i64 to bf16
    linalg.yield %vv : bf16
  } -> tensor<3x12xbf16>
  %Abf16a = hspmd.annotate %Abf16 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[3] : [], [0, 1, 2, 4] : [d1 = 2, dup = 2]]> : tensor<3x12xbf16>
  %_e14 = tensor.empty() : tensor<12x4xbf16>
  %Bbf16 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e14 : tensor<12x4xbf16>) {
  ^bb0(%o: bf16):
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
    %vv = arith.sitofp %sv : i64 to bf16
    linalg.yield %vv : bf16
  } -> tensor<12x4xbf16>
  %Bbf16a = hspmd.annotate %Bbf16 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[3] : [], [0, 1, 2, 4] : [d0 = 2, d1 = 2]]> : tensor<12x4xbf16>
  %_c16 = arith.constant 1.0 : bf16
  %_e15 = tensor.empty() : tensor<3x4xbf16>
  %C0bf16 = linalg.fill ins(%_c16 : bf16) outs(%_e15 : tensor<3x4xbf16>) -> tensor<3x4xbf16>
  %Cbf16 = linalg.matmul ins(%Abf16a, %Bbf16a : tensor<3x12xbf16>, tensor<12x4xbf16>) outs(%C0bf16 : tensor<3x4xbf16>) -> tensor<3x4xbf16>
  %Cabf16 = hspmd.annotate %Cbf16 as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[4, 2, 0] : [d1 = 3], [1] : []]> : tensor<3x4xbf16>
  %_x17 = arith.extf %Cabf16 : tensor<3x4xbf16> to tensor<3x4xf32>
  %_b18 = bufferization.to_buffer %_x17 : tensor<3x4xf32> to memref<3x4xf32>
  %_u19 = memref.cast %_b18 : memref<3x4xf32> to memref<*xf32>
  call @printMemrefF32(%_u19) : (memref<*xf32>) -> ()
  %_c21 = arith.constant 2.0 : bf16
  %_e20 = tensor.empty() : tensor<3xbf16>
  %r0bf16 = linalg.fill ins(%_c21 : bf16) outs(%_e20 : tensor<3xbf16>) -> tensor<3xbf16>
  %rbf16 = linalg.reduce ins(%Abf16a : tensor<3x12xbf16>) outs(%r0bf16 : tensor<3xbf16>) dimensions = [1]
    (%in: bf16, %acc: bf16) {
      %t = arith.addf %in, %acc : bf16
      linalg.yield %t : bf16
    }
  %rabf16 = hspmd.annotate %rbf16 as #hspmd.sharding<hetero = dup, groups = [[3, 1] : [partial = 2], [0, 2, 4] : [d0 = 3]]> : tensor<3xbf16>
  %rrbf16 = arith.addf %rabf16, %rabf16 : tensor<3xbf16>
  %_x22 = arith.extf %rrbf16 : tensor<3xbf16> to tensor<3xf32>
  %_b23 = bufferization.to_buffer %_x22 : tensor<3xf32> to memref<3xf32>
  %_u24 = memref.cast %_b23 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%_u24) : (memref<*xf32>) -> ()
  %_e25 = tensor.empty() : tensor<3x12xf64>
  %Af64 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e25 : tensor<3x12xf64>) {
  ^bb0(%o: f64):
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
    %vv = arith.sitofp %sv : i64 to f64
    linalg.yield %vv : f64
  } -> tensor<3x12xf64>
  %Af64a = hspmd.annotate %Af64 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[3] : [], [0, 1, 2, 4] : [d1 = 2, dup = 2]]> : tensor<3x12xf64>
  %_e26 = tensor.empty() : tensor<12x4xf64>
  %Bf64 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e26 : tensor<12x4xf64>) {
  ^bb0(%o: f64):
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
    %vv = arith.sitofp %sv : i64 to f64
    linalg.yield %vv : f64
  } -> tensor<12x4xf64>
  %Bf64a = hspmd.annotate %Bf64 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[3] : [], [0, 1, 2, 4] : [d0 = 2, d1 = 2]]> : tensor<12x4xf64>
  %_c28 = arith.constant 1.0 : f64
  %_e27 = tensor.empty() : tensor<3x4xf64>
  %C0f64 = linalg.fill ins(%_c28 : f64) outs(%_e27 : tensor<3x4xf64>) -> tensor<3x4xf64>
  %Cf64 = linalg.matmul ins(%Af64a, %Bf64a : tensor<3x12xf64>, tensor<12x4xf64>) outs(%C0f64 : tensor<3x4xf64>) -> tensor<3x4xf64>
  %Caf64 = hspmd.annotate %Cf64 as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[4, 2, 0] : [d1 = 3], [1] : []]> : tensor<3x4xf64>
  %_x29 = arith.truncf %Caf64 : tensor<3x4xf64> to tensor<3x4xf32>
  %_b30 = bufferization.to_buffer %_x29 : tensor<3x4xf32> to memref<3x4xf32>
  %_u31 = memref.cast %_b30 : memref<3x4xf32> to memref<*xf32>
  call @printMemrefF32(%_u31) : (memref<*xf32>) -> ()
  %_c33 = arith.constant 2.0 : f64
  %_e32 = tensor.empty() : tensor<3xf64>
  %r0f64 = linalg.fill ins(%_c33 : f64) outs(%_e32 : tensor<3xf64>) -> tensor<3xf64>
  %rf64 = linalg.reduce ins(%Af64a : tensor<3x12xf64>) outs(%r0f64 : tensor<3xf64>) dimensions = [1]
    (%in: f64, %acc: f64) {
      %t = arith.addf %in, %acc : f64
      linalg.yield %t : f64
    }
  %raf64 = hspmd.annotate %rf64 as #hspmd.sharding<hetero = dup, groups = [[3, 1] : [partial = 2], [0, 2, 4] : [d0 = 3]]> : tensor<3xf64>
  %rrf64 = arith.addf %raf64, %raf64 : tensor<3xf64>
  %_x34 = arith.truncf %rrf64 : tensor<3xf64> to tensor<3xf32>
  %_b35 = bufferization.to_buffer %_x34 : tensor<3xf32> to memref<3xf32>
  %_u36 = memref.cast %_b35 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%_u36) : (memref<*xf32>) -> ()
  %_e37 = tensor.empty() : tensor<3x12xi64>
  %Ai64 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e37 : tensor<3x12xi64>) {
  ^bb0(%o: i64):
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
    %of0 = arith.constant 0 : i64
    %vv = arith.addi %sv, %of0 : i64
    linalg.yield %vv : i64
  } -> tensor<3x12xi64>
  %Ai64a = hspmd.annotate %Ai64 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[3] : [], [0, 1, 2, 4] : [d1 = 2, dup = 2]]> : tensor<3x12xi64>
  %_e38 = tensor.empty() : tensor<12x4xi64>
  %Bi64 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e38 : tensor<12x4xi64>) {
  ^bb0(%o: i64):
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
    %of0 = arith.constant 0 : i64
    %vv = arith.addi %sv, %of0 : i64
    linalg.yield %vv : i64
  } -> tensor<12x4xi64>
  %Bi64a = hspmd.annotate %Bi64 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[3] : [], [0, 1, 2, 4] : [d0 = 2, d1 = 2]]> : tensor<12x4xi64>
  %_c40 = arith.constant 1 : i64
  %_e39 = tensor.empty() : tensor<3x4xi64>
  %C0i64 = linalg.fill ins(%_c40 : i64) outs(%_e39 : tensor<3x4xi64>) -> tensor<3x4xi64>
  %Ci64 = linalg.matmul ins(%Ai64a, %Bi64a : tensor<3x12xi64>, tensor<12x4xi64>) outs(%C0i64 : tensor<3x4xi64>) -> tensor<3x4xi64>
  %Cai64 = hspmd.annotate %Ci64 as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[4, 2, 0] : [d1 = 3], [1] : []]> : tensor<3x4xi64>
  %_b41 = bufferization.to_buffer %Cai64 : tensor<3x4xi64> to memref<3x4xi64>
  %_u42 = memref.cast %_b41 : memref<3x4xi64> to memref<*xi64>
  call @printMemrefI64(%_u42) : (memref<*xi64>) -> ()
  %_c44 = arith.constant 2 : i64
  %_e43 = tensor.empty() : tensor<3xi64>
  %r0i64 = linalg.fill ins(%_c44 : i64) outs(%_e43 : tensor<3xi64>) -> tensor<3xi64>
  %ri64 = linalg.reduce ins(%Ai64a : tensor<3x12xi64>) outs(%r0i64 : tensor<3xi64>) dimensions = [1]
    (%in: i64, %acc: i64) {
      %t = arith.addi %in, %acc : i64
      linalg.yield %t : i64
    }
  %rai64 = hspmd.annotate %ri64 as #hspmd.sharding<hetero = dup, groups = [[3, 1] : [partial = 2], [0, 2, 4] : [d0 = 3]]> : tensor<3xi64>
  %rri64 = arith.addi %rai64, %rai64 : tensor<3xi64>
  %_b45 = bufferization.to_buffer %rri64 : tensor<3xi64> to memref<3xi64>
  %_u46 = memref.cast %_b45 : memref<3xi64> to memref<*xi64>
  call @printMemrefI64(%_u46) : (memref<*xi64>) -> ()
  return
}
