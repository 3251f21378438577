// scf.if whose branches yield tensors placed differently: one branch a split
// value, the other a replicated one; the result takes one placement and the
// other branch's value moves to it.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %y0 = arith.constant dense<2.0> : tensor<8xf32>
  %y = hspmd.annotate %y0 as #hspmd.sharding<[1, 2] : [dup = 2]> : tensor<8xf32>
  %r = scf.for %k = %c0 to %c4 step %c1 iter_args(%acc = %x) -> (tensor<8xf32>) {
    %two = arith.constant 2 : index
    %m = arith.remui %k, %two : index
    %isEven = arith.cmpi eq, %m, %c0 : index
    %next = scf.if %isEven -> (tensor<8xf32>) {
      %a = arith.addf %acc, %y : tensor<8xf32>
      scf.yield %a : tensor<8xf32>
    } else {
      %b = arith.mulf %acc, %y : tensor<8xf32>
      %b2 = hspmd.annotate %b as #hspmd.sharding<[2] : []> : tensor<8xf32>
      scf.yield %b2 : tensor<8xf32>
    }
    scf.yield %next : tensor<8xf32>
  }
  %b = bufferization.to_buffer %r : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %b : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
