// Broadcasts as front ends emit them (2 ranks): a bias tensor<1x8xf32>
// read through (i, j) -> (0, j) and split by columns; a tensor<4x1xf32>
// read through (i, j) -> (i, 0) and split by rows; a 0-d tensor<f32> read
// through (i, j) -> (); an output split [d1 = 2] while the 1 x 8 operand is
// replicated; linalg.broadcast and linalg.transpose (StableHLO
// broadcast_in_dim / transpose) on split operands.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %k = arith.muli %i, %c10 : index
    %k2 = arith.addi %k, %j : index
    %ii = arith.index_cast %k2 : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x8xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x8xf32>
  %bias0 = arith.constant dense<[[100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0]]> : tensor<1x8xf32>
  %bias = hspmd.annotate %bias0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<1x8xf32>
  %rs0 = arith.constant dense<[[1.0], [2.0], [3.0], [4.0]]> : tensor<4x1xf32>
  %rs = hspmd.annotate %rs0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x1xf32>
  %sc = arith.constant dense<1000.0> : tensor<f32>
  %e1 = tensor.empty() : tensor<4x8xf32>
  %y = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (0, j)>, affine_map<(i, j) -> (i, 0)>, affine_map<(i, j) -> ()>, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %bias, %rs, %sc : tensor<4x8xf32>, tensor<1x8xf32>, tensor<4x1xf32>, tensor<f32>) outs(%e1 : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %r: f32, %s: f32, %o: f32):
    %t = arith.mulf %a, %r : f32
    %u = arith.addf %t, %b : f32
    %v = arith.addf %u, %s : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %ya = hspmd.annotate %y as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x8xf32>
  %bias2 = hspmd.annotate %bias0 as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<1x8xf32>
  %e2 = tensor.empty() : tensor<4x8xf32>
  %y2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (0, j)>, #id], iterator_types = ["parallel", "parallel"]} ins(%bias2 : tensor<1x8xf32>) outs(%e2 : tensor<4x8xf32>) {
  ^bb0(%b: f32, %o: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %v = arith.subf %b, %f : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %y2a = hspmd.annotate %y2 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x8xf32>
  %v8 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %v8a = hspmd.annotate %v8 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %e3 = tensor.empty() : tensor<3x8xf32>
  %bc = linalg.broadcast ins(%v8a : tensor<8xf32>) outs(%e3 : tensor<3x8xf32>) dimensions = [0]
  %e4 = tensor.empty() : tensor<8x4xf32>
  %tr = linalg.transpose ins(%x : tensor<4x8xf32>) outs(%e4 : tensor<8x4xf32>) permutation = [1, 0]
  %tra = hspmd.annotate %tr as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x4xf32>
  %m0 = bufferization.to_buffer %ya : tensor<4x8xf32> to memref<4x8xf32>
  %u0 = memref.cast %m0 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %y2a : tensor<4x8xf32> to memref<4x8xf32>
  %u1 = memref.cast %m1 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %m2 = bufferization.to_buffer %bc : tensor<3x8xf32> to memref<3x8xf32>
  %u2 = memref.cast %m2 : memref<3x8xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %m3 = bufferization.to_buffer %tra : tensor<8x4xf32> to memref<8x4xf32>
  %u3 = memref.cast %m3 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  return
}
