// A 3-stage pipeline: stage 1 on devices 0,1 (tensor parallel 2 by
// columns), stage 2 on devices 2,3 (tensor parallel 2 by rows, a partial sum
// reduced before relu), stage 3 on device 4 alone. Activations cross each
// stage boundary point to point; propagation moves them (the cheaper
// operand), not the weights.
// REQUIRES: mpi
// RUN: hspmd-opt --hspmd-propagate %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLACE
// RUN: hspmd-run --reference %s > %t.ref
// RUN: hspmd-run -n 5 %s > %t.out
// RUN: diff %t.ref %t.out
// RUN: grep -c "Unranked Memref" %t.out | FileCheck %s --check-prefix=PRINTS
// PRINTS: 1
// PLACE: remark: operand #0 moves from #hspmd.sharding<[0, 1] : [d1 = 2]> to #hspmd.sharding<[2, 3] : [d1 = 2]>
// PLACE: remark: operand #0 moves from #hspmd.sharding<[2, 3] : [partial = 2]> to #hspmd.sharding<[2, 3] : [dup = 2]>: the op is not linear in it
// PLACE: remark: operand #0 moves from #hspmd.sharding<[2, 3] : [dup = 2]> to #hspmd.sharding<[4] : []>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %zero = arith.constant 0.0 : f32
  %two = arith.constant 2 : i64
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %xe = tensor.empty() : tensor<16x8xf32>
  %xg = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%xe : tensor<16x8xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ia = arith.muli %i, %c1 : index
    %s = arith.addi %ia, %j : index
    %m = arith.remui %s, %c5 : index
    %n = arith.index_cast %m : index to i64
    %t = arith.subi %n, %two : i64
    %v = arith.sitofp %t : i64 to f32
    linalg.yield %v : f32
  } -> tensor<16x8xf32>
  %x = hspmd.annotate %xg as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<16x8xf32>
  %w1e = tensor.empty() : tensor<8x32xf32>
  %w1g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%w1e : tensor<8x32xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ia = arith.muli %i, %c2 : index
    %s = arith.addi %ia, %j : index
    %m = arith.remui %s, %c5 : index
    %n = arith.index_cast %m : index to i64
    %t = arith.subi %n, %two : i64
    %v = arith.sitofp %t : i64 to f32
    linalg.yield %v : f32
  } -> tensor<8x32xf32>
  %w1 = hspmd.annotate %w1g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<8x32xf32>
  %w2e = tensor.empty() : tensor<32x32xf32>
  %w2g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%w2e : tensor<32x32xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ia = arith.muli %i, %c3 : index
    %s = arith.addi %ia, %j : index
    %m = arith.remui %s, %c5 : index
    %n = arith.index_cast %m : index to i64
    %t = arith.subi %n, %two : i64
    %v = arith.sitofp %t : i64 to f32
    linalg.yield %v : f32
  } -> tensor<32x32xf32>
  %w2 = hspmd.annotate %w2g as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<32x32xf32>
  %w3e = tensor.empty() : tensor<32x16xf32>
  %w3g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%w3e : tensor<32x16xf32>) {
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ia = arith.muli %i, %c1 : index
    %s = arith.addi %ia, %j : index
    %m = arith.remui %s, %c5 : index
    %n = arith.index_cast %m : index to i64
    %t = arith.subi %n, %two : i64
    %v = arith.sitofp %t : i64 to f32
    linalg.yield %v : f32
  } -> tensor<32x16xf32>
  %w3 = hspmd.annotate %w3g as #hspmd.sharding<[4] : []> : tensor<32x16xf32>
  %h1z = tensor.empty() : tensor<16x32xf32>
  %h1f = linalg.fill ins(%zero : f32) outs(%h1z : tensor<16x32xf32>) -> tensor<16x32xf32>
  %h1 = linalg.matmul ins(%x, %w1 : tensor<16x8xf32>, tensor<8x32xf32>) outs(%h1f : tensor<16x32xf32>) -> tensor<16x32xf32>
  %h2z = tensor.empty() : tensor<16x32xf32>
  %h2f = linalg.fill ins(%zero : f32) outs(%h2z : tensor<16x32xf32>) -> tensor<16x32xf32>
  %h2 = linalg.matmul ins(%h1, %w2 : tensor<16x32xf32>, tensor<32x32xf32>) outs(%h2f : tensor<16x32xf32>) -> tensor<16x32xf32>
  %a2z = tensor.empty() : tensor<16x32xf32>
  %a2 = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%h2 : tensor<16x32xf32>) outs(%a2z : tensor<16x32xf32>) {
  ^bb0(%in: f32, %o: f32):
    %r = arith.maximumf %in, %zero : f32
    linalg.yield %r : f32
  } -> tensor<16x32xf32>
  %yz = tensor.empty() : tensor<16x16xf32>
  %yf = linalg.fill ins(%zero : f32) outs(%yz : tensor<16x16xf32>) -> tensor<16x16xf32>
  %y = linalg.matmul ins(%a2, %w3 : tensor<16x32xf32>, tensor<32x16xf32>) outs(%yf : tensor<16x16xf32>) -> tensor<16x16xf32>
  %yb = bufferization.to_buffer %y : tensor<16x16xf32> to memref<16x16xf32>
  %yu = memref.cast %yb : memref<16x16xf32> to memref<*xf32>
  call @printMemrefF32(%yu) : (memref<*xf32>) -> ()
  return
}
