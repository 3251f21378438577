// FP8 weights as a front end imports them: truncated to f8E4M3FN, placed
// on device 1, widened with arith.extf where they are used (the widening
// was refused once the tensor moved; the reference folds it) (outside6.test).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %t = arith.truncf %a : tensor<8xf32> to tensor<8xf8E4M3FN>
  %t2 = hspmd.annotate %t as #hspmd.sharding<[1] : []> : tensor<8xf8E4M3FN>
  %w = arith.extf %t2 : tensor<8xf8E4M3FN> to tensor<8xf32>
  %b = bufferization.to_buffer %w : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %b : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
