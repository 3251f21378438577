// RANKS: 4
// (outside6.test)
// CNN training step, NHWC, batch split across two groups (hetero d0), conv weights hetero dup
// (group A splits out-channels): tensor.pad + conv_2d_nhwc_hwcf + relu + pooling_nhwc_max (stride 2),
// max-pool backward as a generic with (h floordiv 2) maps routing dy to the window max, weight
// gradient as a window generic (n,h,w reductions over a batch-split input: partial across groups),
// SGD update annotated back to the weights' placement.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %x_e = tensor.empty() : tensor<2x6x6x2xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%x_e : tensor<2x6x6x2xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 5 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 3 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 7 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 2 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %md = arith.constant 7 : index
    %rr = arith.remui %acc4, %md : index
    %iv = arith.index_cast %rr : index to i32
    %of = arith.constant 3 : i32
    %sv = arith.subi %iv, %of : i32
    %vv = arith.sitofp %sv : i32 to f32
    linalg.yield %vv : f32
  } -> tensor<2x6x6x2xf32>
  %w_e = tensor.empty() : tensor<3x3x2x4xf32>
  %w = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%w_e : tensor<3x3x2x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 1 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 2 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 3 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 5 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %md = arith.constant 3 : index
    %rr = arith.remui %acc4, %md : index
    %iv = arith.index_cast %rr : index to i32
    %of = arith.constant 1 : i32
    %sv = arith.subi %iv, %of : i32
    %vv = arith.sitofp %sv : i32 to f32
    linalg.yield %vv : f32
  } -> tensor<3x3x2x4xf32>
  %dy_e = tensor.empty() : tensor<2x3x3x4xf32>
  %dy = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%dy_e : tensor<2x3x3x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0 : index
    %ix0 = linalg.index 0 : index
    %cc0 = arith.constant 3 : index
    %m0 = arith.muli %ix0, %cc0 : index
    %acc1 = arith.addi %acc0, %m0 : index
    %ix1 = linalg.index 1 : index
    %cc1 = arith.constant 1 : index
    %m1 = arith.muli %ix1, %cc1 : index
    %acc2 = arith.addi %acc1, %m1 : index
    %ix2 = linalg.index 2 : index
    %cc2 = arith.constant 2 : index
    %m2 = arith.muli %ix2, %cc2 : index
    %acc3 = arith.addi %acc2, %m2 : index
    %ix3 = linalg.index 3 : index
    %cc3 = arith.constant 5 : index
    %m3 = arith.muli %ix3, %cc3 : index
    %acc4 = arith.addi %acc3, %m3 : index
    %md = arith.constant 5 : index
    %rr = arith.remui %acc4, %md : index
    %iv = arith.index_cast %rr : index to i32
    %of = arith.constant 2 : i32
    %sv = arith.subi %iv, %of : i32
    %vv = arith.sitofp %sv : i32 to f32
    linalg.yield %vv : f32
  } -> tensor<2x3x3x4xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d0, groups = [[0, 1] : [dup = 2], [2, 3] : [dup = 2]]> : tensor<2x6x6x2xf32>
  %wa = hspmd.annotate %w as #hspmd.sharding<hetero = dup, groups = [[0, 1] : [d3 = 2], [2, 3] : [dup = 2]]> : tensor<3x3x2x4xf32>
  %dya = hspmd.annotate %dy as #hspmd.sharding<hetero = d0, groups = [[0, 1] : [d3 = 2], [2, 3] : [dup = 2]]> : tensor<2x3x3x4xf32>
  %z = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %p = tensor.pad %xa low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %z : f32
  } : tensor<2x6x6x2xf32> to tensor<2x8x8x2xf32>
  %ce = tensor.empty() : tensor<2x6x6x4xf32>
  %cf = linalg.fill ins(%z : f32) outs(%ce : tensor<2x6x6x4xf32>) -> tensor<2x6x6x4xf32>
  %cv = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %wa : tensor<2x8x8x2xf32>, tensor<3x3x2x4xf32>) outs(%cf : tensor<2x6x6x4xf32>) -> tensor<2x6x6x4xf32>
  %re = tensor.empty() : tensor<2x6x6x4xf32>
  %relu = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, h, w, c)>, affine_map<(n, h, w, c) -> (n, h, w, c)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%cv : tensor<2x6x6x4xf32>) outs(%re : tensor<2x6x6x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.maximumf %a, %z : f32
    linalg.yield %m : f32
  } -> tensor<2x6x6x4xf32>
  %win = tensor.empty() : tensor<2x2xf32>
  %pe = tensor.empty() : tensor<2x3x3x4xf32>
  %pf = linalg.fill ins(%ninf : f32) outs(%pe : tensor<2x3x3x4xf32>) -> tensor<2x3x3x4xf32>
  %mp = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%relu, %win : tensor<2x6x6x4xf32>, tensor<2x2xf32>) outs(%pf : tensor<2x3x3x4xf32>) -> tensor<2x3x3x4xf32>
  // maxpool backward: route dy to positions equal to the window max (first match only via a used-flag scan)
  %ge = tensor.empty() : tensor<2x6x6x4xf32>
  %dr = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, h, w, c)>, affine_map<(n, h, w, c) -> (n, h floordiv 2, w floordiv 2, c)>, affine_map<(n, h, w, c) -> (n, h floordiv 2, w floordiv 2, c)>, affine_map<(n, h, w, c) -> (n, h, w, c)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%relu, %mp, %dya : tensor<2x6x6x4xf32>, tensor<2x3x3x4xf32>, tensor<2x3x3x4xf32>) outs(%ge : tensor<2x6x6x4xf32>) {
  ^bb0(%a: f32, %m: f32, %g: f32, %o: f32):
    %eq = arith.cmpf oeq, %a, %m : f32
    %pos = arith.cmpf ogt, %a, %z : f32
    %both = arith.andi %eq, %pos : i1
    %r = arith.select %both, %g, %z : f32
    linalg.yield %r : f32
  } -> tensor<2x6x6x4xf32>
  %dra = hspmd.annotate %dr as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d3 = 2]> : tensor<2x6x6x4xf32>
  // weight grad: dW[kh,kw,c,f] = sum_{n,h,w} p[n,h+kh,w+kw,c] * dr[n,h,w,f]
  %gwe = tensor.empty() : tensor<3x3x2x4xf32>
  %gwf = linalg.fill ins(%z : f32) outs(%gwe : tensor<3x3x2x4xf32>) -> tensor<3x3x2x4xf32>
  %dw = linalg.generic {indexing_maps = [affine_map<(kh, kw, c, f, n, h, w) -> (n, h + kh, w + kw, c)>, affine_map<(kh, kw, c, f, n, h, w) -> (n, h, w, f)>, affine_map<(kh, kw, c, f, n, h, w) -> (kh, kw, c, f)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%p, %dra : tensor<2x8x8x2xf32>, tensor<2x6x6x4xf32>) outs(%gwf : tensor<3x3x2x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<3x3x2x4xf32>
  %lr = arith.constant 0.5 : f32
  %nwe = tensor.empty() : tensor<3x3x2x4xf32>
  %nw = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%wa, %dw : tensor<3x3x2x4xf32>, tensor<3x3x2x4xf32>) outs(%nwe : tensor<3x3x2x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %b, %lr : f32
    %s = arith.subf %a, %m : f32
    linalg.yield %s : f32
  } -> tensor<3x3x2x4xf32>
  %nwa = hspmd.annotate %nw as #hspmd.sharding<hetero = dup, groups = [[0, 1] : [d3 = 2], [2, 3] : [dup = 2]]> : tensor<3x3x2x4xf32>
  %mp_b = bufferization.to_buffer %mp : tensor<2x3x3x4xf32> to memref<2x3x3x4xf32>
  %mp_u = memref.cast %mp_b : memref<2x3x3x4xf32> to memref<*xf32>
  call @printMemrefF32(%mp_u) : (memref<*xf32>) -> ()
  %nwa_b = bufferization.to_buffer %nwa : tensor<3x3x2x4xf32> to memref<3x3x2x4xf32>
  %nwa_u = memref.cast %nwa_b : memref<3x3x2x4xf32> to memref<*xf32>
  call @printMemrefF32(%nwa_u) : (memref<*xf32>) -> ()
  return
}
