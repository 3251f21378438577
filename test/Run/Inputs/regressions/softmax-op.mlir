// linalg.softmax (an aggregate op, with no lowering of its own) is written as
// the ops it stands for before anything else: rows split (each device
// normalizes its rows) and the softmax dimension itself split unevenly
// between groups (the max and the sum combine across devices). It once
// failed in both modes with an error located in a temporary file.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 0.0, -1.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [-2.0, 5.0, 1.0, 0.5, 2.0, 3.0], [1.0, 1.0, 2.0, 2.0, 3.0, 3.0]]> : tensor<4x6xf32>
  %x = hspmd.annotate %c as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x6xf32>
  %e = tensor.empty() : tensor<4x6xf32>
  %s = linalg.softmax dimension(1) ins(%x : tensor<4x6xf32>) outs(%e : tensor<4x6xf32>) -> tensor<4x6xf32>
  %m = bufferization.to_buffer %s : tensor<4x6xf32> to memref<4x6xf32>
  %u = memref.cast %m : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %y = hspmd.annotate %c as #hspmd.sharding<hetero = d1, weights = [2, 1], groups = [[0, 1] : [d1 = 2], [2] : []]> : tensor<4x6xf32>
  %t = linalg.softmax dimension(1) ins(%y : tensor<4x6xf32>) outs(%e : tensor<4x6xf32>) -> tensor<4x6xf32>
  %m2 = bufferization.to_buffer %t : tensor<4x6xf32> to memref<4x6xf32>
  %u2 = memref.cast %m2 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
