// Non-sum reductions over split dims in less common forms (4 ranks): a
// max over k of A[i,k] + v[k] with A split 4 ways on [1, 3, 0, 2] and v 2
// ways on [0, 1] (two inputs), init -7; a product of (x + 1) with init 1
// over a vector split into blocks of one element on [2, 1, 3, 0]; minsi and
// maxui (over negative values) of an i32 tensor split [dup = 2, d1 = 2] on
// [3, 2, 1, 0]; a max over the rows of A x v with a transposed iteration
// order.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<4x8xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<4x8xf32>) {
  ^bb0(%o0: f32):
    %acc0_0 = arith.constant 0 : index
    %ix0_0 = linalg.index 0 : index
    %cc0_0 = arith.constant 5 : index
    %m0_0 = arith.muli %ix0_0, %cc0_0 : index
    %acc0_1 = arith.addi %acc0_0, %m0_0 : index
    %ix0_1 = linalg.index 1 : index
    %cc0_1 = arith.constant 3 : index
    %m0_1 = arith.muli %ix0_1, %cc0_1 : index
    %acc0_2 = arith.addi %acc0_1, %m0_1 : index
    %md0 = arith.constant 17 : index
    %r0 = arith.remui %acc0_2, %md0 : index
    %i0 = arith.index_cast %r0 : index to i32
    %of0 = arith.constant 8 : i32
    %s0 = arith.subi %i0, %of0 : i32
    %v0 = arith.sitofp %s0 : i32 to f32
    linalg.yield %v0 : f32
  } -> tensor<4x8xf32>
  %v_e = tensor.empty() : tensor<8xf32>
  %v = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%v_e : tensor<8xf32>) {
  ^bb0(%o1: f32):
    %acc1_0 = arith.constant 0 : index
    %ix1_0 = linalg.index 0 : index
    %cc1_0 = arith.constant 3 : index
    %m1_0 = arith.muli %ix1_0, %cc1_0 : index
    %acc1_1 = arith.addi %acc1_0, %m1_0 : index
    %md1 = arith.constant 11 : index
    %r1 = arith.remui %acc1_1, %md1 : index
    %i1 = arith.index_cast %r1 : index to i32
    %of1 = arith.constant 5 : i32
    %s1 = arith.subi %i1, %of1 : i32
    %v1 = arith.sitofp %s1 : i32 to f32
    linalg.yield %v1 : f32
  } -> tensor<8xf32>
  %q_e = tensor.empty() : tensor<4xf32>
  %q = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%q_e : tensor<4xf32>) {
  ^bb0(%o2: f32):
    %acc2_0 = arith.constant 0 : index
    %ix2_0 = linalg.index 0 : index
    %cc2_0 = arith.constant 1 : index
    %m2_0 = arith.muli %ix2_0, %cc2_0 : index
    %acc2_1 = arith.addi %acc2_0, %m2_0 : index
    %md2 = arith.constant 4 : index
    %r2 = arith.remui %acc2_1, %md2 : index
    %i2 = arith.index_cast %r2 : index to i32
    %of2 = arith.constant 0 : i32
    %s2 = arith.subi %i2, %of2 : i32
    %v2 = arith.sitofp %s2 : i32 to f32
    linalg.yield %v2 : f32
  } -> tensor<4xf32>
  %ai_e = tensor.empty() : tensor<4x8xi32>
  %ai = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%ai_e : tensor<4x8xi32>) {
  ^bb0(%o3: i32):
    %acc3_0 = arith.constant 0 : index
    %ix3_0 = linalg.index 0 : index
    %cc3_0 = arith.constant 5 : index
    %m3_0 = arith.muli %ix3_0, %cc3_0 : index
    %acc3_1 = arith.addi %acc3_0, %m3_0 : index
    %ix3_1 = linalg.index 1 : index
    %cc3_1 = arith.constant 3 : index
    %m3_1 = arith.muli %ix3_1, %cc3_1 : index
    %acc3_2 = arith.addi %acc3_1, %m3_1 : index
    %md3 = arith.constant 17 : index
    %r3 = arith.remui %acc3_2, %md3 : index
    %i3 = arith.index_cast %r3 : index to i32
    %of3 = arith.constant 8 : i32
    %s3 = arith.subi %i3, %of3 : i32
    %v3 = arith.addi %s3, %s3 : i32
    linalg.yield %v3 : i32
  } -> tensor<4x8xi32>
  %aa = hspmd.annotate %a as #hspmd.sharding<[1, 3, 0, 2] : [d1 = 4]> : tensor<4x8xf32>
  %vv = hspmd.annotate %v as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  %m0_z = arith.constant -7.0 : f32
  %m0_e = tensor.empty() : tensor<4xf32>
  %m0 = linalg.fill ins(%m0_z : f32) outs(%m0_e : tensor<4xf32>) -> tensor<4xf32>
  %m = linalg.generic {indexing_maps = [affine_map<(i, k) -> (i, k)>, affine_map<(i, k) -> (k)>, affine_map<(i, k) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%aa, %vv : tensor<4x8xf32>, tensor<8xf32>) outs(%m0 : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %s = arith.addf %x, %y : f32
    %t = arith.maximumf %acc, %s : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %qq = hspmd.annotate %q as #hspmd.sharding<[2, 1, 3, 0] : [d0 = 4]> : tensor<4xf32>
  %p0_z = arith.constant 1.0 : f32
  %p0_e = tensor.empty() : tensor<f32>
  %p0 = linalg.fill ins(%p0_z : f32) outs(%p0_e : tensor<f32>) -> tensor<f32>
  %p = linalg.reduce ins(%qq : tensor<4xf32>) outs(%p0 : tensor<f32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %one = arith.constant 1.0 : f32
      %x1 = arith.addf %x, %one : f32
      %t = arith.mulf %x1, %acc : f32
      linalg.yield %t : f32
    }
  %aia = hspmd.annotate %ai as #hspmd.sharding<[3, 2, 1, 0] : [dup = 2, d1 = 2]> : tensor<4x8xi32>
  %mi0_z = arith.constant 3 : i32
  %mi0_e = tensor.empty() : tensor<4xi32>
  %mi0 = linalg.fill ins(%mi0_z : i32) outs(%mi0_e : tensor<4xi32>) -> tensor<4xi32>
  %mi = linalg.reduce ins(%aia : tensor<4x8xi32>) outs(%mi0 : tensor<4xi32>) dimensions = [1]
    (%x: i32, %acc: i32) {
      %t = arith.minsi %x, %acc : i32
      linalg.yield %t : i32
    }
  %mu0_z = arith.constant 0 : i32
  %mu0_e = tensor.empty() : tensor<4xi32>
  %mu0 = linalg.fill ins(%mu0_z : i32) outs(%mu0_e : tensor<4xi32>) -> tensor<4xi32>
  %mu = linalg.reduce ins(%aia : tensor<4x8xi32>) outs(%mu0 : tensor<4xi32>) dimensions = [1]
    (%x: i32, %acc: i32) {
      %t = arith.maxui %x, %acc : i32
      linalg.yield %t : i32
    }
  %k0_z = arith.constant -100.0 : f32
  %k0_e = tensor.empty() : tensor<8xf32>
  %k0 = linalg.fill ins(%k0_z : f32) outs(%k0_e : tensor<8xf32>) -> tensor<8xf32>
  %k = linalg.generic {indexing_maps = [affine_map<(k, i) -> (i, k)>, affine_map<(k, i) -> (k)>, affine_map<(k, i) -> (k)>], iterator_types = ["parallel", "reduction"]} ins(%aa, %vv : tensor<4x8xf32>, tensor<8xf32>) outs(%k0 : tensor<8xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %s = arith.mulf %x, %y : f32
    %t = arith.maximumf %s, %acc : f32
    linalg.yield %t : f32
  } -> tensor<8xf32>
  %pb4 = bufferization.to_buffer %m : tensor<4xf32> to memref<4xf32>
  %pc4 = memref.cast %pb4 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %p : tensor<f32> to memref<f32>
  %pc5 = memref.cast %pb5 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  %pb6 = bufferization.to_buffer %mi : tensor<4xi32> to memref<4xi32>
  %pc6 = memref.cast %pb6 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%pc6) : (memref<*xi32>) -> ()
  %pb7 = bufferization.to_buffer %mu : tensor<4xi32> to memref<4xi32>
  %pc7 = memref.cast %pb7 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%pc7) : (memref<*xi32>) -> ()
  %pb8 = bufferization.to_buffer %k : tensor<8xf32> to memref<8xf32>
  %pc8 = memref.cast %pb8 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%pc8) : (memref<*xf32>) -> ()
  return
}
