// One value annotated three ways (row-split on [2, 0, 1], column-split on
// [1, 2], partial over all three) and all three used together (3 ranks);
// an annotated value annotated again, and the unannotated original used
// alongside. max(partial - split, partial) needs both reduced.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %g_e = tensor.empty() : tensor<6x6xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%g_e : tensor<6x6xf32>) {
  ^bb0(%o5: f32):
    %acc5_0 = arith.constant 0 : index
    %ix5_0 = linalg.index 0 : index
    %cc5_0 = arith.constant 4 : index
    %m5_0 = arith.muli %ix5_0, %cc5_0 : index
    %acc5_1 = arith.addi %acc5_0, %m5_0 : index
    %ix5_1 = linalg.index 1 : index
    %cc5_1 = arith.constant 1 : index
    %m5_1 = arith.muli %ix5_1, %cc5_1 : index
    %acc5_2 = arith.addi %acc5_1, %m5_1 : index
    %md5 = arith.constant 9 : index
    %r5 = arith.remui %acc5_2, %md5 : index
    %i5 = arith.index_cast %r5 : index to i32
    %of5 = arith.constant 4 : i32
    %s5 = arith.subi %i5, %of5 : i32
    %v5 = arith.sitofp %s5 : i32 to f32
    linalg.yield %v5 : f32
  } -> tensor<6x6xf32>
  %r = hspmd.annotate %g as #hspmd.sharding<[2, 0, 1] : [d0 = 3]> : tensor<6x6xf32>
  %c = hspmd.annotate %g as #hspmd.sharding<[1, 2] : [d1 = 2]> : tensor<6x6xf32>
  %p = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2] : [partial = 3]> : tensor<6x6xf32>
  %s = arith.addf %r, %c : tensor<6x6xf32>
  %e = tensor.empty() : tensor<6x6xf32>
  %t = linalg.transpose ins(%c : tensor<6x6xf32>) outs(%e : tensor<6x6xf32>) permutation = [1, 0]
  %u = arith.mulf %t, %r : tensor<6x6xf32>
  %v = arith.subf %p, %s : tensor<6x6xf32>
  %w = arith.maximumf %v, %p : tensor<6x6xf32>
  %r2 = hspmd.annotate %r as #hspmd.sharding<[0, 1, 2] : [d1 = 3]> : tensor<6x6xf32>
  %x = arith.addf %r2, %g : tensor<6x6xf32>
  %pb6 = bufferization.to_buffer %u : tensor<6x6xf32> to memref<6x6xf32>
  %pc6 = memref.cast %pb6 : memref<6x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc6) : (memref<*xf32>) -> ()
  %pb7 = bufferization.to_buffer %w : tensor<6x6xf32> to memref<6x6xf32>
  %pc7 = memref.cast %pb7 : memref<6x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc7) : (memref<*xf32>) -> ()
  %pb8 = bufferization.to_buffer %x : tensor<6x6xf32> to memref<6x6xf32>
  %pc8 = memref.cast %pb8 : memref<6x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc8) : (memref<*xf32>) -> ()
  return
}
