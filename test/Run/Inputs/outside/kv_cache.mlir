// A decoding step's KV-cache update (4 ranks): a helper @append writes the
// new key (4 heads x 1 x 4) into its cache argument (4 heads x 8 positions x
// 4, split by heads) with tensor.insert_slice at a run-time position (read
// from an i32 tensor and offset with arith) and returns it; it is called
// twice (positions 5 and 6), then the scores q . k over all positions
// (a contraction over the head dimension d) and a max over positions
// (split 2 ways in a second placement) are computed.
#id3 = affine_map<(h, s, d) -> (h, s, d)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @append(%cache: tensor<4x8x4xf32>, %kv: tensor<4x1x4xf32>, %pos: index) -> tensor<4x8x4xf32> {
  %r = tensor.insert_slice %kv into %cache[0, %pos, 0] [4, 1, 4] [1, 1, 1] : tensor<4x1x4xf32> into tensor<4x8x4xf32>
  return %r : tensor<4x8x4xf32>
}
func.func @main() {
  %e = tensor.empty() : tensor<4x8x4xf32>
  %c0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e : tensor<4x8x4xf32>) {
  ^bb0(%o: f32):
    %h = linalg.index 0 : index
    %s = linalg.index 1 : index
    %d = linalg.index 2 : index
    %c5 = arith.constant 5 : index
    %c4 = arith.constant 4 : index
    %lt = arith.cmpi ult, %s, %c5 : index
    %a = arith.addi %h, %s : index
    %b = arith.addi %a, %d : index
    %k = arith.remui %b, %c4 : index
    %ii = arith.index_cast %k : index to i32
    %f = arith.sitofp %ii : i32 to f32
    %z = arith.constant 0.0 : f32
    %v = arith.select %lt, %f, %z : f32
    linalg.yield %v : f32
  } -> tensor<4x8x4xf32>
  %cache = hspmd.annotate %c0 as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x8x4xf32>
  %ek = tensor.empty() : tensor<4x1x4xf32>
  %k1 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%ek : tensor<4x1x4xf32>) {
  ^bb0(%o: f32):
    %h = linalg.index 0 : index
    %d = linalg.index 2 : index
    %c10 = arith.constant 10 : index
    %a = arith.muli %h, %c10 : index
    %b = arith.addi %a, %d : index
    %ii = arith.index_cast %b : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<4x1x4xf32>
  %k2 = arith.negf %k1 : tensor<4x1x4xf32>
  %steps = arith.constant dense<[4, 9]> : tensor<2xi32>
  %i0 = arith.constant 0 : index
  %st = tensor.extract %steps[%i0] : tensor<2xi32>
  %sti = arith.index_cast %st : i32 to index
  %one = arith.constant 1 : index
  %pos1 = arith.addi %sti, %one : index
  %pos2 = arith.addi %pos1, %one : index
  %u1 = call @append(%cache, %k1, %pos1) : (tensor<4x8x4xf32>, tensor<4x1x4xf32>, index) -> tensor<4x8x4xf32>
  %u2 = call @append(%u1, %k2, %pos2) : (tensor<4x8x4xf32>, tensor<4x1x4xf32>, index) -> tensor<4x8x4xf32>
  %q = arith.constant dense<[[1.0, 0.0, 2.0, -1.0], [0.0, 1.0, 1.0, 1.0], [2.0, 2.0, 0.0, 0.0], [-1.0, 1.0, 0.0, 3.0]]> : tensor<4x4xf32>
  %zf = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<4x8xf32>
  %fs = linalg.fill ins(%zf : f32) outs(%es : tensor<4x8xf32>) -> tensor<4x8xf32>
  %sc = linalg.generic {indexing_maps = [affine_map<(h, s, d) -> (h, d)>, #id3, affine_map<(h, s, d) -> (h, s)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%q, %u2 : tensor<4x4xf32>, tensor<4x8x4xf32>) outs(%fs : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %t = arith.addf %acc, %p : f32
    linalg.yield %t : f32
  } -> tensor<4x8xf32>
  %sca = hspmd.annotate %sc as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<4x8xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %em = tensor.empty() : tensor<4xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%em : tensor<4xf32>) -> tensor<4xf32>
  %mx = linalg.reduce ins(%sca : tensor<4x8xf32>) outs(%fm : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %t = arith.maximumf %in, %acc : f32
      linalg.yield %t : f32
    }
  %p0 = bufferization.to_buffer %u2 : tensor<4x8x4xf32> to memref<4x8x4xf32>
  %q0 = memref.cast %p0 : memref<4x8x4xf32> to memref<*xf32>
  call @printMemrefF32(%q0) : (memref<*xf32>) -> ()
  %p1 = bufferization.to_buffer %sca : tensor<4x8xf32> to memref<4x8xf32>
  %q1 = memref.cast %p1 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%q1) : (memref<*xf32>) -> ()
  %p2 = bufferization.to_buffer %mx : tensor<4xf32> to memref<4xf32>
  %q2 = memref.cast %p2 : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%q2) : (memref<*xf32>) -> ()
  return
}
