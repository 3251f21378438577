// An unused declaration whose tensor argument has a sharding: the sharding is
// dropped with the tensors (it was checked against the bufferized type).
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @ext(tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> f32
func.func @main() {
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %y = arith.addf %x, %x : tensor<4xf32>
  %b = bufferization.to_buffer %y : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
