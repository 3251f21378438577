// Gradient accumulation in a partial = 4 tensor: scf.for over tokens reading a d0-split gradient row and an i32 
// label, adding into the partial accumulator with extract_slice / insert_slice at a data-dependent row 
// (re-annotated partial in the body); insert_slice and tensor.insert of whole values into a partial tensor, 
// annotated [partial = 2, d0 = 2], added to a d0-split value.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<8x4xf32>
  %dm = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<8x4xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 3 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 5 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 11 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 5 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.5 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<8x4xf32>
  %e2 = tensor.empty() : tensor<8xi32>
  %lab = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e2 : tensor<8xi32>) {
  ^bb0(%Zo: i32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 7 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zmd = arith.constant 4 : index
    %Zrr = arith.remui %Za1, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 0 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Ztv = arith.trunci %Zsv : i64 to i32
    linalg.yield %Ztv : i32
  } -> tensor<8xi32>
  %dma = hspmd.annotate %dm as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8x4xf32>
  %laba = hspmd.annotate %lab as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<8xi32>
  %zTB = arith.constant dense<0.0> : tensor<6x4xf32>
  %zTBa = hspmd.annotate %zTB as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<6x4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cN = arith.constant 8 : index
  %gt = scf.for %t = %c0 to %cN step %c1 iter_args(%acc = %zTBa) -> (tensor<6x4xf32>) {
    %tk = tensor.extract %laba[%t] : tensor<8xi32>
    %ti = arith.index_cast %tk : i32 to index
    %row = tensor.extract_slice %dma[%t, 0] [1, 4] [1, 1] : tensor<8x4xf32> to tensor<1x4xf32>
    %cur = tensor.extract_slice %acc[%ti, 0] [1, 4] [1, 1] : tensor<6x4xf32> to tensor<1x4xf32>
    %sum = arith.addf %row, %cur : tensor<1x4xf32>
    %nw = tensor.insert_slice %sum into %acc[%ti, 0] [1, 4] [1, 1] : tensor<1x4xf32> into tensor<6x4xf32>
    %nwa = hspmd.annotate %nw as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<6x4xf32>
    scf.yield %nwa : tensor<6x4xf32>
  }
  %gta = hspmd.annotate %gt as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<6x4xf32>
  %one = arith.constant dense<1.0> : tensor<1x4xf32>
  %p2 = tensor.insert_slice %one into %zTBa[2, 0] [1, 4] [1, 1] : tensor<1x4xf32> into tensor<6x4xf32>
  %fv = arith.constant 5.0 : f32
  %p3 = tensor.insert %fv into %p2[%c1, %c1] : tensor<6x4xf32>
  %p3a = hspmd.annotate %p3 as #hspmd.sharding<[0, 1, 2, 3] : [partial = 2, d0 = 2]> : tensor<6x4xf32>
  %p4 = arith.addf %p3a, %gta : tensor<6x4xf32>
  %p4a = hspmd.annotate %p4 as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<6x4xf32>

  %b3 = bufferization.to_buffer %gta : tensor<6x4xf32> to memref<6x4xf32>
  %u4 = memref.cast %b3 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  %b5 = bufferization.to_buffer %p3a : tensor<6x4xf32> to memref<6x4xf32>
  %u6 = memref.cast %b5 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u6) : (memref<*xf32>) -> ()
  %b7 = bufferization.to_buffer %p4a : tensor<6x4xf32> to memref<6x4xf32>
  %u8 = memref.cast %b7 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u8) : (memref<*xf32>) -> ()
  return
}
