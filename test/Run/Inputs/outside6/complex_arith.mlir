// Complex arithmetic in a payload (create, re, im, mul): lowered through
// complex-to-standard and complex-to-llvm (it was refused).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %e = tensor.empty() : tensor<4x2xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, k) -> (i)>, affine_map<(i, k) -> (i, k)>], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4xf32>) outs(%e : tensor<4x2xf32>) {
  ^bb0(%v: f32, %o: f32):
    %two = arith.constant 2.0 : f32
    %c = complex.create %v, %two : complex<f32>
    %sq = complex.mul %c, %c : complex<f32>
    %re = complex.re %sq : complex<f32>
    %im = complex.im %sq : complex<f32>
    %k = linalg.index 1 : index
    %c0 = arith.constant 0 : index
    %isre = arith.cmpi eq, %k, %c0 : index
    %s = arith.select %isre, %re, %im : f32
    linalg.yield %s : f32
  } -> tensor<4x2xf32>
  %b = bufferization.to_buffer %r : tensor<4x2xf32> to memref<4x2xf32>
  %u = memref.cast %b : memref<4x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
