// helper returning 3 tensors (matmul, column sums, max) called twice with different arg shardings and inside a loop; printing helper called in loop.
#s1 = #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 1] : [d1 = 2], [2] : []]>
#s2 = #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, dup = 2]>
#s3 = #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[3] : [], [0, 1, 2] : [dup = 3]]>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @stats(%x: tensor<6x4xf32>, %w: tensor<4x4xf32>) -> (tensor<6x4xf32>, tensor<4xf32>, tensor<f32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<6x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<6x4xf32>) -> tensor<6x4xf32>
  %y = linalg.matmul ins(%x, %w : tensor<6x4xf32>, tensor<4x4xf32>) outs(%f : tensor<6x4xf32>) -> tensor<6x4xf32>
  %ce = tensor.empty() : tensor<4xf32>
  %cf = linalg.fill ins(%zero : f32) outs(%ce : tensor<4xf32>) -> tensor<4xf32>
  %col = linalg.reduce ins(%y : tensor<6x4xf32>) outs(%cf : tensor<4xf32>) dimensions = [0]
    (%in: f32, %init: f32) {
      %s = arith.addf %in, %init : f32
      linalg.yield %s : f32
    }
  %te = tensor.empty() : tensor<f32>
  %tf = linalg.fill ins(%zero : f32) outs(%te : tensor<f32>) -> tensor<f32>
  %tot = linalg.reduce ins(%col : tensor<4xf32>) outs(%tf : tensor<f32>) dimensions = [0]
    (%in: f32, %init: f32) {
      %s = arith.maximumf %in, %init : f32
      linalg.yield %s : f32
    }
  return %y, %col, %tot : tensor<6x4xf32>, tensor<4xf32>, tensor<f32>
}
func.func private @pr1(%t: tensor<4xf32>) {
  %b = bufferization.to_buffer %t : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  func.call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[[1.0, 2.0, -1.0, 0.5], [0.0, -3.0, 2.0, 1.0], [1.5, 1.0, 1.0, -2.0], [2.0, 0.0, -1.0, 1.0], [-1.0, 1.0, 0.0, 3.0], [0.5, 0.5, 0.5, 0.5]]> : tensor<6x4xf32>
  %w0 = arith.constant dense<[[0.5, 0.0, 0.0, 1.0], [0.0, 0.5, 1.0, 0.0], [1.0, 0.0, 0.5, 0.0], [0.0, 1.0, 0.0, 0.5]]> : tensor<4x4xf32>
  %x1 = hspmd.annotate %x0 as #s1 : tensor<6x4xf32>
  %w1 = hspmd.annotate %w0 as #s2 : tensor<4x4xf32>
  %y1:3 = call @stats(%x1, %w1) : (tensor<6x4xf32>, tensor<4x4xf32>) -> (tensor<6x4xf32>, tensor<4xf32>, tensor<f32>)
  %x2 = hspmd.annotate %x0 as #s3 : tensor<6x4xf32>
  %y2:3 = call @stats(%x2, %w0) : (tensor<6x4xf32>, tensor<4x4xf32>) -> (tensor<6x4xf32>, tensor<4xf32>, tensor<f32>)
  call @pr1(%y1#1) : (tensor<4xf32>) -> ()
  call @pr1(%y2#1) : (tensor<4xf32>) -> ()
  %r:2 = scf.for %i = %c0 to %c3 step %c1 iter_args(%a = %y1#0, %m = %y2#2) -> (tensor<6x4xf32>, tensor<f32>) {
    %z:3 = func.call @stats(%a, %w1) : (tensor<6x4xf32>, tensor<4x4xf32>) -> (tensor<6x4xf32>, tensor<4xf32>, tensor<f32>)
    %m2 = arith.addf %m, %z#2 : tensor<f32>
    %an = hspmd.annotate %z#0 as #s3 : tensor<6x4xf32>
    func.call @pr1(%z#1) : (tensor<4xf32>) -> ()
    scf.yield %an, %m2 : tensor<6x4xf32>, tensor<f32>
  }
  %b = bufferization.to_buffer %r#0 : tensor<6x4xf32> to memref<6x4xf32>
  %u = memref.cast %b : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %r#1 : tensor<f32> to memref<f32>
  %u2 = memref.cast %b2 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
