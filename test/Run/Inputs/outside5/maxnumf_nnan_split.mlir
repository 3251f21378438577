// A max reduction written `arith.maxnumf ... fastmath<nnan>` over a split
// dimension: the reduction is not split in two, since its first half would
// start from maxnumf's neutral element, NaN, which the payload promises never
// to see (it printed the init).
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x0 = arith.constant dense<[[1.0, 7.0, 3.0, -2.0], [-5.0, -1.0, -8.0, -3.0]]> : tensor<2x4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xf32>
  %c = arith.constant -100.0 : f32
  %e = tensor.empty() : tensor<2xf32>
  %f = linalg.fill ins(%c : f32) outs(%e : tensor<2xf32>) -> tensor<2xf32>
  %m = linalg.reduce ins(%x : tensor<2x4xf32>) outs(%f : tensor<2xf32>) dimensions = [1]
    (%in: f32, %acc: f32) { %t = arith.maxnumf %in, %acc fastmath<nnan> : f32
      linalg.yield %t : f32 }
  %b0 = bufferization.to_buffer %m : tensor<2xf32> to memref<2xf32>
  %u0 = memref.cast %b0 : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  return
}
