// A helper computes the loop's trip count from a tensor on device 0; the
// loop runs on devices 0 and 1, which both need the bound (once refused:
// "a value the scf.for needs on device 1 is missing there").
func.func private @printMemrefI32(memref<*xi32>)
func.func private @steps(%a: tensor<4xi32>) -> index {
  %c2 = arith.constant 2 : index
  %v = tensor.extract %a[%c2] : tensor<4xi32>
  %i = arith.index_cast %v : i32 to index
  return %i : index
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n0 = arith.constant dense<[5, 1, 3, 2]> : tensor<4xi32>
  %n = call @steps(%n0) : (tensor<4xi32>) -> index
  %x0 = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xi32>
  %r = scf.for %k = %c0 to %n step %c1 iter_args(%a = %x) -> (tensor<4xi32>) {
    %d = arith.addi %a, %a : tensor<4xi32>
    scf.yield %d : tensor<4xi32>
  }
  %b = bufferization.to_buffer %r : tensor<4xi32> to memref<4xi32>
  %u = memref.cast %b : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
