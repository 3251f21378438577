// A payload reading a global that main updated: the global lives on
// device 0, the op runs on devices 1 and 2, which hold no updated copy:
// refused at the op (it used to read the stale initial value) (outside4.test).
#map = affine_map<(d0) -> (d0)>
memref.global "private" @lut : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @upd() {
  %g = memref.get_global @lut : memref<4xf32>
  %c0 = arith.constant 0 : index
  %f = arith.constant 100.0 : f32
  memref.store %f, %g[%c0] : memref<4xf32>
  return
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %f = arith.constant 100.0 : f32
  %g0 = memref.get_global @lut : memref<4xf32>
  memref.store %f, %g0[%c0] : memref<4xf32>
  %g = memref.get_global @lut : memref<4xf32>
  %x0 = arith.constant dense<[0.0, 1.0, 2.0, 3.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<4xf32>
  %e = tensor.empty() : tensor<4xf32>
  %y = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i = linalg.index 0 : index
    %l = memref.load %g[%i] : memref<4xf32>
    %s = arith.addf %a, %l : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %ya = hspmd.annotate %y as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<4xf32>
  %b = bufferization.to_buffer %ya : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
