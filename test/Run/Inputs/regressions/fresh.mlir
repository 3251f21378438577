// Fresh partial values: fills held by their keepers, zeros elsewhere, one
// program per class picking by device id. [d0 = 5, partial = 2] over 10
// devices: keepers 0, 2, 4, 6, 8 (five: a table indexed by the device id);
// [d0 = 2, partial = 2]: keepers 0, 2 (comparisons); hetero = partial over
// 6 single-device groups: keeper 0 only. Summed back, each is the fill.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %two = arith.constant 2.0 : f32
  %three = arith.constant 3.0 : f32
  %e = tensor.empty() : tensor<4x4xf32>
  %ea = hspmd.annotate %e as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]> : tensor<4x4xf32>
  %a = linalg.fill ins(%two : f32) outs(%ea : tensor<4x4xf32>) -> tensor<4x4xf32>
  %ap = hspmd.annotate %a as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]> : tensor<4x4xf32>
  %as = hspmd.reshard %ap to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<4x4xf32>
  %e2 = tensor.empty() : tensor<4x4xf32>
  %eb = hspmd.annotate %e2 as #hspmd.sharding<hetero = partial, groups = [[0] : [], [1] : [], [2] : [], [3] : [], [4] : [], [5] : []]> : tensor<4x4xf32>
  %b = linalg.fill ins(%three : f32) outs(%eb : tensor<4x4xf32>) -> tensor<4x4xf32>
  %bp = hspmd.annotate %b as #hspmd.sharding<hetero = partial, groups = [[0] : [], [1] : [], [2] : [], [3] : [], [4] : [], [5] : []]> : tensor<4x4xf32>
  %bs = hspmd.reshard %bp to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<4x4xf32>
  %five = arith.constant 5.0 : f32
  %e3 = tensor.empty() : tensor<10x4xf32>
  %ec = hspmd.annotate %e3 as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9] : [d0 = 5, partial = 2]> : tensor<10x4xf32>
  %c = linalg.fill ins(%five : f32) outs(%ec : tensor<10x4xf32>) -> tensor<10x4xf32>
  %cp = hspmd.annotate %c as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9] : [d0 = 5, partial = 2]> : tensor<10x4xf32>
  %cs = hspmd.reshard %cp to #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<10x4xf32>
  %top = tensor.extract_slice %cs[0, 0] [4, 4] [1, 1] : tensor<10x4xf32> to tensor<4x4xf32>
  %sum0 = arith.addf %as, %bs : tensor<4x4xf32>
  %sum = arith.addf %sum0, %top : tensor<4x4xf32>
  %r = hspmd.annotate %sum as #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]> : tensor<4x4xf32>
  %buf = bufferization.to_buffer %r : tensor<4x4xf32> to memref<4x4xf32>
  %u = memref.cast %buf : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
