// A helper whose signature puts its argument on [0, 1, 2] and its result on
// [3, 0] is called (7 ranks) with a tensor living only on [6, 4, 5]; its
// result is wanted on [5, 6], multiplied with the argument there and passed
// back in.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @h(%a: tensor<6x6xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2] : [d0 = 3]>}) -> (tensor<6x6xf32> {hspmd.sharding = #hspmd.sharding<[3, 0] : [d1 = 2]>}) {
  %e = tensor.empty() : tensor<6x6xf32>
  %t = linalg.transpose ins(%a : tensor<6x6xf32>) outs(%e : tensor<6x6xf32>) permutation = [1, 0]
  %s = arith.subf %t, %a : tensor<6x6xf32>
  return %s : tensor<6x6xf32>
}
func.func @main() {
  %x_e = tensor.empty() : tensor<6x6xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%x_e : tensor<6x6xf32>) {
  ^bb0(%o15: f32):
    %acc15_0 = arith.constant 0 : index
    %ix15_0 = linalg.index 0 : index
    %cc15_0 = arith.constant 5 : index
    %m15_0 = arith.muli %ix15_0, %cc15_0 : index
    %acc15_1 = arith.addi %acc15_0, %m15_0 : index
    %ix15_1 = linalg.index 1 : index
    %cc15_1 = arith.constant 1 : index
    %m15_1 = arith.muli %ix15_1, %cc15_1 : index
    %acc15_2 = arith.addi %acc15_1, %m15_1 : index
    %md15 = arith.constant 7 : index
    %r15 = arith.remui %acc15_2, %md15 : index
    %i15 = arith.index_cast %r15 : index to i32
    %of15 = arith.constant 3 : i32
    %s15 = arith.subi %i15, %of15 : i32
    %v15 = arith.sitofp %s15 : i32 to f32
    linalg.yield %v15 : f32
  } -> tensor<6x6xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[6, 4, 5] : [d1 = 3]> : tensor<6x6xf32>
  %r = call @h(%xa) : (tensor<6x6xf32>) -> tensor<6x6xf32>
  %ra = hspmd.annotate %r as #hspmd.sharding<[5, 6] : [d0 = 2]> : tensor<6x6xf32>
  %xs = arith.mulf %ra, %xa : tensor<6x6xf32>
  %r2 = call @h(%xs) : (tensor<6x6xf32>) -> tensor<6x6xf32>
  %pb16 = bufferization.to_buffer %r : tensor<6x6xf32> to memref<6x6xf32>
  %pc16 = memref.cast %pb16 : memref<6x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc16) : (memref<*xf32>) -> ()
  %pb17 = bufferization.to_buffer %r2 : tensor<6x6xf32> to memref<6x6xf32>
  %pc17 = memref.cast %pb17 : memref<6x6xf32> to memref<*xf32>
  call @printMemrefF32(%pc17) : (memref<*xf32>) -> ()
  return
}
