// A weighted hetero row split (weights [1, 2]: 4 rows on [4], 8 rows split
// 2 ways on [3, 1, 0, 2]) (5 ranks): a max over the unevenly split rows,
// an expand_shape 12 -> 3 x 4 across the uneven cut, a sum over the new
// inner dim and a min over the outer one; flattened to 48 and re-split with
// weights [5, 1] before a 0-d sum.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %a_e = tensor.empty() : tensor<12x4xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a_e : tensor<12x4xf32>) {
  ^bb0(%o8: f32):
    %acc8_0 = arith.constant 0 : index
    %ix8_0 = linalg.index 0 : index
    %cc8_0 = arith.constant 7 : index
    %m8_0 = arith.muli %ix8_0, %cc8_0 : index
    %acc8_1 = arith.addi %acc8_0, %m8_0 : index
    %ix8_1 = linalg.index 1 : index
    %cc8_1 = arith.constant 2 : index
    %m8_1 = arith.muli %ix8_1, %cc8_1 : index
    %acc8_2 = arith.addi %acc8_1, %m8_1 : index
    %md8 = arith.constant 29 : index
    %r8 = arith.remui %acc8_2, %md8 : index
    %i8 = arith.index_cast %r8 : index to i32
    %of8 = arith.constant 14 : i32
    %s8 = arith.subi %i8, %of8 : i32
    %v8 = arith.sitofp %s8 : i32 to f32
    linalg.yield %v8 : f32
  } -> tensor<12x4xf32>
  %aa = hspmd.annotate %a as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[4] : [], [3, 1, 0, 2] : [d0 = 2, dup = 2]]> : tensor<12x4xf32>
  %m0_z = arith.constant -100.0 : f32
  %m0_e = tensor.empty() : tensor<4xf32>
  %m0 = linalg.fill ins(%m0_z : f32) outs(%m0_e : tensor<4xf32>) -> tensor<4xf32>
  %m = linalg.reduce ins(%aa : tensor<12x4xf32>) outs(%m0 : tensor<4xf32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %t = arith.maximumf %x, %acc : f32
      linalg.yield %t : f32
    }
  %p0_z = arith.constant 1.0 : f32
  %p0_e = tensor.empty() : tensor<4xf32>
  %p0 = linalg.fill ins(%p0_z : f32) outs(%p0_e : tensor<4xf32>) -> tensor<4xf32>
  %h = arith.constant dense<0.5> : tensor<12x4xf32>
  %ah = arith.mulf %aa, %h : tensor<12x4xf32>
  %ex = tensor.expand_shape %aa [[0, 1], [2]] output_shape [3, 4, 4] : tensor<12x4xf32> into tensor<3x4x4xf32>
  %s0_z = arith.constant 0.0 : f32
  %s0_e = tensor.empty() : tensor<3x4xf32>
  %s0 = linalg.fill ins(%s0_z : f32) outs(%s0_e : tensor<3x4xf32>) -> tensor<3x4xf32>
  %s = linalg.reduce ins(%ex : tensor<3x4x4xf32>) outs(%s0 : tensor<3x4xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %t = arith.addf %x, %acc : f32
      linalg.yield %t : f32
    }
  %n0_z = arith.constant 100.0 : f32
  %n0_e = tensor.empty() : tensor<4xf32>
  %n0 = linalg.fill ins(%n0_z : f32) outs(%n0_e : tensor<4xf32>) -> tensor<4xf32>
  %n = linalg.reduce ins(%s : tensor<3x4xf32>) outs(%n0 : tensor<4xf32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %t = arith.minimumf %x, %acc : f32
      linalg.yield %t : f32
    }
  %cl = tensor.collapse_shape %ex [[0, 1, 2]] : tensor<3x4x4xf32> into tensor<48xf32>
  %cla = hspmd.annotate %cl as #hspmd.sharding<hetero = d0, weights = [5, 1], groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<48xf32>
  %q0_z = arith.constant 0.0 : f32
  %q0_e = tensor.empty() : tensor<f32>
  %q0 = linalg.fill ins(%q0_z : f32) outs(%q0_e : tensor<f32>) -> tensor<f32>
  %q = linalg.reduce ins(%cla : tensor<48xf32>) outs(%q0 : tensor<f32>) dimensions = [0]
    (%x: f32, %acc: f32) {
      %t = arith.addf %x, %acc : f32
      linalg.yield %t : f32
    }
  %pb9 = bufferization.to_buffer %m : tensor<4xf32> to memref<4xf32>
  %pc9 = memref.cast %pb9 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pc9) : (memref<*xf32>) -> ()
  %pb10 = bufferization.to_buffer %s : tensor<3x4xf32> to memref<3x4xf32>
  %pc10 = memref.cast %pb10 : memref<3x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc10) : (memref<*xf32>) -> ()
  %pb11 = bufferization.to_buffer %n : tensor<4xf32> to memref<4xf32>
  %pc11 = memref.cast %pb11 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pc11) : (memref<*xf32>) -> ()
  %pb12 = bufferization.to_buffer %q : tensor<f32> to memref<f32>
  %pc12 = memref.cast %pb12 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc12) : (memref<*xf32>) -> ()
  return
}
