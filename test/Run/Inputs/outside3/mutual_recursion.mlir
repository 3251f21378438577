// mutual recursion even/odd with tensor args, annotations inside the bodies (hetero d0 and partial), no signature shardings.
#s = #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 1] : [d0 = 2], [2] : []]>
#t = #hspmd.sharding<[1, 2] : [partial = 2]>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @even(%x: tensor<6xf32>, %n: index) -> tensor<6xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.cmpi eq, %n, %c0 : index
  %r = scf.if %z -> tensor<6xf32> {
    scf.yield %x : tensor<6xf32>
  } else {
    %h = arith.constant dense<[1.0, 2.0, 0.5, 1.0, 2.0, -1.0]> : tensor<6xf32>
    %y = arith.mulf %x, %h : tensor<6xf32>
    %ya = hspmd.annotate %y as #s : tensor<6xf32>
    %n1 = arith.subi %n, %c1 : index
    %w = func.call @odd(%ya, %n1) : (tensor<6xf32>, index) -> tensor<6xf32>
    scf.yield %w : tensor<6xf32>
  }
  return %r : tensor<6xf32>
}
func.func private @odd(%x: tensor<6xf32>, %n: index) -> tensor<6xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.cmpi eq, %n, %c0 : index
  %r = scf.if %z -> tensor<6xf32> {
    scf.yield %x : tensor<6xf32>
  } else {
    %h = arith.constant dense<1.0> : tensor<6xf32>
    %y = arith.addf %x, %h : tensor<6xf32>
    %ya = hspmd.annotate %y as #t : tensor<6xf32>
    %n1 = arith.subi %n, %c1 : index
    %w = func.call @even(%ya, %n1) : (tensor<6xf32>, index) -> tensor<6xf32>
    %w2 = arith.addf %w, %x : tensor<6xf32>
    scf.yield %w2 : tensor<6xf32>
  }
  return %r : tensor<6xf32>
}
func.func @main() {
  %c5 = arith.constant 5 : index
  %v0 = arith.constant dense<[3.0, -1.0, 4.0, 1.0, -5.0, 9.0]> : tensor<6xf32>
  %r = call @even(%v0, %c5) : (tensor<6xf32>, index) -> tensor<6xf32>
  %b = bufferization.to_buffer %r : tensor<6xf32> to memref<6xf32>
  %u = memref.cast %b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
