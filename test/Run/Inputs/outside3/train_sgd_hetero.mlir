// 3-step SGD loop (matmul fwd, x^T d grad via generic, update) with weights carried by scf.for, weights hetero d1 weights [1,2], input hetero d0 [2,1]; loss printed inside loop.
#x_s = #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 1] : [dup = 2], [2] : []]>
#w_s = #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %zero = arith.constant 0.0 : f32
  %lr = arith.constant 0.05 : f32
  %xe = tensor.empty() : tensor<6x4xf32>
  %x0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%xe : tensor<6x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = arith.muli %i, %c3 : index
    %l = arith.addi %k, %j : index
    %c5 = arith.constant 5 : index
    %m = arith.remui %l, %c5 : index
    %mi = arith.index_cast %m : index to i32
    %f = arith.sitofp %mi : i32 to f32
    %h = arith.constant 2.0 : f32
    %g = arith.subf %f, %h : f32
    linalg.yield %g : f32
  } -> tensor<6x4xf32>
  %x = hspmd.annotate %x0 as #x_s : tensor<6x4xf32>
  %w0 = arith.constant dense<[[0.1, 0.2, -0.1, 0.0, 0.3, 0.5], [0.0, -0.2, 0.4, 0.1, 0.1, 0.2], [0.3, 0.1, 0.0, -0.3, 0.2, 0.1], [-0.1, 0.0, 0.2, 0.2, -0.4, 0.3]]> : tensor<4x6xf32>
  %w = hspmd.annotate %w0 as #w_s : tensor<4x6xf32>
  %t0 = arith.constant dense<1.0> : tensor<6x6xf32>
  %wf = scf.for %it = %c0 to %c3 step %c1 iter_args(%wc = %w) -> (tensor<4x6xf32>) {
    %ye = tensor.empty() : tensor<6x6xf32>
    %yf = linalg.fill ins(%zero : f32) outs(%ye : tensor<6x6xf32>) -> tensor<6x6xf32>
    %y = linalg.matmul ins(%x, %wc : tensor<6x4xf32>, tensor<4x6xf32>) outs(%yf : tensor<6x6xf32>) -> tensor<6x6xf32>
    %d = arith.subf %y, %t0 : tensor<6x6xf32>
    // grad = x^T d
    %ge = tensor.empty() : tensor<4x6xf32>
    %gf = linalg.fill ins(%zero : f32) outs(%ge : tensor<4x6xf32>) -> tensor<4x6xf32>
    %g = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (k, i)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x, %d : tensor<6x4xf32>, tensor<6x6xf32>) outs(%gf : tensor<4x6xf32>) {
    ^bb0(%a: f32, %b: f32, %o: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %o, %p : f32
      linalg.yield %s : f32
    } -> tensor<4x6xf32>
    %lrt = tensor.empty() : tensor<4x6xf32>
    %upd = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%wc, %g : tensor<4x6xf32>, tensor<4x6xf32>) outs(%lrt : tensor<4x6xf32>) {
    ^bb0(%a: f32, %b: f32, %o: f32):
      %p = arith.mulf %b, %lr : f32
      %s = arith.subf %a, %p : f32
      linalg.yield %s : f32
    } -> tensor<4x6xf32>
    // loss printed each iteration
    %le = tensor.empty() : tensor<f32>
    %lf = linalg.fill ins(%zero : f32) outs(%le : tensor<f32>) -> tensor<f32>
    %loss = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> ()>], iterator_types = ["reduction", "reduction"]} ins(%d : tensor<6x6xf32>) outs(%lf : tensor<f32>) {
    ^bb0(%a: f32, %o: f32):
      %p = arith.mulf %a, %a : f32
      %s = arith.addf %o, %p : f32
      linalg.yield %s : f32
    } -> tensor<f32>
    %lb = bufferization.to_buffer %loss : tensor<f32> to memref<f32>
    %lu = memref.cast %lb : memref<f32> to memref<*xf32>
    func.call @printMemrefF32(%lu) : (memref<*xf32>) -> ()
    %u2 = hspmd.annotate %upd as #w_s : tensor<4x6xf32>
    scf.yield %u2 : tensor<4x6xf32>
  }
  %b = bufferization.to_buffer %wf : tensor<4x6xf32> to memref<4x6xf32>
  %u = memref.cast %b : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
