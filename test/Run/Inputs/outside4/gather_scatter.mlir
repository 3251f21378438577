// tensor.gather (1-d and 2-d gather_dims) from hetero/2-axis split sources with split indices, tensor.scatter back into a split destination.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c = arith.constant 10 : index
    %s = arith.muli %i, %c : index
    %s2 = arith.addi %s, %j : index
    %ii = arith.index_cast %s2 : index to i64
    %f = arith.sitofp %ii : i64 to f32
    tensor.yield %f : f32
  } : tensor<8x6xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[0] : [], [1, 2, 3] : [dup = 3]]> : tensor<8x6xf32>
  %idx = arith.constant dense<[[7], [0], [3], [5], [2], [6]]> : tensor<6x1xindex>
  %ia = hspmd.annotate %idx as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<6x1xindex>
  %g = tensor.gather %xa[%ia] gather_dims([0]) : (tensor<8x6xf32>, tensor<6x1xindex>) -> tensor<6x1x6xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<[1, 2, 3] : [d0 = 3]> : tensor<6x1x6xf32>
  %b = bufferization.to_buffer %ga : tensor<6x1x6xf32> to memref<6x1x6xf32>
  %c = memref.cast %b : memref<6x1x6xf32> to memref<*xf32>
  call @printMemrefF32(%c) : (memref<*xf32>) -> ()
  // 2-d gather of points, unique
  %idx2 = arith.constant dense<[[7, 5], [0, 0], [3, 2], [1, 4]]> : tensor<4x2xindex>
  %i2a = hspmd.annotate %idx2 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x2xindex>
  %xb = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<8x6xf32>
  %g2 = tensor.gather %xb[%i2a] gather_dims([0, 1]) unique : (tensor<8x6xf32>, tensor<4x2xindex>) -> tensor<4x1x1xf32>
  %g2a = hspmd.annotate %g2 as #hspmd.sharding<[3, 2] : [d0 = 2]> : tensor<4x1x1xf32>
  // scatter back into zeros
  %z = arith.constant dense<0.0> : tensor<8x6xf32>
  %za = hspmd.annotate %z as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<8x6xf32>
  %sc = tensor.scatter %g2a into %za[%i2a] scatter_dims([0, 1]) unique : (tensor<4x1x1xf32>, tensor<8x6xf32>, tensor<4x2xindex>) -> tensor<8x6xf32>
  %sca = hspmd.annotate %sc as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<8x6xf32>
  %b2 = bufferization.to_buffer %sc : tensor<8x6xf32> to memref<8x6xf32>
  %c2 = memref.cast %b2 : memref<8x6xf32> to memref<*xf32>
  call @printMemrefF32(%c2) : (memref<*xf32>) -> ()
  return
}
