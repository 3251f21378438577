// Private helper functions without annotations called from several places
// with different placements (4 ranks): @relu2 on row-, column- and
// 2-D-split arguments; its unannotated result added to a differently
// placed value; @rowsum (a sum over a dimension the argument may have
// split, so the result may come back partial) whose two results are
// multiplied; @both, two results, calling @relu2 itself (nested call).
#id = affine_map<(i, j) -> (i, j)>
#r = affine_map<(i, j) -> (i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @relu2(%a: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %z = arith.constant 0.0 : f32
  %two = arith.constant 2.0 : f32
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %m = arith.maximumf %in, %z : f32
    %t = arith.mulf %m, %two : f32
    linalg.yield %t : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}
func.func private @rowsum(%a: tensor<4x8xf32>) -> tensor<4xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %r = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x8xf32>) outs(%f : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %s = arith.addf %in, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %r : tensor<4xf32>
}
func.func private @both(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %h = call @relu2(%a) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %p = arith.addf %h, %b : tensor<4x8xf32>
  %q = arith.subf %a, %b : tensor<4x8xf32>
  return %p, %q : tensor<4x8xf32>, tensor<4x8xf32>
}
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c7 = arith.constant 7 : index
    %a = arith.muli %i, %c3 : index
    %s = arith.addi %a, %j : index
    %k = arith.remui %s, %c7 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %c3f = arith.constant 3.0 : f32
    %v = arith.subf %f, %c3f : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x8xf32>
  %y = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf32>
  %z = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<4x8xf32>
  %h1 = call @relu2(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %h2 = call @relu2(%y) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %h3 = call @relu2(%z) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %s = arith.addf %h1, %y : tensor<4x8xf32>
  %s2 = arith.addf %s, %h3 : tensor<4x8xf32>
  %r1 = call @rowsum(%y) : (tensor<4x8xf32>) -> tensor<4xf32>
  %r2 = call @rowsum(%x) : (tensor<4x8xf32>) -> tensor<4xf32>
  %t = arith.mulf %r1, %r2 : tensor<4xf32>
  %p:2 = call @both(%h2, %z) : (tensor<4x8xf32>, tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>)
  %m0 = bufferization.to_buffer %s2 : tensor<4x8xf32> to memref<4x8xf32>
  %u0 = memref.cast %m0 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %m1 = bufferization.to_buffer %t : tensor<4xf32> to memref<4xf32>
  %u1 = memref.cast %m1 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %m2 = bufferization.to_buffer %p#0 : tensor<4x8xf32> to memref<4x8xf32>
  %u2 = memref.cast %m2 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %m3 = bufferization.to_buffer %p#1 : tensor<4x8xf32> to memref<4x8xf32>
  %u3 = memref.cast %m3 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  return
}
