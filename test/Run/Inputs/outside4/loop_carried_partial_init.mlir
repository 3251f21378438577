// scf.for carrying C (init != 0) annotated partial in the body: C = 1.5*(C + A*B) (linear), C = min(C + A*B, 100) + k
// (non-linear, yielded back as partial), and a zero-trip loop returning the partial-placed init.
// loops carrying partial accumulators
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %a0 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [-1.0, 0.0, 2.0, 1.0]]> : tensor<3x4xf32>
  %b0 = arith.constant dense<[[1.0, 0.0], [2.0, 1.0], [0.0, 3.0], [1.0, 1.0]]> : tensor<4x2xf32>
  %c00 = arith.constant dense<[[10.0, 20.0], [30.0, 40.0], [50.0, 60.0]]> : tensor<3x2xf32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<3x4xf32>
  %b = hspmd.annotate %b0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x2xf32>
  // carried C, partial in body: C = C + A*B each iteration, then C = C * 0.5 + C
  %r = scf.for %k = %c0 to %c3 step %c1 iter_args(%t = %c00) -> (tensor<3x2xf32>) {
    %tp = hspmd.annotate %t as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<3x2xf32>
    %m = linalg.matmul ins(%a, %b : tensor<3x4xf32>, tensor<4x2xf32>) outs(%tp : tensor<3x2xf32>) -> tensor<3x2xf32>
    %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%m : tensor<3x2xf32>) {
    ^bb0(%o: f32):
      %h = arith.constant 0.5 : f32
      %x = arith.mulf %o, %h : f32
      %y = arith.addf %x, %o : f32
      linalg.yield %y : f32
    } -> tensor<3x2xf32>
    scf.yield %g : tensor<3x2xf32>
  }
  %b1 = bufferization.to_buffer %r : tensor<3x2xf32> to memref<3x2xf32>
  %u1 = memref.cast %b1 : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  // carried partial, non-linear in body: C = max(C + A*B, 100) + k
  %r2 = scf.for %k = %c0 to %c3 step %c1 iter_args(%t = %c00) -> (tensor<3x2xf32>) {
    %tp = hspmd.annotate %t as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<3x2xf32>
    %m = linalg.matmul ins(%a, %b : tensor<3x4xf32>, tensor<4x2xf32>) outs(%tp : tensor<3x2xf32>) -> tensor<3x2xf32>
    %ki = arith.index_cast %k : index to i32
    %kf = arith.sitofp %ki : i32 to f32
    %g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%m : tensor<3x2xf32>) {
    ^bb0(%o: f32):
      %h = arith.constant 100.0 : f32
      %x = arith.minimumf %o, %h : f32
      %y = arith.addf %x, %kf : f32
      linalg.yield %y : f32
    } -> tensor<3x2xf32>
    %gp = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<3x2xf32>
    scf.yield %gp : tensor<3x2xf32>
  }
  %b2 = bufferization.to_buffer %r2 : tensor<3x2xf32> to memref<3x2xf32>
  %u2 = memref.cast %b2 : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  // zero-trip loop carrying a partial init
  %r3 = scf.for %k = %c3 to %c0 step %c1 iter_args(%t = %c00) -> (tensor<3x2xf32>) {
    %tp = hspmd.annotate %t as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<3x2xf32>
    %m = linalg.matmul ins(%a, %b : tensor<3x4xf32>, tensor<4x2xf32>) outs(%tp : tensor<3x2xf32>) -> tensor<3x2xf32>
    scf.yield %m : tensor<3x2xf32>
  }
  %b3 = bufferization.to_buffer %r3 : tensor<3x2xf32> to memref<3x2xf32>
  %u3 = memref.cast %b3 : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  return
}
