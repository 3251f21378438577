// Tensors with a dimension of size 0 (valid: Semantics.md only asks blocks to
// divide exactly) placed and resharded several ways, next to a non-empty
// tensor computed from them. Resolving once sliced the empty buffers at
// offset 0, which upstream's verifier rejects. (Only the non-empty result
// is printed: printMemrefF32 reads a row of an empty 0x8 buffer.)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<0x8xf32>
  %x0 = linalg.fill ins(%one : f32) outs(%e : tensor<0x8xf32>) -> tensor<0x8xf32>
  %x1 = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<0x8xf32>
  %x = hspmd.annotate %x1 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<0x8xf32>
  %y = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<0x8xf32>
  %z = hspmd.annotate %y as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[1] : [], [0, 2] : [dup = 2]]> : tensor<0x8xf32>
  %w = hspmd.annotate %z as #hspmd.sharding<[2, 1, 0] : [partial = 3]> : tensor<0x8xf32>
  %v = hspmd.annotate %w as #hspmd.sharding<[0] : []> : tensor<0x8xf32>
  // A sum over the empty dimension: zeros, then 2 + 0 everywhere.
  %two = arith.constant 2.0 : f32
  %ei = tensor.empty() : tensor<8xf32>
  %init = linalg.fill ins(%two : f32) outs(%ei : tensor<8xf32>) -> tensor<8xf32>
  %s = linalg.reduce ins(%v : tensor<0x8xf32>) outs(%init : tensor<8xf32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %a = arith.addf %in, %acc : f32
      linalg.yield %a : f32
    }
  %r = hspmd.annotate %s as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %buf = bufferization.to_buffer %r : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %buf : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
