// torch-mlir's tensor.empty(tensor.dim ...) cast back to its static type:
// made static (it was refused as a dynamic shape).
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0],
       [12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0], [24.0, 25.0, 26.0, 27.0]]> : tensor<7x4xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [3, 4], groups = [[0] : [], [1] : []]> : tensor<7x4xf32>
  %c0 = arith.constant 0 : index
  %d0 = tensor.dim %xa, %c0 : tensor<7x4xf32>
  %em = tensor.empty(%d0) : tensor<?x4xf32>
  %ems = tensor.cast %em : tensor<?x4xf32> to tensor<7x4xf32>
  %r = linalg.copy ins(%xa : tensor<7x4xf32>) outs(%ems : tensor<7x4xf32>) -> tensor<7x4xf32>
  %b = bufferization.to_buffer %r : tensor<7x4xf32> to memref<7x4xf32>
  %u = memref.cast %b : memref<7x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
