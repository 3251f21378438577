// linalg.reduce with two inputs/two outputs (argmax via cmpf+select) over a 4-way split reduced dim, linalg.transpose, linalg.map with two inputs, multi-output sum / sum-of-squares generic over a hetero-weighted reduced dim.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c = arith.constant 7 : index
    %s = arith.muli %i, %c : index
    %c3 = arith.constant 3 : index
    %j3 = arith.muli %j, %c3 : index
    %s2 = arith.addi %s, %j3 : index
    %c11 = arith.constant 11 : index
    %s3 = arith.remui %s2, %c11 : index
    %ii = arith.index_cast %s3 : index to i64
    %f = arith.sitofp %ii : i64 to f32
    tensor.yield %f : f32
  } : tensor<4x8xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf32>
  %ix = tensor.generate {
  ^bb0(%i: index, %j: index):
    %ii = arith.index_cast %j : index to i32
    tensor.yield %ii : i32
  } : tensor<4x8xi32>
  %ixa = hspmd.annotate %ix as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xi32>
  %ninf = arith.constant -1.0e30 : f32
  %zi = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4xf32>
  %ei = tensor.empty() : tensor<4xi32>
  %fe = linalg.fill ins(%ninf : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %fi = linalg.fill ins(%zi : i32) outs(%ei : tensor<4xi32>) -> tensor<4xi32>
  %r:2 = linalg.reduce ins(%xa, %ixa : tensor<4x8xf32>, tensor<4x8xi32>) outs(%fe, %fi : tensor<4xf32>, tensor<4xi32>) dimensions = [1]
    (%v: f32, %i: i32, %av: f32, %ai: i32) {
      %gt = arith.cmpf ogt, %v, %av : f32
      %nv = arith.select %gt, %v, %av : f32
      %ni = arith.select %gt, %i, %ai : i32
      linalg.yield %nv, %ni : f32, i32
    }
  %b = bufferization.to_buffer %r#0 : tensor<4xf32> to memref<4xf32>
  %c = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%c) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %r#1 : tensor<4xi32> to memref<4xi32>
  %c1 = memref.cast %b1 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%c1) : (memref<*xi32>) -> ()
  // linalg.map with two inputs, transpose
  %et = tensor.empty() : tensor<8x4xf32>
  %t = linalg.transpose ins(%xa : tensor<4x8xf32>) outs(%et : tensor<8x4xf32>) permutation = [1, 0]
  %ta = hspmd.annotate %t as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1, 2] : [dup = 3], [3] : []]> : tensor<8x4xf32>
  %eti = tensor.empty() : tensor<8x4xi32>
  %ti = linalg.transpose ins(%ixa : tensor<4x8xi32>) outs(%eti : tensor<8x4xi32>) permutation = [1, 0]
  %mp = linalg.map ins(%ta, %ti : tensor<8x4xf32>, tensor<8x4xi32>) outs(%et : tensor<8x4xf32>)
    (%a: f32, %k: i32, %oo: f32) {
      %kf = arith.sitofp %k : i32 to f32
      %m = arith.mulf %a, %kf : f32
      linalg.yield %m : f32
    }
  %mpa = hspmd.annotate %mp as #hspmd.sharding<[2, 1] : [d1 = 2]> : tensor<8x4xf32>
  // sum-reduce over dim 0 (the hetero-split dim) with a multi-output: sum and sum of squares
  %z = arith.constant 0.0 : f32
  %e4 = tensor.empty() : tensor<4xf32>
  %f4 = linalg.fill ins(%z : f32) outs(%e4 : tensor<4xf32>) -> tensor<4xf32>
  %s:2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d1)>], iterator_types = ["reduction", "parallel"]} ins(%ta : tensor<8x4xf32>) outs(%f4, %f4 : tensor<4xf32>, tensor<4xf32>) {
    ^bb0(%v: f32, %a1: f32, %a2: f32):
      %s1 = arith.addf %v, %a1 : f32
      %sq = arith.mulf %v, %v : f32
      %s2 = arith.addf %sq, %a2 : f32
      linalg.yield %s1, %s2 : f32, f32
    } -> (tensor<4xf32>, tensor<4xf32>)
  %b2 = bufferization.to_buffer %mpa : tensor<8x4xf32> to memref<8x4xf32>
  %c2 = memref.cast %b2 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%c2) : (memref<*xf32>) -> ()
  %b3 = bufferization.to_buffer %s#0 : tensor<4xf32> to memref<4xf32>
  %c3 = memref.cast %b3 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%c3) : (memref<*xf32>) -> ()
  %b4 = bufferization.to_buffer %s#1 : tensor<4xf32> to memref<4xf32>
  %c4 = memref.cast %b4 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%c4) : (memref<*xf32>) -> ()
  return
}
