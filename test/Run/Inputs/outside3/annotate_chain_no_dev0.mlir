// One value annotated 4 times in a row (device 5 alone, partial on [6,7], weighted hetero d1, hetero partial), then 3 explicit reshards, all on devices excluding 0, then printed; the original annotated twice ([3] and [4,3]:[d0=2]) and multiplied.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a_e1 = tensor.empty() : tensor<4x6xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e1 : tensor<4x6xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 1 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 3 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 2 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %md1 = arith.constant 7 : index
    %r1 = arith.remui %acc1_2, %md1 : index
    %i1 = arith.index_cast %r1 : index to i64
    %of1 = arith.constant 3 : i64
    %s1 = arith.subi %i1, %of1 : i64
    %v1 = arith.sitofp %s1 : i64 to f32
    linalg.yield %v1 : f32
  } -> tensor<4x6xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[5] : []> : tensor<4x6xf32>
  %a2 = hspmd.annotate %a1 as #hspmd.sharding<[6, 7] : [partial = 2]> : tensor<4x6xf32>
  %a3 = hspmd.annotate %a2 as #hspmd.sharding<hetero = d1, weights = [2, 1], groups = [[7, 5] : [d0 = 2], [6] : []]> : tensor<4x6xf32>
  %a4 = hspmd.annotate %a3 as #hspmd.sharding<hetero = partial, groups = [[5, 6] : [d1 = 2], [7] : []]> : tensor<4x6xf32>
  %a5 = hspmd.reshard %a4 to #hspmd.sharding<[7, 6, 5] : [d1 = 3]> : tensor<4x6xf32>
  %a6 = hspmd.reshard %a5 to #hspmd.sharding<[6, 5] : [partial = 2]> : tensor<4x6xf32>
  %a7 = hspmd.reshard %a6 to #hspmd.sharding<hetero = dup, groups = [[5, 6] : [partial = 2], [7] : []]> : tensor<4x6xf32>
  %x = arith.addf %a7, %a7 : tensor<4x6xf32>
  %b1 = hspmd.annotate %a as #hspmd.sharding<[3] : []> : tensor<4x6xf32>
  %b2 = hspmd.annotate %a as #hspmd.sharding<[4, 3] : [d0 = 2]> : tensor<4x6xf32>
  %y = arith.mulf %b1, %b2 : tensor<4x6xf32>
  %y1 = hspmd.reshard %y to #hspmd.sharding<[6, 7] : [d0 = 2]> : tensor<4x6xf32>
  %pb2 = bufferization.to_buffer %x : tensor<4x6xf32> to memref<4x6xf32>
  %pc2 = memref.cast %pb2 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  %pb3 = bufferization.to_buffer %y1 : tensor<4x6xf32> to memref<4x6xf32>
  %pc3 = memref.cast %pb3 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %a6 : tensor<4x6xf32> to memref<4x6xf32>
  %pc4 = memref.cast %pb4 : memref<4x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  return
}
