// Max and min reductions over split dimensions (4 ranks): arith.maximumf
// over columns split 4 ways, arith.minimumf over rows split 2 ways with the
// columns split too ([d0 = 2, d1 = 2]), arith.maxsi / arith.minsi on i32
// over a [dup = 2, d1 = 2] tensor with non-neutral inits (max from 5, min
// from -1: the init must win where it is larger/smaller), and a
// linalg.reduce with arith.maxnumf over both dimensions into a 0-d tensor.
#id = affine_map<(i, j) -> (i, j)>
#r = affine_map<(i, j) -> (i)>
#c = affine_map<(i, j) -> (j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 7 : index
    %c13 = arith.constant 13 : index
    %a = arith.muli %j, %c7 : index
    %b = arith.muli %i, %c5 : index
    %s = arith.addi %a, %b : index
    %k = arith.remui %s, %c13 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %c6 = arith.constant 6.0 : f32
    %v = arith.subf %f, %c6 : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %x1 = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %e1 = tensor.empty() : tensor<4xf32>
  %f1 = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %mx = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x1 : tensor<4x8xf32>) outs(%f1 : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.maximumf %acc, %in : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %x2 = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<4x8xf32>
  %pinf = arith.constant 0x7F800000 : f32
  %e2 = tensor.empty() : tensor<8xf32>
  %f2 = linalg.fill ins(%pinf : f32) outs(%e2 : tensor<8xf32>) -> tensor<8xf32>
  %mn = linalg.generic {indexing_maps = [#id, #c], iterator_types = ["reduction", "parallel"]} ins(%x2 : tensor<4x8xf32>) outs(%f2 : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.minimumf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %ei = tensor.empty() : tensor<4x8xi32>
  %gi = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%g : tensor<4x8xf32>) outs(%ei : tensor<4x8xi32>) {
  ^bb0(%in: f32, %o: i32):
    %v = arith.fptosi %in : f32 to i32
    linalg.yield %v : i32
  } -> tensor<4x8xi32>
  %xi = hspmd.annotate %gi as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d1 = 2]> : tensor<4x8xi32>
  %five = arith.constant 5 : i32
  %e3 = tensor.empty() : tensor<4xi32>
  %f3 = linalg.fill ins(%five : i32) outs(%e3 : tensor<4xi32>) -> tensor<4xi32>
  %mxi = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%xi : tensor<4x8xi32>) outs(%f3 : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %r = arith.maxsi %in, %acc : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %mone = arith.constant -1 : i32
  %e4 = tensor.empty() : tensor<4xi32>
  %f4 = linalg.fill ins(%mone : i32) outs(%e4 : tensor<4xi32>) -> tensor<4xi32>
  %mni = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%xi : tensor<4x8xi32>) outs(%f4 : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %r = arith.minsi %in, %acc : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %e0 = tensor.empty() : tensor<f32>
  %f0 = linalg.fill ins(%ninf : f32) outs(%e0 : tensor<f32>) -> tensor<f32>
  %all = linalg.reduce ins(%x2 : tensor<4x8xf32>) outs(%f0 : tensor<f32>) dimensions = [0, 1]
    (%in: f32, %acc: f32) {
      %r = arith.maxnumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %b0 = bufferization.to_buffer %mx : tensor<4xf32> to memref<4xf32>
  %u0 = memref.cast %b0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %mn : tensor<8xf32> to memref<8xf32>
  %u1 = memref.cast %b1 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %mxi : tensor<4xi32> to memref<4xi32>
  %u2 = memref.cast %b2 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
  %b3 = bufferization.to_buffer %mni : tensor<4xi32> to memref<4xi32>
  %u3 = memref.cast %b3 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u3) : (memref<*xi32>) -> ()
  %b4 = bufferization.to_buffer %all : tensor<f32> to memref<f32>
  %u4 = memref.cast %b4 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  return
}
