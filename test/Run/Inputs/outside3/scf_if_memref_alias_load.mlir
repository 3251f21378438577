// A buffer chosen by an scf.if, stored through one name and loaded
// through the other: shared, so every device stores (a rule of this batch
// first left device 1 loading garbage, and the run hung).
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %true = arith.constant true
  %A = memref.alloc() : memref<1xindex>
  %B = memref.alloc() : memref<1xindex>
  %m = scf.if %true -> memref<1xindex> {
    scf.yield %A : memref<1xindex>
  } else {
    scf.yield %B : memref<1xindex>
  }
  memref.store %c3, %A[%c0] : memref<1xindex>
  %n = memref.load %m[%c0] : memref<1xindex>
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
