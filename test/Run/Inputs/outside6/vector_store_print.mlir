// A buffer written with vector.store and memref.atomic_rmw, then printed: a
// write like memref.store (it was refused as if yielded or returned).
// (outside6.test)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %v = arith.constant dense<[7, 8]> : vector<2xi32>
  %a = memref.alloc() : memref<2xi32>
  vector.store %v, %a[%c0] : memref<2xi32>, vector<2xi32>
  %u = memref.cast %a : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  %x0 = arith.constant dense<[1, 2]> : tensor<2xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2xi32>
  return
}
