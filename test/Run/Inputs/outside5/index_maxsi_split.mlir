// A maxsi/minsi reduction over `index` elements split on the reduced
// dimension: not split in two (upstream builds the neutral element from a bit
// width `index` lacks; the compile hung printing a huge constant).
// (outside5.test)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %x0 = arith.constant dense<[[1, 7, 3, 7], [3, 1, -9, 2]]> : tensor<2x4xi64>
  %xi = arith.index_cast %x0 : tensor<2x4xi64> to tensor<2x4xindex>
  %x = hspmd.annotate %xi as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xindex>
  %z = arith.constant 0 : index
  %e = tensor.empty() : tensor<2xindex>
  %f = linalg.fill ins(%z : index) outs(%e : tensor<2xindex>) -> tensor<2xindex>
  %m = linalg.reduce ins(%x : tensor<2x4xindex>) outs(%f : tensor<2xindex>) dimensions = [1]
    (%in: index, %acc: index) { %t = arith.maxsi %in, %acc : index
      linalg.yield %t : index }
  %w = arith.index_cast %m : tensor<2xindex> to tensor<2xi64>
  %b0 = bufferization.to_buffer %w : tensor<2xi64> to memref<2xi64>
  %u0 = memref.cast %b0 : memref<2xi64> to memref<*xi64>
  call @printMemrefI64(%u0) : (memref<*xi64>) -> ()
  return
}
