// A scalar read from a tensor on [1] and passed to a helper that runs on
// [0, 1] (its result lives on [1]): the read is replicated on every device
// the callee runs on, not only where the call's result lives.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @h(%a: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}, %n: index) -> (tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[1] : []>}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = arith.index_cast %n : index to i32
  %f = arith.sitofp %s : i32 to f32
  %sp = tensor.splat %f : tensor<4xf32>
  %spa = hspmd.annotate %sp as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %r = arith.addf %a, %spa : tensor<4xf32>
  return %r : tensor<4xf32>
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %k0 = arith.constant dense<[3, 7]> : tensor<2xi32>
  %k = hspmd.annotate %k0 as #hspmd.sharding<[1] : []> : tensor<2xi32>
  %ki = tensor.extract %k[%c0] : tensor<2xi32>
  %kx = arith.index_cast %ki : i32 to index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %r = call @h(%x0, %kx) : (tensor<4xf32>, index) -> tensor<4xf32>
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
