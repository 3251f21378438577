// argmax generic (cmpf ogt + select, linalg.index, two outputs), select(cmpf ugt) max with NaN, argmin linalg.reduce with two inputs/outputs, over a split dim.
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x0 = arith.constant dense<[[1.0, 7.0, 3.0, 7.0, -2.0, 0.0, 7.0, 5.0], [0x7FC00000, 1.0, 9.0, 2.0, 9.0, 0x7FC00000, -1.0, 4.0], [-0.0, 0.0, -0.0, 0.0, -1.0, -3.0, 0.0, -0.0], [0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000, 0xFF800000]]> : tensor<4x8xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %zi = arith.constant 0 : i32
  %ev = tensor.empty() : tensor<4xf32>
  %ei = tensor.empty() : tensor<4xi32>
  %fv = linalg.fill ins(%ninf : f32) outs(%ev : tensor<4xf32>) -> tensor<4xf32>
  %fi = linalg.fill ins(%zi : i32) outs(%ei : tensor<4xi32>) -> tensor<4xi32>
  %r:2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x8xf32>) outs(%fv, %fi : tensor<4xf32>, tensor<4xi32>) {
  ^bb0(%in: f32, %v: f32, %k: i32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %gt = arith.cmpf ogt, %in, %v : f32
    %nv = arith.select %gt, %in, %v : f32
    %nk = arith.select %gt, %ji, %k : i32
    linalg.yield %nv, %nk : f32, i32
  } -> (tensor<4xf32>, tensor<4xi32>)
  // select(cmpf ogt) max with init 0 on a partial-free split
  %z = arith.constant 0.0 : f32
  %f2 = linalg.fill ins(%z : f32) outs(%ev : tensor<4xf32>) -> tensor<4xf32>
  %m = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x8xf32>) outs(%f2 : tensor<4xf32>) {
  ^bb0(%in: f32, %v: f32):
    %gt = arith.cmpf ugt, %in, %v : f32
    %nv = arith.select %gt, %in, %v : f32
    linalg.yield %nv : f32
  } -> tensor<4xf32>
  // argmin via linalg.reduce with two inputs and two outputs
  %idx0 = arith.constant dense<[[0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 5, 6, 7]]> : tensor<4x8xi32>
  %idx = hspmd.annotate %idx0 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xi32>
  %pinf = arith.constant 0x7F800000 : f32
  %f3 = linalg.fill ins(%pinf : f32) outs(%ev : tensor<4xf32>) -> tensor<4xf32>
  %m1 = arith.constant -1 : i32
  %f4 = linalg.fill ins(%m1 : i32) outs(%ei : tensor<4xi32>) -> tensor<4xi32>
  %q:2 = linalg.reduce ins(%x, %idx : tensor<4x8xf32>, tensor<4x8xi32>) outs(%f3, %f4 : tensor<4xf32>, tensor<4xi32>) dimensions = [1]
    (%a: f32, %ai: i32, %b: f32, %bi: i32) {
      %lt = arith.cmpf ole, %a, %b : f32
      %nv = arith.select %lt, %a, %b : f32
      %nk = arith.select %lt, %ai, %bi : i32
      linalg.yield %nv, %nk : f32, i32
    }
  %b0 = bufferization.to_buffer %r#0 : tensor<4xf32> to memref<4xf32>
  %u0 = memref.cast %b0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %r#1 : tensor<4xi32> to memref<4xi32>
  %u1 = memref.cast %b1 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
  %b2 = bufferization.to_buffer %m : tensor<4xf32> to memref<4xf32>
  %u2 = memref.cast %b2 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %b3 = bufferization.to_buffer %q#0 : tensor<4xf32> to memref<4xf32>
  %u3 = memref.cast %b3 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  %b4 = bufferization.to_buffer %q#1 : tensor<4xi32> to memref<4xi32>
  %u4 = memref.cast %b4 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u4) : (memref<*xi32>) -> ()
  return
}
