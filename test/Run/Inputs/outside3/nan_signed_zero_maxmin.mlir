// maximumf / maxnumf / minimumf / minnumf reductions over a dimension split 4 ways ([d1 = 4],
// split in two by linalg::splitReduction), with NaN in rows 0 and 2 and mixes of -0.0 / +0.0;
// printed as 1/x so the sign of a zero shows (-inf vs inf). NaN must propagate for *imumf and be
// ignored for *numf.
#id = affine_map<(i, j) -> (i, j)>
#r = affine_map<(i, j) -> (i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf32>
  // x[i,j]: row 0 has a NaN at j=5, row 1 -0.0 and +0.0 mixed, row 2 has NaN at j=0, row 3 all -0.0
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ii = arith.index_cast %i : index to i32
    %ji = arith.index_cast %j : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %fj = arith.sitofp %ji : i32 to f32
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c5 = arith.constant 5 : index
    %nan = arith.constant 0x7FC00000 : f32
    %nz = arith.constant -0.0 : f32
    %pz = arith.constant 0.0 : f32
    %neg = arith.negf %fj : f32
    %isr0 = arith.cmpi eq, %i, %c0 : index
    %isj5 = arith.cmpi eq, %j, %c5 : index
    %nan0 = arith.andi %isr0, %isj5 : i1
    %isr2 = arith.cmpi eq, %i, %c2 : index
    %isj0 = arith.cmpi eq, %j, %c0 : index
    %nan2 = arith.andi %isr2, %isj0 : i1
    %isnan = arith.ori %nan0, %nan2 : i1
    %isr1 = arith.cmpi eq, %i, %c1 : index
    %jodd = arith.remui %j, %c2 : index
    %odd = arith.cmpi eq, %jodd, %c1 : index
    %z1 = arith.select %odd, %nz, %pz : f32
    %isr3 = arith.cmpi ugt, %i, %c2 : index
    %v0 = arith.select %isnan, %nan, %neg : f32
    %v1 = arith.select %isr1, %z1, %v0 : f32
    %v2 = arith.select %isr3, %nz, %v1 : f32
    linalg.yield %v2 : f32
  } -> tensor<4x8xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %pinf = arith.constant 0x7F800000 : f32
  %e1 = tensor.empty() : tensor<4xf32>
  %f1 = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %mx = linalg.reduce ins(%x : tensor<4x8xf32>) outs(%f1 : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.maximumf %in, %acc : f32
      linalg.yield %t : f32
    }
  %e2 = tensor.empty() : tensor<4xf32>
  %f2 = linalg.fill ins(%ninf : f32) outs(%e2 : tensor<4xf32>) -> tensor<4xf32>
  %mxn = linalg.reduce ins(%x : tensor<4x8xf32>) outs(%f2 : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.maxnumf %in, %acc : f32
      linalg.yield %t : f32
    }
  %e3 = tensor.empty() : tensor<4xf32>
  %f3 = linalg.fill ins(%pinf : f32) outs(%e3 : tensor<4xf32>) -> tensor<4xf32>
  %mn = linalg.reduce ins(%x : tensor<4x8xf32>) outs(%f3 : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.minimumf %in, %acc : f32
      linalg.yield %t : f32
    }
  %e4 = tensor.empty() : tensor<4xf32>
  %f4 = linalg.fill ins(%pinf : f32) outs(%e4 : tensor<4xf32>) -> tensor<4xf32>
  %mnn = linalg.reduce ins(%x : tensor<4x8xf32>) outs(%f4 : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.minnumf %in, %acc : f32
      linalg.yield %t : f32
    }
  // 1/x to expose the sign of zeros
  %one = arith.constant 1.0 : f32
  %e5 = tensor.empty() : tensor<4x4xf32>
  %all = linalg.generic {indexing_maps = [#r, #r, #r, #r, #id], iterator_types = ["parallel", "parallel"]} ins(%mx, %mxn, %mn, %mnn : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) outs(%e5 : tensor<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32, %d: f32, %o: f32):
    %k = linalg.index 1 : index
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %is0 = arith.cmpi eq, %k, %c0 : index
    %is1 = arith.cmpi eq, %k, %c1 : index
    %is2 = arith.cmpi eq, %k, %c2 : index
    %s2 = arith.select %is2, %c, %d : f32
    %s1 = arith.select %is1, %b, %s2 : f32
    %s0 = arith.select %is0, %a, %s1 : f32
    %inv = arith.divf %one, %s0 : f32
    linalg.yield %inv : f32
  } -> tensor<4x4xf32>
  %p0 = bufferization.to_buffer %all : tensor<4x4xf32> to memref<4x4xf32>
  %q0 = memref.cast %p0 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  return
}
