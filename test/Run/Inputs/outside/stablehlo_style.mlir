// Patterns of StableHLO / JAX lowered to linalg (2 ranks): the init of a
// reduction is a 0-d tensor constant read with tensor.extract %t[] and
// broadcast by linalg.fill; linalg.map for elementwise ops (jnp.add,
// jnp.maximum) on split operands; linalg.reduce with arith.maximumf over a
// split dimension; tensor.from_elements building a small tensor from
// extracted scalars; tensor.generate (an op without a sharding rule) whose
// body reads two split tensors, at an index computed from tensor.dim of a
// split tensor. (A dynamically shaped tensor.generate fails to compile:
// see repro-dynamic-generate.mlir.)
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x6xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 7 : index
    %a = arith.muli %j, %c5 : index
    %s = arith.addi %a, %i : index
    %k = arith.remui %s, %c7 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x6xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x6xf32>
  %y = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x6xf32>
  %e1 = tensor.empty() : tensor<4x6xf32>
  %sum = linalg.map { arith.addf } ins(%x, %y : tensor<4x6xf32>, tensor<4x6xf32>) outs(%e1 : tensor<4x6xf32>)
  %e2 = tensor.empty() : tensor<4x6xf32>
  %mx = linalg.map { arith.maximumf } ins(%sum, %x : tensor<4x6xf32>, tensor<4x6xf32>) outs(%e2 : tensor<4x6xf32>)
  %init0 = arith.constant dense<0xFF800000> : tensor<f32>
  %iv = tensor.extract %init0[] : tensor<f32>
  %er = tensor.empty() : tensor<4xf32>
  %fr = linalg.fill ins(%iv : f32) outs(%er : tensor<4xf32>) -> tensor<4xf32>
  %red = linalg.reduce ins(%mx : tensor<4x6xf32>) outs(%fr : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.maximumf %in, %acc : f32
      linalg.yield %t : f32
    }
  %sinit0 = arith.constant dense<2.0> : tensor<f32>
  %sv = tensor.extract %sinit0[] : tensor<f32>
  %es = tensor.empty() : tensor<6xf32>
  %fs = linalg.fill ins(%sv : f32) outs(%es : tensor<6xf32>) -> tensor<6xf32>
  %csum = linalg.reduce ins(%sum : tensor<4x6xf32>) outs(%fs : tensor<6xf32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %t = arith.addf %in, %acc : f32
      linalg.yield %t : f32
    }
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %s0 = tensor.extract %x[%c3, %c5] : tensor<4x6xf32>
  %s1 = tensor.extract %y[%c3, %c0] : tensor<4x6xf32>
  %s2 = tensor.extract %red[%c1] : tensor<4xf32>
  %fe = tensor.from_elements %s0, %s1, %s2 : tensor<3xf32>
  %d1 = tensor.dim %x, %c1 : tensor<4x6xf32>
  %gen = tensor.generate {
  ^bb0(%j: index):
    %jd = arith.subi %d1, %j : index
    %jj = arith.subi %jd, %c1 : index
    %v = tensor.extract %y[%c3, %jj] : tensor<4x6xf32>
    %w = tensor.extract %x[%c0, %j] : tensor<4x6xf32>
    %r = arith.subf %v, %w : f32
    tensor.yield %r : f32
  } : tensor<6xf32>
  %gs = tensor.cast %gen : tensor<6xf32> to tensor<6xf32>
  %p0 = bufferization.to_buffer %mx : tensor<4x6xf32> to memref<4x6xf32>
  %q0 = memref.cast %p0 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %red : tensor<4xf32> to memref<4xf32>
  %q1 = memref.cast %p1 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %csum : tensor<6xf32> to memref<6xf32>
  %q2 = memref.cast %p2 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %fe : tensor<3xf32> to memref<3xf32>
  %q3 = memref.cast %p3 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  %p4 = bufferization.to_buffer %gs : tensor<6xf32> to memref<6xf32>
  %q4 = memref.cast %p4 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%q4) : (memref<*xf32>) -> ()
  return
}
