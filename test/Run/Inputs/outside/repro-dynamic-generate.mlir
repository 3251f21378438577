// A dynamically shaped tensor (here a tensor.generate of tensor<?xf32>;
// tensor.empty(%c4) : tensor<?xf32> is the same) is refused under -n 2 with
// the reason (static shapes only); --reference runs it.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %x = hspmd.annotate %c as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xf32>
  %c1 = arith.constant 1 : index
  %d = tensor.dim %x, %c1 : tensor<2x4xf32>
  %g = tensor.generate %d {
  ^bb0(%j: index):
    %v = tensor.extract %x[%c1, %j] : tensor<2x4xf32>
    tensor.yield %v : f32
  } : tensor<?xf32>
  %s = tensor.cast %g : tensor<?xf32> to tensor<4xf32>
  %b = bufferization.to_buffer %s : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
