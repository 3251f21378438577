// nested scf.for: outer carry annotated #a, inner block arg #b, inner yield #c, plus a hetero-partial carry passed through math.exp.
#a = #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 1] : [d1 = 2], [2] : []]>
#b = #hspmd.sharding<[0, 1, 2, 3] : [partial = 2, d0 = 2]>
#c = #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[3, 2, 1] : [dup = 3], [0] : []]>
#p = #hspmd.sharding<hetero = partial, groups = [[1] : [], [0, 3] : [d0 = 2]]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[[1.0, 2.0, -1.0, 0.5], [0.0, -3.0, 2.0, 1.0], [1.5, 1.0, 1.0, -2.0], [2.0, 0.0, -1.0, 1.0], [-1.0, 1.0, 0.0, 3.0], [0.5, 0.5, 0.5, 0.5]]> : tensor<6x4xf32>
  %h2 = arith.constant dense<0.3> : tensor<6x4xf32>
  %p0 = arith.constant dense<0.1> : tensor<6x4xf32>
  %pp = hspmd.annotate %p0 as #p : tensor<6x4xf32>
  %r:2 = scf.for %i = %c0 to %c3 step %c1 iter_args(%o = %x0, %q = %pp) -> (tensor<6x4xf32>, tensor<6x4xf32>) {
    %oa = hspmd.annotate %o as #a : tensor<6x4xf32>
    %qa = hspmd.annotate %q as #p : tensor<6x4xf32>
    %in = scf.for %j = %c0 to %c2 step %c1 iter_args(%t = %oa) -> (tensor<6x4xf32>) {
      %tb = hspmd.annotate %t as #b : tensor<6x4xf32>
      %h = arith.constant dense<0.5> : tensor<6x4xf32>
      %m = arith.mulf %tb, %h : tensor<6x4xf32>
      %m2 = arith.addf %m, %qa : tensor<6x4xf32>
      %mc = hspmd.annotate %m2 as #c : tensor<6x4xf32>
      scf.yield %mc : tensor<6x4xf32>
    }
    %ex = math.exp %qa : tensor<6x4xf32>
    %ex2 = arith.mulf %ex, %h2 : tensor<6x4xf32>
    %exp = hspmd.annotate %ex2 as #p : tensor<6x4xf32>
    scf.yield %in, %exp : tensor<6x4xf32>, tensor<6x4xf32>
  }
  %b = bufferization.to_buffer %r#0 : tensor<6x4xf32> to memref<6x4xf32>
  %u = memref.cast %b : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %r#1 : tensor<6x4xf32> to memref<6x4xf32>
  %u2 = memref.cast %b2 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
