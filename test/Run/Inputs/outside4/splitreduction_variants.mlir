// non-sum reductions split in two: min with dup axis and non-neutral split init, transposed-input max, integer xor / minui / product with a pre-op, reduced dim split with another split dim.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c = arith.constant 7 : index
    %s = arith.muli %i, %c : index
    %c3 = arith.constant 3 : index
    %t = arith.muli %j, %c3 : index
    %s2 = arith.addi %s, %t : index
    %c11 = arith.constant 11 : index
    %s3 = arith.remui %s2, %c11 : index
    %ii = arith.index_cast %s3 : index to i64
    %f = arith.sitofp %ii : i64 to f32
    tensor.yield %f : f32
  } : tensor<8x6xf32>
  %xi = arith.fptosi %x : tensor<8x6xf32> to tensor<8x6xi32>
  // (a) reduce over dim 0, split d0 with a dup axis
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d0 = 2]> : tensor<8x6xf32>
  %init = arith.constant dense<[3.0, 3.0, 3.0, 3.0, 3.0, 3.0]> : tensor<6xf32>
  %ia = hspmd.annotate %init as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<6xf32>
  %r1 = linalg.reduce ins(%xa : tensor<8x6xf32>) outs(%ia : tensor<6xf32>) dimensions = [0]
    (%a: f32, %o: f32) {
      %m = arith.minimumf %a, %o : f32
      linalg.yield %m : f32
    }
  %b1 = bufferization.to_buffer %r1 : tensor<6xf32> to memref<6xf32>
  %c1 = memref.cast %b1 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%c1) : (memref<*xf32>) -> ()
  // (b) transposed-input generic reducing input dim 0; output permuted-free
  %xb = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x6xf32>
  %ninf = arith.constant -1.0 : f32
  %e2 = tensor.empty() : tensor<6xf32>
  %f2 = linalg.fill ins(%ninf : f32) outs(%e2 : tensor<6xf32>) -> tensor<6xf32>
  %r2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%xb : tensor<8x6xf32>) outs(%f2 : tensor<6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.maximumf %a, %o : f32
    linalg.yield %m : f32
  } -> tensor<6xf32>
  %b2 = bufferization.to_buffer %r2 : tensor<6xf32> to memref<6xf32>
  %c2 = memref.cast %b2 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%c2) : (memref<*xf32>) -> ()
  // (c) integer product / xor / minui over split d1 with d0 also split
  %xc = hspmd.annotate %xi as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<8x6xi32>
  %one = arith.constant 1 : i32
  %e3 = tensor.empty() : tensor<8xi32>
  %f3 = linalg.fill ins(%one : i32) outs(%e3 : tensor<8xi32>) -> tensor<8xi32>
  %r3 = linalg.reduce ins(%xc : tensor<8x6xi32>) outs(%f3 : tensor<8xi32>) dimensions = [1]
    (%a: i32, %o: i32) {
      %m = arith.xori %a, %o : i32
      linalg.yield %m : i32
    }
  %b3 = bufferization.to_buffer %r3 : tensor<8xi32> to memref<8xi32>
  %c3 = memref.cast %b3 : memref<8xi32> to memref<*xi32>
  call @printMemrefI32(%c3) : (memref<*xi32>) -> ()
  %c100 = arith.constant 100 : i32
  %f4 = linalg.fill ins(%c100 : i32) outs(%e3 : tensor<8xi32>) -> tensor<8xi32>
  %r4 = linalg.reduce ins(%xc : tensor<8x6xi32>) outs(%f4 : tensor<8xi32>) dimensions = [1]
    (%a: i32, %o: i32) {
      %m = arith.minui %a, %o : i32
      linalg.yield %m : i32
    }
  %b4 = bufferization.to_buffer %r4 : tensor<8xi32> to memref<8xi32>
  %c4 = memref.cast %b4 : memref<8xi32> to memref<*xi32>
  call @printMemrefI32(%c4) : (memref<*xi32>) -> ()
  %r5 = linalg.reduce ins(%xc : tensor<8x6xi32>) outs(%f3 : tensor<8xi32>) dimensions = [1]
    (%a: i32, %o: i32) {
      %a1 = arith.addi %a, %one : i32
      %m = arith.muli %a1, %o : i32
      linalg.yield %m : i32
    }
  %b5 = bufferization.to_buffer %r5 : tensor<8xi32> to memref<8xi32>
  %c5 = memref.cast %b5 : memref<8xi32> to memref<*xi32>
  call @printMemrefI32(%c5) : (memref<*xi32>) -> ()
  return
}
