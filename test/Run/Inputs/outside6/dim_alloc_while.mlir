// A dynamic allocation read with memref.dim and incremented by an scf.while
// (device 0), then read as a trip count on every device.
// (outside6.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s = memref.alloc(%c1) : memref<?xindex>
  memref.store %c0, %s[%c0] : memref<?xindex>
  scf.while : () -> () {
    %k = memref.load %s[%c0] : memref<?xindex>
    %lt = arith.cmpi ult, %k, %c3 : index
    scf.condition(%lt)
  } do {
    %k = memref.load %s[%c0] : memref<?xindex>
    %k1 = arith.addi %k, %c1 : index
    memref.store %k1, %s[%c0] : memref<?xindex>
    scf.yield
  }
  %n = memref.load %s[%c0] : memref<?xindex>
  %dd = memref.dim %s, %c0 : memref<?xindex>
  %n1 = arith.addi %n, %dd : index
  %nn = arith.subi %n1, %c1 : index
  %z0 = arith.constant dense<1.0> : tensor<4xf32>
  %z = hspmd.annotate %z0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %r = scf.for %i = %c0 to %nn step %c1 iter_args(%acc = %z) -> (tensor<4xf32>) {
    %t = arith.addf %acc, %acc : tensor<4xf32>
    scf.yield %t : tensor<4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
