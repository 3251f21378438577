// tensor.bitcast both ways: f32 values split over 4 ranks are reinterpreted
// as i32 bit patterns, their sign bits cleared with an integer and (|x| by
// bits), and reinterpreted back as f32; the bits are also printed as i32.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x0 = arith.constant dense<[[-1.5, 2.0, -0.25, 8.0], [3.0, -4.5, 0.0, -1.0]]> : tensor<2x4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<2x4xf32>
  %bits = tensor.bitcast %x : tensor<2x4xf32> to tensor<2x4xi32>
  %mask = arith.constant dense<2147483647> : tensor<2x4xi32>
  %e = tensor.empty() : tensor<2x4xi32>
  %abs = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%bits, %mask : tensor<2x4xi32>, tensor<2x4xi32>) outs(%e : tensor<2x4xi32>) {
  ^bb0(%a: i32, %m: i32, %o: i32):
    %r = arith.andi %a, %m : i32
    linalg.yield %r : i32
  } -> tensor<2x4xi32>
  %back = tensor.bitcast %abs : tensor<2x4xi32> to tensor<2x4xf32>
  %ba = hspmd.annotate %back as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d1 = 2]> : tensor<2x4xf32>
  %b1 = bufferization.to_buffer %bits : tensor<2x4xi32> to memref<2x4xi32>
  %c1 = memref.cast %b1 : memref<2x4xi32> to memref<*xi32>
  call @printMemrefI32(%c1) : (memref<*xi32>) -> ()
  %b2 = bufferization.to_buffer %ba : tensor<2x4xf32> to memref<2x4xf32>
  %c2 = memref.cast %b2 : memref<2x4xf32> to memref<*xf32>
  call @printMemrefF32(%c2) : (memref<*xf32>) -> ()
  return
}
