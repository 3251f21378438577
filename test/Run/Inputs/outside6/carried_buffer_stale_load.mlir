// A buffer carried by an scf.for and written from a tensor's buffer: it lives
// on device 0 (its loads broadcast); every device used to read its own stale
// copy.
// (outside6.test)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0 : i32
  %buf = memref.alloc() : memref<1xi32>
  memref.store %zero, %buf[%c0] : memref<1xi32>
  %t0 = arith.constant dense<[5]> : tensor<1xi32>
  %t = hspmd.annotate %t0 as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<1xi32>
  %x0 = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xi32>
  %r:2 = scf.for %k = %c0 to %c1 step %c1 iter_args(%a = %x, %cur = %buf) -> (tensor<4xi32>, memref<1xi32>) {
    %tb = bufferization.to_buffer %t : tensor<1xi32> to memref<1xi32>
    memref.copy %tb, %cur : memref<1xi32> to memref<1xi32>
    %v = memref.load %cur[%c0] : memref<1xi32>
    %y = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]} outs(%a : tensor<4xi32>) {
    ^bb0(%o: i32):
      %q = arith.addi %o, %v : i32
      linalg.yield %q : i32
    } -> tensor<4xi32>
    scf.yield %y, %cur : tensor<4xi32>, memref<1xi32>
  }
  %bt = bufferization.to_buffer %r#0 : tensor<4xi32> to memref<4xi32>
  %ut = memref.cast %bt : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%ut) : (memref<*xi32>) -> ()
  return
}
