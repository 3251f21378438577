// The same with an scf.index_switch case that prints and stores.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printI64(i64)
func.func private @printNewline()
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %buf = memref.alloc() : memref<1xindex>
  memref.store %c1, %buf[%c0] : memref<1xindex>
  scf.index_switch %c1
  case 1 {
    %i64 = arith.index_cast %c3 : index to i64
    func.call @printI64(%i64) : (i64) -> ()
    func.call @printNewline() : () -> ()
    memref.store %c3, %buf[%c0] : memref<1xindex>
    scf.yield
  }
  default {
    scf.yield
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
