// a memref.global of flags read each iteration of an scf.for to choose a branch (broadcast from device 0); the then-branch stores an element of a partial annotated value into the global for the next iteration.
// (outside5.test)
#a = #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[2] : [], [0, 1] : [d0 = 2]]>
#b = #hspmd.sharding<[1, 3] : [partial = 2]>
memref.global "private" @flags : memref<4xi32> = dense<[1, 0, 1, 1]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %i0 = arith.constant 0 : i32
  %g = memref.get_global @flags : memref<4xi32>
  %x0 = arith.constant dense<[1.0, -2.0, 3.0, -4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #a : tensor<4xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %x) -> (tensor<4xf32>) {
    %f = memref.load %g[%i] : memref<4xi32>
    %c = arith.cmpi ne, %f, %i0 : i32
    %n = scf.if %c -> tensor<4xf32> {
      %t = arith.addf %acc, %x : tensor<4xf32>
      %ta = hspmd.annotate %t as #b : tensor<4xf32>
      %v = tensor.extract %ta[%i] : tensor<4xf32>
      %vi = arith.fptosi %v : f32 to i32
      %nx = arith.addi %i, %c1 : index
      %nx2 = arith.remui %nx, %c4 : index
      memref.store %vi, %g[%nx2] : memref<4xi32>
      scf.yield %ta : tensor<4xf32>
    } else {
      %t2 = arith.negf %acc : tensor<4xf32>
      scf.yield %t2 : tensor<4xf32>
    }
    scf.yield %n : tensor<4xf32>
  }
  %bb = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %bb : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
