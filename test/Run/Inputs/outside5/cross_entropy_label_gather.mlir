// Cross-entropy-like loss: row max over a 3:1 hetero split of the class dim, squared centered sum, label
// gather with tensor.extract at an i64 label (labels split 1:2 with a dup axis), per-row loss on three
// groups, total sum.
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %x_e = tensor.empty() : tensor<6x8xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%x_e : tensor<6x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 5 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %md = arith.constant 11 : index
    %rr = arith.remui %acc2, %md : index
    %iv = arith.index_cast %rr : index to i64
    %of = arith.constant 5 : i64
    %sv = arith.subi %iv, %of : i64
    %vv = arith.sitofp %sv : i64 to f32
    linalg.yield %vv : f32
  } -> tensor<6x8xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[5, 3, 1] : [d1 = 3], [0, 2, 4] : [dup = 3]]> : tensor<6x8xf32>
  %lab_e = tensor.empty() : tensor<6xi64>
  %lab = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%lab_e : tensor<6xi64>) {
  ^bb0(%o: i64):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %md = arith.constant 8 : index
    %rr = arith.remui %acc1, %md : index
    %iv = arith.index_cast %rr : index to i64
    %of = arith.constant 0 : i64
    %sv = arith.subi %iv, %of : i64
    %vv0 = arith.addi %sv, %of : i64
    %vv = arith.subi %vv0, %of : i64
    linalg.yield %vv : i64
  } -> tensor<6xi64>
  %laba = hspmd.annotate %lab as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[2] : [], [0, 1, 3, 4] : [d0 = 2, dup = 2]]> : tensor<6xi64>
  %z = arith.constant 0.0 : f32
  %ninf = arith.constant -1000.0 : f32
  %e1 = tensor.empty() : tensor<6xf32>
  %mi = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<6xf32>) -> tensor<6xf32>
  %mx = linalg.reduce ins(%xa : tensor<6x8xf32>) outs(%mi : tensor<6xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %m = arith.maximumf %in, %acc : f32
      linalg.yield %m : f32
    }
  %e2 = tensor.empty() : tensor<6x8xf32>
  %sq = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%xa, %mx : tensor<6x8xf32>, tensor<6xf32>) outs(%e2 : tensor<6x8xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %d = arith.subf %a, %m : f32
    %q = arith.mulf %d, %d : f32
    linalg.yield %q : f32
  } -> tensor<6x8xf32>
  %zi = linalg.fill ins(%z : f32) outs(%e1 : tensor<6xf32>) -> tensor<6xf32>
  %ss = linalg.reduce ins(%sq : tensor<6x8xf32>) outs(%zi : tensor<6xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %m = arith.addf %in, %acc : f32
      linalg.yield %m : f32
    }
  %loss = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>, affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%laba, %mx, %ss : tensor<6xi64>, tensor<6xf32>, tensor<6xf32>) outs(%e1 : tensor<6xf32>) {
  ^bb0(%l: i64, %m: f32, %s: f32, %o: f32):
    %i = linalg.index 0 : index
    %li = arith.index_cast %l : i64 to index
    %g = tensor.extract %xa[%i, %li] : tensor<6x8xf32>
    %d = arith.subf %m, %g : f32
    %r = arith.addf %d, %s : f32
    linalg.yield %r : f32
  } -> tensor<6xf32>
  %lossa = hspmd.annotate %loss as #hspmd.sharding<hetero = d0, weights = [1, 1, 1], groups = [[4] : [], [3, 1] : [dup = 2], [5, 0] : [d0 = 2]]> : tensor<6xf32>
  %se = tensor.empty() : tensor<f32>
  %sz = linalg.fill ins(%z : f32) outs(%se : tensor<f32>) -> tensor<f32>
  %tot = linalg.reduce ins(%lossa : tensor<6xf32>) outs(%sz : tensor<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %m = arith.addf %in, %acc : f32
      linalg.yield %m : f32
    }
  %lossa_b = bufferization.to_buffer %lossa : tensor<6xf32> to memref<6xf32>
  %lossa_u = memref.cast %lossa_b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%lossa_u) : (memref<*xf32>) -> ()
  %tot_b = bufferization.to_buffer %tot : tensor<f32> to memref<f32>
  %tot_u = memref.cast %tot_b : memref<f32> to memref<*xf32>
  call @printMemrefF32(%tot_u) : (memref<*xf32>) -> ()
  return
}
