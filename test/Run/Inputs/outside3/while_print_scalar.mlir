// An scf.while that prints its counter each iteration runs on device 0
// alone; its scalar result is broadcast to the devices using it.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %n = scf.while (%it = %c0) : (index) -> index {
    %c = arith.cmpi ult, %it, %c3 : index
    scf.condition(%c) %it : index
  } do {
  ^bb0(%it: index):
    %i32 = arith.index_cast %it : index to i32
    %f = arith.sitofp %i32 : i32 to f32
    %t = tensor.from_elements %f : tensor<1xf32>
    %b = bufferization.to_buffer %t : tensor<1xf32> to memref<1xf32>
    %u = memref.cast %b : memref<1xf32> to memref<*xf32>
    func.call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    %it1 = arith.addi %it, %c1 : index
    scf.yield %it1 : index
  }
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
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
