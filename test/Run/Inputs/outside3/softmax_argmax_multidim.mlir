// linalg.softmax over a weighted split dim; argmax / argmin (ole, last index wins) as linalg.reduce with two
// inputs and two outputs over a dim split 4 ways; maxnumf over two dims (one split inside [d0 = 2, d2 = 2]);
// mulf product over two dims with init 3.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %_e1 = tensor.empty() : tensor<3x10xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e1 : tensor<3x10xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 5 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<3x10xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d1, weights = [3, 2], groups = [[0, 1, 2] : [d1 = 3], [3] : []]> : tensor<3x10xf32>
  %e = tensor.empty() : tensor<3x10xf32>
  %sm = linalg.softmax dimension(1) ins(%xa : tensor<3x10xf32>) outs(%e : tensor<3x10xf32>) -> tensor<3x10xf32>
  %_b2 = bufferization.to_buffer %sm : tensor<3x10xf32> to memref<3x10xf32>
  %_u3 = memref.cast %_b2 : memref<3x10xf32> to memref<*xf32>
  call @printMemrefF32(%_u3) : (memref<*xf32>) -> ()
  %_e4 = tensor.empty() : tensor<3x8xf32>
  %v = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%_e4 : tensor<3x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 5 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc2, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<3x8xf32>
  %va = hspmd.annotate %v as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<3x8xf32>
  %ei = tensor.empty() : tensor<3x8xi32>
  %iota = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%ei : tensor<3x8xi32>) {
  ^bb0(%o: i32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    linalg.yield %ji : i32
  } -> tensor<3x8xi32>
  %iotaa = hspmd.annotate %iota as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<3x8xi32>
  %_c6 = arith.constant -1000.0 : f32
  %_e5 = tensor.empty() : tensor<3xf32>
  %mv0 = linalg.fill ins(%_c6 : f32) outs(%_e5 : tensor<3xf32>) -> tensor<3xf32>
  %_c8 = arith.constant -1 : i32
  %_e7 = tensor.empty() : tensor<3xi32>
  %mi0 = linalg.fill ins(%_c8 : i32) outs(%_e7 : tensor<3xi32>) -> tensor<3xi32>
  %am:2 = linalg.reduce ins(%va, %iotaa : tensor<3x8xf32>, tensor<3x8xi32>) outs(%mv0, %mi0 : tensor<3xf32>, tensor<3xi32>) dimensions = [1]
    (%in: f32, %ix: i32, %accv: f32, %acci: i32) {
      %gt = arith.cmpf ogt, %in, %accv : f32
      %nv = arith.select %gt, %in, %accv : f32
      %ni = arith.select %gt, %ix, %acci : i32
      linalg.yield %nv, %ni : f32, i32
    }
  %_b9 = bufferization.to_buffer %am#0 : tensor<3xf32> to memref<3xf32>
  %_u10 = memref.cast %_b9 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%_u10) : (memref<*xf32>) -> ()
  %_b11 = bufferization.to_buffer %am#1 : tensor<3xi32> to memref<3xi32>
  %_u12 = memref.cast %_b11 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%_u12) : (memref<*xi32>) -> ()
  %_c14 = arith.constant 1000.0 : f32
  %_e13 = tensor.empty() : tensor<3xf32>
  %nv0 = linalg.fill ins(%_c14 : f32) outs(%_e13 : tensor<3xf32>) -> tensor<3xf32>
  %_c16 = arith.constant -1 : i32
  %_e15 = tensor.empty() : tensor<3xi32>
  %ni0 = linalg.fill ins(%_c16 : i32) outs(%_e15 : tensor<3xi32>) -> tensor<3xi32>
  %an:2 = linalg.reduce ins(%va, %iotaa : tensor<3x8xf32>, tensor<3x8xi32>) outs(%nv0, %ni0 : tensor<3xf32>, tensor<3xi32>) dimensions = [1]
    (%in: f32, %ix: i32, %accv: f32, %acci: i32) {
      %le = arith.cmpf ole, %in, %accv : f32
      %nv = arith.select %le, %in, %accv : f32
      %ni = arith.select %le, %ix, %acci : i32
      linalg.yield %nv, %ni : f32, i32
    }
  %_b17 = bufferization.to_buffer %an#0 : tensor<3xf32> to memref<3xf32>
  %_u18 = memref.cast %_b17 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%_u18) : (memref<*xf32>) -> ()
  %_b19 = bufferization.to_buffer %an#1 : tensor<3xi32> to memref<3xi32>
  %_u20 = memref.cast %_b19 : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%_u20) : (memref<*xi32>) -> ()
  %_e21 = tensor.empty() : tensor<4x3x6xf32>
  %t3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%_e21 : tensor<4x3x6xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 1 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 5 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc3, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x3x6xf32>
  %t3a = hspmd.annotate %t3 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d2 = 2]> : tensor<4x3x6xf32>
  %_c23 = arith.constant -1000.0 : f32
  %_e22 = tensor.empty() : tensor<3xf32>
  %r0 = linalg.fill ins(%_c23 : f32) outs(%_e22 : tensor<3xf32>) -> tensor<3xf32>
  %r = linalg.reduce ins(%t3a : tensor<4x3x6xf32>) outs(%r0 : tensor<3xf32>) dimensions = [0, 2]
    (%in: f32, %acc: f32) {
      %t = arith.maxnumf %in, %acc : f32
      linalg.yield %t : f32
    }
  %_b24 = bufferization.to_buffer %r : tensor<3xf32> to memref<3xf32>
  %_u25 = memref.cast %_b24 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%_u25) : (memref<*xf32>) -> ()
  %_e26 = tensor.empty() : tensor<4x3x6xf32>
  %t4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%_e26 : tensor<4x3x6xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 1 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 5 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %md = arith.constant 2 : index
    %rr = arith.remui %acc3, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 0 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<4x3x6xf32>
  %two = arith.constant dense<2.0> : tensor<4x3x6xf32>
  %one = arith.constant dense<-1.0> : tensor<4x3x6xf32>
  %t4b = arith.addf %t4, %one : tensor<4x3x6xf32>
  %t4a = hspmd.annotate %t4b as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d2 = 2]> : tensor<4x3x6xf32>
  %_c28 = arith.constant 3.0 : f32
  %_e27 = tensor.empty() : tensor<4xf32>
  %p0 = linalg.fill ins(%_c28 : f32) outs(%_e27 : tensor<4xf32>) -> tensor<4xf32>
  %p = linalg.reduce ins(%t4a : tensor<4x3x6xf32>) outs(%p0 : tensor<4xf32>) dimensions = [1, 2]
    (%in: f32, %acc: f32) {
      %t = arith.mulf %in, %acc : f32
      linalg.yield %t : f32
    }
  %_b29 = bufferization.to_buffer %p : tensor<4xf32> to memref<4xf32>
  %_u30 = memref.cast %_b29 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%_u30) : (memref<*xf32>) -> ()
  return
}
