// A helper whose result is declared partial over [1, 0] (a matmul plus 1)
// is called twice (3 ranks) with differently placed arguments; an
// unannotated helper applying relu is called on that partial result, on a
// value annotated partial over three ranks, and on a difference of the two.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @lin(%a: tensor<4x8xf32>, %w: tensor<8x4xf32>) -> (tensor<4x4xf32> {hspmd.sharding = #hspmd.sharding<[1, 0] : [partial = 2]>}) {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %r = linalg.matmul ins(%a, %w : tensor<4x8xf32>, tensor<8x4xf32>) outs(%f : tensor<4x4xf32>) -> tensor<4x4xf32>
  %one = arith.constant dense<1.0> : tensor<4x4xf32>
  %s = arith.addf %r, %one : tensor<4x4xf32>
  return %s : tensor<4x4xf32>
}
func.func private @act(%a: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %z = arith.constant dense<0.0> : tensor<4x4xf32>
  %r = arith.maximumf %a, %z : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}
func.func @main() {
  %x_e = tensor.empty() : tensor<4x8xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%x_e : tensor<4x8xf32>) {
  ^bb0(%o6: f32):
    %acc6_0 = arith.constant 0 : index
    %ix6_0 = linalg.index 0 : index
    %cc6_0 = arith.constant 3 : index
    %m6_0 = arith.muli %ix6_0, %cc6_0 : index
    %acc6_1 = arith.addi %acc6_0, %m6_0 : index
    %ix6_1 = linalg.index 1 : index
    %cc6_1 = arith.constant 1 : index
    %m6_1 = arith.muli %ix6_1, %cc6_1 : index
    %acc6_2 = arith.addi %acc6_1, %m6_1 : index
    %md6 = arith.constant 7 : index
    %r6 = arith.remui %acc6_2, %md6 : index
    %i6 = arith.index_cast %r6 : index to i32
    %of6 = arith.constant 3 : i32
    %s6 = arith.subi %i6, %of6 : i32
    %v6 = arith.sitofp %s6 : i32 to f32
    linalg.yield %v6 : f32
  } -> tensor<4x8xf32>
  %w_e = tensor.empty() : tensor<8x4xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%w_e : tensor<8x4xf32>) {
  ^bb0(%o7: f32):
    %acc7_0 = arith.constant 0 : index
    %ix7_0 = linalg.index 0 : index
    %cc7_0 = arith.constant 1 : index
    %m7_0 = arith.muli %ix7_0, %cc7_0 : index
    %acc7_1 = arith.addi %acc7_0, %m7_0 : index
    %ix7_1 = linalg.index 1 : index
    %cc7_1 = arith.constant 3 : index
    %m7_1 = arith.muli %ix7_1, %cc7_1 : index
    %acc7_2 = arith.addi %acc7_1, %m7_1 : index
    %md7 = arith.constant 5 : index
    %r7 = arith.remui %acc7_2, %md7 : index
    %i7 = arith.index_cast %r7 : index to i32
    %of7 = arith.constant 2 : i32
    %s7 = arith.subi %i7, %of7 : i32
    %v7 = arith.sitofp %s7 : i32 to f32
    linalg.yield %v7 : f32
  } -> tensor<8x4xf32>
  %x1 = hspmd.annotate %x as #hspmd.sharding<[2, 1] : [d1 = 2]> : tensor<4x8xf32>
  %w1 = hspmd.annotate %w as #hspmd.sharding<[2, 1] : [d0 = 2]> : tensor<8x4xf32>
  %r1 = call @lin(%x1, %w1) : (tensor<4x8xf32>, tensor<8x4xf32>) -> tensor<4x4xf32>
  %a1 = call @act(%r1) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %x2 = hspmd.annotate %x as #hspmd.sharding<[0, 2] : [d0 = 2]> : tensor<4x8xf32>
  %r2 = call @lin(%x2, %w) : (tensor<4x8xf32>, tensor<8x4xf32>) -> tensor<4x4xf32>
  %r2a = hspmd.annotate %r2 as #hspmd.sharding<[0, 1, 2] : [partial = 3]> : tensor<4x4xf32>
  %a2 = call @act(%r2a) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %s = arith.subf %a1, %a2 : tensor<4x4xf32>
  %a3 = call @act(%s) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %pb8 = bufferization.to_buffer %r1 : tensor<4x4xf32> to memref<4x4xf32>
  %pc8 = memref.cast %pb8 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc8) : (memref<*xf32>) -> ()
  %pb9 = bufferization.to_buffer %a1 : tensor<4x4xf32> to memref<4x4xf32>
  %pc9 = memref.cast %pb9 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc9) : (memref<*xf32>) -> ()
  %pb10 = bufferization.to_buffer %a2 : tensor<4x4xf32> to memref<4x4xf32>
  %pc10 = memref.cast %pb10 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc10) : (memref<*xf32>) -> ()
  %pb11 = bufferization.to_buffer %a3 : tensor<4x4xf32> to memref<4x4xf32>
  %pc11 = memref.cast %pb11 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc11) : (memref<*xf32>) -> ()
  return
}
