// A buffer carried by a loop, chosen by scf.if and by arith.select, then
// printed: printed once, by device 0 (every rank printed it).
// (outside6.test)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %seven = arith.constant 7 : i32
  %a = memref.alloc() : memref<1xi32>
  memref.store %seven, %a[%c0] : memref<1xi32>
  %r = scf.for %k = %c0 to %c3 step %c1 iter_args(%cur = %a) -> (memref<1xi32>) {
    scf.yield %cur : memref<1xi32>
  }
  %u = memref.cast %r : memref<1xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  %x0 = arith.constant dense<[1, 2]> : tensor<2xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2xi32>
  return
}
