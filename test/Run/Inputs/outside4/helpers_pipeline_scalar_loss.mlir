// Helper-heavy pipeline: per-stage private funcs with sharded args/results returning (tensor, i32 loss); the loss (scalar) decides an scf.if inside the stage-2 helper; loss summed across steps as an iter_arg.
// helper-heavy pipeline: private funcs per layer with sharded args/results, returning (tensor, i32 loss); loss drives an scf.if on the other stage
#s1 = #hspmd.sharding<[0, 1] : [d1 = 2]>
#s2 = #hspmd.sharding<[2, 3] : [d0 = 2]>
#id2 = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefI32(memref<*xi32>)
func.func private @stage1(%x: tensor<4x4xi32> {hspmd.sharding = #s1}, %w: tensor<4x4xi32> {hspmd.sharding = #s1}) -> (tensor<4x4xi32> {hspmd.sharding = #s1}, i32) {
  %z = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4x4xi32>
  %f = linalg.fill ins(%z : i32) outs(%e : tensor<4x4xi32>) -> tensor<4x4xi32>
  %y = linalg.matmul ins(%x, %w : tensor<4x4xi32>, tensor<4x4xi32>) outs(%f : tensor<4x4xi32>) -> tensor<4x4xi32>
  %m = arith.constant dense<97> : tensor<4x4xi32>
  %r = arith.remsi %y, %m : tensor<4x4xi32>
  %le = tensor.empty() : tensor<i32>
  %lf = linalg.fill ins(%z : i32) outs(%le : tensor<i32>) -> tensor<i32>
  %l = linalg.generic {indexing_maps = [#id2, affine_map<(i, j) -> ()>], iterator_types = ["reduction", "reduction"]} ins(%r : tensor<4x4xi32>) outs(%lf : tensor<i32>) {
  ^bb0(%a: i32, %o: i32):
    %s = arith.addi %o, %a : i32
    linalg.yield %s : i32
  } -> tensor<i32>
  %lv = tensor.extract %l[] : tensor<i32>
  return %r, %lv : tensor<4x4xi32>, i32
}
func.func private @stage2(%h: tensor<4x4xi32> {hspmd.sharding = #s2}, %w: tensor<4x4xi32> {hspmd.sharding = #s2}, %flag: i1) -> (tensor<4x4xi32> {hspmd.sharding = #s2}) {
  %z = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4x4xi32>
  %f = linalg.fill ins(%z : i32) outs(%e : tensor<4x4xi32>) -> tensor<4x4xi32>
  %y = linalg.matmul ins(%h, %w : tensor<4x4xi32>, tensor<4x4xi32>) outs(%f : tensor<4x4xi32>) -> tensor<4x4xi32>
  %r = scf.if %flag -> (tensor<4x4xi32>) {
    %n = arith.subi %f, %y : tensor<4x4xi32>
    scf.yield %n : tensor<4x4xi32>
  } else {
    scf.yield %y : tensor<4x4xi32>
  }
  %m = arith.constant dense<89> : tensor<4x4xi32>
  %q = arith.remsi %r, %m : tensor<4x4xi32>
  return %q : tensor<4x4xi32>
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %z = arith.constant 0 : i32
  %c2 = arith.constant 2 : i32
  %x0 = arith.constant dense<[[1, 2, 0, -1], [3, -1, 2, 0], [0, 1, 1, 1], [-2, 0, 1, 3]]> : tensor<4x4xi32>
  %w1 = arith.constant dense<[[2, -1, 0, 1], [1, 1, -2, 0], [0, 2, 1, -1], [-1, 0, 1, 2]]> : tensor<4x4xi32>
  %w2 = arith.constant dense<[[1, 0, 3, 1], [0, 1, 1, 0], [1, 1, 0, 2], [-1, 1, 2, 0]]> : tensor<4x4xi32>
  %r, %ls = scf.for %i = %c0 to %c4 step %c1 iter_args(%x = %x0, %acc = %z) -> (tensor<4x4xi32>, i32) {
    %h, %l = func.call @stage1(%x, %w1) : (tensor<4x4xi32>, tensor<4x4xi32>) -> (tensor<4x4xi32>, i32)
    %odd = arith.remsi %l, %c2 : i32
    %flag = arith.cmpi ne, %odd, %z : i32
    %y = func.call @stage2(%h, %w2, %flag) : (tensor<4x4xi32>, tensor<4x4xi32>, i1) -> tensor<4x4xi32>
    %na = arith.addi %acc, %l : i32
    scf.yield %y, %na : tensor<4x4xi32>, i32
  }
  %bb = bufferization.to_buffer %r : tensor<4x4xi32> to memref<4x4xi32>
  %u = memref.cast %bb : memref<4x4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  %lt = tensor.from_elements %ls : tensor<1xi32>
  %bl = bufferization.to_buffer %lt : tensor<1xi32> to memref<1xi32>
  %ul = memref.cast %bl : memref<1xi32> to memref<*xi32>
  call @printMemrefI32(%ul) : (memref<*xi32>) -> ()
  return
}
