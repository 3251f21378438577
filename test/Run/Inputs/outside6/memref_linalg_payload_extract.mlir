// A linalg.generic on an allocated buffer whose payload reads a tensor with
// tensor.extract: the op runs on every device, so the tensor is there
// (specialization segfaulted).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %y = arith.mulf %x, %x : tensor<4xf32>
  %buf = memref.alloc() : memref<4xf32>
  linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]} outs(%buf : memref<4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %e = tensor.extract %y[%i] : tensor<4xf32>
    linalg.yield %e : f32
  }
  %u = memref.cast %buf : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
