// A global's buffer written before a loop and carried by it: the carried
// buffer is the global (device 0), not a buffer of unknown origin.
// (outside6.test)
memref.global "private" @g : memref<1xi32> = dense<0>
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %five = arith.constant 5 : i32
  %g = memref.get_global @g : memref<1xi32>
  memref.store %five, %g[%c0] : memref<1xi32>
  %x0 = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xi32>
  %r:2 = scf.for %k = %c0 to %c2 step %c1 iter_args(%a = %x, %m = %g) -> (tensor<4xi32>, memref<1xi32>) {
    %v = memref.load %m[%c0] : memref<1xi32>
    %y = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]} outs(%a : tensor<4xi32>) {
    ^bb0(%o: i32):
      %q = arith.addi %o, %v : i32
      linalg.yield %q : i32
    } -> tensor<4xi32>
    scf.yield %y, %m : tensor<4xi32>, memref<1xi32>
  }
  %bt = bufferization.to_buffer %r#0 : tensor<4xi32> to memref<4xi32>
  %ut = memref.cast %bt : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%ut) : (memref<*xi32>) -> ()
  return
}
