// An scf.while that prints and counts in an alloca read after the loop:
// a buffer used inside an op run as one lives on device 0, and the count
// is broadcast (device 1 used to read its own, never written copy).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printI64(i64)
func.func private @printNewline()
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %buf = memref.alloca() : memref<1xindex>
  memref.store %c0, %buf[%c0] : memref<1xindex>
  %w = scf.while (%it = %c0) : (index) -> index {
    %c = arith.cmpi ult, %it, %c3 : index
    scf.condition(%c) %it : index
  } do {
  ^bb0(%it: index):
    %i64 = arith.index_cast %it : index to i64
    func.call @printI64(%i64) : (i64) -> ()
    func.call @printNewline() : () -> ()
    %v = memref.load %buf[%c0] : memref<1xindex>
    %v1 = arith.addi %v, %c1 : index
    memref.store %v1, %buf[%c0] : memref<1xindex>
    %it1 = arith.addi %it, %c1 : index
    scf.yield %it1 : index
  }
  %n = memref.load %buf[%c0] : memref<1xindex>
  %x0 = arith.constant dense<1.0> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> (tensor<4xf32>) {
    %t = arith.addf %a, %a : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
