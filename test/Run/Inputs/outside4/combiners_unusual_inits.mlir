// linalg.reduce over a dim split [d1 = 4] with every combiner (maxsi/minsi/maxui/minui/andi/ori/xori/muli/addi,
// maximumf/minimumf/maxnumf(init NaN)/minnumf/mulf/addf) into non-neutral inits: the split-in-two path must apply the init once.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e0 = tensor.empty() : tensor<3x8xi32>
  %g1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e0 : tensor<3x8xi32>) {
  ^bb0(%o: i32):
    %acc_0 = arith.constant 0 : index
    %ix_0 = linalg.index 0 : index
    %cm_0 = arith.constant 3 : index
    %mm_0 = arith.muli %ix_0, %cm_0 : index
    %acc_1 = arith.addi %acc_0, %mm_0 : index
    %ix_1 = linalg.index 1 : index
    %cm_1 = arith.constant 5 : index
    %mm_1 = arith.muli %ix_1, %cm_1 : index
    %acc_2 = arith.addi %acc_1, %mm_1 : index
    %md = arith.constant 11 : index
    %rr = arith.remui %acc_2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 4 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.trunci %sv : i64 to i32
    linalg.yield %vv : i32
  } -> tensor<3x8xi32>
  %a2 = hspmd.annotate %g1 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<3x8xi32>
  %c4 = arith.constant 3 : i32
  %e3 = tensor.empty() : tensor<3xi32>
  %f5 = linalg.fill ins(%c4 : i32) outs(%e3 : tensor<3xi32>) -> tensor<3xi32>
  %r6 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f5 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.maxsi %in, %acc : i32
      linalg.yield %t : i32
    }
  %b7 = bufferization.to_buffer %r6 : tensor<3xi32> to memref<3xi32>
  %u8 = memref.cast %b7 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u8) : (memref<*xi32>) -> ()
  %c10 = arith.constant -1 : i32
  %e9 = tensor.empty() : tensor<3xi32>
  %f11 = linalg.fill ins(%c10 : i32) outs(%e9 : tensor<3xi32>) -> tensor<3xi32>
  %r12 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f11 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.minsi %in, %acc : i32
      linalg.yield %t : i32
    }
  %b13 = bufferization.to_buffer %r12 : tensor<3xi32> to memref<3xi32>
  %u14 = memref.cast %b13 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u14) : (memref<*xi32>) -> ()
  %c16 = arith.constant 2 : i32
  %e15 = tensor.empty() : tensor<3xi32>
  %f17 = linalg.fill ins(%c16 : i32) outs(%e15 : tensor<3xi32>) -> tensor<3xi32>
  %r18 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f17 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.maxui %in, %acc : i32
      linalg.yield %t : i32
    }
  %b19 = bufferization.to_buffer %r18 : tensor<3xi32> to memref<3xi32>
  %u20 = memref.cast %b19 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u20) : (memref<*xi32>) -> ()
  %c22 = arith.constant 3 : i32
  %e21 = tensor.empty() : tensor<3xi32>
  %f23 = linalg.fill ins(%c22 : i32) outs(%e21 : tensor<3xi32>) -> tensor<3xi32>
  %r24 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f23 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.minui %in, %acc : i32
      linalg.yield %t : i32
    }
  %b25 = bufferization.to_buffer %r24 : tensor<3xi32> to memref<3xi32>
  %u26 = memref.cast %b25 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u26) : (memref<*xi32>) -> ()
  %c28 = arith.constant 6 : i32
  %e27 = tensor.empty() : tensor<3xi32>
  %f29 = linalg.fill ins(%c28 : i32) outs(%e27 : tensor<3xi32>) -> tensor<3xi32>
  %r30 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f29 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.andi %in, %acc : i32
      linalg.yield %t : i32
    }
  %b31 = bufferization.to_buffer %r30 : tensor<3xi32> to memref<3xi32>
  %u32 = memref.cast %b31 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u32) : (memref<*xi32>) -> ()
  %c34 = arith.constant 8 : i32
  %e33 = tensor.empty() : tensor<3xi32>
  %f35 = linalg.fill ins(%c34 : i32) outs(%e33 : tensor<3xi32>) -> tensor<3xi32>
  %r36 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f35 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.ori %in, %acc : i32
      linalg.yield %t : i32
    }
  %b37 = bufferization.to_buffer %r36 : tensor<3xi32> to memref<3xi32>
  %u38 = memref.cast %b37 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u38) : (memref<*xi32>) -> ()
  %c40 = arith.constant 5 : i32
  %e39 = tensor.empty() : tensor<3xi32>
  %f41 = linalg.fill ins(%c40 : i32) outs(%e39 : tensor<3xi32>) -> tensor<3xi32>
  %r42 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f41 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.xori %in, %acc : i32
      linalg.yield %t : i32
    }
  %b43 = bufferization.to_buffer %r42 : tensor<3xi32> to memref<3xi32>
  %u44 = memref.cast %b43 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u44) : (memref<*xi32>) -> ()
  %c46 = arith.constant 3 : i32
  %e45 = tensor.empty() : tensor<3xi32>
  %f47 = linalg.fill ins(%c46 : i32) outs(%e45 : tensor<3xi32>) -> tensor<3xi32>
  %r48 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f47 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.muli %in, %acc : i32
      linalg.yield %t : i32
    }
  %b49 = bufferization.to_buffer %r48 : tensor<3xi32> to memref<3xi32>
  %u50 = memref.cast %b49 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u50) : (memref<*xi32>) -> ()
  %c52 = arith.constant 7 : i32
  %e51 = tensor.empty() : tensor<3xi32>
  %f53 = linalg.fill ins(%c52 : i32) outs(%e51 : tensor<3xi32>) -> tensor<3xi32>
  %r54 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f53 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.addi %in, %acc : i32
      linalg.yield %t : i32
    }
  %b55 = bufferization.to_buffer %r54 : tensor<3xi32> to memref<3xi32>
  %u56 = memref.cast %b55 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u56) : (memref<*xi32>) -> ()
  %c58 = arith.constant -1 : i32
  %e57 = tensor.empty() : tensor<3xi32>
  %f59 = linalg.fill ins(%c58 : i32) outs(%e57 : tensor<3xi32>) -> tensor<3xi32>
  %r60 = linalg.reduce ins(%a2 : tensor<3x8xi32>) outs(%f59 : tensor<3xi32>) dimensions = [1]
    (%in: i32, %acc: i32) {
      %t = arith.muli %in, %acc : i32
      linalg.yield %t : i32
    }
  %b61 = bufferization.to_buffer %r60 : tensor<3xi32> to memref<3xi32>
  %u62 = memref.cast %b61 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%u62) : (memref<*xi32>) -> ()
  %e63 = tensor.empty() : tensor<3x8xf32>
  %g64 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e63 : tensor<3x8xf32>) {
  ^bb0(%o: f32):
    %acc_0 = arith.constant 0 : index
    %ix_0 = linalg.index 0 : index
    %cm_0 = arith.constant 3 : index
    %mm_0 = arith.muli %ix_0, %cm_0 : index
    %acc_1 = arith.addi %acc_0, %mm_0 : index
    %ix_1 = linalg.index 1 : index
    %cm_1 = arith.constant 5 : index
    %mm_1 = arith.muli %ix_1, %cm_1 : index
    %acc_2 = arith.addi %acc_1, %mm_1 : index
    %md = arith.constant 11 : index
    %rr = arith.remui %acc_2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 4 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<3x8xf32>
  %a65 = hspmd.annotate %g64 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<3x8xf32>
  %c67 = arith.constant 3.0 : f32
  %e66 = tensor.empty() : tensor<3xf32>
  %f68 = linalg.fill ins(%c67 : f32) outs(%e66 : tensor<3xf32>) -> tensor<3xf32>
  %r69 = linalg.reduce ins(%a65 : tensor<3x8xf32>) outs(%f68 : tensor<3xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.maximumf %acc, %in : f32
      linalg.yield %t : f32
    }
  %b70 = bufferization.to_buffer %r69 : tensor<3xf32> to memref<3xf32>
  %u71 = memref.cast %b70 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u71) : (memref<*xf32>) -> ()
  %c73 = arith.constant -1.0 : f32
  %e72 = tensor.empty() : tensor<3xf32>
  %f74 = linalg.fill ins(%c73 : f32) outs(%e72 : tensor<3xf32>) -> tensor<3xf32>
  %r75 = linalg.reduce ins(%a65 : tensor<3x8xf32>) outs(%f74 : tensor<3xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.minimumf %acc, %in : f32
      linalg.yield %t : f32
    }
  %b76 = bufferization.to_buffer %r75 : tensor<3xf32> to memref<3xf32>
  %u77 = memref.cast %b76 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u77) : (memref<*xf32>) -> ()
  %c79 = arith.constant 0x7FC00000 : f32
  %e78 = tensor.empty() : tensor<3xf32>
  %f80 = linalg.fill ins(%c79 : f32) outs(%e78 : tensor<3xf32>) -> tensor<3xf32>
  %r81 = linalg.reduce ins(%a65 : tensor<3x8xf32>) outs(%f80 : tensor<3xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.maxnumf %acc, %in : f32
      linalg.yield %t : f32
    }
  %b82 = bufferization.to_buffer %r81 : tensor<3xf32> to memref<3xf32>
  %u83 = memref.cast %b82 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u83) : (memref<*xf32>) -> ()
  %c85 = arith.constant 2.0 : f32
  %e84 = tensor.empty() : tensor<3xf32>
  %f86 = linalg.fill ins(%c85 : f32) outs(%e84 : tensor<3xf32>) -> tensor<3xf32>
  %r87 = linalg.reduce ins(%a65 : tensor<3x8xf32>) outs(%f86 : tensor<3xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.minnumf %acc, %in : f32
      linalg.yield %t : f32
    }
  %b88 = bufferization.to_buffer %r87 : tensor<3xf32> to memref<3xf32>
  %u89 = memref.cast %b88 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u89) : (memref<*xf32>) -> ()
  %c91 = arith.constant 0.5 : f32
  %e90 = tensor.empty() : tensor<3xf32>
  %f92 = linalg.fill ins(%c91 : f32) outs(%e90 : tensor<3xf32>) -> tensor<3xf32>
  %r93 = linalg.reduce ins(%a65 : tensor<3x8xf32>) outs(%f92 : tensor<3xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.mulf %acc, %in : f32
      linalg.yield %t : f32
    }
  %b94 = bufferization.to_buffer %r93 : tensor<3xf32> to memref<3xf32>
  %u95 = memref.cast %b94 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u95) : (memref<*xf32>) -> ()
  %c97 = arith.constant -2.0 : f32
  %e96 = tensor.empty() : tensor<3xf32>
  %f98 = linalg.fill ins(%c97 : f32) outs(%e96 : tensor<3xf32>) -> tensor<3xf32>
  %r99 = linalg.reduce ins(%a65 : tensor<3x8xf32>) outs(%f98 : tensor<3xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.addf %acc, %in : f32
      linalg.yield %t : f32
    }
  %b100 = bufferization.to_buffer %r99 : tensor<3xf32> to memref<3xf32>
  %u101 = memref.cast %b100 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u101) : (memref<*xf32>) -> ()
  return
}
