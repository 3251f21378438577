// A partial matmul result (split K) inserted into a constant destination, concatenated with a constant, padded with a non-zero value, and expanded, each result annotated partial.
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<6x8xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%e : tensor<6x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %m = arith.muli %i, %c10 : index
    %s = arith.addi %m, %j : index
    %ii = arith.index_cast %s : index to i64
    %f = arith.sitofp %ii : i64 to f32
    linalg.yield %f : f32
  } -> tensor<6x8xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<6x8xf32>
  %w = arith.constant dense<[[1.0, 2.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0], [1.0, 3.0], [0.0, 0.0], [1.0, 1.0], [2.0, 1.0]]> : tensor<8x2xf32>
  %wa = hspmd.annotate %w as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x2xf32>
  %z = arith.constant 0.0 : f32
  %e2 = tensor.empty() : tensor<6x2xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<6x2xf32>) -> tensor<6x2xf32>
  %mm = linalg.matmul ins(%xa, %wa : tensor<6x8xf32>, tensor<8x2xf32>) outs(%f2 : tensor<6x2xf32>) -> tensor<6x2xf32>
  %mma = hspmd.annotate %mm as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<6x2xf32>
  // insert partial source into a non-partial dest
  %d = arith.constant dense<5.0> : tensor<6x4xf32>
  %ins = tensor.insert_slice %mma into %d[0, 1] [6, 2] [1, 1] : tensor<6x2xf32> into tensor<6x4xf32>
  %insa = hspmd.annotate %ins as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<6x4xf32>
  // concat partial with non-partial
  %cc = tensor.concat dim(1) %mma, %d : (tensor<6x2xf32>, tensor<6x4xf32>) -> tensor<6x6xf32>
  %cca = hspmd.annotate %cc as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<6x6xf32>
  // pad partial with nonzero
  %pv = arith.constant 2.0 : f32
  %pd = tensor.pad %mma low[1, 0] high[0, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %pv : f32
  } : tensor<6x2xf32> to tensor<7x3xf32>
  %pda = hspmd.annotate %pd as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<7x3xf32>
  %ex = tensor.expand_shape %mma [[0, 1], [2]] output_shape [2, 3, 2] : tensor<6x2xf32> into tensor<2x3x2xf32>
  %exa = hspmd.annotate %ex as #hspmd.sharding<[1, 0] : [partial = 2]> : tensor<2x3x2xf32>
  %p1 = bufferization.to_buffer %insa : tensor<6x4xf32> to memref<6x4xf32>
  %q1 = memref.cast %p1 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %cca : tensor<6x6xf32> to memref<6x6xf32>
  %q2 = memref.cast %p2 : memref<6x6xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %pda : tensor<7x3xf32> to memref<7x3xf32>
  %q3 = memref.cast %p3 : memref<7x3xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  %p4 = bufferization.to_buffer %exa : tensor<2x3x2xf32> to memref<2x3x2xf32>
  %q4 = memref.cast %p4 : memref<2x3x2xf32> to memref<*xf32>
  call @printMemrefF32(%q4) : (memref<*xf32>) -> ()
  return
}
