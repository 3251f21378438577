// Functions without tensors run as written: one called from a generic's
// payload (once left calling a function specialization had removed), one
// of several blocks (unstructured control flow) whose result a generic on
// devices 0 and 1 uses, and one that prints a scalar (an effect: device 0
// prints, as it does alone).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printF32(f32)
func.func private @printNewline()
func.func private @sq(%a: f32) -> f32 {
  %r = arith.mulf %a, %a : f32
  return %r : f32
}
func.func private @clamp(%a: f32) -> f32 {
  %lim = arith.constant 2.0 : f32
  %big = arith.cmpf ogt, %a, %lim : f32
  cf.cond_br %big, ^high, ^low
^high:
  return %lim : f32
^low:
  %r = func.call @sq(%a) : (f32) -> f32
  return %r : f32
}
func.func private @show(%a: f32) {
  func.call @printF32(%a) : (f32) -> ()
  func.call @printNewline() : () -> ()
  return
}
func.func @main() {
  %x0 = arith.constant dense<[1.0, -2.0, 0.5, 3.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %c3 = arith.constant 3 : index
  %last = tensor.extract %x[%c3] : tensor<4xf32>
  %k = call @clamp(%last) : (f32) -> f32
  call @show(%k) : (f32) -> ()
  %e = tensor.empty() : tensor<4xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = func.call @sq(%a) : (f32) -> f32
    %r = arith.addf %s, %k : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %b = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
