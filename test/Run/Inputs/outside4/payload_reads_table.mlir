// A lookup table in a buffer the program fills (an alloc only stored into
// and read), read by the payload of a split generic: the buffer is
// replicated, every device running the op holds the same table.
#map = affine_map<(d0) -> (d0)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = memref.alloc() : memref<4xf32>
  %one = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c4 step %c1 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %sq = arith.mulf %f, %f : f32
    %v = arith.addf %sq, %one : f32
    memref.store %v, %t[%i] : memref<4xf32>
  }
  %x0 = arith.constant dense<[0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0]> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<8xf32>
  %e = tensor.empty() : tensor<8xf32>
  %y = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i = linalg.index 0 : index
    %k = arith.remui %i, %c4 : index
    %l = memref.load %t[%k] : memref<4xf32>
    %s = arith.addf %a, %l : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  %ya = hspmd.annotate %y as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<8xf32>
  %b = bufferization.to_buffer %ya : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %b : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
