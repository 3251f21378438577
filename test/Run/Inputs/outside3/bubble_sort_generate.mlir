// bubble sort with nested scf.for + scf.if + extract/insert on a partial-derived tensor; tensor.generate reading sharded tensors; i32-typed scf.for with step 2.
#a = #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[0] : [], [1, 2] : [d0 = 2]]>
#p = #hspmd.sharding<[0, 1, 2] : [partial = 3]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %v0 = arith.constant dense<[3.0, -1.0, 4.0, 1.0, -5.0, 9.0]> : tensor<6xf32>
  %v = hspmd.annotate %v0 as #a : tensor<6xf32>
  %vp = arith.mulf %v, %v : tensor<6xf32>
  %vq = hspmd.annotate %vp as #p : tensor<6xf32>
  %vs = arith.subf %vq, %v : tensor<6xf32>
  %sorted = scf.for %i = %c0 to %c6 step %c1 iter_args(%t = %vs) -> (tensor<6xf32>) {
    %lim = arith.subi %c6, %i : index
    %lim1 = arith.subi %lim, %c1 : index
    %t2 = scf.for %j = %c0 to %lim1 step %c1 iter_args(%u = %t) -> (tensor<6xf32>) {
      %j1 = arith.addi %j, %c1 : index
      %a = tensor.extract %u[%j] : tensor<6xf32>
      %b = tensor.extract %u[%j1] : tensor<6xf32>
      %gt = arith.cmpf ogt, %a, %b : f32
      %u2 = scf.if %gt -> tensor<6xf32> {
        %w1 = tensor.insert %b into %u[%j] : tensor<6xf32>
        %w2 = tensor.insert %a into %w1[%j1] : tensor<6xf32>
        scf.yield %w2 : tensor<6xf32>
      } else {
        scf.yield %u : tensor<6xf32>
      }
      scf.yield %u2 : tensor<6xf32>
    }
    %t3 = hspmd.annotate %t2 as #a : tensor<6xf32>
    scf.yield %t3 : tensor<6xf32>
  }
  %g = tensor.generate {
  ^bb0(%i: index, %j: index):
    %x = tensor.extract %sorted[%i] : tensor<6xf32>
    %y = tensor.extract %vs[%j] : tensor<6xf32>
    %z = arith.subf %x, %y : f32
    tensor.yield %z : f32
  } : tensor<6x6xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[2] : [], [0, 1] : [partial = 2]]> : tensor<6x6xf32>
  %i0 = arith.constant 0 : i32
  %i1 = arith.constant 2 : i32
  %i6 = arith.constant 6 : i32
  %h = scf.for %k = %i0 to %i6 step %i1 iter_args(%acc = %ga) -> (tensor<6x6xf32>) : i32 {
    %kk = arith.index_cast %k : i32 to index
    %e = tensor.extract %acc[%kk, %kk] : tensor<6x6xf32>
    %acc2 = tensor.insert %e into %acc[%c0, %kk] : tensor<6x6xf32>
    scf.yield %acc2 : tensor<6x6xf32>
  }
  %b1 = bufferization.to_buffer %sorted : tensor<6xf32> to memref<6xf32>
  %u1 = memref.cast %b1 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u1) : (memref<*xf32>) -> ()
  %b = bufferization.to_buffer %h : tensor<6x6xf32> to memref<6x6xf32>
  %u = memref.cast %b : memref<6x6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
