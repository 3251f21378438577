// A generic with two results and a loop labelled "parallel" that one result
// follows and the other reduces over: the loop is held whole (each device
// combined its own rows only).
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x3xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x3xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %m = arith.muli %i, %c3 : index
    %s = arith.addi %m, %j : index
    %c5 = arith.constant 7 : index
    %r = arith.remui %s, %c5 : index
    %v = arith.index_cast %r : index to i32
    %f = arith.sitofp %v : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x3xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x3xf32>
  %ninf = arith.constant -100.0 : f32
  %e1 = tensor.empty() : tensor<3xf32>
  %mi = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<3xf32>) -> tensor<3xf32>
  %r:2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>], iterator_types = ["parallel", "parallel"]} ins(%xa : tensor<4x3xf32>) outs(%e, %mi : tensor<4x3xf32>, tensor<3xf32>) {
  ^bb0(%a: f32, %o: f32, %acc: f32):
    %two = arith.constant 2.0 : f32
    %d = arith.mulf %a, %two : f32
    %mm = arith.maximumf %a, %acc : f32
    linalg.yield %d, %mm : f32, f32
  } -> (tensor<4x3xf32>, tensor<3xf32>)
  %u = bufferization.to_buffer %r#1 : tensor<3xf32> to memref<3xf32>
  %uc = memref.cast %u : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%uc) : (memref<*xf32>) -> ()
  %u2 = bufferization.to_buffer %r#0 : tensor<4x3xf32> to memref<4x3xf32>
  %uc2 = memref.cast %u2 : memref<4x3xf32> to memref<*xf32>
  call @printMemrefF32(%uc2) : (memref<*xf32>) -> ()
  return
}
