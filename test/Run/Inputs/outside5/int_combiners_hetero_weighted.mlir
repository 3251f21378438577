// The same integer combiners over a dim split unevenly (hetero = d1, weights = [1, 2]): gathered whole.
// (outside5.test)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x0 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi32>
  %a0 = hspmd.annotate %x0 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi32>
  %c0 = arith.constant 7 : i32
  %e0 = tensor.empty() : tensor<2xi32>
  %f0 = linalg.fill ins(%c0 : i32) outs(%e0 : tensor<2xi32>) -> tensor<2xi32>
  %r0 = linalg.reduce ins(%a0 : tensor<2x24xi32>) outs(%f0 : tensor<2xi32>) dimensions = [1]
    (%in: i32, %acc: i32) { %t = arith.maxsi %in, %acc : i32
      linalg.yield %t : i32 }
  %w0 = tensor.cast %r0 : tensor<2xi32> to tensor<2xi32>
  %b0 = bufferization.to_buffer %w0 : tensor<2xi32> to memref<2xi32>
  %u0 = memref.cast %b0 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u0) : (memref<*xi32>) -> ()
  %x1 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi32>
  %a1 = hspmd.annotate %x1 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi32>
  %c1 = arith.constant 7 : i32
  %e1 = tensor.empty() : tensor<2xi32>
  %f1 = linalg.fill ins(%c1 : i32) outs(%e1 : tensor<2xi32>) -> tensor<2xi32>
  %r1 = linalg.reduce ins(%a1 : tensor<2x24xi32>) outs(%f1 : tensor<2xi32>) dimensions = [1]
    (%in: i32, %acc: i32) { %t = arith.minsi %in, %acc : i32
      linalg.yield %t : i32 }
  %w1 = tensor.cast %r1 : tensor<2xi32> to tensor<2xi32>
  %b1 = bufferization.to_buffer %w1 : tensor<2xi32> to memref<2xi32>
  %u1 = memref.cast %b1 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
  %x2 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi32>
  %a2 = hspmd.annotate %x2 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi32>
  %c2 = arith.constant 0 : i32
  %e2 = tensor.empty() : tensor<2xi32>
  %f2 = linalg.fill ins(%c2 : i32) outs(%e2 : tensor<2xi32>) -> tensor<2xi32>
  %r2 = linalg.reduce ins(%a2 : tensor<2x24xi32>) outs(%f2 : tensor<2xi32>) dimensions = [1]
    (%in: i32, %acc: i32) { %t = arith.maxui %in, %acc : i32
      linalg.yield %t : i32 }
  %w2 = tensor.cast %r2 : tensor<2xi32> to tensor<2xi32>
  %b2 = bufferization.to_buffer %w2 : tensor<2xi32> to memref<2xi32>
  %u2 = memref.cast %b2 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
  %x3 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi32>
  %a3 = hspmd.annotate %x3 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi32>
  %c3 = arith.constant -1 : i32
  %e3 = tensor.empty() : tensor<2xi32>
  %f3 = linalg.fill ins(%c3 : i32) outs(%e3 : tensor<2xi32>) -> tensor<2xi32>
  %r3 = linalg.reduce ins(%a3 : tensor<2x24xi32>) outs(%f3 : tensor<2xi32>) dimensions = [1]
    (%in: i32, %acc: i32) { %t = arith.minui %in, %acc : i32
      linalg.yield %t : i32 }
  %w3 = tensor.cast %r3 : tensor<2xi32> to tensor<2xi32>
  %b3 = bufferization.to_buffer %w3 : tensor<2xi32> to memref<2xi32>
  %u3 = memref.cast %b3 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u3) : (memref<*xi32>) -> ()
  %x4 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi32>
  %a4 = hspmd.annotate %x4 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi32>
  %c4 = arith.constant 1 : i32
  %e4 = tensor.empty() : tensor<2xi32>
  %f4 = linalg.fill ins(%c4 : i32) outs(%e4 : tensor<2xi32>) -> tensor<2xi32>
  %r4 = linalg.reduce ins(%a4 : tensor<2x24xi32>) outs(%f4 : tensor<2xi32>) dimensions = [1]
    (%in: i32, %acc: i32) { %t = arith.muli %in, %acc : i32
      linalg.yield %t : i32 }
  %w4 = tensor.cast %r4 : tensor<2xi32> to tensor<2xi32>
  %b4 = bufferization.to_buffer %w4 : tensor<2xi32> to memref<2xi32>
  %u4 = memref.cast %b4 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u4) : (memref<*xi32>) -> ()
  %x5 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi32>
  %a5 = hspmd.annotate %x5 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi32>
  %c5 = arith.constant -1 : i32
  %e5 = tensor.empty() : tensor<2xi32>
  %f5 = linalg.fill ins(%c5 : i32) outs(%e5 : tensor<2xi32>) -> tensor<2xi32>
  %r5 = linalg.reduce ins(%a5 : tensor<2x24xi32>) outs(%f5 : tensor<2xi32>) dimensions = [1]
    (%in: i32, %acc: i32) { %t = arith.andi %in, %acc : i32
      linalg.yield %t : i32 }
  %w5 = tensor.cast %r5 : tensor<2xi32> to tensor<2xi32>
  %b5 = bufferization.to_buffer %w5 : tensor<2xi32> to memref<2xi32>
  %u5 = memref.cast %b5 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u5) : (memref<*xi32>) -> ()
  %x6 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi32>
  %a6 = hspmd.annotate %x6 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi32>
  %c6 = arith.constant 0 : i32
  %e6 = tensor.empty() : tensor<2xi32>
  %f6 = linalg.fill ins(%c6 : i32) outs(%e6 : tensor<2xi32>) -> tensor<2xi32>
  %r6 = linalg.reduce ins(%a6 : tensor<2x24xi32>) outs(%f6 : tensor<2xi32>) dimensions = [1]
    (%in: i32, %acc: i32) { %t = arith.ori %in, %acc : i32
      linalg.yield %t : i32 }
  %w6 = tensor.cast %r6 : tensor<2xi32> to tensor<2xi32>
  %b6 = bufferization.to_buffer %w6 : tensor<2xi32> to memref<2xi32>
  %u6 = memref.cast %b6 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u6) : (memref<*xi32>) -> ()
  %x7 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi32>
  %a7 = hspmd.annotate %x7 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi32>
  %c7 = arith.constant 0 : i32
  %e7 = tensor.empty() : tensor<2xi32>
  %f7 = linalg.fill ins(%c7 : i32) outs(%e7 : tensor<2xi32>) -> tensor<2xi32>
  %r7 = linalg.reduce ins(%a7 : tensor<2x24xi32>) outs(%f7 : tensor<2xi32>) dimensions = [1]
    (%in: i32, %acc: i32) { %t = arith.xori %in, %acc : i32
      linalg.yield %t : i32 }
  %w7 = tensor.cast %r7 : tensor<2xi32> to tensor<2xi32>
  %b7 = bufferization.to_buffer %w7 : tensor<2xi32> to memref<2xi32>
  %u7 = memref.cast %b7 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u7) : (memref<*xi32>) -> ()
  %x8 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi8>
  %a8 = hspmd.annotate %x8 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi8>
  %c8 = arith.constant 0 : i8
  %e8 = tensor.empty() : tensor<2xi8>
  %f8 = linalg.fill ins(%c8 : i8) outs(%e8 : tensor<2xi8>) -> tensor<2xi8>
  %r8 = linalg.reduce ins(%a8 : tensor<2x24xi8>) outs(%f8 : tensor<2xi8>) dimensions = [1]
    (%in: i8, %acc: i8) { %t = arith.maxsi %in, %acc : i8
      linalg.yield %t : i8 }
  %w8 = arith.extsi %r8 : tensor<2xi8> to tensor<2xi32>
  %b8 = bufferization.to_buffer %w8 : tensor<2xi32> to memref<2xi32>
  %u8 = memref.cast %b8 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u8) : (memref<*xi32>) -> ()
  %x9 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi8>
  %a9 = hspmd.annotate %x9 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi8>
  %c9 = arith.constant 5 : i8
  %e9 = tensor.empty() : tensor<2xi8>
  %f9 = linalg.fill ins(%c9 : i8) outs(%e9 : tensor<2xi8>) -> tensor<2xi8>
  %r9 = linalg.reduce ins(%a9 : tensor<2x24xi8>) outs(%f9 : tensor<2xi8>) dimensions = [1]
    (%in: i8, %acc: i8) { %t = arith.minui %in, %acc : i8
      linalg.yield %t : i8 }
  %w9 = arith.extsi %r9 : tensor<2xi8> to tensor<2xi32>
  %b9 = bufferization.to_buffer %w9 : tensor<2xi32> to memref<2xi32>
  %u9 = memref.cast %b9 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u9) : (memref<*xi32>) -> ()
  %x10 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi8>
  %a10 = hspmd.annotate %x10 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi8>
  %c10 = arith.constant 3 : i8
  %e10 = tensor.empty() : tensor<2xi8>
  %f10 = linalg.fill ins(%c10 : i8) outs(%e10 : tensor<2xi8>) -> tensor<2xi8>
  %r10 = linalg.reduce ins(%a10 : tensor<2x24xi8>) outs(%f10 : tensor<2xi8>) dimensions = [1]
    (%in: i8, %acc: i8) { %t = arith.maxui %in, %acc : i8
      linalg.yield %t : i8 }
  %w10 = arith.extsi %r10 : tensor<2xi8> to tensor<2xi32>
  %b10 = bufferization.to_buffer %w10 : tensor<2xi32> to memref<2xi32>
  %u10 = memref.cast %b10 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u10) : (memref<*xi32>) -> ()
  %x11 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi8>
  %a11 = hspmd.annotate %x11 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi8>
  %c11 = arith.constant 3 : i8
  %e11 = tensor.empty() : tensor<2xi8>
  %f11 = linalg.fill ins(%c11 : i8) outs(%e11 : tensor<2xi8>) -> tensor<2xi8>
  %r11 = linalg.reduce ins(%a11 : tensor<2x24xi8>) outs(%f11 : tensor<2xi8>) dimensions = [1]
    (%in: i8, %acc: i8) { %t = arith.muli %in, %acc : i8
      linalg.yield %t : i8 }
  %w11 = arith.extsi %r11 : tensor<2xi8> to tensor<2xi32>
  %b11 = bufferization.to_buffer %w11 : tensor<2xi32> to memref<2xi32>
  %u11 = memref.cast %b11 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u11) : (memref<*xi32>) -> ()
  %x12 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi8>
  %a12 = hspmd.annotate %x12 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi8>
  %c12 = arith.constant 5 : i8
  %e12 = tensor.empty() : tensor<2xi8>
  %f12 = linalg.fill ins(%c12 : i8) outs(%e12 : tensor<2xi8>) -> tensor<2xi8>
  %r12 = linalg.reduce ins(%a12 : tensor<2x24xi8>) outs(%f12 : tensor<2xi8>) dimensions = [1]
    (%in: i8, %acc: i8) { %t = arith.addi %in, %acc : i8
      linalg.yield %t : i8 }
  %w12 = arith.extsi %r12 : tensor<2xi8> to tensor<2xi32>
  %b12 = bufferization.to_buffer %w12 : tensor<2xi32> to memref<2xi32>
  %u12 = memref.cast %b12 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u12) : (memref<*xi32>) -> ()
  %x13 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi8>
  %a13 = hspmd.annotate %x13 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi8>
  %c13 = arith.constant 0 : i8
  %e13 = tensor.empty() : tensor<2xi8>
  %f13 = linalg.fill ins(%c13 : i8) outs(%e13 : tensor<2xi8>) -> tensor<2xi8>
  %r13 = linalg.reduce ins(%a13 : tensor<2x24xi8>) outs(%f13 : tensor<2xi8>) dimensions = [1]
    (%in: i8, %acc: i8) { %t = arith.xori %in, %acc : i8
      linalg.yield %t : i8 }
  %w13 = arith.extsi %r13 : tensor<2xi8> to tensor<2xi32>
  %b13 = bufferization.to_buffer %w13 : tensor<2xi32> to memref<2xi32>
  %u13 = memref.cast %b13 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u13) : (memref<*xi32>) -> ()
  %x14 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi16>
  %a14 = hspmd.annotate %x14 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi16>
  %c14 = arith.constant 0 : i16
  %e14 = tensor.empty() : tensor<2xi16>
  %f14 = linalg.fill ins(%c14 : i16) outs(%e14 : tensor<2xi16>) -> tensor<2xi16>
  %r14 = linalg.reduce ins(%a14 : tensor<2x24xi16>) outs(%f14 : tensor<2xi16>) dimensions = [1]
    (%in: i16, %acc: i16) { %t = arith.minsi %in, %acc : i16
      linalg.yield %t : i16 }
  %w14 = arith.extsi %r14 : tensor<2xi16> to tensor<2xi32>
  %b14 = bufferization.to_buffer %w14 : tensor<2xi32> to memref<2xi32>
  %u14 = memref.cast %b14 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u14) : (memref<*xi32>) -> ()
  %x15 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi16>
  %a15 = hspmd.annotate %x15 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi16>
  %c15 = arith.constant 1 : i16
  %e15 = tensor.empty() : tensor<2xi16>
  %f15 = linalg.fill ins(%c15 : i16) outs(%e15 : tensor<2xi16>) -> tensor<2xi16>
  %r15 = linalg.reduce ins(%a15 : tensor<2x24xi16>) outs(%f15 : tensor<2xi16>) dimensions = [1]
    (%in: i16, %acc: i16) { %t = arith.muli %in, %acc : i16
      linalg.yield %t : i16 }
  %w15 = arith.extsi %r15 : tensor<2xi16> to tensor<2xi32>
  %b15 = bufferization.to_buffer %w15 : tensor<2xi32> to memref<2xi32>
  %u15 = memref.cast %b15 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u15) : (memref<*xi32>) -> ()
  %x16 = arith.constant dense<[[-11,3,-6,-1,-1,-10,4,-5,9,3,-9,5,-4,10,1,-8,6,-3,11,2,-7,7,-2,-11],[3,-9,5,-4,10,-128,-8,127,-3,11,2,-7,7,-2,-11,3,-6,8,-1,-10,4,-5,9,3]]> : tensor<2x24xi8>
  %a16 = hspmd.annotate %x16 as #hspmd.sharding<hetero = d1, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]> : tensor<2x24xi8>
  %c16 = arith.constant -2 : i8
  %e16 = tensor.empty() : tensor<2xi8>
  %f16 = linalg.fill ins(%c16 : i8) outs(%e16 : tensor<2xi8>) -> tensor<2xi8>
  %r16 = linalg.reduce ins(%a16 : tensor<2x24xi8>) outs(%f16 : tensor<2xi8>) dimensions = [1]
    (%in: i8, %acc: i8) { %t = arith.andi %in, %acc : i8
      linalg.yield %t : i8 }
  %w16 = arith.extsi %r16 : tensor<2xi8> to tensor<2xi32>
  %b16 = bufferization.to_buffer %w16 : tensor<2xi32> to memref<2xi32>
  %u16 = memref.cast %b16 : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u16) : (memref<*xi32>) -> ()
  return
}
