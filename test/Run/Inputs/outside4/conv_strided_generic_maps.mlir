// Convolutions written as generics: (i + k), (2i + k), (2i + 2k) input maps, weight on device 2, output init 100 annotated
// partial; constant-result maps (i) -> (0) and (i) -> (2) on a weighted hetero split input.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e0 = tensor.empty() : tensor<16xf32>
  %g1 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e0 : tensor<16xf32>) {
  ^bb0(%o: f32):
    %acc_0 = arith.constant 0 : index
    %ix_0 = linalg.index 0 : index
    %cm_0 = arith.constant 5 : index
    %mm_0 = arith.muli %ix_0, %cm_0 : index
    %acc_1 = arith.addi %acc_0, %mm_0 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc_1, %md : index
    %i64v = arith.index_cast %rr : index to i64
    %of = arith.constant 3 : i64
    %sv = arith.subi %i64v, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<16xf32>
  %a2 = hspmd.annotate %g1 as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[3] : [], [0, 1] : [d0 = 2]]> : tensor<16xf32>
  %w3 = arith.constant dense<[1.0, -2.0, 3.0]> : tensor<3xf32>
  %a4 = hspmd.annotate %w3 as #hspmd.sharding<[2] : []> : tensor<3xf32>
  %c6 = arith.constant 100.0 : f32
  %e5 = tensor.empty() : tensor<14xf32>
  %f7 = linalg.fill ins(%c6 : f32) outs(%e5 : tensor<14xf32>) -> tensor<14xf32>
  %a8 = hspmd.annotate %f7 as #hspmd.sharding<[1, 2] : [partial = 2]> : tensor<14xf32>
  %r9 = linalg.generic {indexing_maps = [affine_map<(i, k) -> (i + k)>, affine_map<(i, k) -> (k)>, affine_map<(i, k) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%a2, %a4 : tensor<16xf32>, tensor<3xf32>) outs(%a8 : tensor<14xf32>) {
  ^bb0(%in: f32, %ww: f32, %acc: f32):
    %p = arith.mulf %in, %ww : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<14xf32>
  %b10 = bufferization.to_buffer %r9 : tensor<14xf32> to memref<14xf32>
  %u11 = memref.cast %b10 : memref<14xf32> to memref<*xf32>
  call @printMemrefF32(%u11) : (memref<*xf32>) -> ()
  %c13 = arith.constant 100.0 : f32
  %e12 = tensor.empty() : tensor<7xf32>
  %f14 = linalg.fill ins(%c13 : f32) outs(%e12 : tensor<7xf32>) -> tensor<7xf32>
  %a15 = hspmd.annotate %f14 as #hspmd.sharding<[1, 2] : [partial = 2]> : tensor<7xf32>
  %r16 = linalg.generic {indexing_maps = [affine_map<(i, k) -> (i * 2 + k)>, affine_map<(i, k) -> (k)>, affine_map<(i, k) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%a2, %a4 : tensor<16xf32>, tensor<3xf32>) outs(%a15 : tensor<7xf32>) {
  ^bb0(%in: f32, %ww: f32, %acc: f32):
    %p = arith.mulf %in, %ww : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<7xf32>
  %b17 = bufferization.to_buffer %r16 : tensor<7xf32> to memref<7xf32>
  %u18 = memref.cast %b17 : memref<7xf32> to memref<*xf32>
  call @printMemrefF32(%u18) : (memref<*xf32>) -> ()
  %c20 = arith.constant 100.0 : f32
  %e19 = tensor.empty() : tensor<6xf32>
  %f21 = linalg.fill ins(%c20 : f32) outs(%e19 : tensor<6xf32>) -> tensor<6xf32>
  %a22 = hspmd.annotate %f21 as #hspmd.sharding<[1, 2] : [partial = 2]> : tensor<6xf32>
  %r23 = linalg.generic {indexing_maps = [affine_map<(i, k) -> (i * 2 + k * 2)>, affine_map<(i, k) -> (k)>, affine_map<(i, k) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%a2, %a4 : tensor<16xf32>, tensor<3xf32>) outs(%a22 : tensor<6xf32>) {
  ^bb0(%in: f32, %ww: f32, %acc: f32):
    %p = arith.mulf %in, %ww : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<6xf32>
  %b24 = bufferization.to_buffer %r23 : tensor<6xf32> to memref<6xf32>
  %u25 = memref.cast %b24 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u25) : (memref<*xf32>) -> ()
  %e26 = tensor.empty() : tensor<16xf32>
  %r27 = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (0)>, affine_map<(i) -> (2)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%a2, %a2, %a4 : tensor<16xf32>, tensor<16xf32>, tensor<3xf32>) outs(%e26 : tensor<16xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32, %o: f32):
    %s = arith.subf %a, %b : f32
    %t = arith.mulf %s, %c : f32
    linalg.yield %t : f32
  } -> tensor<16xf32>
  %last = hspmd.annotate %r27 as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[3] : [], [0, 1] : [d0 = 2]]> : tensor<16xf32>
  %b28 = bufferization.to_buffer %last : tensor<16xf32> to memref<16xf32>
  %u29 = memref.cast %b28 : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u29) : (memref<*xf32>) -> ()
  return
}
