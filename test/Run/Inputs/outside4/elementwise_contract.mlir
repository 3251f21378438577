// linalg.elementwise (binary with transposed operand, unary abs) and linalg.contract (plain, and transposed output annotated hetero=partial) over hetero-weighted and split-K inputs.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c = arith.constant 7 : index
    %s = arith.muli %i, %c : index
    %s2 = arith.addi %s, %j : index
    %c11 = arith.constant 11 : index
    %s3 = arith.remui %s2, %c11 : index
    %ii = arith.index_cast %s3 : index to i64
    %c5 = arith.constant 5 : i64
    %i5 = arith.subi %ii, %c5 : i64
    %f = arith.sitofp %i5 : i64 to f32
    tensor.yield %f : f32
  } : tensor<6x4xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<6x4xf32>
  %y = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s2 = arith.addi %i, %j : index
    %ii = arith.index_cast %s2 : index to i64
    %f = arith.sitofp %ii : i64 to f32
    tensor.yield %f : f32
  } : tensor<4x6xf32>
  %ya = hspmd.annotate %y as #hspmd.sharding<[2, 3] : [d1 = 2]> : tensor<4x6xf32>
  %e = tensor.empty() : tensor<6x4xf32>
  // elementwise binary with transposed second operand
  %r = linalg.elementwise kind=#linalg.elementwise_kind<add>
      indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>]
      ins(%xa, %ya : tensor<6x4xf32>, tensor<4x6xf32>) outs(%e : tensor<6x4xf32>) -> tensor<6x4xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[1, 3] : [d0 = 2]> : tensor<6x4xf32>
  %r2 = linalg.elementwise kind=#linalg.elementwise_kind<abs> ins(%ra : tensor<6x4xf32>) outs(%e : tensor<6x4xf32>) -> tensor<6x4xf32>
  %r2a = hspmd.annotate %r2 as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d0 = 2]> : tensor<6x4xf32>
  %b = bufferization.to_buffer %r2a : tensor<6x4xf32> to memref<6x4xf32>
  %c = memref.cast %b : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%c) : (memref<*xf32>) -> ()
  // contract: C[m,n] = sum_k X[k?]...  X: 6x4 (m,k), Y: 4x6 (k,n) -> 6x6
  %e2 = tensor.empty() : tensor<6x6xf32>
  %one = arith.constant 1.0 : f32
  %f2 = linalg.fill ins(%one : f32) outs(%e2 : tensor<6x6xf32>) -> tensor<6x6xf32>
  %xk = hspmd.annotate %r2a as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[3] : [], [0, 1, 2] : [d0 = 3]]> : tensor<6x4xf32>
  %yk = hspmd.annotate %y as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x6xf32>
  %mm = linalg.contract indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
      ins(%xk, %yk : tensor<6x4xf32>, tensor<4x6xf32>) outs(%f2 : tensor<6x6xf32>) -> tensor<6x6xf32>
  %mma = hspmd.annotate %mm as #hspmd.sharding<[0, 1, 2] : [d1 = 3]> : tensor<6x6xf32>
  %b2 = bufferization.to_buffer %mma : tensor<6x6xf32> to memref<6x6xf32>
  %c2 = memref.cast %b2 : memref<6x6xf32> to memref<*xf32>
  call @printMemrefF32(%c2) : (memref<*xf32>) -> ()
  // contract with transposed output: C^T[n,m]
  %e3 = tensor.empty() : tensor<6x6xf32>
  %f3 = linalg.fill ins(%one : f32) outs(%e3 : tensor<6x6xf32>) -> tensor<6x6xf32>
  %mt = linalg.contract indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (n, m)>]
      ins(%yk, %ya : tensor<4x6xf32>, tensor<4x6xf32>) outs(%f3 : tensor<6x6xf32>) -> tensor<6x6xf32>
  %mta = hspmd.annotate %mt as #hspmd.sharding<hetero = partial, groups = [[0, 1] : [d0 = 2], [2, 3] : [d1 = 2]]> : tensor<6x6xf32>
  %b3 = bufferization.to_buffer %mta : tensor<6x6xf32> to memref<6x6xf32>
  %c3 = memref.cast %b3 : memref<6x6xf32> to memref<*xf32>
  call @printMemrefF32(%c3) : (memref<*xf32>) -> ()
  return
}
