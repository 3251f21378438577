// helper with declared arg/result shardings called with the same value for two differently-sharded args, returning its arg and one value twice, inside a loop.
#a = #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 1] : [d1 = 2], [2] : []]>
#b = #hspmd.sharding<[3, 1] : [partial = 2]>
#c = #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[2] : [], [3, 0] : [d0 = 2]]>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @pair(%x: tensor<6x4xf32> {hspmd.sharding = #a}, %y: tensor<6x4xf32> {hspmd.sharding = #b}) -> (tensor<6x4xf32> {hspmd.sharding = #c}, tensor<6x4xf32>, tensor<6x4xf32> {hspmd.sharding = #b}) {
  %s = arith.subf %x, %y : tensor<6x4xf32>
  return %x, %s, %s : tensor<6x4xf32>, tensor<6x4xf32>, tensor<6x4xf32>
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[[1.0, 2.0, -1.0, 0.5], [0.0, -3.0, 2.0, 1.0], [1.5, 1.0, 1.0, -2.0], [2.0, 0.0, -1.0, 1.0], [-1.0, 1.0, 0.0, 3.0], [0.5, 0.5, 0.5, 0.5]]> : tensor<6x4xf32>
  %r:2 = scf.for %i = %c0 to %c3 step %c1 iter_args(%p = %x0, %q = %x0) -> (tensor<6x4xf32>, tensor<6x4xf32>) {
    %t:3 = func.call @pair(%p, %p) : (tensor<6x4xf32>, tensor<6x4xf32>) -> (tensor<6x4xf32>, tensor<6x4xf32>, tensor<6x4xf32>)
    %h = arith.constant dense<0.5> : tensor<6x4xf32>
    %u = arith.mulf %t#0, %h : tensor<6x4xf32>
    %v = arith.addf %u, %t#1 : tensor<6x4xf32>
    %w = arith.addf %v, %t#2 : tensor<6x4xf32>
    %z:3 = func.call @pair(%w, %q) : (tensor<6x4xf32>, tensor<6x4xf32>) -> (tensor<6x4xf32>, tensor<6x4xf32>, tensor<6x4xf32>)
    scf.yield %z#1, %z#0 : tensor<6x4xf32>, tensor<6x4xf32>
  }
  %d = arith.subf %r#0, %r#1 : tensor<6x4xf32>
  %b = bufferization.to_buffer %d : tensor<6x4xf32> to memref<6x4xf32>
  %u = memref.cast %b : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %r#1 : tensor<6x4xf32> to memref<6x4xf32>
  %u2 = memref.cast %b2 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
