// An scf.while whose body calls the external sqrtf runs on device 0 alone;
// its scalar results are broadcast to the devices using them (here the
// bound of a loop carrying a split tensor).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @sqrtf(f32) -> f32
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %lim = arith.constant 2.0 : f32
  %n = scf.while (%it = %c0) : (index) -> index {
    %i32 = arith.index_cast %it : index to i32
    %f = arith.sitofp %i32 : i32 to f32
    %sq = func.call @sqrtf(%f) : (f32) -> f32
    %c = arith.cmpf olt, %sq, %lim : f32
    scf.condition(%c) %it : index
  } do {
  ^bb0(%it: index):
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
