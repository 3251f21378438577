// from_elements, tensor.generate, tensor.splat, linalg.fill, bufferization.alloc_tensor copy and generate-with-extract annotated partial / hetero=partial (realization rule for each).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c1 = arith.constant 1.0 : f32
  %c2 = arith.constant 2.0 : f32
  %c3 = arith.constant 3.0 : f32
  %c4 = arith.constant 4.0 : f32
  %fe = tensor.from_elements %c1, %c2, %c3, %c4 : tensor<4xf32>
  %fea = hspmd.annotate %fe as #hspmd.sharding<[0, 1, 2, 3] : [partial = 2, d0 = 2]> : tensor<4xf32>
  %g = tensor.generate {
  ^bb0(%i: index):
    %ii = arith.index_cast %i : index to i64
    %f = arith.sitofp %ii : i64 to f32
    tensor.yield %f : f32
  } : tensor<4xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<hetero = partial, groups = [[0, 1] : [d0 = 2], [2, 3] : [partial = 2]]> : tensor<4xf32>
  %sp = tensor.splat %c3 : tensor<4xf32>
  %spa = hspmd.annotate %sp as #hspmd.sharding<[1, 2, 3] : [partial = 3]> : tensor<4xf32>
  %e = tensor.empty() : tensor<4xf32>
  %fl = linalg.fill ins(%c4 : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %fla = hspmd.annotate %fl as #hspmd.sharding<hetero = partial, groups = [[3] : [], [0, 1, 2] : [partial = 3]]> : tensor<4xf32>
  %at = bufferization.alloc_tensor() copy(%fe) : tensor<4xf32>
  %ata = hspmd.annotate %at as #hspmd.sharding<[2, 3] : [partial = 2]> : tensor<4xf32>
  %ii = tensor.generate {
  ^bb0(%i: index):
    %v = tensor.extract %fea[%i] : tensor<4xf32>
    tensor.yield %v : f32
  } : tensor<4xf32>
  %iia = hspmd.annotate %ii as #hspmd.sharding<[0, 3] : [partial = 2]> : tensor<4xf32>
  %s1 = arith.addf %fea, %ga : tensor<4xf32>
  %s2 = arith.addf %s1, %spa : tensor<4xf32>
  %s3 = arith.addf %s2, %fla : tensor<4xf32>
  %s4 = arith.addf %s3, %ata : tensor<4xf32>
  %s5 = arith.addf %s4, %iia : tensor<4xf32>
  %b = bufferization.to_buffer %s5 : tensor<4xf32> to memref<4xf32>
  %c = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%c) : (memref<*xf32>) -> ()
  return
}
