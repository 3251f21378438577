// Buffers passed to a helper, read by to_tensor: printed by device 0 alone
// (every rank used to print, one of them uninitialized memory).
func.func private @printMemrefI32(memref<*xi32>)
func.func private @init(%b: memref<2xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %v = arith.constant 7 : i32
  %w = arith.constant 3 : i32
  memref.store %v, %b[%c0] : memref<2xi32>
  memref.store %w, %b[%c1] : memref<2xi32>
  return
}
func.func @main() {
  %buf = memref.alloc() : memref<2xi32>
  call @init(%buf) : (memref<2xi32>) -> ()
  %x = arith.constant dense<[1, 2]> : tensor<2xi32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2xi32>
  %y = arith.muli %xa, %xa : tensor<2xi32>
  %yb = bufferization.to_buffer %y : tensor<2xi32> to memref<2xi32>
  %yu = memref.cast %yb : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%yu) : (memref<*xi32>) -> ()
  %u = memref.cast %buf : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
