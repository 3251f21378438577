// Integer partial sums that wrap: i32 matmul with [partial=2,d1=2,dup=2] x hetero dup with a [partial=5] group, result hetero partial of 3 groups; i8 matmul split on K over [4..7] in two orders; i16 reduce of a split tensor (wraps).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %a_e1 = tensor.empty() : tensor<4x16xi64>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e1 : tensor<4x16xi64>) {
  ^bb0(%o1: i64):
    %acc1_0 = arith.constant 1 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 3 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %ix1_1 = linalg.index 1 : index
    %cc1_1 = arith.constant 2 : index
    %m1_1 = arith.muli %ix1_1, %cc1_1 : index
    %acc1_2 = arith.addi %acc1_1, %m1_1 : index
    %md1 = arith.constant 13 : index
    %r1 = arith.remui %acc1_2, %md1 : index
    %i1 = arith.index_cast %r1 : index to i64
    %of1 = arith.constant 6 : i64
    %s1 = arith.subi %i1, %of1 : i64
    %v1 = arith.addi %s1, %s1 : i64
    linalg.yield %v1 : i64
  } -> tensor<4x16xi64>
  %ca = arith.constant dense<300000> : tensor<4x16xi64>
  %a64 = arith.muli %a, %ca : tensor<4x16xi64>
  %ai = arith.trunci %a64 : tensor<4x16xi64> to tensor<4x16xi32>
  %w_e2 = tensor.empty() : tensor<16x4xi32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%w_e2 : tensor<16x4xi32>) {
  ^bb0(%o2: i32):
    %acc2_0 = arith.constant 1 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 3 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %ix2_1 = linalg.index 1 : index
    %cc2_1 = arith.constant 2 : index
    %m2_1 = arith.muli %ix2_1, %cc2_1 : index
    %acc2_2 = arith.addi %acc2_1, %m2_1 : index
    %md2 = arith.constant 7 : index
    %r2 = arith.remui %acc2_2, %md2 : index
    %i2 = arith.index_cast %r2 : index to i64
    %of2 = arith.constant 1 : i64
    %s2 = arith.subi %i2, %of2 : i64
    %v2 = arith.trunci %s2 : i64 to i32
    linalg.yield %v2 : i32
  } -> tensor<16x4xi32>
  %cw = arith.constant dense<1000> : tensor<16x4xi32>
  %wi = arith.muli %w, %cw : tensor<16x4xi32>
  %a1 = hspmd.annotate %ai as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [partial = 2, d1 = 2, dup = 2]> : tensor<4x16xi32>
  %w1 = hspmd.annotate %wi as #hspmd.sharding<hetero = dup, groups = [[6, 2] : [d0 = 2], [5] : [], [1, 3, 0, 4, 7] : [partial = 5]]> : tensor<16x4xi32>
  %m_i_z = arith.constant 0 : i32
  %m_i_e = tensor.empty() : tensor<4x4xi32>
  %m_i = linalg.fill ins(%m_i_z : i32) outs(%m_i_e : tensor<4x4xi32>) -> tensor<4x4xi32>
  %m = linalg.matmul ins(%a1, %w1 : tensor<4x16xi32>, tensor<16x4xi32>) outs(%m_i : tensor<4x4xi32>) -> tensor<4x4xi32>
  %m1 = hspmd.annotate %m as #hspmd.sharding<hetero = partial, groups = [[3, 7] : [partial = 2], [1, 6] : [d0 = 2], [0] : []]> : tensor<4x4xi32>
  %m2 = arith.muli %m1, %m1 : tensor<4x4xi32>
  %x_e3 = tensor.empty() : tensor<4x32xi8>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%x_e3 : tensor<4x32xi8>) {
  ^bb0(%o3: i8):
    %acc3_0 = arith.constant 1 : index
    %ix3_0 = linalg.index 0 : index
    %cc3_0 = arith.constant 3 : index
    %m3_0 = arith.muli %ix3_0, %cc3_0 : index
    %acc3_1 = arith.addi %acc3_0, %m3_0 : index
    %ix3_1 = linalg.index 1 : index
    %cc3_1 = arith.constant 2 : index
    %m3_1 = arith.muli %ix3_1, %cc3_1 : index
    %acc3_2 = arith.addi %acc3_1, %m3_1 : index
    %md3 = arith.constant 31 : index
    %r3 = arith.remui %acc3_2, %md3 : index
    %i3 = arith.index_cast %r3 : index to i64
    %of3 = arith.constant 15 : i64
    %s3 = arith.subi %i3, %of3 : i64
    %v3 = arith.trunci %s3 : i64 to i8
    linalg.yield %v3 : i8
  } -> tensor<4x32xi8>
  %y_e4 = tensor.empty() : tensor<32x4xi8>
  %y = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%y_e4 : tensor<32x4xi8>) {
  ^bb0(%o4: i8):
    %acc4_0 = arith.constant 1 : index
    %ix4_0 = linalg.index 0 : index
    %cc4_0 = arith.constant 3 : index
    %m4_0 = arith.muli %ix4_0, %cc4_0 : index
    %acc4_1 = arith.addi %acc4_0, %m4_0 : index
    %ix4_1 = linalg.index 1 : index
    %cc4_1 = arith.constant 2 : index
    %m4_1 = arith.muli %ix4_1, %cc4_1 : index
    %acc4_2 = arith.addi %acc4_1, %m4_1 : index
    %md4 = arith.constant 29 : index
    %r4 = arith.remui %acc4_2, %md4 : index
    %i4 = arith.index_cast %r4 : index to i64
    %of4 = arith.constant 14 : i64
    %s4 = arith.subi %i4, %of4 : i64
    %v4 = arith.trunci %s4 : i64 to i8
    linalg.yield %v4 : i8
  } -> tensor<32x4xi8>
  %x1 = hspmd.annotate %x as #hspmd.sharding<[4, 5, 6, 7] : [d1 = 4]> : tensor<4x32xi8>
  %y1 = hspmd.annotate %y as #hspmd.sharding<[7, 6, 5, 4] : [d0 = 4]> : tensor<32x4xi8>
  %z_i_z = arith.constant 0 : i8
  %z_i_e = tensor.empty() : tensor<4x4xi8>
  %z_i = linalg.fill ins(%z_i_z : i8) outs(%z_i_e : tensor<4x4xi8>) -> tensor<4x4xi8>
  %z = linalg.matmul ins(%x1, %y1 : tensor<4x32xi8>, tensor<32x4xi8>) outs(%z_i : tensor<4x4xi8>) -> tensor<4x4xi8>
  %x16_e5 = tensor.empty() : tensor<4x32xi16>
  %x16 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%x16_e5 : tensor<4x32xi16>) {
  ^bb0(%o5: i16):
    %acc5_0 = arith.constant 1 : index
    %ix5_0 = linalg.index 0 : index
    %cc5_0 = arith.constant 3 : index
    %m5_0 = arith.muli %ix5_0, %cc5_0 : index
    %acc5_1 = arith.addi %acc5_0, %m5_0 : index
    %ix5_1 = linalg.index 1 : index
    %cc5_1 = arith.constant 2 : index
    %m5_1 = arith.muli %ix5_1, %cc5_1 : index
    %acc5_2 = arith.addi %acc5_1, %m5_1 : index
    %md5 = arith.constant 31 : index
    %r5 = arith.remui %acc5_2, %md5 : index
    %i5 = arith.index_cast %r5 : index to i64
    %of5 = arith.constant 15 : i64
    %s5 = arith.subi %i5, %of5 : i64
    %v5 = arith.trunci %s5 : i64 to i16
    linalg.yield %v5 : i16
  } -> tensor<4x32xi16>
  %x16a = hspmd.annotate %x16 as #hspmd.sharding<[4, 5, 6, 7] : [d1 = 2, dup = 2]> : tensor<4x32xi16>
  %x16b = arith.muli %x16a, %x16a : tensor<4x32xi16>
  %x16c = arith.muli %x16b, %x16b : tensor<4x32xi16>
  %zr_z = arith.constant 0 : i16
  %zr_e = tensor.empty() : tensor<4xi16>
  %zr = linalg.fill ins(%zr_z : i16) outs(%zr_e : tensor<4xi16>) -> tensor<4xi16>
  %rr = linalg.reduce ins(%x16c : tensor<4x32xi16>) outs(%zr : tensor<4xi16>) dimensions = [1]
    (%p: i16, %q: i16) {
      %t = arith.addi %p, %q : i16
      linalg.yield %t : i16
    }
  %pb6 = bufferization.to_buffer %m : tensor<4x4xi32> to memref<4x4xi32>
  %pc6 = memref.cast %pb6 : memref<4x4xi32> to memref<*xi32>
  call @printMemrefI32(%pc6) : (memref<*xi32>) -> ()
  %pb7 = bufferization.to_buffer %m2 : tensor<4x4xi32> to memref<4x4xi32>
  %pc7 = memref.cast %pb7 : memref<4x4xi32> to memref<*xi32>
  call @printMemrefI32(%pc7) : (memref<*xi32>) -> ()
  %cv8 = arith.extsi %z : tensor<4x4xi8> to tensor<4x4xi32>
  %pb8 = bufferization.to_buffer %cv8 : tensor<4x4xi32> to memref<4x4xi32>
  %pc8 = memref.cast %pb8 : memref<4x4xi32> to memref<*xi32>
  call @printMemrefI32(%pc8) : (memref<*xi32>) -> ()
  %cv9 = arith.extsi %rr : tensor<4xi16> to tensor<4xi32>
  %pb9 = bufferization.to_buffer %cv9 : tensor<4xi32> to memref<4xi32>
  %pc9 = memref.cast %pb9 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%pc9) : (memref<*xi32>) -> ()
  return
}
