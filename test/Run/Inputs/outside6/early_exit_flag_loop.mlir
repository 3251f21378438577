// RANKS: 4
// (outside6.test)
// early exit emulated in scf.for: carried i1 flag + scf.if that yields the carried tensor unchanged or a partial matmul result; stop condition from a |.|-sum reduction of a partial value; carried index counter.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  %false = arith.constant false
  %zf = arith.constant 0.0 : f32
  %lim = arith.constant 500.0 : f32
  %x0 = arith.constant dense<[[1.0, 2.0], [3.0, -1.0], [0.5, 0.5], [2.0, 1.0]]> : tensor<4x2xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x2xf32>
  %w0 = arith.constant dense<[[1.0, 1.0], [0.0, 2.0]]> : tensor<2x2xf32>
  %e = tensor.empty() : tensor<4x2xf32>
  %es = tensor.empty() : tensor<f32>
  %r:3 = scf.for %k = %c0 to %c10 step %c1 iter_args(%a = %x, %done = %false, %it = %c0) -> (tensor<4x2xf32>, i1, index) {
    %res:3 = scf.if %done -> (tensor<4x2xf32>, i1, index) {
      scf.yield %a, %done, %it : tensor<4x2xf32>, i1, index
    } else {
      %f = linalg.fill ins(%zf : f32) outs(%e : tensor<4x2xf32>) -> tensor<4x2xf32>
      %ad = hspmd.annotate %a as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, dup = 2]> : tensor<4x2xf32>
      %m = linalg.matmul ins(%ad, %w0 : tensor<4x2xf32>, tensor<2x2xf32>) outs(%f : tensor<4x2xf32>) -> tensor<4x2xf32>
      %mp = hspmd.annotate %m as #hspmd.sharding<[3, 1, 2, 0] : [partial = 2, d0 = 2]> : tensor<4x2xf32>
      %fs = linalg.fill ins(%zf : f32) outs(%es : tensor<f32>) -> tensor<f32>
      %n = linalg.reduce ins(%mp : tensor<4x2xf32>) outs(%fs : tensor<f32>) dimensions = [0, 1]
        (%in: f32, %init: f32) {
          %q = math.absf %in : f32
          %s = arith.addf %q, %init : f32
          linalg.yield %s : f32
        }
      %nv = tensor.extract %n[] : tensor<f32>
      %stop = arith.cmpf ogt, %nv, %lim : f32
      %it1 = arith.addi %it, %c1 : index
      scf.yield %mp, %stop, %it1 : tensor<4x2xf32>, i1, index
    }
    scf.yield %res#0, %res#1, %res#2 : tensor<4x2xf32>, i1, index
  }
  %bt = bufferization.to_buffer %r#0 : tensor<4x2xf32> to memref<4x2xf32>
  %ut = memref.cast %bt : memref<4x2xf32> to memref<*xf32>
  call @printMemrefF32(%ut) : (memref<*xf32>) -> ()
  %i = arith.index_cast %r#2 : index to i32
  %fi = arith.sitofp %i : i32 to f32
  %ti = tensor.from_elements %fi : tensor<1xf32>
  %bi = bufferization.to_buffer %ti : tensor<1xf32> to memref<1xf32>
  %ui = memref.cast %bi : memref<1xf32> to memref<*xf32>
  call @printMemrefF32(%ui) : (memref<*xf32>) -> ()
  return
}
