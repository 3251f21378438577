// math.isinf had no lowering to LLVM (an error naming an op "explicitly
// marked illegal"); it is now |x| == +inf: 1 for both infinities, 0 for
// NaN and finite values, on a tensor split over two devices.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c = arith.constant dense<[0x7F800000, 0xFF800000, 0x7FC00000, 1.0]> : tensor<4xf32>
  %a = hspmd.annotate %c as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %b = math.isinf %in : f32
    %y = arith.uitofp %b : i1 to f32
    linalg.yield %y : f32
  } -> tensor<4xf32>
  %m = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %m : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
