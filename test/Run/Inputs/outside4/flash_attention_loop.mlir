// Flash-attention style online softmax: scf.for over KV blocks carrying running max, denominator and accumulator (heads split across groups, queries split in group A), causal mask; prints round(out*1000).
// flash-attention style: scf.for over KV blocks carrying running max m, denominator l and accumulator acc (heads split across hetero groups, queries split inside group A), causal mask; prints round(out*1000) and argmax
#hs = #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[0, 1] : [d1 = 2], [2] : []]>
#hs2 = #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[0, 1] : [d1 = 2], [2] : []]>
#kv = #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[0, 1] : [dup = 2], [2] : []]>
#id3 = affine_map<(h, i, d) -> (h, i, d)>
#id2 = affine_map<(h, i) -> (h, i)>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant -1.0e30 : f32
  %eq = tensor.empty() : tensor<2x8x4xf32>
  %q0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%eq : tensor<2x8x4xf32>) {
  ^bb0(%out: f32):
    %h = linalg.index 0 : index
    %i = linalg.index 1 : index
    %d = linalg.index 2 : index
    %a = arith.muli %h, %c3 : index
    %b = arith.addi %a, %i : index
    %e = arith.muli %d, %b : index
    %f = arith.addi %e, %d : index
    %m = arith.remui %f, %c7 : index
    %s = arith.subi %m, %c3 : index
    %v = arith.index_cast %s : index to i32
    %fv = arith.sitofp %v : i32 to f32
    %q = arith.constant 0.25 : f32
    %r = arith.mulf %fv, %q : f32
    linalg.yield %r : f32
  } -> tensor<2x8x4xf32>
  %q = hspmd.annotate %q0 as #hs : tensor<2x8x4xf32>
  %k0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%eq : tensor<2x8x4xf32>) {
  ^bb0(%out: f32):
    %h = linalg.index 0 : index
    %i = linalg.index 1 : index
    %d = linalg.index 2 : index
    %a = arith.muli %i, %c3 : index
    %b = arith.addi %a, %h : index
    %dd = arith.muli %d, %d : index
    %e = arith.addi %b, %dd : index
    %m = arith.remui %e, %c5 : index
    %s = arith.subi %m, %c2 : index
    %v = arith.index_cast %s : index to i32
    %fv = arith.sitofp %v : i32 to f32
    linalg.yield %fv : f32
  } -> tensor<2x8x4xf32>
  %k = hspmd.annotate %k0 as #kv : tensor<2x8x4xf32>
  %v0 = linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]} outs(%eq : tensor<2x8x4xf32>) {
  ^bb0(%out: f32):
    %h = linalg.index 0 : index
    %i = linalg.index 1 : index
    %d = linalg.index 2 : index
    %a = arith.muli %d, %c7 : index
    %b = arith.addi %a, %i : index
    %e = arith.addi %b, %h : index
    %m = arith.remui %e, %c5 : index
    %v = arith.index_cast %m : index to i32
    %fv = arith.sitofp %v : i32 to f32
    linalg.yield %fv : f32
  } -> tensor<2x8x4xf32>
  %v = hspmd.annotate %v0 as #kv : tensor<2x8x4xf32>
  %em = tensor.empty() : tensor<2x8xf32>
  %m0 = linalg.fill ins(%ninf : f32) outs(%em : tensor<2x8xf32>) -> tensor<2x8xf32>
  %l0 = linalg.fill ins(%zero : f32) outs(%em : tensor<2x8xf32>) -> tensor<2x8xf32>
  %a0 = linalg.fill ins(%zero : f32) outs(%eq : tensor<2x8x4xf32>) -> tensor<2x8x4xf32>
  %es = tensor.empty() : tensor<2x8x4xf32>
  %mf, %lf, %af = scf.for %blk = %c0 to %c8 step %c4 iter_args(%m = %m0, %l = %l0, %acc = %a0) -> (tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8x4xf32>) {
    %kb = tensor.extract_slice %k[0, %blk, 0] [2, 4, 4] [1, 1, 1] : tensor<2x8x4xf32> to tensor<2x4x4xf32>
    %vb = tensor.extract_slice %v[0, %blk, 0] [2, 4, 4] [1, 1, 1] : tensor<2x8x4xf32> to tensor<2x4x4xf32>
    %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<2x8x4xf32>) -> tensor<2x8x4xf32>
    %s = linalg.generic {indexing_maps = [affine_map<(h, i, j, d) -> (h, i, d)>, affine_map<(h, i, j, d) -> (h, j, d)>, affine_map<(h, i, j, d) -> (h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%q, %kb : tensor<2x8x4xf32>, tensor<2x4x4xf32>) outs(%fs : tensor<2x8x4xf32>) {
    ^bb0(%a: f32, %b: f32, %o: f32):
      %p = arith.mulf %a, %b : f32
      %r = arith.addf %o, %p : f32
      linalg.yield %r : f32
    } -> tensor<2x8x4xf32>
    %sm = linalg.generic {indexing_maps = [#id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%s : tensor<2x8x4xf32>) outs(%es : tensor<2x8x4xf32>) {
    ^bb0(%a: f32, %o: f32):
      %i = linalg.index 1 : index
      %j = linalg.index 2 : index
      %jg = arith.addi %j, %blk : index
      %c = arith.cmpi ugt, %jg, %i : index
      %r = arith.select %c, %ninf, %a : f32
      linalg.yield %r : f32
    } -> tensor<2x8x4xf32>
    %mb = linalg.reduce ins(%sm : tensor<2x8x4xf32>) outs(%m : tensor<2x8xf32>) dimensions = [2]
      (%x: f32, %o: f32) {
        %r = arith.maximumf %x, %o : f32
        linalg.yield %r : f32
      }
    %p = linalg.generic {indexing_maps = [#id3, affine_map<(h, i, j) -> (h, i)>, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sm, %mb : tensor<2x8x4xf32>, tensor<2x8xf32>) outs(%es : tensor<2x8x4xf32>) {
    ^bb0(%a: f32, %mm: f32, %o: f32):
      %d = arith.subf %a, %mm : f32
      %e = math.exp %d : f32
      linalg.yield %e : f32
    } -> tensor<2x8x4xf32>
    %corr = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%m, %mb : tensor<2x8xf32>, tensor<2x8xf32>) outs(%em : tensor<2x8xf32>) {
    ^bb0(%a: f32, %b: f32, %o: f32):
      %d = arith.subf %a, %b : f32
      %e = math.exp %d : f32
      linalg.yield %e : f32
    } -> tensor<2x8xf32>
    %lc = arith.mulf %l, %corr : tensor<2x8xf32>
    %ln = linalg.reduce ins(%p : tensor<2x8x4xf32>) outs(%lc : tensor<2x8xf32>) dimensions = [2]
      (%x: f32, %o: f32) {
        %r = arith.addf %x, %o : f32
        linalg.yield %r : f32
      }
    %ac = linalg.generic {indexing_maps = [#id3, affine_map<(h, i, d) -> (h, i)>, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%acc, %corr : tensor<2x8x4xf32>, tensor<2x8xf32>) outs(%eq : tensor<2x8x4xf32>) {
    ^bb0(%a: f32, %c: f32, %o: f32):
      %r = arith.mulf %a, %c : f32
      linalg.yield %r : f32
    } -> tensor<2x8x4xf32>
    %an = linalg.generic {indexing_maps = [affine_map<(h, i, d, j) -> (h, i, j)>, affine_map<(h, i, d, j) -> (h, j, d)>, affine_map<(h, i, d, j) -> (h, i, d)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%p, %vb : tensor<2x8x4xf32>, tensor<2x4x4xf32>) outs(%ac : tensor<2x8x4xf32>) {
    ^bb0(%a: f32, %b: f32, %o: f32):
      %pp = arith.mulf %a, %b : f32
      %r = arith.addf %o, %pp : f32
      linalg.yield %r : f32
    } -> tensor<2x8x4xf32>
    %mba = hspmd.annotate %mb as #hs2 : tensor<2x8xf32>
    scf.yield %mba, %ln, %an : tensor<2x8xf32>, tensor<2x8xf32>, tensor<2x8x4xf32>
  }
  %o = linalg.generic {indexing_maps = [#id3, affine_map<(h, i, d) -> (h, i)>, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%af, %lf : tensor<2x8x4xf32>, tensor<2x8xf32>) outs(%eq : tensor<2x8x4xf32>) {
  ^bb0(%a: f32, %l: f32, %oo: f32):
    %r = arith.divf %a, %l : f32
    %t = arith.constant 1000.0 : f32
    %r2 = arith.mulf %r, %t : f32
    %r3 = math.roundeven %r2 : f32
    linalg.yield %r3 : f32
  } -> tensor<2x8x4xf32>
  %bb = bufferization.to_buffer %o : tensor<2x8x4xf32> to memref<2x8x4xf32>
  %u = memref.cast %bb : memref<2x8x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
