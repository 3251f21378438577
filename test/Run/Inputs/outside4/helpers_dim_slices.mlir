// private helper called twice with different shardings, returning two tensors; inside it tensor.dim of the (sharded) arg feeds a payload constant and a slice offset (global sizes needed).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @helper(%a: tensor<8x6xf32>, %b: tensor<6xf32>) -> (tensor<8x6xf32>, tensor<6xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %a, %c0 : tensor<8x6xf32>
  %m = tensor.dim %a, %c1 : tensor<8x6xf32>
  %nm = arith.muli %n, %m : index
  %ni = arith.index_cast %nm : index to i64
  %nf = arith.sitofp %ni : i64 to f32
  %e = tensor.empty() : tensor<8x6xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<8x6xf32>, tensor<6xf32>) outs(%e : tensor<8x6xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    %t = arith.addf %s, %nf : f32
    linalg.yield %t : f32
  } -> tensor<8x6xf32>
  %z = arith.constant 0.0 : f32
  %e2 = tensor.empty() : tensor<6xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<6xf32>) -> tensor<6xf32>
  %s = linalg.reduce ins(%r : tensor<8x6xf32>) outs(%f2 : tensor<6xf32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %q = arith.addf %x, %acc : f32
      linalg.yield %q : f32
    }
  // slice of rows n-3 .. n-1 (global!), inserted back at the top
  %c3 = arith.constant 3 : index
  %off = arith.subi %n, %c3 : index
  %sl = tensor.extract_slice %r[%off, 0] [3, 6] [1, 1] : tensor<8x6xf32> to tensor<3x6xf32>
  %ins = tensor.insert_slice %sl into %r[0, 0] [3, 6] [1, 1] : tensor<3x6xf32> into tensor<8x6xf32>
  return %ins, %s : tensor<8x6xf32>, tensor<6xf32>
}
func.func @main() {
  %x = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c = arith.constant 10 : index
    %s = arith.muli %i, %c : index
    %s2 = arith.addi %s, %j : index
    %ii = arith.index_cast %s2 : index to i64
    %f = arith.sitofp %ii : i64 to f32
    tensor.yield %f : f32
  } : tensor<8x6xf32>
  %v = arith.constant dense<[100.0, 200.0, 300.0, 400.0, 500.0, 600.0]> : tensor<6xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x6xf32>
  %va = hspmd.annotate %v as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<6xf32>
  %r1:2 = call @helper(%xa, %va) : (tensor<8x6xf32>, tensor<6xf32>) -> (tensor<8x6xf32>, tensor<6xf32>)
  %xb = hspmd.annotate %x as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[3] : [], [2, 1] : [d0 = 2]]> : tensor<8x6xf32>
  %vb = hspmd.annotate %v as #hspmd.sharding<[0, 1, 2] : [d0 = 3]> : tensor<6xf32>
  %r2:2 = call @helper(%xb, %vb) : (tensor<8x6xf32>, tensor<6xf32>) -> (tensor<8x6xf32>, tensor<6xf32>)
  %sum = arith.addf %r1#0, %r2#0 : tensor<8x6xf32>
  %sum2 = arith.subf %r1#1, %r2#1 : tensor<6xf32>
  %b = bufferization.to_buffer %sum : tensor<8x6xf32> to memref<8x6xf32>
  %c = memref.cast %b : memref<8x6xf32> to memref<*xf32>
  call @printMemrefF32(%c) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %r1#1 : tensor<6xf32> to memref<6xf32>
  %c2 = memref.cast %b2 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%c2) : (memref<*xf32>) -> ()
  %b3 = bufferization.to_buffer %sum2 : tensor<6xf32> to memref<6xf32>
  %c3 = memref.cast %b3 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%c3) : (memref<*xf32>) -> ()
  return
}
