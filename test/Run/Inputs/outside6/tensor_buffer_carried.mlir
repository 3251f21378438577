// A tensor's buffer carried by an scf.for, which runs on every device: the
// buffer lives on device 0 alone, so the loop is refused, saying why (the
// message named neither the value nor the reason) (outside6.test).
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xi32>
  %y = arith.addi %x, %x : tensor<4xi32>
  %m0 = bufferization.to_buffer %y : tensor<4xi32> to memref<4xi32>
  %r = scf.for %k = %c0 to %c3 step %c1 iter_args(%m = %m0) -> (memref<4xi32>) {
    %v = memref.load %m[%k] : memref<4xi32>
    %v2 = arith.addi %v, %v : i32
    memref.store %v2, %m[%k] : memref<4xi32>
    scf.yield %m : memref<4xi32>
  }
  %u = memref.cast %r : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
