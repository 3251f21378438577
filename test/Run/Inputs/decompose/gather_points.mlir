// tensor.gather of single elements from a 3-D source along dims 0 and 2
// (rank-reducing result 6 x 4), i32 coordinates computed by a generic, the
// coordinates split unevenly between a group of two and a single device
// (hetero = d0, weights 2:1), the source split along its middle dimension.
// The gathered values are then summed per row into a vector on device 0.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<3x4x5xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (i, j, k)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e : tensor<3x4x5xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = linalg.index 2 : index
    %c100 = arith.constant 100 : index
    %c10 = arith.constant 10 : index
    %a = arith.muli %i, %c100 : index
    %b = arith.muli %j, %c10 : index
    %ab = arith.addi %a, %b : index
    %abk = arith.addi %ab, %k : index
    %n = arith.index_cast %abk : index to i32
    %f = arith.sitofp %n : i32 to f32
    linalg.yield %f : f32
  } -> tensor<3x4x5xf32>
  %src = hspmd.annotate %s as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<3x4x5xf32>
  %ei = tensor.empty() : tensor<6x2xi32>
  %c = linalg.generic {indexing_maps = [affine_map<(p, q) -> (p, q)>], iterator_types = ["parallel", "parallel"]} outs(%ei : tensor<6x2xi32>) {
  ^bb0(%o: i32):
    %p = linalg.index 0 : index
    %q = linalg.index 1 : index
    // coordinate 0 (source dim 0): p mod 3; coordinate 1 (source dim 2): (2p + 1) mod 5
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %c2 = arith.constant 2 : index
    %c1 = arith.constant 1 : index
    %m0 = arith.remui %p, %c3 : index
    %p2 = arith.muli %p, %c2 : index
    %p21 = arith.addi %p2, %c1 : index
    %m1 = arith.remui %p21, %c5 : index
    %z = arith.cmpi eq, %q, %c1 : index
    %v = arith.select %z, %m1, %m0 : index
    %vi = arith.index_cast %v : index to i32
    linalg.yield %vi : i32
  } -> tensor<6x2xi32>
  %coords = hspmd.annotate %c as #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<6x2xi32>
  %g = tensor.gather %src[%coords] gather_dims([0, 2]) unique : (tensor<3x4x5xf32>, tensor<6x2xi32>) -> tensor<6x4xf32>
  %z0 = arith.constant 0.0 : f32
  %ez = tensor.empty() : tensor<6xf32>
  %acc = linalg.fill ins(%z0 : f32) outs(%ez : tensor<6xf32>) -> tensor<6xf32>
  %sum = linalg.reduce ins(%g : tensor<6x4xf32>) outs(%acc : tensor<6xf32>) dimensions = [1]
    (%in: f32, %out: f32) {
      %r = arith.addf %in, %out : f32
      linalg.yield %r : f32
    }
  %sa = hspmd.annotate %sum as #hspmd.sharding<[0] : []> : tensor<6xf32>
  %b1 = bufferization.to_buffer %g : tensor<6x4xf32> to memref<6x4xf32>
  %u1 = memref.cast %b1 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %b = bufferization.to_buffer %sa : tensor<6xf32> to memref<6xf32>
  %u = memref.cast %b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
