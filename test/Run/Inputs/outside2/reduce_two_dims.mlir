// 3-D reductions over two dims at once (4 ranks): a 4 x 6 x 8 tensor split
// on its last dim (and, on [3, 2, 1, 0], on dims 1 and 0): sum over dims
// [0, 2] (one split), max over [1, 2], min over [0, 1] with both reduced dims
// split, a sum with a non-zero init over [0, 1] (acc + x order), and a generic whose reduced
// loops index dims 0 and 2 of a transposed map, with a non-sum combiner.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %g_e = tensor.empty() : tensor<4x6x8xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%g_e : tensor<4x6x8xf32>) {
  ^bb0(%o11: f32):
    %acc11_0 = arith.constant 0 : index
    %ix11_0 = linalg.index 0 : index
    %cc11_0 = arith.constant 13 : index
    %m11_0 = arith.muli %ix11_0, %cc11_0 : index
    %acc11_1 = arith.addi %acc11_0, %m11_0 : index
    %ix11_1 = linalg.index 1 : index
    %cc11_1 = arith.constant 5 : index
    %m11_1 = arith.muli %ix11_1, %cc11_1 : index
    %acc11_2 = arith.addi %acc11_1, %m11_1 : index
    %ix11_2 = linalg.index 2 : index
    %cc11_2 = arith.constant 1 : index
    %m11_2 = arith.muli %ix11_2, %cc11_2 : index
    %acc11_3 = arith.addi %acc11_2, %m11_2 : index
    %md11 = arith.constant 97 : index
    %r11 = arith.remui %acc11_3, %md11 : index
    %i11 = arith.index_cast %r11 : index to i32
    %of11 = arith.constant 40 : i32
    %s11 = arith.subi %i11, %of11 : i32
    %v11 = arith.sitofp %s11 : i32 to f32
    linalg.yield %v11 : f32
  } -> tensor<4x6x8xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [dup = 2, d2 = 2]> : tensor<4x6x8xf32>
  %s0_z = arith.constant 0.0 : f32
  %s0_e = tensor.empty() : tensor<6xf32>
  %s0 = linalg.fill ins(%s0_z : f32) outs(%s0_e : tensor<6xf32>) -> tensor<6xf32>
  %s = linalg.reduce ins(%a : tensor<4x6x8xf32>) outs(%s0 : tensor<6xf32>) dimensions = [0, 2]
    (%x: f32, %acc: f32) {
      %t = arith.addf %x, %acc : f32
      linalg.yield %t : f32
    }
  %m0_z = arith.constant -100.0 : f32
  %m0_e = tensor.empty() : tensor<4xf32>
  %m0 = linalg.fill ins(%m0_z : f32) outs(%m0_e : tensor<4xf32>) -> tensor<4xf32>
  %m = linalg.reduce ins(%a : tensor<4x6x8xf32>) outs(%m0 : tensor<4xf32>) dimensions = [1, 2]
    (%x: f32, %acc: f32) {
      %t = arith.maximumf %x, %acc : f32
      linalg.yield %t : f32
    }
  %b = hspmd.annotate %g as #hspmd.sharding<[3, 2, 1, 0] : [d1 = 2, d0 = 2]> : tensor<4x6x8xf32>
  %n0_z = arith.constant 100.0 : f32
  %n0_e = tensor.empty() : tensor<8xf32>
  %n0 = linalg.fill ins(%n0_z : f32) outs(%n0_e : tensor<8xf32>) -> tensor<8xf32>
  %n = linalg.reduce ins(%b : tensor<4x6x8xf32>) outs(%n0 : tensor<8xf32>) dimensions = [0, 1]
    (%x: f32, %acc: f32) {
      %t = arith.minimumf %x, %acc : f32
      linalg.yield %t : f32
    }
  %q0_z = arith.constant 3.0 : f32
  %q0_e = tensor.empty() : tensor<8xf32>
  %q0 = linalg.fill ins(%q0_z : f32) outs(%q0_e : tensor<8xf32>) -> tensor<8xf32>
  %q = linalg.reduce ins(%b : tensor<4x6x8xf32>) outs(%q0 : tensor<8xf32>) dimensions = [0, 1]
    (%x: f32, %acc: f32) {
      %t = arith.addf %acc, %x : f32
      linalg.yield %t : f32
    }
  %p0_z = arith.constant 1.0 : f32
  %p0_e = tensor.empty() : tensor<6xf32>
  %p0 = linalg.fill ins(%p0_z : f32) outs(%p0_e : tensor<6xf32>) -> tensor<6xf32>
  %p = linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (k, i, j)>, affine_map<(i, j, k) -> (i)>], iterator_types = ["parallel", "reduction", "reduction"]} ins(%b : tensor<4x6x8xf32>) outs(%p0 : tensor<6xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %c3 = arith.constant 3.0 : f32
    %t = arith.mulf %acc, %c3 : f32
    %u = arith.addf %t, %x : f32
    %c97 = arith.constant 97.0 : f32
    %rr1 = arith.remf %u, %c97 : f32
    linalg.yield %rr1 : f32
  } -> tensor<6xf32>
  %pb12 = bufferization.to_buffer %s : tensor<6xf32> to memref<6xf32>
  %pc12 = memref.cast %pb12 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc12) : (memref<*xf32>) -> ()
  %pb13 = bufferization.to_buffer %m : tensor<4xf32> to memref<4xf32>
  %pc13 = memref.cast %pb13 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%pc13) : (memref<*xf32>) -> ()
  %pb14 = bufferization.to_buffer %n : tensor<8xf32> to memref<8xf32>
  %pc14 = memref.cast %pb14 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%pc14) : (memref<*xf32>) -> ()
  %pb15 = bufferization.to_buffer %q : tensor<8xf32> to memref<8xf32>
  %pc15 = memref.cast %pb15 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%pc15) : (memref<*xf32>) -> ()
  %pb16 = bufferization.to_buffer %p : tensor<6xf32> to memref<6xf32>
  %pc16 = memref.cast %pb16 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%pc16) : (memref<*xf32>) -> ()
  return
}
