// What front-end output looks like after canonicalize + CSE (4 ranks): one
// tensor.empty and ONE zero linalg.fill shared as the init of several
// reductions (a row sum and a row sum of squares of a [d1 = 4] tensor, both
// partial until used), a shared -inf fill for two max reductions, and
// elementwise ops writing in place into their input (outs = the input, as
// bufferization-friendly front ends emit).
#id = affine_map<(i, j) -> (i, j)>
#r = affine_map<(i, j) -> (i)>
#v = affine_map<(i) -> (i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %a = arith.muli %i, %c3 : index
    %s = arith.addi %a, %j : index
    %k = arith.remui %s, %c5 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x8xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf32>
  %z = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e1 = tensor.empty() : tensor<4xf32>
  %zero = linalg.fill ins(%z : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %minf = linalg.fill ins(%ninf : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x8xf32>) outs(%zero : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.addf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %s2 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x8xf32>) outs(%zero : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %p = arith.mulf %in, %in : f32
    %t = arith.addf %p, %acc : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %m1 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x8xf32>) outs(%minf : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.maximumf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %xs = linalg.generic {indexing_maps = [#r, #id], iterator_types = ["parallel", "parallel"]} ins(%m1 : tensor<4xf32>) outs(%x : tensor<4x8xf32>) {
  ^bb0(%m: f32, %o: f32):
    %t = arith.subf %o, %m : f32
    linalg.yield %t : f32
  } -> tensor<4x8xf32>
  %m2 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%xs : tensor<4x8xf32>) outs(%minf : tensor<4xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %n = arith.negf %in : f32
    %t = arith.maximumf %n, %acc : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %q = linalg.generic {indexing_maps = [#v, #v, #v], iterator_types = ["parallel"]} ins(%s1, %s2 : tensor<4xf32>, tensor<4xf32>) outs(%e1 : tensor<4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %aa = arith.mulf %a, %a : f32
    %t = arith.subf %b, %aa : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %p0 = bufferization.to_buffer %s1 : tensor<4xf32> to memref<4xf32>
  %q0 = memref.cast %p0 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %s2 : tensor<4xf32> to memref<4xf32>
  %q1 = memref.cast %p1 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %m1 : tensor<4xf32> to memref<4xf32>
  %q2 = memref.cast %p2 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %m2 : tensor<4xf32> to memref<4xf32>
  %q3 = memref.cast %p3 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q3) : (memref<*xf32>) -> ()
  %p4 = bufferization.to_buffer %q : tensor<4xf32> to memref<4xf32>
  %q4 = memref.cast %p4 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q4) : (memref<*xf32>) -> ()
  %p5 = bufferization.to_buffer %x : tensor<4x8xf32> to memref<4x8xf32>
  %q5 = memref.cast %p5 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%q5) : (memref<*xf32>) -> ()
  return
}
