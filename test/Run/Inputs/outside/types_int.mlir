// Integer element types (2 ranks): an i32 linalg.matmul with the
// contraction split (partial sums of integers), an i64 row sum over a split
// dimension whose values exceed 2^32, an i32 sum that wraps around
// (2^31 - 1 + ...: modular arithmetic, still exact on pieces), and
// elementwise arith.divsi / arith.remsi / arith.shrsi on a split tensor.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e = tensor.empty() : tensor<4x6xi32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x6xi32>) {
  ^bb0(%o: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c5 = arith.constant 5 : index
    %c11 = arith.constant 11 : index
    %a = arith.muli %i, %c5 : index
    %s = arith.addi %a, %j : index
    %k = arith.remui %s, %c11 : index
    %ii = arith.index_cast %k : index to i32
    %c5i = arith.constant 5 : i32
    %v = arith.subi %ii, %c5i : i32
    linalg.yield %v : i32
  } -> tensor<4x6xi32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x6xi32>
  %w = arith.constant dense<[[1, 2, 3], [-1, 0, 2], [4, -3, 1], [0, 1, 1], [2, 2, -2], [-5, 1, 0]]> : tensor<6x3xi32>
  %wa = hspmd.annotate %w as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<6x3xi32>
  %z = arith.constant 0 : i32
  %em = tensor.empty() : tensor<4x3xi32>
  %fm = linalg.fill ins(%z : i32) outs(%em : tensor<4x3xi32>) -> tensor<4x3xi32>
  %mm = linalg.matmul ins(%a, %wa : tensor<4x6xi32>, tensor<6x3xi32>) outs(%fm : tensor<4x3xi32>) -> tensor<4x3xi32>
  %e64 = tensor.empty() : tensor<4x6xi64>
  %g64 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%g : tensor<4x6xi32>) outs(%e64 : tensor<4x6xi64>) {
  ^bb0(%in: i32, %o: i64):
    %x = arith.extsi %in : i32 to i64
    %big = arith.constant 3000000000 : i64
    %y = arith.muli %x, %big : i64
    linalg.yield %y : i64
  } -> tensor<4x6xi64>
  %g64a = hspmd.annotate %g64 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x6xi64>
  %z64 = arith.constant 7 : i64
  %er = tensor.empty() : tensor<4xi64>
  %fr = linalg.fill ins(%z64 : i64) outs(%er : tensor<4xi64>) -> tensor<4xi64>
  %rs = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%g64a : tensor<4x6xi64>) outs(%fr : tensor<4xi64>) {
  ^bb0(%in: i64, %acc: i64):
    %r = arith.addi %in, %acc : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %maxi = arith.constant 2147483000 : i32
  %ew = tensor.empty() : tensor<4xi32>
  %fw = linalg.fill ins(%maxi : i32) outs(%ew : tensor<4xi32>) -> tensor<4xi32>
  %wr = linalg.generic {indexing_maps = [#id, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x6xi32>) outs(%fw : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %m = arith.constant 1000 : i32
    %t = arith.muli %in, %m : i32
    %r = arith.addi %t, %acc : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %three = arith.constant dense<3> : tensor<4x6xi32>
  %dv = arith.divsi %a, %three : tensor<4x6xi32>
  %rm = arith.remsi %a, %three : tensor<4x6xi32>
  %one = arith.constant dense<1> : tensor<4x6xi32>
  %sh = arith.shrsi %a, %one : tensor<4x6xi32>
  %t1 = arith.addi %dv, %rm : tensor<4x6xi32>
  %ten = arith.constant dense<100> : tensor<4x6xi32>
  %t2 = arith.muli %sh, %ten : tensor<4x6xi32>
  %t3 = arith.addi %t1, %t2 : tensor<4x6xi32>
  %p0 = bufferization.to_buffer %mm : tensor<4x3xi32> to memref<4x3xi32>
  %q0 = memref.cast %p0 : memref<4x3xi32> to memref<*xi32>
  call @printMemrefI32(%q0) : (memref<*xi32>) -> ()
  %p1 = bufferization.to_buffer %rs : tensor<4xi64> to memref<4xi64>
  %q1 = memref.cast %p1 : memref<4xi64> to memref<*xi64>
  call @printMemrefI64(%q1) : (memref<*xi64>) -> ()
  %p2 = bufferization.to_buffer %wr : tensor<4xi32> to memref<4xi32>
  %q2 = memref.cast %p2 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%q2) : (memref<*xi32>) -> ()
  %p3 = bufferization.to_buffer %t3 : tensor<4x6xi32> to memref<4x6xi32>
  %q3 = memref.cast %p3 : memref<4x6xi32> to memref<*xi32>
  call @printMemrefI32(%q3) : (memref<*xi32>) -> ()
  return
}
