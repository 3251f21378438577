// A vector.gather from a placed tensor (upstream's vectorizer output for a
// tensor.extract in a payload), used on another device: a read of the tensor,
// like tensor.extract.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %t = arith.constant dense<[10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0]> : tensor<8xf32>
  %ta = hspmd.annotate %t as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %c0 = arith.constant 0 : index
  %idx = arith.constant dense<[7, 0, 5, 2]> : vector<4xindex>
  %mask = arith.constant dense<true> : vector<4xi1>
  %pass = arith.constant dense<0.0> : vector<4xf32>
  %g = vector.gather %ta[%c0][%idx], %mask, %pass : tensor<8xf32>, vector<4xindex>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  %s = vector.reduction <add>, %g : vector<4xf32> into f32
  %e = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%s : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %fa = hspmd.annotate %f as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %b = bufferization.to_buffer %fa : tensor<4xf32> to memref<4xf32>
  %bc = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%bc) : (memref<*xf32>) -> ()
  return
}
