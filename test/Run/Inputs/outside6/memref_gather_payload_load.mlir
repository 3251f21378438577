// A linalg op on an allocated buffer whose payload loads from a lookup-table
// buffer on device 0: the output buffer lives there too (device 1 read
// uninitialized memory).
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c2 = arith.constant 2 : index
  %seven = arith.constant 7.0 : f32
  %tab = memref.alloc() : memref<4xf32>
  linalg.fill ins(%seven : f32) outs(%tab : memref<4xf32>)
  %buf = memref.alloc() : memref<4xf32>
  linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]} outs(%buf : memref<4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %v = memref.load %tab[%i] : memref<4xf32>
    linalg.yield %v : f32
  }
  %s = memref.load %buf[%c2] : memref<4xf32>
  %e = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%s : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %fa = hspmd.annotate %f as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %b = bufferization.to_buffer %fa : tensor<4xf32> to memref<4xf32>
  %bc = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%bc) : (memref<*xf32>) -> ()
  return
}
