// hetero=dup groups that split different dimensions ([d0=2], [d1=3], whole) through strided slices, pads on either dimension, concat, expand/collapse, annotated to other hetero=dup layouts.
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8x6xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%e : tensor<8x6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %m = arith.muli %i, %c10 : index
    %s = arith.addi %m, %j : index
    %ii = arith.index_cast %s : index to i64
    %f = arith.sitofp %ii : i64 to f32
    linalg.yield %f : f32
  } -> tensor<8x6xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = dup, groups = [[0, 1] : [d0 = 2], [2, 3, 4] : [d1 = 3], [5] : []]> : tensor<8x6xf32>
  %sl = tensor.extract_slice %xa[1, 0] [3, 6] [2, 1] : tensor<8x6xf32> to tensor<3x6xf32>
  %sl2 = tensor.extract_slice %xa[0, 1] [8, 2] [1, 2] : tensor<8x6xf32> to tensor<8x2xf32>
  %y = arith.mulf %xa, %xa : tensor<8x6xf32>
  %pv = arith.constant -1.0 : f32
  %pd = tensor.pad %y low[0, 1] high[0, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %pv : f32
  } : tensor<8x6xf32> to tensor<8x8xf32>
  %pd2 = tensor.pad %y low[2, 0] high[0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %pv : f32
  } : tensor<8x6xf32> to tensor<10x6xf32>
  %cc = tensor.concat dim(1) %pd, %sl2 : (tensor<8x8xf32>, tensor<8x2xf32>) -> tensor<8x10xf32>
  %cca = hspmd.annotate %cc as #hspmd.sharding<hetero = dup, groups = [[5, 4] : [d0 = 2], [3, 2, 1, 0] : [d1 = 2, d0 = 2]]> : tensor<8x10xf32>
  %ex = tensor.expand_shape %pd2 [[0, 1], [2]] output_shape [5, 2, 6] : tensor<10x6xf32> into tensor<5x2x6xf32>
  %ex2 = tensor.collapse_shape %ex [[0], [1, 2]] : tensor<5x2x6xf32> into tensor<5x12xf32>
  %ex2a = hspmd.annotate %ex2 as #hspmd.sharding<hetero = dup, groups = [[0] : [], [1, 2, 3, 4, 5] : [d0 = 5]]> : tensor<5x12xf32>
  %p1 = bufferization.to_buffer %cca : tensor<8x10xf32> to memref<8x10xf32>
  %q1 = memref.cast %p1 : memref<8x10xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %ex2a : tensor<5x12xf32> to memref<5x12xf32>
  %q2 = memref.cast %p2 : memref<5x12xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %sl : tensor<3x6xf32> to memref<3x6xf32>
  %q3 = memref.cast %p3 : memref<3x6xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  return
}
