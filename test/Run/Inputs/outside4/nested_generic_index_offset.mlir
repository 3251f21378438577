// A linalg.generic nested in a split generic's payload: only the outer op's
// linalg.index gets the device's block offset (the inner one used to get it
// too, a wrong answer).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %e = tensor.empty() : tensor<8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%x : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %ei = tensor.empty() : tensor<3xf32>
    %inner = linalg.generic {indexing_maps = [affine_map<(k) -> (k)>], iterator_types = ["parallel"]} outs(%ei : tensor<3xf32>) {
    ^bb1(%oo: f32):
      %k = linalg.index 0 : index
      %ki = arith.index_cast %k : index to i32
      %kf = arith.sitofp %ki : i32 to f32
      linalg.yield %kf : f32
    } -> tensor<3xf32>
    %c2 = arith.constant 2 : index
    %v = tensor.extract %inner[%c2] : tensor<3xf32>
    %s = arith.addf %in, %v : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %b = bufferization.to_buffer %ra : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %b : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
