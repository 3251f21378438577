// CNN training loop (i32): conv + relu + global sum pool + linear head, loss printed per step, dHead/dW via matmul and window generic, SGD on carried conv weights (out-channel split in group A) and head; batch split 1:1 across groups.
// CNN training loop: conv (NHWC/HWCF) + relu + global sum pool + linear head; backward conv weights via generic; SGD on carried conv weights (out-channel split in group A) and head; batch split across groups 1:1
#xs = #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[0, 1] : [dup = 2], [2, 3] : [d0 = 2]]>
#ws = #hspmd.sharding<hetero = dup, groups = [[0, 1] : [d3 = 2], [2, 3] : [dup = 2]]>
#hs = #hspmd.sharding<hetero = dup, groups = [[0, 1] : [d0 = 2], [2, 3] : [dup = 2]]>
#id4 = affine_map<(n, h, w, c) -> (n, h, w, c)>
#id2 = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %zero = arith.constant 0 : i32
  %sh = arith.constant 6 : i32
  %ex = tensor.empty() : tensor<4x5x5x2xi32>
  %x0 = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%ex : tensor<4x5x5x2xi32>) {
  ^bb0(%out: i32):
    %n = linalg.index 0 : index
    %h = linalg.index 1 : index
    %w = linalg.index 2 : index
    %c = linalg.index 3 : index
    %a = arith.muli %h, %c3 : index
    %b = arith.addi %a, %w : index
    %n2 = arith.muli %n, %c5 : index
    %d = arith.addi %b, %n2 : index
    %e = arith.addi %d, %c : index
    %m = arith.remui %e, %c7 : index
    %s = arith.subi %m, %c3 : index
    %v = arith.index_cast %s : index to i32
    linalg.yield %v : i32
  } -> tensor<4x5x5x2xi32>
  %x = hspmd.annotate %x0 as #xs : tensor<4x5x5x2xi32>
  %tg = arith.constant dense<[[1, -1], [0, 2], [3, 0], [-2, 1]]> : tensor<4x2xi32>
  %t = hspmd.annotate %tg as #hspmd.sharding<hetero = d0, weights = [1, 1], groups = [[0, 1] : [dup = 2], [2, 3] : [d0 = 2]]> : tensor<4x2xi32>
  %ew = tensor.empty() : tensor<3x3x2x4xi32>
  %w0 = linalg.generic {indexing_maps = [#id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%ew : tensor<3x3x2x4xi32>) {
  ^bb0(%out: i32):
    %n = linalg.index 0 : index
    %h = linalg.index 1 : index
    %w = linalg.index 2 : index
    %c = linalg.index 3 : index
    %a = arith.muli %n, %c5 : index
    %b = arith.addi %a, %h : index
    %d = arith.addi %b, %w : index
    %d2 = arith.addi %d, %c : index
    %e = arith.addi %d2, %c : index
    %m = arith.remui %e, %c5 : index
    %s = arith.subi %m, %c3 : index
    %v = arith.index_cast %s : index to i32
    %c16 = arith.constant 16 : i32
    %r = arith.muli %v, %c16 : i32
    linalg.yield %r : i32
  } -> tensor<3x3x2x4xi32>
  %wi = hspmd.annotate %w0 as #ws : tensor<3x3x2x4xi32>
  %hd0 = arith.constant dense<[[16, -16], [32, 0], [0, 16], [-16, 32]]> : tensor<4x2xi32>
  %hdi = hspmd.annotate %hd0 as #hs : tensor<4x2xi32>
  %ey = tensor.empty() : tensor<4x3x3x4xi32>
  %ep = tensor.empty() : tensor<4x4xi32>
  %eo = tensor.empty() : tensor<4x2xi32>
  %wf, %hf = scf.for %st = %c0 to %c3 step %c1 iter_args(%wa = %wi, %ha = %hdi) -> (tensor<3x3x2x4xi32>, tensor<4x2xi32>) {
    %w = hspmd.annotate %wa as #ws : tensor<3x3x2x4xi32>
    %hd = hspmd.annotate %ha as #hs : tensor<4x2xi32>
    %fy = linalg.fill ins(%zero : i32) outs(%ey : tensor<4x3x3x4xi32>) -> tensor<4x3x3x4xi32>
    %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<4x5x5x2xi32>, tensor<3x3x2x4xi32>) outs(%fy : tensor<4x3x3x4xi32>) -> tensor<4x3x3x4xi32>
    %r = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%y : tensor<4x3x3x4xi32>) outs(%ey : tensor<4x3x3x4xi32>) {
    ^bb0(%in: i32, %out: i32):
      %q = arith.maxsi %in, %zero : i32
      linalg.yield %q : i32
    } -> tensor<4x3x3x4xi32>
    %fp = linalg.fill ins(%zero : i32) outs(%ep : tensor<4x4xi32>) -> tensor<4x4xi32>
    %p = linalg.generic {indexing_maps = [#id4, affine_map<(n, h, w, c) -> (n, c)>], iterator_types = ["parallel", "reduction", "reduction", "parallel"]} ins(%r : tensor<4x3x3x4xi32>) outs(%fp : tensor<4x4xi32>) {
    ^bb0(%in: i32, %o: i32):
      %s = arith.addi %o, %in : i32
      linalg.yield %s : i32
    } -> tensor<4x4xi32>
    %fo = linalg.fill ins(%zero : i32) outs(%eo : tensor<4x2xi32>) -> tensor<4x2xi32>
    %o = linalg.matmul ins(%p, %hd : tensor<4x4xi32>, tensor<4x2xi32>) outs(%fo : tensor<4x2xi32>) -> tensor<4x2xi32>
    %do = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%o, %t : tensor<4x2xi32>, tensor<4x2xi32>) outs(%eo : tensor<4x2xi32>) {
    ^bb0(%a: i32, %b: i32, %out: i32):
      %s = arith.shrsi %a, %sh : i32
      %d = arith.subi %s, %b : i32
      linalg.yield %d : i32
    } -> tensor<4x2xi32>
    %le = tensor.empty() : tensor<i32>
    %lf = linalg.fill ins(%zero : i32) outs(%le : tensor<i32>) -> tensor<i32>
    %loss = linalg.generic {indexing_maps = [#id2, affine_map<(i, j) -> ()>], iterator_types = ["reduction", "reduction"]} ins(%do : tensor<4x2xi32>) outs(%lf : tensor<i32>) {
    ^bb0(%a: i32, %o2: i32):
      %pp = arith.muli %a, %a : i32
      %s = arith.addi %o2, %pp : i32
      linalg.yield %s : i32
    } -> tensor<i32>
    %lb = bufferization.to_buffer %loss : tensor<i32> to memref<i32>
    %lu = memref.cast %lb : memref<i32> to memref<*xi32>
    func.call @printMemrefI32(%lu) : (memref<*xi32>) -> ()
    // dHead = p^T do ; dp = do hd^T
    %fg = linalg.fill ins(%zero : i32) outs(%hd0 : tensor<4x2xi32>) -> tensor<4x2xi32>
    %dhd = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>] ins(%p, %do : tensor<4x4xi32>, tensor<4x2xi32>) outs(%fg : tensor<4x2xi32>) -> tensor<4x2xi32>
    %fdp = linalg.fill ins(%zero : i32) outs(%ep : tensor<4x4xi32>) -> tensor<4x4xi32>
    %dp = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%do, %hd : tensor<4x2xi32>, tensor<4x2xi32>) outs(%fdp : tensor<4x4xi32>) -> tensor<4x4xi32>
    // dy = broadcast(dp) masked by relu
    %dy = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c)>, #id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%dp, %y : tensor<4x4xi32>, tensor<4x3x3x4xi32>) outs(%ey : tensor<4x3x3x4xi32>) {
    ^bb0(%g: i32, %yy: i32, %out: i32):
      %pos = arith.cmpi sgt, %yy, %zero : i32
      %q = arith.select %pos, %g, %zero : i32
      linalg.yield %q : i32
    } -> tensor<4x3x3x4xi32>
    %fdw = linalg.fill ins(%zero : i32) outs(%ew : tensor<3x3x2x4xi32>) -> tensor<3x3x2x4xi32>
    %dw = linalg.generic {indexing_maps = [affine_map<(kh, kw, c, f, n, oh, ow) -> (n, oh + kh, ow + kw, c)>, affine_map<(kh, kw, c, f, n, oh, ow) -> (n, oh, ow, f)>, affine_map<(kh, kw, c, f, n, oh, ow) -> (kh, kw, c, f)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%x, %dy : tensor<4x5x5x2xi32>, tensor<4x3x3x4xi32>) outs(%fdw : tensor<3x3x2x4xi32>) {
    ^bb0(%a: i32, %b: i32, %o3: i32):
      %m = arith.muli %a, %b : i32
      %s = arith.addi %o3, %m : i32
      linalg.yield %s : i32
    } -> tensor<3x3x2x4xi32>
    %nw = linalg.generic {indexing_maps = [#id4, #id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%w, %dw : tensor<3x3x2x4xi32>, tensor<3x3x2x4xi32>) outs(%ew : tensor<3x3x2x4xi32>) {
    ^bb0(%a: i32, %g: i32, %out: i32):
      %s = arith.shrsi %g, %sh : i32
      %d = arith.subi %a, %s : i32
      linalg.yield %d : i32
    } -> tensor<3x3x2x4xi32>
    %nh = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%hd, %dhd : tensor<4x2xi32>, tensor<4x2xi32>) outs(%eo : tensor<4x2xi32>) {
    ^bb0(%a: i32, %g: i32, %out: i32):
      %s = arith.shrsi %g, %sh : i32
      %d = arith.subi %a, %s : i32
      linalg.yield %d : i32
    } -> tensor<4x2xi32>
    scf.yield %nw, %nh : tensor<3x3x2x4xi32>, tensor<4x2xi32>
  }
  %b1 = bufferization.to_buffer %hf : tensor<4x2xi32> to memref<4x2xi32>
  %u1 = memref.cast %b1 : memref<4x2xi32> to memref<*xi32>
  call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
  %red = tensor.empty() : tensor<2x4xi32>
  %fr = linalg.fill ins(%zero : i32) outs(%red : tensor<2x4xi32>) -> tensor<2x4xi32>
  %ws = linalg.reduce ins(%wf : tensor<3x3x2x4xi32>) outs(%fr : tensor<2x4xi32>) dimensions = [0, 1]
    (%a: i32, %o: i32) {
      %s = arith.addi %a, %o : i32
      linalg.yield %s : i32
    }
  %b2 = bufferization.to_buffer %ws : tensor<2x4xi32> to memref<2x4xi32>
  %u2 = memref.cast %b2 : memref<2x4xi32> to memref<*xi32>
  call @printMemrefI32(%u2) : (memref<*xi32>) -> ()
  return
}
