// Reduction payloads over a dimension split 4 ways that are not plain sums: acc - x, (acc + x) + 1,
// overwrite (yield in), a causal-masked sum (select on linalg.index), a saturating sum reading acc,
// a sum of the global index, 2 * x overwrite, acc - (-x), a two-result sum+max, and a two-result generic
// whose second result accumulates the first accumulator (acc1 + acc0; order dependent).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<3x8xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<3x8xf32>) {
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
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<3x8xf32>
  %c3 = arith.constant 2.0 : f32
  %e2 = tensor.empty() : tensor<3xf32>
  %ai = linalg.fill ins(%c3 : f32) outs(%e2 : tensor<3xf32>) -> tensor<3xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%ai : tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.subf %acc, %in : f32
    linalg.yield %t : f32
  } -> tensor<3xf32>
  %c5 = arith.constant 2.0 : f32
  %e4 = tensor.empty() : tensor<3xf32>
  %bi = linalg.fill ins(%c5 : f32) outs(%e4 : tensor<3xf32>) -> tensor<3xf32>
  %b = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%bi : tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %c1 = arith.constant 1.0 : f32
    %t = arith.addf %acc, %in : f32
    %u = arith.addf %t, %c1 : f32
    linalg.yield %u : f32
  } -> tensor<3xf32>
  %c7 = arith.constant 2.0 : f32
  %e6 = tensor.empty() : tensor<3xf32>
  %ci = linalg.fill ins(%c7 : f32) outs(%e6 : tensor<3xf32>) -> tensor<3xf32>
  %c = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%ci : tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32):
    linalg.yield %in : f32
  } -> tensor<3xf32>
  %c9 = arith.constant 2.0 : f32
  %e8 = tensor.empty() : tensor<3xf32>
  %di = linalg.fill ins(%c9 : f32) outs(%e8 : tensor<3xf32>) -> tensor<3xf32>
  %d = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%di : tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %lt = arith.cmpi ule, %j, %i : index
    %t = arith.addf %acc, %in : f32
    %s = arith.select %lt, %t, %acc : f32
    linalg.yield %s : f32
  } -> tensor<3xf32>
  %c11 = arith.constant 2.0 : f32
  %e10 = tensor.empty() : tensor<3xf32>
  %ei = linalg.fill ins(%c11 : f32) outs(%e10 : tensor<3xf32>) -> tensor<3xf32>
  %e = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%ei : tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %ten = arith.constant 4.0 : f32
    %z = arith.constant 0.0 : f32
    %big = arith.cmpf ogt, %acc, %ten : f32
    %xs = arith.select %big, %z, %in : f32
    %t = arith.addf %acc, %xs : f32
    linalg.yield %t : f32
  } -> tensor<3xf32>
  %c13 = arith.constant 2.0 : f32
  %e12 = tensor.empty() : tensor<3xf32>
  %fi = linalg.fill ins(%c13 : f32) outs(%e12 : tensor<3xf32>) -> tensor<3xf32>
  %f = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%fi : tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %jf = arith.sitofp %ji : i32 to f32
    %t = arith.addf %acc, %jf : f32
    linalg.yield %t : f32
  } -> tensor<3xf32>
  %c15 = arith.constant 2.0 : f32
  %e14 = tensor.empty() : tensor<3xf32>
  %hi = linalg.fill ins(%c15 : f32) outs(%e14 : tensor<3xf32>) -> tensor<3xf32>
  %h = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%hi : tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.addf %in, %in : f32
    linalg.yield %t : f32
  } -> tensor<3xf32>
  %c17 = arith.constant 2.0 : f32
  %e16 = tensor.empty() : tensor<3xf32>
  %ki = linalg.fill ins(%c17 : f32) outs(%e16 : tensor<3xf32>) -> tensor<3xf32>
  %k = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%ki : tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %n = arith.negf %in : f32
    %t = arith.subf %acc, %n : f32
    linalg.yield %t : f32
  } -> tensor<3xf32>
  %c19 = arith.constant 0.0 : f32
  %e18 = tensor.empty() : tensor<3xf32>
  %s0 = linalg.fill ins(%c19 : f32) outs(%e18 : tensor<3xf32>) -> tensor<3xf32>
  %c21 = arith.constant -100.0 : f32
  %e20 = tensor.empty() : tensor<3xf32>
  %m0 = linalg.fill ins(%c21 : f32) outs(%e20 : tensor<3xf32>) -> tensor<3xf32>
  %sm:2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%s0, %m0 : tensor<3xf32>, tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32, %mx: f32):
    %t = arith.addf %acc, %in : f32
    %u = arith.maximumf %mx, %in : f32
    linalg.yield %t, %u : f32, f32
  } -> (tensor<3xf32>, tensor<3xf32>)
  %c23 = arith.constant 0.0 : f32
  %e22 = tensor.empty() : tensor<3xf32>
  %s1 = linalg.fill ins(%c23 : f32) outs(%e22 : tensor<3xf32>) -> tensor<3xf32>
  %c25 = arith.constant 1.0 : f32
  %e24 = tensor.empty() : tensor<3xf32>
  %m1 = linalg.fill ins(%c25 : f32) outs(%e24 : tensor<3xf32>) -> tensor<3xf32>
  %sp:2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<3x8xf32>) outs(%s1, %m1 : tensor<3xf32>, tensor<3xf32>) {
  ^bb0(%in: f32, %acc: f32, %cnt: f32):
    %t = arith.addf %acc, %in : f32
    %u = arith.addf %cnt, %acc : f32
    linalg.yield %t, %u : f32, f32
  } -> (tensor<3xf32>, tensor<3xf32>)
  %b26 = bufferization.to_buffer %a : tensor<3xf32> to memref<3xf32>
  %u27 = memref.cast %b26 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u27) : (memref<*xf32>) -> ()
  %b28 = bufferization.to_buffer %b : tensor<3xf32> to memref<3xf32>
  %u29 = memref.cast %b28 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u29) : (memref<*xf32>) -> ()
  %b30 = bufferization.to_buffer %c : tensor<3xf32> to memref<3xf32>
  %u31 = memref.cast %b30 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u31) : (memref<*xf32>) -> ()
  %b32 = bufferization.to_buffer %d : tensor<3xf32> to memref<3xf32>
  %u33 = memref.cast %b32 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u33) : (memref<*xf32>) -> ()
  %b34 = bufferization.to_buffer %e : tensor<3xf32> to memref<3xf32>
  %u35 = memref.cast %b34 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u35) : (memref<*xf32>) -> ()
  %b36 = bufferization.to_buffer %f : tensor<3xf32> to memref<3xf32>
  %u37 = memref.cast %b36 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u37) : (memref<*xf32>) -> ()
  %b38 = bufferization.to_buffer %h : tensor<3xf32> to memref<3xf32>
  %u39 = memref.cast %b38 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u39) : (memref<*xf32>) -> ()
  %b40 = bufferization.to_buffer %k : tensor<3xf32> to memref<3xf32>
  %u41 = memref.cast %b40 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u41) : (memref<*xf32>) -> ()
  %b42 = bufferization.to_buffer %sm#0 : tensor<3xf32> to memref<3xf32>
  %u43 = memref.cast %b42 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u43) : (memref<*xf32>) -> ()
  %b44 = bufferization.to_buffer %sm#1 : tensor<3xf32> to memref<3xf32>
  %u45 = memref.cast %b44 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u45) : (memref<*xf32>) -> ()
  %b46 = bufferization.to_buffer %sp#0 : tensor<3xf32> to memref<3xf32>
  %u47 = memref.cast %b46 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u47) : (memref<*xf32>) -> ()
  %b48 = bufferization.to_buffer %sp#1 : tensor<3xf32> to memref<3xf32>
  %u49 = memref.cast %b48 : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%u49) : (memref<*xf32>) -> ()
  return
}
