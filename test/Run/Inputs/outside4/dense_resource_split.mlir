// A weight given as arith.constant dense_resource<...> (as torch-mlir
// imports parameters), placed split: made whole on device 0 and moved (only
// dense elements are sliced per device; this used to fail to verify).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %w = arith.constant dense_resource<torch_tensor_4_6_torch.float32> : tensor<4x6xf32>
  %wa = hspmd.annotate %w as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x6xf32>
  %r = arith.addf %wa, %wa : tensor<4x6xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x6xf32>
  %b = bufferization.to_buffer %ra : tensor<4x6xf32> to memref<4x6xf32>
  %c = memref.cast %b : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%c) : (memref<*xf32>) -> ()
  return
}
{-#
  dialect_resources: {
    builtin: {
      torch_tensor_4_6_torch.float32: "0x04000000000000000000803F0000004000004040000080400000A0400000C0400000E0400000004100001041000020410000304100004041000050410000604100007041000080410000884100009041000098410000A0410000A8410000B0410000B841"
    }
  }
#-}
