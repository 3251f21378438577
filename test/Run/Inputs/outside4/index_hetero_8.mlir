// linalg.index in parallel and reduction generics (causal mask, index scaling, triangular, reversal via extract,
// index-weighted and triangular row sums into init 10, index-weighted column sums) over a 3-group weighted hetero d1
// with different axes per group; outputs annotated on 6 devices [d0 = 3, d1 = 2].
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e0 = tensor.empty() : tensor<6x8xf32>
  %g1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e0 : tensor<6x8xf32>) {
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
    %md = arith.constant 11 : index
    %rr = arith.remui %acc_2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 4 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<6x8xf32>
  %a2 = hspmd.annotate %g1 as #hspmd.sharding<hetero = d1, weights = [1, 1, 2], groups = [[0, 1] : [d0 = 2], [2, 3] : [d0 = 2], [4, 5, 6, 7] : [d0 = 2, d1 = 2]]> : tensor<6x8xf32>
  %e3 = tensor.empty() : tensor<6x8xf32>
  %r4 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%a2 : tensor<6x8xf32>) outs(%e3 : tensor<6x8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ge = arith.cmpi uge, %i, %j : index
    %m = arith.constant -1.0 : f32
    %s = arith.select %ge, %in, %m : f32
    linalg.yield %s : f32
  } -> tensor<6x8xf32>
  %e5 = tensor.empty() : tensor<6x8xf32>
  %r6 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%a2 : tensor<6x8xf32>) outs(%e5 : tensor<6x8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c8 = arith.constant 8 : index
    %a = arith.muli %i, %c8 : index
    %b = arith.addi %a, %j : index
    %ii = arith.index_cast %b : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %r = arith.mulf %in, %f : f32
    linalg.yield %r : f32
  } -> tensor<6x8xf32>
  %e7 = tensor.empty() : tensor<6x8xf32>
  %r8 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%a2 : tensor<6x8xf32>) outs(%e7 : tensor<6x8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %lt = arith.cmpi ult, %i, %j : index
    %d = arith.subi %j, %i : index
    %ii = arith.index_cast %d : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %z = arith.constant 0.0 : f32
    %s = arith.select %lt, %f, %z : f32
    %r = arith.addf %s, %in : f32
    linalg.yield %r : f32
  } -> tensor<6x8xf32>
  %a9 = hspmd.annotate %r4 as #hspmd.sharding<[7, 6, 5, 4, 3, 2] : [d0 = 3, d1 = 2]> : tensor<6x8xf32>
  %b10 = bufferization.to_buffer %a9 : tensor<6x8xf32> to memref<6x8xf32>
  %u11 = memref.cast %b10 : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%u11) : (memref<*xf32>) -> ()
  %a12 = hspmd.annotate %r6 as #hspmd.sharding<[7, 6, 5, 4, 3, 2] : [d0 = 3, d1 = 2]> : tensor<6x8xf32>
  %b13 = bufferization.to_buffer %a12 : tensor<6x8xf32> to memref<6x8xf32>
  %u14 = memref.cast %b13 : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%u14) : (memref<*xf32>) -> ()
  %a15 = hspmd.annotate %r8 as #hspmd.sharding<[7, 6, 5, 4, 3, 2] : [d0 = 3, d1 = 2]> : tensor<6x8xf32>
  %b16 = bufferization.to_buffer %a15 : tensor<6x8xf32> to memref<6x8xf32>
  %u17 = memref.cast %b16 : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%u17) : (memref<*xf32>) -> ()
  %e18 = tensor.empty() : tensor<6x8xf32>
  %r19 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e18 : tensor<6x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 7 : index
    %ri = arith.subi %c5, %i : index
    %rj = arith.subi %c7, %j : index
    %v = tensor.extract %a2[%ri, %rj] : tensor<6x8xf32>
    linalg.yield %v : f32
  } -> tensor<6x8xf32>
  %a20 = hspmd.annotate %r19 as #hspmd.sharding<[7, 6, 5, 4, 3, 2] : [d0 = 3, d1 = 2]> : tensor<6x8xf32>
  %b21 = bufferization.to_buffer %a20 : tensor<6x8xf32> to memref<6x8xf32>
  %u22 = memref.cast %b21 : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%u22) : (memref<*xf32>) -> ()
  %c24 = arith.constant 10.0 : f32
  %e23 = tensor.empty() : tensor<6xf32>
  %f25 = linalg.fill ins(%c24 : f32) outs(%e23 : tensor<6xf32>) -> tensor<6xf32>
  %r26 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%a2 : tensor<6x8xf32>) outs(%f25 : tensor<6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ii = arith.index_cast %j : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %p = arith.mulf %f, %in : f32
    %r = arith.addf %o, %p : f32
    linalg.yield %r : f32
  } -> tensor<6xf32>
  %b27 = bufferization.to_buffer %r26 : tensor<6xf32> to memref<6xf32>
  %u28 = memref.cast %b27 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u28) : (memref<*xf32>) -> ()
  %c30 = arith.constant 10.0 : f32
  %e29 = tensor.empty() : tensor<6xf32>
  %f31 = linalg.fill ins(%c30 : f32) outs(%e29 : tensor<6xf32>) -> tensor<6xf32>
  %r32 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%a2 : tensor<6x8xf32>) outs(%f31 : tensor<6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %le = arith.cmpi ule, %j, %i : index
    %z = arith.constant 0.0 : f32
    %s = arith.select %le, %in, %z : f32
    %r = arith.addf %o, %s : f32
    linalg.yield %r : f32
  } -> tensor<6xf32>
  %b33 = bufferization.to_buffer %r32 : tensor<6xf32> to memref<6xf32>
  %u34 = memref.cast %b33 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u34) : (memref<*xf32>) -> ()
  %c36 = arith.constant 10.0 : f32
  %e35 = tensor.empty() : tensor<6xf32>
  %f37 = linalg.fill ins(%c36 : f32) outs(%e35 : tensor<6xf32>) -> tensor<6xf32>
  %r38 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%a2 : tensor<6x8xf32>) outs(%f37 : tensor<6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %k = arith.addi %i, %c3 : index
    %lt = arith.cmpi ult, %j, %k : index
    %r0 = arith.maximumf %o, %in : f32
    %r = arith.select %lt, %r0, %o : f32
    linalg.yield %r : f32
  } -> tensor<6xf32>
  %b39 = bufferization.to_buffer %r38 : tensor<6xf32> to memref<6xf32>
  %u40 = memref.cast %b39 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u40) : (memref<*xf32>) -> ()
  %c42 = arith.constant -3.0 : f32
  %e41 = tensor.empty() : tensor<8xf32>
  %f43 = linalg.fill ins(%c42 : f32) outs(%e41 : tensor<8xf32>) -> tensor<8xf32>
  %r44 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>], iterator_types = ["reduction", "parallel"]} ins(%a2 : tensor<6x8xf32>) outs(%f43 : tensor<8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %s = arith.addi %i, %j : index
    %ii = arith.index_cast %s : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %p = arith.mulf %f, %in : f32
    %r = arith.addf %o, %p : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %b45 = bufferization.to_buffer %r44 : tensor<8xf32> to memref<8xf32>
  %u46 = memref.cast %b45 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u46) : (memref<*xf32>) -> ()
  return
}
