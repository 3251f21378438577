// scf.for whose iter_arg is annotated [1,2]:[d1=2] in the body but [3,1,0,2]:[d0=2,dup=2] outside, trip count read from a [2,3]-split i32 tensor, a partial fill per iteration, and an scf.if whose branches yield [0]:[] vs hetero=partial.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %a = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0], [17.0, 18.0, 19.0, 20.0], [21.0, 22.0, 23.0, 24.0]]> : tensor<6x4xf32>
  %n = arith.constant dense<[3, 1]> : tensor<2xi32>
  %n1 = hspmd.annotate %n as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<2xi32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t = tensor.extract %n1[%c0] : tensor<2xi32>
  %ti = arith.index_cast %t : i32 to index
  %a1 = hspmd.annotate %a as #hspmd.sharding<[3, 1, 0, 2] : [d0 = 2, dup = 2]> : tensor<6x4xf32>
  %r = scf.for %i = %c0 to %ti step %c1 iter_args(%x = %a1) -> (tensor<6x4xf32>) {
    %xa = hspmd.annotate %x as #hspmd.sharding<[1, 2] : [d1 = 2]> : tensor<6x4xf32>
    %ii = arith.index_cast %i : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %e = tensor.empty() : tensor<6x4xf32>
    %f = linalg.fill ins(%fi : f32) outs(%e : tensor<6x4xf32>) -> tensor<6x4xf32>
    %f1 = hspmd.annotate %f as #hspmd.sharding<[0, 3] : [partial = 2]> : tensor<6x4xf32>
    %y = arith.addf %xa, %f1 : tensor<6x4xf32>
    %cond = arith.cmpi eq, %i, %c1 : index
    %z = scf.if %cond -> (tensor<6x4xf32>) {
      %y2 = arith.mulf %y, %y : tensor<6x4xf32>
      %y3 = hspmd.annotate %y2 as #hspmd.sharding<[0] : []> : tensor<6x4xf32>
      scf.yield %y3 : tensor<6x4xf32>
    } else {
      %y4 = arith.subf %y, %a1 : tensor<6x4xf32>
      %y5 = hspmd.annotate %y4 as #hspmd.sharding<hetero = partial, groups = [[3] : [], [2, 0] : [d1 = 2]]> : tensor<6x4xf32>
      scf.yield %y5 : tensor<6x4xf32>
    }
    %za = hspmd.annotate %z as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, d0 = 2]> : tensor<6x4xf32>
    scf.yield %za : tensor<6x4xf32>
  }
  %pb = bufferization.to_buffer %r : tensor<6x4xf32> to memref<6x4xf32>
  %pc = memref.cast %pb : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc) : (memref<*xf32>) -> ()
  return
}
