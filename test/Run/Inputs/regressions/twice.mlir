// One tensor.empty annotated twice with different placements: the reshard
// propagation inserts between them reads the first annotation's placement
// (the placement of a value is its producer's or its annotate user's).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %two = arith.constant 2.0 : f32
  %three = arith.constant 3.0 : f32
  %e = tensor.empty() : tensor<4x4xf32>
  %ea = hspmd.annotate %e as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x4xf32>
  %a = linalg.fill ins(%two : f32) outs(%ea : tensor<4x4xf32>) -> tensor<4x4xf32>
  %eb = hspmd.annotate %e as #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<4x4xf32>
  %b = linalg.fill ins(%three : f32) outs(%eb : tensor<4x4xf32>) -> tensor<4x4xf32>
  %sum = arith.addf %a, %b : tensor<4x4xf32>
  %r = hspmd.annotate %sum as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4x4xf32>
  %buf = bufferization.to_buffer %r : tensor<4x4xf32> to memref<4x4xf32>
  %u = memref.cast %buf : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
