// a scratch alloca counter incremented inside an scf.if (condition from the partial carried value) in an scf.for, then read and decremented by an scf.while (so the buffer lives on device 0), whose result is the trip count of a later scf.for; the final count is loaded and broadcast.
// (outside5.test)
#a = #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[2] : [], [0, 3] : [d0 = 2]]>
#b = #hspmd.sharding<[1, 2] : [partial = 2]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %fz = arith.constant 0.0 : f32
  %cnt = memref.alloca() : memref<index>
  memref.store %c0, %cnt[] : memref<index>
  %x0 = arith.constant dense<[1.0, -2.0, 3.0, -4.0, 5.0, 6.0]> : tensor<6xf32>
  %x = hspmd.annotate %x0 as #a : tensor<6xf32>
  %r = scf.for %i = %c0 to %c6 step %c1 iter_args(%acc = %x) -> (tensor<6xf32>) {
    %aa = hspmd.annotate %acc as #b : tensor<6xf32>
    %v = tensor.extract %aa[%i] : tensor<6xf32>
    %pos = arith.cmpf ogt, %v, %fz : f32
    scf.if %pos {
      %k = memref.load %cnt[] : memref<index>
      %k1 = arith.addi %k, %c1 : index
      memref.store %k1, %cnt[] : memref<index>
    }
    %n = arith.negf %aa : tensor<6xf32>
    scf.yield %n : tensor<6xf32>
  }
  %m = scf.while (%j = %c0) : (index) -> index {
    %k = memref.load %cnt[] : memref<index>
    %lt = arith.cmpi ult, %j, %k : index
    scf.condition(%lt) %j : index
  } do {
  ^bb0(%j: index):
    %k = memref.load %cnt[] : memref<index>
    %k1 = arith.subi %k, %c1 : index
    memref.store %k1, %cnt[] : memref<index>
    %j1 = arith.addi %j, %c1 : index
    scf.yield %j1 : index
  }
  %r2 = scf.for %i = %c0 to %m step %c1 iter_args(%acc = %r) -> (tensor<6xf32>) {
    %t = arith.addf %acc, %x : tensor<6xf32>
    scf.yield %t : tensor<6xf32>
  }
  %kk = memref.load %cnt[] : memref<index>
  %ki = arith.index_cast %kk : index to i32
  %kf = arith.sitofp %ki : i32 to f32
  %e = tensor.empty() : tensor<6xf32>
  %f = linalg.fill ins(%kf : f32) outs(%e : tensor<6xf32>) -> tensor<6xf32>
  %o = arith.addf %r2, %f : tensor<6xf32>
  %bb = bufferization.to_buffer %o : tensor<6xf32> to memref<6xf32>
  %u = memref.cast %bb : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
