// matmul into C != 0 with K split across weighted hetero groups; C annotated partial with whole A, B; a second
// matmul accumulating into a partial result with a different K split; read-modify-write outs (2*out + in) and out + index on partial outs.
// matmul / batch_matmul into non-zero inits with K split; C annotated partial; RMW outs
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a0 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [-1.0, 0.0, 2.0, 1.0]]> : tensor<3x4xf32>
  %b0 = arith.constant dense<[[1.0, 0.0], [2.0, 1.0], [0.0, 3.0], [1.0, 1.0]]> : tensor<4x2xf32>
  %c0 = arith.constant dense<[[100.0, 200.0], [300.0, 400.0], [500.0, 600.0]]> : tensor<3x2xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[0] : [], [1, 2, 3] : [d1 = 3]]> : tensor<3x4xf32>
  %b = hspmd.annotate %b0 as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[0] : [], [1, 2, 3] : [d0 = 3]]> : tensor<4x2xf32>
  %m = linalg.matmul ins(%a, %b : tensor<3x4xf32>, tensor<4x2xf32>) outs(%c0 : tensor<3x2xf32>) -> tensor<3x2xf32>
  %b1 = bufferization.to_buffer %m : tensor<3x2xf32> to memref<3x2xf32>
  %u1 = memref.cast %b1 : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  // C partial, A and B whole
  %cp = hspmd.annotate %c0 as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<3x2xf32>
  %ad = hspmd.annotate %a0 as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<3x4xf32>
  %bd = hspmd.annotate %b0 as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<4x2xf32>
  %m2 = linalg.matmul ins(%ad, %bd : tensor<3x4xf32>, tensor<4x2xf32>) outs(%cp : tensor<3x2xf32>) -> tensor<3x2xf32>
  %m2a = hspmd.annotate %m2 as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<3x2xf32>
  %b2 = bufferization.to_buffer %m2a : tensor<3x2xf32> to memref<3x2xf32>
  %u2 = memref.cast %b2 : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  // C partial from a split matmul, accumulated into by a second matmul with A split on K differently
  %m3 = linalg.matmul ins(%a, %b : tensor<3x4xf32>, tensor<4x2xf32>) outs(%m : tensor<3x2xf32>) -> tensor<3x2xf32>
  %aq = hspmd.annotate %a0 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, dup = 2]> : tensor<3x4xf32>
  %m4 = linalg.matmul ins(%aq, %b0 : tensor<3x4xf32>, tensor<4x2xf32>) outs(%m3 : tensor<3x2xf32>) -> tensor<3x2xf32>
  %b3 = bufferization.to_buffer %m4 : tensor<3x2xf32> to memref<3x2xf32>
  %u3 = memref.cast %b3 : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  // RMW outs: out = out * 2 + in (outs partial from matmul)
  %m5 = linalg.matmul ins(%a, %b : tensor<3x4xf32>, tensor<4x2xf32>) outs(%c0 : tensor<3x2xf32>) -> tensor<3x2xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%c0 : tensor<3x2xf32>) outs(%m5 : tensor<3x2xf32>) {
  ^bb0(%in: f32, %o: f32):
    %two = arith.constant 2.0 : f32
    %t = arith.mulf %o, %two : f32
    %r = arith.addf %t, %in : f32
    linalg.yield %r : f32
  } -> tensor<3x2xf32>
  %b4 = bufferization.to_buffer %g : tensor<3x2xf32> to memref<3x2xf32>
  %u4 = memref.cast %b4 : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  // RMW outs with index: out = out + i*10 + j
  %m6 = linalg.matmul ins(%a, %b : tensor<3x4xf32>, tensor<4x2xf32>) outs(%c0 : tensor<3x2xf32>) -> tensor<3x2xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%m6 : tensor<3x2xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %x = arith.muli %i, %c10 : index
    %y = arith.addi %x, %j : index
    %ii = arith.index_cast %y : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %r = arith.addf %o, %f : f32
    linalg.yield %r : f32
  } -> tensor<3x2xf32>
  %b5 = bufferization.to_buffer %g2 : tensor<3x2xf32> to memref<3x2xf32>
  %u5 = memref.cast %b5 : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u5) : (memref<*xf32>) -> ()
  return
}
