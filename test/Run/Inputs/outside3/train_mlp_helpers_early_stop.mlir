// 2-layer MLP training loop (4 steps) with @fwd/@bwd helpers (bwd returns reduced grads), hetero weights incl. device 4 only in the input group, loss-based early stop through scf.if whose branches yield carried weights vs updated ones; scalar f32 carry.
#xs = #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 1] : [d0 = 2], [4] : []]>
#w1s = #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[2] : [], [3, 0] : [d1 = 2]]>
#w2s = #hspmd.sharding<[1, 2] : [d0 = 2]>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @fwd(%x: tensor<6x4xf32>, %w1: tensor<4x6xf32>, %w2: tensor<6x2xf32>) -> (tensor<6x6xf32>, tensor<6x2xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<6x6xf32>) -> tensor<6x6xf32>
  %h = linalg.matmul ins(%x, %w1 : tensor<6x4xf32>, tensor<4x6xf32>) outs(%f : tensor<6x6xf32>) -> tensor<6x6xf32>
  %z = arith.constant dense<0.0> : tensor<6x6xf32>
  %a = arith.maximumf %h, %z : tensor<6x6xf32>
  %e2 = tensor.empty() : tensor<6x2xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<6x2xf32>) -> tensor<6x2xf32>
  %y = linalg.matmul ins(%a, %w2 : tensor<6x6xf32>, tensor<6x2xf32>) outs(%f2 : tensor<6x2xf32>) -> tensor<6x2xf32>
  return %a, %y : tensor<6x6xf32>, tensor<6x2xf32>
}
func.func private @bwd(%x: tensor<6x4xf32>, %a: tensor<6x6xf32>, %w2: tensor<6x2xf32>, %dy: tensor<6x2xf32>) -> (tensor<4x6xf32>, tensor<6x2xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<6x2xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<6x2xf32>) -> tensor<6x2xf32>
  %at = tensor.empty() : tensor<6x6xf32>
  %atr = linalg.transpose ins(%a : tensor<6x6xf32>) outs(%at : tensor<6x6xf32>) permutation = [1, 0]
  %gw2 = linalg.matmul ins(%atr, %dy : tensor<6x6xf32>, tensor<6x2xf32>) outs(%f : tensor<6x2xf32>) -> tensor<6x2xf32>
  %e2 = tensor.empty() : tensor<6x6xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<6x6xf32>) -> tensor<6x6xf32>
  %da = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (j, k)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%dy, %w2 : tensor<6x2xf32>, tensor<6x2xf32>) outs(%f2 : tensor<6x6xf32>) {
  ^bb0(%p: f32, %q: f32, %o: f32):
    %m = arith.mulf %p, %q : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<6x6xf32>
  %dh = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%da, %a : tensor<6x6xf32>, tensor<6x6xf32>) outs(%e2 : tensor<6x6xf32>) {
  ^bb0(%p: f32, %q: f32, %o: f32):
    %pos = arith.cmpf ogt, %q, %zero : f32
    %r = arith.select %pos, %p, %zero : f32
    linalg.yield %r : f32
  } -> tensor<6x6xf32>
  %e3 = tensor.empty() : tensor<4x6xf32>
  %f3 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<4x6xf32>) -> tensor<4x6xf32>
  %gw1 = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (k, i)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x, %dh : tensor<6x4xf32>, tensor<6x6xf32>) outs(%f3 : tensor<4x6xf32>) {
  ^bb0(%p: f32, %q: f32, %o: f32):
    %m = arith.mulf %p, %q : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x6xf32>
  return %gw1, %gw2 : tensor<4x6xf32>, tensor<6x2xf32>
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  %lr = arith.constant dense<0.02> : tensor<4x6xf32>
  %lr2 = arith.constant dense<0.02> : tensor<6x2xf32>
  %xe = tensor.empty() : tensor<6x4xf32>
  %x0 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%xe : tensor<6x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %k = arith.muli %i, %c3 : index
    %l = arith.addi %k, %j : index
    %c5 = arith.constant 5 : index
    %m = arith.remui %l, %c5 : index
    %mi = arith.index_cast %m : index to i32
    %f = arith.sitofp %mi : i32 to f32
    %two = arith.constant 2.0 : f32
    %g = arith.subf %f, %two : f32
    linalg.yield %g : f32
  } -> tensor<6x4xf32>
  %x = hspmd.annotate %x0 as #xs : tensor<6x4xf32>
  %w10 = arith.constant dense<[[0.1, 0.2, -0.1, 0.0, 0.3, 0.5], [0.0, -0.2, 0.4, 0.1, 0.1, 0.2], [0.3, 0.1, 0.0, -0.3, 0.2, 0.1], [-0.1, 0.0, 0.2, 0.2, -0.4, 0.3]]> : tensor<4x6xf32>
  %w1 = hspmd.annotate %w10 as #w1s : tensor<4x6xf32>
  %w20 = arith.constant dense<[[0.2, -0.1], [0.1, 0.3], [-0.2, 0.2], [0.05, 0.1], [0.3, -0.3], [0.0, 0.1]]> : tensor<6x2xf32>
  %w2 = hspmd.annotate %w20 as #w2s : tensor<6x2xf32>
  %t = arith.constant dense<[[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]]> : tensor<6x2xf32>
  %r:3 = scf.for %it = %c0 to %c4 step %c1 iter_args(%a1 = %w1, %a2 = %w2, %done = %zero) -> (tensor<4x6xf32>, tensor<6x2xf32>, f32) {
    %fw:2 = func.call @fwd(%x, %a1, %a2) : (tensor<6x4xf32>, tensor<4x6xf32>, tensor<6x2xf32>) -> (tensor<6x6xf32>, tensor<6x2xf32>)
    %dy = arith.subf %fw#1, %t : tensor<6x2xf32>
    %le = tensor.empty() : tensor<f32>
    %lf = linalg.fill ins(%zero : f32) outs(%le : tensor<f32>) -> tensor<f32>
    %loss = linalg.reduce ins(%dy : tensor<6x2xf32>) outs(%lf : tensor<f32>) dimensions = [0, 1]
      (%in: f32, %init: f32) {
        %sq = arith.mulf %in, %in : f32
        %s = arith.addf %sq, %init : f32
        linalg.yield %s : f32
      }
    %ls = tensor.extract %loss[] : tensor<f32>
    %thr = arith.constant 4.7 : f32
    %small = arith.cmpf olt, %ls, %thr : f32
    %lb = bufferization.to_buffer %loss : tensor<f32> to memref<f32>
    %lu = memref.cast %lb : memref<f32> to memref<*xf32>
    func.call @printMemrefF32(%lu) : (memref<*xf32>) -> ()
    %res:2 = scf.if %small -> (tensor<4x6xf32>, tensor<6x2xf32>) {
      scf.yield %a1, %a2 : tensor<4x6xf32>, tensor<6x2xf32>
    } else {
      %g:2 = func.call @bwd(%x, %fw#0, %a2, %dy) : (tensor<6x4xf32>, tensor<6x6xf32>, tensor<6x2xf32>, tensor<6x2xf32>) -> (tensor<4x6xf32>, tensor<6x2xf32>)
      %u1 = arith.mulf %g#0, %lr : tensor<4x6xf32>
      %n1 = arith.subf %a1, %u1 : tensor<4x6xf32>
      %u2 = arith.mulf %g#1, %lr2 : tensor<6x2xf32>
      %n2 = arith.subf %a2, %u2 : tensor<6x2xf32>
      scf.yield %n1, %n2 : tensor<4x6xf32>, tensor<6x2xf32>
    }
    %one = arith.constant 1.0 : f32
    %d2 = arith.addf %done, %one : f32
    %dsel = arith.select %small, %d2, %done : f32
    scf.yield %res#0, %res#1, %dsel : tensor<4x6xf32>, tensor<6x2xf32>, f32
  }
  %b = bufferization.to_buffer %r#0 : tensor<4x6xf32> to memref<4x6xf32>
  %u = memref.cast %b : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %r#1 : tensor<6x2xf32> to memref<6x2xf32>
  %u2 = memref.cast %b2 : memref<6x2xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %dt = tensor.from_elements %r#2 : tensor<1xf32>
  %b3 = bufferization.to_buffer %dt : tensor<1xf32> to memref<1xf32>
  %u3 = memref.cast %b3 : memref<1xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  return
}
