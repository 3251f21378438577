// Layer norm over an unsplit hidden dimension with the rows split
// ([0, 1] : [d0 = 2]), followed by batch statistics (a column sum and a
// column max, over the split row dimension). Each op takes a fresh
// tensor.empty, as torch-mlir emits before CSE. Rows are 10 i + 2 j - 7 over
// j < 8, so mean = 10 i and var = 21 exactly.
#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (i)>
#col = affine_map<(i, j) -> (j)>
#v1 = affine_map<(i) -> (i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<6x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<6x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %a = arith.muli %i, %c10 : index
    %b = arith.addi %j, %j : index
    %s = arith.addi %a, %b : index
    %ii = arith.index_cast %s : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %c7 = arith.constant 7.0 : f32
    %v = arith.subf %f, %c7 : f32
    linalg.yield %v : f32
  } -> tensor<6x8xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<6x8xf32>
  %z = arith.constant 0.0 : f32
  %n = arith.constant 8.0 : f32
  %e1 = tensor.empty() : tensor<6xf32>
  %f1 = linalg.fill ins(%z : f32) outs(%e1 : tensor<6xf32>) -> tensor<6xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<6x8xf32>) outs(%f1 : tensor<6xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.addf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<6xf32>
  %em = tensor.empty() : tensor<6xf32>
  %mean = linalg.generic {indexing_maps = [#v1, #v1], iterator_types = ["parallel"]} ins(%sum : tensor<6xf32>) outs(%em : tensor<6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %r = arith.divf %in, %n : f32
    linalg.yield %r : f32
  } -> tensor<6xf32>
  %e2 = tensor.empty() : tensor<6x8xf32>
  %xc = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %mean : tensor<6x8xf32>, tensor<6xf32>) outs(%e2 : tensor<6x8xf32>) {
  ^bb0(%in: f32, %m: f32, %o: f32):
    %r = arith.subf %in, %m : f32
    linalg.yield %r : f32
  } -> tensor<6x8xf32>
  %e1b = tensor.empty() : tensor<6xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e1b : tensor<6xf32>) -> tensor<6xf32>
  %sq = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%xc : tensor<6x8xf32>) outs(%f2 : tensor<6xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %p = arith.mulf %in, %in : f32
    %r = arith.addf %p, %acc : f32
    linalg.yield %r : f32
  } -> tensor<6xf32>
  %e3 = tensor.empty() : tensor<6xf32>
  %var = linalg.generic {indexing_maps = [#v1, #v1], iterator_types = ["parallel"]} ins(%sq : tensor<6xf32>) outs(%e3 : tensor<6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %v = arith.divf %in, %n : f32
    linalg.yield %v : f32
  } -> tensor<6xf32>
  %e4 = tensor.empty() : tensor<6x8xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%xc, %var : tensor<6x8xf32>, tensor<6xf32>) outs(%e4 : tensor<6x8xf32>) {
  ^bb0(%in: f32, %v: f32, %o: f32):
    %a = arith.mulf %in, %v : f32
    linalg.yield %a : f32
  } -> tensor<6x8xf32>
  %e5 = tensor.empty() : tensor<8xf32>
  %f5 = linalg.fill ins(%z : f32) outs(%e5 : tensor<8xf32>) -> tensor<8xf32>
  %csum = linalg.generic {indexing_maps = [#id, #col], iterator_types = ["reduction", "parallel"]} ins(%y : tensor<6x8xf32>) outs(%f5 : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.addf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %e6 = tensor.empty() : tensor<8xf32>
  %f6 = linalg.fill ins(%ninf : f32) outs(%e6 : tensor<8xf32>) -> tensor<8xf32>
  %cmax = linalg.generic {indexing_maps = [#id, #col], iterator_types = ["reduction", "parallel"]} ins(%x : tensor<6x8xf32>) outs(%f6 : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.maximumf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %b0 = bufferization.to_buffer %mean : tensor<6xf32> to memref<6xf32>
  %u0 = memref.cast %b0 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %var : tensor<6xf32> to memref<6xf32>
  %u1 = memref.cast %b1 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %y : tensor<6x8xf32> to memref<6x8xf32>
  %u2 = memref.cast %b2 : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %b3 = bufferization.to_buffer %csum : tensor<8xf32> to memref<8xf32>
  %u3 = memref.cast %b3 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  %b4 = bufferization.to_buffer %cmax : tensor<8xf32> to memref<8xf32>
  %u4 = memref.cast %b4 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  return
}
