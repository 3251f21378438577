// Integer division and remainder elementwise (4 ranks): divsi, remsi,
// floordivsi, ceildivsi and divui of a column-split i32 tensor on
// [2, 3, 0, 1] by a row-split one on [0, 1] (divisors never 0); an i32 row
// sum over the split dim (partial) followed by remsi, divsi and shrsi by 3,
// which must see the reduced sum.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<4x8xi32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<4x8xi32>) {
  ^bb0(%o6: i32):
    %acc6_0 = arith.constant 0 : index
    %ix6_0 = linalg.index 0 : index
    %cc6_0 = arith.constant 3 : index
    %m6_0 = arith.muli %ix6_0, %cc6_0 : index
    %acc6_1 = arith.addi %acc6_0, %m6_0 : index
    %ix6_1 = linalg.index 1 : index
    %cc6_1 = arith.constant 1 : index
    %m6_1 = arith.muli %ix6_1, %cc6_1 : index
    %acc6_2 = arith.addi %acc6_1, %m6_1 : index
    %md6 = arith.constant 13 : index
    %r6 = arith.remui %acc6_2, %md6 : index
    %i6 = arith.index_cast %r6 : index to i32
    %of6 = arith.constant 6 : i32
    %s6 = arith.subi %i6, %of6 : i32
    %v6 = arith.addi %s6, %s6 : i32
    linalg.yield %v6 : i32
  } -> tensor<4x8xi32>
  %b_e = tensor.empty() : tensor<4x8xi32>
  %b = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%b_e : tensor<4x8xi32>) {
  ^bb0(%o7: i32):
    %acc7_0 = arith.constant 0 : index
    %ix7_0 = linalg.index 0 : index
    %cc7_0 = arith.constant 1 : index
    %m7_0 = arith.muli %ix7_0, %cc7_0 : index
    %acc7_1 = arith.addi %acc7_0, %m7_0 : index
    %ix7_1 = linalg.index 1 : index
    %cc7_1 = arith.constant 2 : index
    %m7_1 = arith.muli %ix7_1, %cc7_1 : index
    %acc7_2 = arith.addi %acc7_1, %m7_1 : index
    %md7 = arith.constant 5 : index
    %r7 = arith.remui %acc7_2, %md7 : index
    %i7 = arith.index_cast %r7 : index to i32
    %of7 = arith.constant -1 : i32
    %s7 = arith.subi %i7, %of7 : i32
    %v7 = arith.addi %s7, %s7 : i32
    linalg.yield %v7 : i32
  } -> tensor<4x8xi32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[2, 3, 0, 1] : [d1 = 4]> : tensor<4x8xi32>
  %ba = hspmd.annotate %b as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x8xi32>
  %q = arith.divsi %aa, %ba : tensor<4x8xi32>
  %r = arith.remsi %aa, %ba : tensor<4x8xi32>
  %fq = arith.floordivsi %aa, %ba : tensor<4x8xi32>
  %cq = arith.ceildivsi %aa, %ba : tensor<4x8xi32>
  %uq = arith.divui %ba, %ba : tensor<4x8xi32>
  %si_z = arith.constant 0 : i32
  %si_e = tensor.empty() : tensor<4xi32>
  %si = linalg.fill ins(%si_z : i32) outs(%si_e : tensor<4xi32>) -> tensor<4xi32>
  %sm = linalg.reduce ins(%aa : tensor<4x8xi32>) outs(%si : tensor<4xi32>) dimensions = [1]
    (%x: i32, %acc: i32) {
      %t = arith.addi %x, %acc : i32
      linalg.yield %t : i32
    }
  %three = arith.constant dense<3> : tensor<4xi32>
  %smr = arith.remsi %sm, %three : tensor<4xi32>
  %smd = arith.divsi %sm, %three : tensor<4xi32>
  %sh = arith.shrsi %sm, %three : tensor<4xi32>
  %pb8 = bufferization.to_buffer %q : tensor<4x8xi32> to memref<4x8xi32>
  %pc8 = memref.cast %pb8 : memref<4x8xi32> to memref<*xi32>
  call @printMemrefI32(%pc8) : (memref<*xi32>) -> ()
  %pb9 = bufferization.to_buffer %r : tensor<4x8xi32> to memref<4x8xi32>
  %pc9 = memref.cast %pb9 : memref<4x8xi32> to memref<*xi32>
  call @printMemrefI32(%pc9) : (memref<*xi32>) -> ()
  %pb10 = bufferization.to_buffer %fq : tensor<4x8xi32> to memref<4x8xi32>
  %pc10 = memref.cast %pb10 : memref<4x8xi32> to memref<*xi32>
  call @printMemrefI32(%pc10) : (memref<*xi32>) -> ()
  %pb11 = bufferization.to_buffer %cq : tensor<4x8xi32> to memref<4x8xi32>
  %pc11 = memref.cast %pb11 : memref<4x8xi32> to memref<*xi32>
  call @printMemrefI32(%pc11) : (memref<*xi32>) -> ()
  %pb12 = bufferization.to_buffer %uq : tensor<4x8xi32> to memref<4x8xi32>
  %pc12 = memref.cast %pb12 : memref<4x8xi32> to memref<*xi32>
  call @printMemrefI32(%pc12) : (memref<*xi32>) -> ()
  %pb13 = bufferization.to_buffer %sm : tensor<4xi32> to memref<4xi32>
  %pc13 = memref.cast %pb13 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%pc13) : (memref<*xi32>) -> ()
  %pb14 = bufferization.to_buffer %smr : tensor<4xi32> to memref<4xi32>
  %pc14 = memref.cast %pb14 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%pc14) : (memref<*xi32>) -> ()
  %pb15 = bufferization.to_buffer %smd : tensor<4xi32> to memref<4xi32>
  %pc15 = memref.cast %pb15 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%pc15) : (memref<*xi32>) -> ()
  %pb16 = bufferization.to_buffer %sh : tensor<4xi32> to memref<4xi32>
  %pc16 = memref.cast %pb16 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%pc16) : (memref<*xi32>) -> ()
  return
}
