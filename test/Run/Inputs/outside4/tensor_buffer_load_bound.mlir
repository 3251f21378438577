// A scalar memref.load from a tensor's buffer bounds an scf.for: broadcast
// from device 0 (used to be refused with "missing on device 1").
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x0 = arith.constant dense<[3, 5]> : tensor<2xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2xi32>
  %b = bufferization.to_buffer %x : tensor<2xi32> to memref<2xi32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %v0 = memref.load %b[%c1] : memref<2xi32>
  %vi = arith.index_cast %v0 : i32 to index
  %z = arith.constant 0 : i32
  %r = scf.for %i = %c0 to %vi step %c1 iter_args(%a = %z) -> (i32) {
    %ii = arith.index_cast %i : index to i32
    %n = arith.addi %a, %ii : i32
    scf.yield %n : i32
  }
  %t2 = tensor.from_elements %r : tensor<1xi32>
  %tb2 = bufferization.to_buffer %t2 : tensor<1xi32> to memref<1xi32>
  %u2 = memref.cast %tb2 : memref<1xi32> to memref<*xi32>
  call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
  return
}
