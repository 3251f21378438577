// Pipeline: layer 1 on [0,1], layer 2 on [2,3], rows of each micro-batch split within a stage, microbatch loop with gradient accumulators carried as partial, stage crossings both ways, SGD after the loop.
// pipeline: layer1 on [0,1] (TP cols), layer2 on [2,3] (TP rows), microbatch loop, gradients accumulated across micro-batches
#w1 = #hspmd.sharding<[0, 1] : [dup = 2]>
#h1 = #hspmd.sharding<[0, 1] : [d0 = 2]>
#x1 = #hspmd.sharding<[0, 1] : [dup = 2]>
#h2 = #hspmd.sharding<[2, 3] : [d0 = 2]>
#w2 = #hspmd.sharding<[2, 3] : [dup = 2]>
#y2 = #hspmd.sharding<[2, 3] : [d0 = 2]>
#g1 = #hspmd.sharding<[0, 1] : [partial = 2]>
#g2 = #hspmd.sharding<[2, 3] : [partial = 2]>
#id2 = affine_map<(i, j) -> (i, j)>
#id3 = affine_map<(i, j, k) -> (i, j, k)>
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %zero = arith.constant 0 : i32
  %ex = tensor.empty() : tensor<4x4x6xi32>
  %x0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%ex : tensor<4x4x6xi32>) {
  ^bb0(%out: i32):
    %m = linalg.index 0 : index
    %i = linalg.index 1 : index
    %j = linalg.index 2 : index
    %a = arith.muli %m, %c5 : index
    %b = arith.muli %i, %c3 : index
    %s = arith.addi %a, %b : index
    %s2 = arith.addi %s, %j : index
    %r = arith.remui %s2, %c7 : index
    %d = arith.subi %r, %c3 : index
    %v = arith.index_cast %d : index to i32
    linalg.yield %v : i32
  } -> tensor<4x4x6xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x4x6xi32>
  %et = tensor.empty() : tensor<4x4x2xi32>
  %t0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%et : tensor<4x4x2xi32>) {
  ^bb0(%out: i32):
    %m = linalg.index 0 : index
    %i = linalg.index 1 : index
    %j = linalg.index 2 : index
    %a = arith.addi %m, %i : index
    %s2 = arith.addi %a, %j : index
    %r = arith.remui %s2, %c3 : index
    %v = arith.index_cast %r : index to i32
    linalg.yield %v : i32
  } -> tensor<4x4x2xi32>
  %t = hspmd.annotate %t0 as #hspmd.sharding<[2, 3] : [d1 = 2]> : tensor<4x4x2xi32>
  %w1c = arith.constant dense<[[1, 0, -1, 2], [0, 1, 1, -1], [2, -1, 0, 0], [-1, 0, 1, 1], [0, 2, -1, 0], [1, 1, 0, -2]]> : tensor<6x4xi32>
  %w1 = hspmd.annotate %w1c as #w1 : tensor<6x4xi32>
  %w2c = arith.constant dense<[[1, -1], [0, 2], [-1, 1], [2, 0]]> : tensor<4x2xi32>
  %w2 = hspmd.annotate %w2c as #w2 : tensor<4x2xi32>
  %eg1 = tensor.empty() : tensor<6x4xi32>
  %g1i0 = linalg.fill ins(%zero : i32) outs(%eg1 : tensor<6x4xi32>) -> tensor<6x4xi32>
  %g1i = hspmd.annotate %g1i0 as #g1 : tensor<6x4xi32>
  %eg2 = tensor.empty() : tensor<4x2xi32>
  %g2i0 = linalg.fill ins(%zero : i32) outs(%eg2 : tensor<4x2xi32>) -> tensor<4x2xi32>
  %g2i = hspmd.annotate %g2i0 as #g2 : tensor<4x2xi32>
  %eh = tensor.empty() : tensor<4x4xi32>
  %ey = tensor.empty() : tensor<4x2xi32>
  %g1f, %g2f = scf.for %mb = %c0 to %c4 step %c1 iter_args(%g1a = %g1i, %g2a = %g2i) -> (tensor<6x4xi32>, tensor<4x2xi32>) {
    %xm = tensor.extract_slice %x[%mb, 0, 0] [1, 4, 6] [1, 1, 1] : tensor<4x4x6xi32> to tensor<4x6xi32>
    %tm = tensor.extract_slice %t[%mb, 0, 0] [1, 4, 2] [1, 1, 1] : tensor<4x4x2xi32> to tensor<4x2xi32>
    %fh = linalg.fill ins(%zero : i32) outs(%eh : tensor<4x4xi32>) -> tensor<4x4xi32>
    %h0 = linalg.matmul ins(%xm, %w1 : tensor<4x6xi32>, tensor<6x4xi32>) outs(%fh : tensor<4x4xi32>) -> tensor<4x4xi32>
    %h1 = hspmd.annotate %h0 as #h1 : tensor<4x4xi32>
    %h = hspmd.annotate %h1 as #h2 : tensor<4x4xi32>
    %fy = linalg.fill ins(%zero : i32) outs(%ey : tensor<4x2xi32>) -> tensor<4x2xi32>
    %y = linalg.matmul ins(%h, %w2 : tensor<4x4xi32>, tensor<4x2xi32>) outs(%fy : tensor<4x2xi32>) -> tensor<4x2xi32>
    %ya = hspmd.annotate %y as #y2 : tensor<4x2xi32>
    %dy = arith.subi %ya, %tm : tensor<4x2xi32>
    %g2n = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>] ins(%h, %dy : tensor<4x4xi32>, tensor<4x2xi32>) outs(%g2a : tensor<4x2xi32>) -> tensor<4x2xi32>
    %g2y = hspmd.annotate %g2n as #g2 : tensor<4x2xi32>
    %fdh = linalg.fill ins(%zero : i32) outs(%eh : tensor<4x4xi32>) -> tensor<4x4xi32>
    %dh0 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%dy, %w2 : tensor<4x2xi32>, tensor<4x2xi32>) outs(%fdh : tensor<4x4xi32>) -> tensor<4x4xi32>
    %dh1 = hspmd.annotate %dh0 as #h2 : tensor<4x4xi32>
    %dh = hspmd.annotate %dh1 as #h1 : tensor<4x4xi32>
    %g1n = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>] ins(%xm, %dh : tensor<4x6xi32>, tensor<4x4xi32>) outs(%g1a : tensor<6x4xi32>) -> tensor<6x4xi32>
    %g1y = hspmd.annotate %g1n as #g1 : tensor<6x4xi32>
    scf.yield %g1y, %g2y : tensor<6x4xi32>, tensor<4x2xi32>
  }
  %nw1 = arith.subi %w1, %g1f : tensor<6x4xi32>
  %nw2 = arith.subi %w2, %g2f : tensor<4x2xi32>
  %b1 = bufferization.to_buffer %nw1 : tensor<6x4xi32> to memref<6x4xi32>
  %u1 = memref.cast %b1 : memref<6x4xi32> to memref<*xi32>
  call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
  %b2 = bufferization.to_buffer %nw2 : tensor<4x2xi32> to memref<4x2xi32>
  %u2 = memref.cast %b2 : memref<4x2xi32> to memref<*xi32>
  call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
  return
}
