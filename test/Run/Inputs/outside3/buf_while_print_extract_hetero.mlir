// scf.while with prints in the body and tensor.extract of a hetero weighted split tensor in its condition; its scalar results bound/feed a split loop
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printI64(i64)
func.func private @printNewline()
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %cst = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %ta = hspmd.annotate %cst as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[2] : [], [3, 1, 4] : [d0 = 3]]> : tensor<8xf32>
  %sq = arith.mulf %ta, %ta : tensor<8xf32>
  %lim = arith.constant 30.0 : f32
  %acc0 = arith.constant 0.0 : f32
  %n:2 = scf.while (%it = %c0, %acc = %acc0) : (index, f32) -> (index, f32) {
    %e = tensor.extract %sq[%it] : tensor<8xf32>
    %acc1 = arith.addf %acc, %e : f32
    %c = arith.cmpf olt, %acc1, %lim : f32
    scf.condition(%c) %it, %acc1 : index, f32
  } do {
  ^bb0(%it: index, %acc: f32):
    %i64 = arith.index_cast %it : index to i64
    func.call @printI64(%i64) : (i64) -> ()
    func.call @printNewline() : () -> ()
    %it1 = arith.addi %it, %c1 : index
    scf.yield %it1, %acc : index, f32
  }
  %x0 = arith.constant dense<1.0> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 3] : [d0 = 2]> : tensor<8xf32>
  %sp = tensor.splat %n#1 : tensor<8xf32>
  %r = scf.for %i = %c0 to %n#0 step %c1 iter_args(%a = %x) -> (tensor<8xf32>) {
    %t = arith.addf %a, %sp : tensor<8xf32>
    scf.yield %t : tensor<8xf32>
  }
  %b = bufferization.to_buffer %r : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %b : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
