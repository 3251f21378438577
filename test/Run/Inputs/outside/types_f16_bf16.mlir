// Half-precision element types (2 ranks), with integer data small enough to
// stay exact: an f16 matmul with the contraction split (partial sums of
// f16; every partial and total below 2048), an f16 max over a split
// dimension, a bf16 sum over a split dimension (totals below 256), and a
// bf16 elementwise product of differently placed operands. Results are
// printed after arith.extf to f32.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf16>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf16>) {
  ^bb0(%o: f16):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c7 = arith.constant 7 : index
    %a = arith.muli %i, %c3 : index
    %s = arith.addi %a, %j : index
    %k = arith.remui %s, %c7 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f16
    %c3h = arith.constant 3.0 : f16
    %v = arith.subf %f, %c3h : f16
    linalg.yield %v : f16
  } -> tensor<4x8xf16>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x8xf16>
  %w = arith.constant dense<[[1.0, 2.0], [3.0, -1.0], [0.0, 4.0], [-2.0, 1.0], [5.0, 0.0], [1.0, 1.0], [-3.0, 2.0], [2.0, -4.0]]> : tensor<8x2xf16>
  %wa = hspmd.annotate %w as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x2xf16>
  %z = arith.constant 0.0 : f16
  %em = tensor.empty() : tensor<4x2xf16>
  %fm = linalg.fill ins(%z : f16) outs(%em : tensor<4x2xf16>) -> tensor<4x2xf16>
  %mm = linalg.matmul ins(%a, %wa : tensor<4x8xf16>, tensor<8x2xf16>) outs(%fm : tensor<4x2xf16>) -> tensor<4x2xf16>
  %ninf = arith.constant 0xFC00 : f16
  %er = tensor.empty() : tensor<4xf16>
  %fr = linalg.fill ins(%ninf : f16) outs(%er : tensor<4xf16>) -> tensor<4xf16>
  %mx = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x8xf16>) outs(%fr : tensor<4xf16>) {
  ^bb0(%in: f16, %acc: f16):
    %r = arith.maximumf %in, %acc : f16
    linalg.yield %r : f16
  } -> tensor<4xf16>
  %eb = tensor.empty() : tensor<4x8xbf16>
  %gb = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%g : tensor<4x8xf16>) outs(%eb : tensor<4x8xbf16>) {
  ^bb0(%in: f16, %o: bf16):
    %x = arith.extf %in : f16 to f32
    %y = arith.truncf %x : f32 to bf16
    linalg.yield %y : bf16
  } -> tensor<4x8xbf16>
  %ba = hspmd.annotate %gb as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x8xbf16>
  %zb = arith.constant 1.0 : bf16
  %es = tensor.empty() : tensor<4xbf16>
  %fs = linalg.fill ins(%zb : bf16) outs(%es : tensor<4xbf16>) -> tensor<4xbf16>
  %sb = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%ba : tensor<4x8xbf16>) outs(%fs : tensor<4xbf16>) {
  ^bb0(%in: bf16, %acc: bf16):
    %r = arith.addf %in, %acc : bf16
    linalg.yield %r : bf16
  } -> tensor<4xbf16>
  %bb = hspmd.annotate %gb as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x8xbf16>
  %pb = arith.mulf %ba, %bb : tensor<4x8xbf16>
  %f0 = arith.extf %mm : tensor<4x2xf16> to tensor<4x2xf32>
  %f1 = arith.extf %mx : tensor<4xf16> to tensor<4xf32>
  %f2 = arith.extf %sb : tensor<4xbf16> to tensor<4xf32>
  %f3 = arith.extf %pb : tensor<4x8xbf16> to tensor<4x8xf32>
  %p0 = bufferization.to_buffer %f0 : tensor<4x2xf32> to memref<4x2xf32>
  %q0 = memref.cast %p0 : memref<4x2xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %f1 : tensor<4xf32> to memref<4xf32>
  %q1 = memref.cast %p1 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %f2 : tensor<4xf32> to memref<4xf32>
  %q2 = memref.cast %p2 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %f3 : tensor<4x8xf32> to memref<4x8xf32>
  %q3 = memref.cast %p3 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  return
}
