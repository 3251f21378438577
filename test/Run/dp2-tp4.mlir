// Data parallel 2 x tensor parallel 4 on 8 ranks: the batch is split over
// the outer axis, the hidden dimension over the inner one (columns of W1,
// rows of W2), so Y is a partial sum inside each data-parallel replica. The
// weight gradient dW2 = H^T Y contracts over the batch, which the replicas
// split: a sum over the data-parallel axis.
// REQUIRES: mpi
// RUN: hspmd-opt --hspmd-propagate %s 2>/dev/null | FileCheck %s --check-prefix=PLACE
// RUN: hspmd-run --reference %s > %t.ref
// RUN: hspmd-run -n 8 %s > %t.out
// RUN: diff %t.ref %t.out
// RUN: grep -c "Unranked Memref" %t.out | FileCheck %s --check-prefix=PRINTS
// PRINTS: 2
// PLACE: %[[H:.*]] = linalg.matmul
// PLACE-NEXT: hspmd.annotate %[[H]] as #hspmd.sharding<[0 to 7] : [d0 = 2, d1 = 4]> : tensor<16x32xf32>
// PLACE: %[[Y:.*]] = linalg.matmul
// PLACE-NEXT: hspmd.annotate %[[Y]] as #hspmd.sharding<[0 to 7] : [d0 = 2, partial = 4]> : tensor<16x8xf32>
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
  %x = hspmd.annotate %xg as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [d0 = 2, dup = 4]> : tensor<16x8xf32>
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
  %w1 = hspmd.annotate %w1g as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [dup = 2, d1 = 4]> : tensor<8x32xf32>
  %w2e = tensor.empty() : tensor<32x8xf32>
  %w2g = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} outs(%w2e : tensor<32x8xf32>) {
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
  } -> tensor<32x8xf32>
  %w2 = hspmd.annotate %w2g as #hspmd.sharding<[0, 1, 2, 3, 4, 5, 6, 7] : [dup = 2, d0 = 4]> : tensor<32x8xf32>
  %hz = tensor.empty() : tensor<16x32xf32>
  %hf = linalg.fill ins(%zero : f32) outs(%hz : tensor<16x32xf32>) -> tensor<16x32xf32>
  %h = linalg.matmul ins(%x, %w1 : tensor<16x8xf32>, tensor<8x32xf32>) outs(%hf : tensor<16x32xf32>) -> tensor<16x32xf32>
  %yz = tensor.empty() : tensor<16x8xf32>
  %yf = linalg.fill ins(%zero : f32) outs(%yz : tensor<16x8xf32>) -> tensor<16x8xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<16x32xf32>, tensor<32x8xf32>) outs(%yf : tensor<16x8xf32>) -> tensor<16x8xf32>
  %hte = tensor.empty() : tensor<32x16xf32>
  %ht = linalg.transpose ins(%h : tensor<16x32xf32>) outs(%hte : tensor<32x16xf32>) permutation = [1, 0]
  %gz = tensor.empty() : tensor<32x8xf32>
  %gf = linalg.fill ins(%zero : f32) outs(%gz : tensor<32x8xf32>) -> tensor<32x8xf32>
  %g = linalg.matmul ins(%ht, %y : tensor<32x16xf32>, tensor<16x8xf32>) outs(%gf : tensor<32x8xf32>) -> tensor<32x8xf32>
  %yb = bufferization.to_buffer %y : tensor<16x8xf32> to memref<16x8xf32>
  %yu = memref.cast %yb : memref<16x8xf32> to memref<*xf32>
  call @printMemrefF32(%yu) : (memref<*xf32>) -> ()
  %gb = bufferization.to_buffer %g : tensor<32x8xf32> to memref<32x8xf32>
  %gu = memref.cast %gb : memref<32x8xf32> to memref<*xf32>
  call @printMemrefF32(%gu) : (memref<*xf32>) -> ()
  return
}
