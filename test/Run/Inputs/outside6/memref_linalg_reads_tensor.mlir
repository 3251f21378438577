// A linalg op on an allocated buffer whose payload extracts from a placed
// tensor (specialization segfaulted).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %t = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %ta = hspmd.annotate %t as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<6xf32>
  %buf = memref.alloc() : memref<4xf32>
  linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]} outs(%buf : memref<4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %v = tensor.extract %ta[%i] : tensor<6xf32>
    linalg.yield %v : f32
  }
  %bc = memref.cast %buf : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%bc) : (memref<*xf32>) -> ()
  return
}
