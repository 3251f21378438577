// A call chain main -> f -> g (4 ranks) with hspmd.sharding attributes only
// on the innermost @g (args on [2, 3, 0, 1] row-split and on [1, 2]
// column-split, result [d0 = 2, d1 = 2]); @f calls @g twice with +1 in
// between; main calls @f twice, the second time with @f's own result.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @g(%a: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[2, 3, 0, 1] : [d0 = 4]>}, %b: tensor<4x4xf32> {hspmd.sharding = #hspmd.sharding<[1, 2] : [d1 = 2]>}) -> (tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]>}) {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<8x4xf32>) -> tensor<8x4xf32>
  %r = linalg.matmul ins(%a, %b : tensor<8x4xf32>, tensor<4x4xf32>) outs(%f : tensor<8x4xf32>) -> tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}
func.func private @f(%a: tensor<8x4xf32>, %b: tensor<4x4xf32>) -> tensor<8x4xf32> {
  %r = call @g(%a, %b) : (tensor<8x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
  %one = arith.constant dense<1.0> : tensor<8x4xf32>
  %s = arith.addf %r, %one : tensor<8x4xf32>
  %r2 = call @g(%s, %b) : (tensor<8x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
  return %r2 : tensor<8x4xf32>
}
func.func @main() {
  %x_e = tensor.empty() : tensor<8x4xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%x_e : tensor<8x4xf32>) {
  ^bb0(%o11: f32):
    %acc11_0 = arith.constant 0 : index
    %ix11_0 = linalg.index 0 : index
    %cc11_0 = arith.constant 3 : index
    %m11_0 = arith.muli %ix11_0, %cc11_0 : index
    %acc11_1 = arith.addi %acc11_0, %m11_0 : index
    %ix11_1 = linalg.index 1 : index
    %cc11_1 = arith.constant 1 : index
    %m11_1 = arith.muli %ix11_1, %cc11_1 : index
    %acc11_2 = arith.addi %acc11_1, %m11_1 : index
    %md11 = arith.constant 5 : index
    %r11 = arith.remui %acc11_2, %md11 : index
    %i11 = arith.index_cast %r11 : index to i32
    %of11 = arith.constant 2 : i32
    %s11 = arith.subi %i11, %of11 : i32
    %v11 = arith.sitofp %s11 : i32 to f32
    linalg.yield %v11 : f32
  } -> tensor<8x4xf32>
  %w_e = tensor.empty() : tensor<4x4xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w_e : tensor<4x4xf32>) {
  ^bb0(%o12: f32):
    %acc12_0 = arith.constant 0 : index
    %ix12_0 = linalg.index 0 : index
    %cc12_0 = arith.constant 1 : index
    %m12_0 = arith.muli %ix12_0, %cc12_0 : index
    %acc12_1 = arith.addi %acc12_0, %m12_0 : index
    %ix12_1 = linalg.index 1 : index
    %cc12_1 = arith.constant 2 : index
    %m12_1 = arith.muli %ix12_1, %cc12_1 : index
    %acc12_2 = arith.addi %acc12_1, %m12_1 : index
    %md12 = arith.constant 5 : index
    %r12 = arith.remui %acc12_2, %md12 : index
    %i12 = arith.index_cast %r12 : index to i32
    %of12 = arith.constant 2 : i32
    %s12 = arith.subi %i12, %of12 : i32
    %v12 = arith.sitofp %s12 : i32 to f32
    linalg.yield %v12 : f32
  } -> tensor<4x4xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<8x4xf32>
  %r = call @f(%xa, %w) : (tensor<8x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
  %r2 = call @f(%r, %w) : (tensor<8x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
  %pb13 = bufferization.to_buffer %r : tensor<8x4xf32> to memref<8x4xf32>
  %pc13 = memref.cast %pb13 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc13) : (memref<*xf32>) -> ()
  %pb14 = bufferization.to_buffer %r2 : tensor<8x4xf32> to memref<8x4xf32>
  %pc14 = memref.cast %pb14 : memref<8x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc14) : (memref<*xf32>) -> ()
  return
}
