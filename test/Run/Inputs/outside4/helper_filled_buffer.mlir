// An alloc filled by a helper of buffers (which runs on device 0), then
// loaded in main: the buffer lives on device 0 and the scalar is broadcast
// (device 1 used to read uninitialized memory).
func.func private @printMemrefI32(memref<*xi32>)
func.func private @config(%b: memref<2xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %v = arith.constant 7 : i32
  %w = arith.constant 3 : i32
  memref.store %v, %b[%c0] : memref<2xi32>
  memref.store %w, %b[%c1] : memref<2xi32>
  return
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %buf = memref.alloc() : memref<2xi32>
  call @config(%buf) : (memref<2xi32>) -> ()
  %scale = memref.load %buf[%c0] : memref<2xi32>
  %x = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xi32>
  %e = tensor.empty() : tensor<4xi32>
  %y = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%xa : tensor<4xi32>) outs(%e : tensor<4xi32>) {
  ^bb0(%a: i32, %o: i32):
    %m = arith.muli %a, %scale : i32
    linalg.yield %m : i32
  } -> tensor<4xi32>
  %ya = hspmd.annotate %y as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xi32>
  %yb = bufferization.to_buffer %ya : tensor<4xi32> to memref<4xi32>
  %yu = memref.cast %yb : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%yu) : (memref<*xi32>) -> ()
  return
}
