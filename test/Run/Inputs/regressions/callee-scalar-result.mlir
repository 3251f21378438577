// A helper returns a scalar read from a tensor on device 2; the caller uses
// it in a generic on devices 0 and 1 (device 1 never ran the helper, and
// compiling crashed). Scalars a function returns go to every device of the
// program, and devices running a callee run its callers.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @score() -> f32 {
  %c1 = arith.constant 1 : index
  %t0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %ma = hspmd.annotate %t0 as #hspmd.sharding<[2] : []> : tensor<4xf32>
  %v = tensor.extract %ma[%c1] : tensor<4xf32>
  return %v : f32
}
func.func @main() {
  %v = call @score() : () -> f32
  %x0 = arith.constant dense<[1.0, -2.0, 0.5, 3.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %x2 = hspmd.annotate %x0 as #hspmd.sharding<[2] : []> : tensor<4xf32>
  %x3 = arith.addf %x2, %x2 : tensor<4xf32>
  %e = tensor.empty() : tensor<4xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.addf %a, %v : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %b = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
