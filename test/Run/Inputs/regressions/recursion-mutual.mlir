// Mutual recursion, @even's placements stated on its signature (see
// recursion-self.mlir): 3 ranks, devices 1 and 2 hold the partial value.
func.func private @printMemrefI32(memref<*xi32>)
func.func private @even(%x: tensor<4xi32> {hspmd.sharding = #hspmd.sharding<[1, 2] : [partial = 2]>}, %n: index) -> (tensor<4xi32> {hspmd.sharding = #hspmd.sharding<[1, 2] : [partial = 2]>}) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %isz = arith.cmpi eq, %n, %c0 : index
  %r = scf.if %isz -> (tensor<4xi32>) {
    scf.yield %x : tensor<4xi32>
  } else {
    %m = arith.subi %n, %c1 : index
    %one = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
    %y = arith.addi %x, %one : tensor<4xi32>
    %z = func.call @odd(%y, %m) : (tensor<4xi32>, index) -> tensor<4xi32>
    scf.yield %z : tensor<4xi32>
  }
  return %r : tensor<4xi32>
}
func.func private @odd(%x: tensor<4xi32>, %n: index) -> tensor<4xi32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %xa = hspmd.annotate %x as #hspmd.sharding<[1, 2] : [partial = 2]> : tensor<4xi32>
  %isz = arith.cmpi eq, %n, %c0 : index
  %r = scf.if %isz -> (tensor<4xi32>) {
    scf.yield %xa : tensor<4xi32>
  } else {
    %m = arith.subi %n, %c1 : index
    %two = arith.constant dense<[10, 0, 10, 0]> : tensor<4xi32>
    %y = arith.addi %xa, %two : tensor<4xi32>
    %z = func.call @even(%y, %m) : (tensor<4xi32>, index) -> tensor<4xi32>
    scf.yield %z : tensor<4xi32>
  }
  return %r : tensor<4xi32>
}
func.func @main() {
  %c4 = arith.constant 4 : index
  %x0 = arith.constant dense<[1, -2, 5, 3]> : tensor<4xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xi32>
  %r = call @even(%x, %c4) : (tensor<4xi32>, index) -> tensor<4xi32>
  %b = bufferization.to_buffer %r : tensor<4xi32> to memref<4xi32>
  %u = memref.cast %b : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
