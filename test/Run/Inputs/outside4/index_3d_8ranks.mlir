// rank-3 permuted generic with linalg.index on hetero-weighted multi-axis shards (8 ranks), tensor.generate reading another sharded tensor at computed positions.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = tensor.generate {
  ^bb0(%i: index, %j: index, %k: index):
    %c = arith.constant 100 : index
    %s = arith.muli %i, %c : index
    %c10 = arith.constant 10 : index
    %t = arith.muli %j, %c10 : index
    %s2 = arith.addi %s, %t : index
    %s3 = arith.addi %s2, %k : index
    %ii = arith.index_cast %s3 : index to i64
    %f = arith.sitofp %ii : i64 to f32
    tensor.yield %f : f32
  } : tensor<8x6x4xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[7, 1] : [d2 = 2], [2, 3, 4, 5, 6, 0] : [d0 = 3, d1 = 2]]> : tensor<8x6x4xf32>
  %e = tensor.empty() : tensor<4x8x6xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d2, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%xa : tensor<8x6x4xf32>) outs(%e : tensor<4x8x6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %c1000 = arith.constant 1000 : index
    %m = arith.muli %i0, %c1000 : index
    %c10000 = arith.constant 10000 : index
    %m1 = arith.muli %i1, %c10000 : index
    %c100000 = arith.constant 100000 : index
    %m2 = arith.muli %i2, %c100000 : index
    %s = arith.addi %m, %m1 : index
    %s2 = arith.addi %s, %m2 : index
    %ii = arith.index_cast %s2 : index to i64
    %f = arith.sitofp %ii : i64 to f32
    %r = arith.addf %a, %f : f32
    linalg.yield %r : f32
  } -> tensor<4x8x6xf32>
  %ta = hspmd.annotate %t as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[0, 1, 2, 3, 4, 5] : [d2 = 3, d1 = 2], [6, 7] : [d0 = 2]]> : tensor<4x8x6xf32>
  %u = tensor.generate {
  ^bb0(%i: index, %j: index, %k: index):
    %v = tensor.extract %ta[%i, %j, %k] : tensor<4x8x6xf32>
    %c3 = arith.constant 3 : index
    %kk = arith.muli %k, %c3 : index
    %ii = arith.index_cast %kk : index to i64
    %f = arith.sitofp %ii : i64 to f32
    %r = arith.subf %v, %f : f32
    tensor.yield %r : f32
  } : tensor<4x8x6xf32>
  %ua = hspmd.annotate %u as #hspmd.sharding<[0 to 7] : [d2 = 2, d0 = 4]> : tensor<4x8x6xf32>
  %v = arith.subf %ua, %ta : tensor<4x8x6xf32>
  %va = hspmd.annotate %v as #hspmd.sharding<hetero = d2, weights = [1, 2], groups = [[3] : [], [0, 1, 2, 4, 5, 6, 7] : [dup = 7]]> : tensor<4x8x6xf32>
  %b = bufferization.to_buffer %t : tensor<4x8x6xf32> to memref<4x8x6xf32>
  %c = memref.cast %b : memref<4x8x6xf32> to memref<*xf32>
  call @printMemrefF32(%c) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %va : tensor<4x8x6xf32> to memref<4x8x6xf32>
  %c2 = memref.cast %b2 : memref<4x8x6xf32> to memref<*xf32>
  call @printMemrefF32(%c2) : (memref<*xf32>) -> ()
  return
}
