// Reductions on 7 heterogeneous ranks. X (14 x 8) has its rows split
// between groups with weights 4:2:1 and, inside the groups, its columns
// split 4 ways / replicated / whole. Over the weighted row split: a sum
// from an init of 10, a product (values in {-1, 1, 2}), a max and an i32
// xor. Over the column split inside groups: a sum and an arith.maxsi on
// i32. Then the same X annotated hetero = dup (each group lays it out its
// own way) feeding a matmul with a weight split by rows per group.
#x = #hspmd.sharding<hetero = d0, weights = [4, 2, 1], groups = [[0, 1, 2, 3] : [d1 = 4], [4, 5] : [dup = 2], [6] : []]>
#xd = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 2, d1 = 2], [4, 5] : [d1 = 2], [6] : []]>
#w = #hspmd.sharding<hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]>
#id = affine_map<(i, j) -> (i, j)>
#r = affine_map<(i, j) -> (i)>
#c = affine_map<(i, j) -> (j)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %e = tensor.empty() : tensor<14x8xf32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<14x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %a = arith.muli %j, %c2 : index
    %s = arith.addi %a, %i : index
    %k = arith.remui %s, %c3 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %zero = arith.constant 0.0 : f32
    %m1 = arith.constant -1.0 : f32
    %isz = arith.cmpf oeq, %f, %zero : f32
    %v = arith.select %isz, %m1, %f : f32
    linalg.yield %v : f32
  } -> tensor<14x8xf32>
  %x = hspmd.annotate %g as #x : tensor<14x8xf32>
  %ten = arith.constant 10.0 : f32
  %one = arith.constant 1.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %z = arith.constant 0.0 : f32
  %ec = tensor.empty() : tensor<8xf32>
  %fs = linalg.fill ins(%ten : f32) outs(%ec : tensor<8xf32>) -> tensor<8xf32>
  %cs = linalg.generic {indexing_maps = [#id, #c], iterator_types = ["reduction", "parallel"]} ins(%x : tensor<14x8xf32>) outs(%fs : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.addf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<8xf32>
  %ec2 = tensor.empty() : tensor<8xf32>
  %fp = linalg.fill ins(%one : f32) outs(%ec2 : tensor<8xf32>) -> tensor<8xf32>
  %cp = linalg.generic {indexing_maps = [#id, #c], iterator_types = ["reduction", "parallel"]} ins(%x : tensor<14x8xf32>) outs(%fp : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.mulf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<8xf32>
  %ec3 = tensor.empty() : tensor<8xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%ec3 : tensor<8xf32>) -> tensor<8xf32>
  %cm = linalg.generic {indexing_maps = [#id, #c], iterator_types = ["reduction", "parallel"]} ins(%x : tensor<14x8xf32>) outs(%fm : tensor<8xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.maximumf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<8xf32>
  %ei = tensor.empty() : tensor<14x8xi32>
  %xi = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<14x8xf32>) outs(%ei : tensor<14x8xi32>) {
  ^bb0(%in: f32, %o: i32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %v = arith.fptosi %in : f32 to i32
    %s = arith.muli %v, %ii : i32
    linalg.yield %s : i32
  } -> tensor<14x8xi32>
  %zi = arith.constant 0 : i32
  %ex = tensor.empty() : tensor<8xi32>
  %fx = linalg.fill ins(%zi : i32) outs(%ex : tensor<8xi32>) -> tensor<8xi32>
  %cx = linalg.generic {indexing_maps = [#id, #c], iterator_types = ["reduction", "parallel"]} ins(%xi : tensor<14x8xi32>) outs(%fx : tensor<8xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %t = arith.xori %in, %acc : i32
    linalg.yield %t : i32
  } -> tensor<8xi32>
  %er = tensor.empty() : tensor<14xf32>
  %fr = linalg.fill ins(%z : f32) outs(%er : tensor<14xf32>) -> tensor<14xf32>
  %rs = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<14x8xf32>) outs(%fr : tensor<14xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.addf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<14xf32>
  %m100 = arith.constant -100 : i32
  %eri = tensor.empty() : tensor<14xi32>
  %fri = linalg.fill ins(%m100 : i32) outs(%eri : tensor<14xi32>) -> tensor<14xi32>
  %rm = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%xi : tensor<14x8xi32>) outs(%fri : tensor<14xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %t = arith.maxsi %in, %acc : i32
    linalg.yield %t : i32
  } -> tensor<14xi32>
  %xd = hspmd.annotate %g as #xd : tensor<14x8xf32>
  %w0 = arith.constant dense<[[1.0, 0.0, 2.0], [0.0, 1.0, -1.0], [3.0, 1.0, 0.0], [-2.0, 0.0, 1.0], [1.0, 1.0, 1.0], [0.0, -3.0, 2.0], [2.0, 2.0, 0.0], [1.0, 0.0, -1.0]]> : tensor<8x3xf32>
  %w = hspmd.annotate %w0 as #w : tensor<8x3xf32>
  %em = tensor.empty() : tensor<14x3xf32>
  %fmm = linalg.fill ins(%z : f32) outs(%em : tensor<14x3xf32>) -> tensor<14x3xf32>
  %mm = linalg.matmul ins(%xd, %w : tensor<14x8xf32>, tensor<8x3xf32>) outs(%fmm : tensor<14x3xf32>) -> tensor<14x3xf32>
  %p0 = bufferization.to_buffer %cs : tensor<8xf32> to memref<8xf32>
  %q0 = memref.cast %p0 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %cp : tensor<8xf32> to memref<8xf32>
  %q1 = memref.cast %p1 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %cm : tensor<8xf32> to memref<8xf32>
  %q2 = memref.cast %p2 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  %p3 = bufferization.to_buffer %cx : tensor<8xi32> to memref<8xi32>
  %q3 = memref.cast %p3 : memref<8xi32> to memref<*xi32>
  call @printMemrefI32(%q3) : (memref<*xi32>) -> ()
  %p4 = bufferization.to_buffer %rs : tensor<14xf32> to memref<14xf32>
  %q4 = memref.cast %p4 : memref<14xf32> to memref<*xf32>
  call @printMemrefF32(%q4) : (memref<*xf32>) -> ()
  %p5 = bufferization.to_buffer %rm : tensor<14xi32> to memref<14xi32>
  %q5 = memref.cast %p5 : memref<14xi32> to memref<*xi32>
  call @printMemrefI32(%q5) : (memref<*xi32>) -> ()
  %p6 = bufferization.to_buffer %mm : tensor<14x3xf32> to memref<14x3xf32>
  %q6 = memref.cast %p6 : memref<14x3xf32> to memref<*xf32>
  call @printMemrefF32(%q6) : (memref<*xf32>) -> ()
  return
}
