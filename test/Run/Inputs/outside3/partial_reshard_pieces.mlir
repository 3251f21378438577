// One reshard of a partial value over five devices to a split over
// others, as a random chain of reshards met it: the combine-first plan
// used to deal cells one at a time between devices of equal load, and the
// thousands of slices it wrote took minutes to bufferize (a compile that
// looked like a hang); it now compiles in seconds.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a_e1 = tensor.empty() : tensor<48x40xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e1 : tensor<48x40xf32>) {
  ^bb0(%Go1: f32):
    %Gacc1_0 = arith.constant 1 : index
    %Gix1_0 = linalg.index 0 : index
    %Gcc1_0 = arith.constant 3 : index
    %Gm1_0 = arith.muli %Gix1_0, %Gcc1_0 : index
    %Gacc1_1 = arith.addi %Gacc1_0, %Gm1_0 : index
    %Gix1_1 = linalg.index 1 : index
    %Gcc1_1 = arith.constant 2 : index
    %Gm1_1 = arith.muli %Gix1_1, %Gcc1_1 : index
    %Gacc1_2 = arith.addi %Gacc1_1, %Gm1_1 : index
    %Gmd1 = arith.constant 5 : index
    %Gr1 = arith.remui %Gacc1_2, %Gmd1 : index
    %Gi1 = arith.index_cast %Gr1 : index to i64
    %Gof1 = arith.constant 2 : i64
    %Gs1 = arith.subi %Gi1, %Gof1 : i64
    %Gv1 = arith.sitofp %Gs1 : i64 to f32
    linalg.yield %Gv1 : f32
  } -> tensor<48x40xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<hetero = d0, groups = [[7, 5, 4, 1, 3] : [partial = 5], [6, 2] : [d1 = 2]]> : tensor<48x40xf32>
  %a2 = arith.negf %a1 : tensor<48x40xf32>
  %a3 = hspmd.annotate %a2 as #hspmd.sharding<hetero = d0, groups = [[7, 5, 4, 1, 3] : [partial = 5], [6, 2] : [d1 = 2]]> : tensor<48x40xf32>
  %b = hspmd.reshard %a3 to #hspmd.sharding<[7, 2, 6, 4, 3] : [d1 = 5]> : tensor<48x40xf32>
  %pb2 = bufferization.to_buffer %b : tensor<48x40xf32> to memref<48x40xf32>
  %pc2 = memref.cast %pb2 : memref<48x40xf32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  return
}
