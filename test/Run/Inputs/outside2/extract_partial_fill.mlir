// Scalars read with tensor.extract from a partial value (a matmul whose
// contraction is split over [4, 3, 2, 1, 0], 5 ranks) feed a linalg.fill
// annotated on [3, 4], a tensor.splat annotated on [2, 0], and a
// tensor.from_elements (with their product) annotated on [1, 2] and then
// transposed.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %g_e = tensor.empty() : tensor<5x10xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%g_e : tensor<5x10xf32>) {
  ^bb0(%o6: f32):
    %acc6_0 = arith.constant 0 : index
    %ix6_0 = linalg.index 0 : index
    %cc6_0 = arith.constant 2 : index
    %m6_0 = arith.muli %ix6_0, %cc6_0 : index
    %acc6_1 = arith.addi %acc6_0, %m6_0 : index
    %ix6_1 = linalg.index 1 : index
    %cc6_1 = arith.constant 3 : index
    %m6_1 = arith.muli %ix6_1, %cc6_1 : index
    %acc6_2 = arith.addi %acc6_1, %m6_1 : index
    %md6 = arith.constant 7 : index
    %r6 = arith.remui %acc6_2, %md6 : index
    %i6 = arith.index_cast %r6 : index to i32
    %of6 = arith.constant 3 : i32
    %s6 = arith.subi %i6, %of6 : i32
    %v6 = arith.sitofp %s6 : i32 to f32
    linalg.yield %v6 : f32
  } -> tensor<5x10xf32>
  %h_e = tensor.empty() : tensor<10x5xf32>
  %h = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%h_e : tensor<10x5xf32>) {
  ^bb0(%o7: f32):
    %acc7_0 = arith.constant 0 : index
    %ix7_0 = linalg.index 0 : index
    %cc7_0 = arith.constant 3 : index
    %m7_0 = arith.muli %ix7_0, %cc7_0 : index
    %acc7_1 = arith.addi %acc7_0, %m7_0 : index
    %ix7_1 = linalg.index 1 : index
    %cc7_1 = arith.constant 1 : index
    %m7_1 = arith.muli %ix7_1, %cc7_1 : index
    %acc7_2 = arith.addi %acc7_1, %m7_1 : index
    %md7 = arith.constant 5 : index
    %r7 = arith.remui %acc7_2, %md7 : index
    %i7 = arith.index_cast %r7 : index to i32
    %of7 = arith.constant 2 : i32
    %s7 = arith.subi %i7, %of7 : i32
    %v7 = arith.sitofp %s7 : i32 to f32
    linalg.yield %v7 : f32
  } -> tensor<10x5xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[4, 3, 2, 1, 0] : [d1 = 5]> : tensor<5x10xf32>
  %c_i_z = arith.constant 0.0 : f32
  %c_i_e = tensor.empty() : tensor<5x5xf32>
  %c_i = linalg.fill ins(%c_i_z : f32) outs(%c_i_e : tensor<5x5xf32>) -> tensor<5x5xf32>
  %c = linalg.matmul ins(%a, %h : tensor<5x10xf32>, tensor<10x5xf32>) outs(%c_i : tensor<5x5xf32>) -> tensor<5x5xf32>
  %i0 = arith.constant 0 : index
  %i1 = arith.constant 1 : index
  %i3 = arith.constant 3 : index
  %i4 = arith.constant 4 : index
  %x = tensor.extract %c[%i1, %i3] : tensor<5x5xf32>
  %y = tensor.extract %c[%i4, %i0] : tensor<5x5xf32>
  %fe = tensor.empty() : tensor<4x6xf32>
  %f = linalg.fill ins(%x : f32) outs(%fe : tensor<4x6xf32>) -> tensor<4x6xf32>
  %fa = hspmd.annotate %f as #hspmd.sharding<[3, 4] : [d1 = 2]> : tensor<4x6xf32>
  %sp = tensor.splat %y : tensor<4x6xf32>
  %spa = hspmd.annotate %sp as #hspmd.sharding<[2, 0] : [d0 = 2]> : tensor<4x6xf32>
  %s = arith.addf %fa, %spa : tensor<4x6xf32>
  %xy = arith.mulf %x, %y : f32
  %fr = tensor.from_elements %x, %y, %xy, %x : tensor<2x2xf32>
  %fra = hspmd.annotate %fr as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<2x2xf32>
  %e9 = tensor.empty() : tensor<2x2xf32>
  %tt = linalg.transpose ins(%fra : tensor<2x2xf32>) outs(%e9 : tensor<2x2xf32>) permutation = [1, 0]
  %pb8 = bufferization.to_buffer %c : tensor<5x5xf32> to memref<5x5xf32>
  %pc8 = memref.cast %pb8 : memref<5x5xf32> to memref<*xf32>
  call @printMemrefF32(%pc8) : (memref<*xf32>) -> ()
  %pb9 = bufferization.to_buffer %s : tensor<4x6xf32> to memref<4x6xf32>
  %pc9 = memref.cast %pb9 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc9) : (memref<*xf32>) -> ()
  %pb10 = bufferization.to_buffer %tt : tensor<2x2xf32> to memref<2x2xf32>
  %pc10 = memref.cast %pb10 : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%pc10) : (memref<*xf32>) -> ()
  return
}
