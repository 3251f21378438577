// Self-recursion whose result placement (stated on the signature) differs
// from its argument's: the 2-rank compile failed verifying a func.call whose
// result memref type (strided layout) differed from the callee's, until
// function boundaries were bufferized with identity layouts.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @rec(%x: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}, %n: index) -> (tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0] : []>}) {
  %c0 = arith.constant 0 : index
  %isz = arith.cmpi eq, %n, %c0 : index
  %r = scf.if %isz -> (tensor<4xf32>) {
    scf.yield %x : tensor<4xf32>
  } else {
    %one = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
    %y = arith.addf %x, %one : tensor<4xf32>
    %c1 = arith.constant 1 : index
    %m = arith.subi %n, %c1 : index
    %z = func.call @rec(%y, %m) : (tensor<4xf32>, index) -> tensor<4xf32>
    scf.yield %z : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func @main() {
  %c2 = arith.constant 2 : index
  %x0 = arith.constant dense<[1.0, -2.0, 0.5, 3.0]> : tensor<4xf32>
  %r = call @rec(%x0, %c2) : (tensor<4xf32>, index) -> tensor<4xf32>
  %b = bufferization.to_buffer %r : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
