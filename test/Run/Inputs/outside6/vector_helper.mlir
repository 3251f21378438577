// A helper returning a vector, used by a generic on a split tensor: a scalar
// function (vectors are values), called on every device (specialization
// segfaulted).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @vec() -> vector<2xf32> {
  %c = arith.constant dense<[1.5, -2.0]> : vector<2xf32>
  return %c : vector<2xf32>
}
func.func @main() {
  %vv = call @vec() : () -> vector<2xf32>
  %s0 = vector.extract %vv[0] : f32 from vector<2xf32>
  %s1 = vector.extract %vv[1] : f32 from vector<2xf32>
  %x = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8xf32>
  %e = tensor.empty() : tensor<8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %t1 = arith.mulf %in, %s0 : f32
    %t2 = arith.addf %t1, %s1 : f32
    linalg.yield %t2 : f32
  } -> tensor<8xf32>
  %b = bufferization.to_buffer %r : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %b : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
