// Helpers in a chain and a diamond (left/right both call @twice, which annotates
// its argument and returns a reshard), a helper returning its argument unchanged
// with an unused partial argument and an index result used as a loop bound,
// helpers called twice with one value inside scf.if branches in a loop, a
// call result re-annotated hetero at the call site.
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printF32(f32)
func.func private @printNewline()
// returns its arg unchanged, and an unused arg
func.func private @ident(%x: tensor<4x6xf32>, %unused: tensor<4x6xf32>, %k: index) -> (tensor<4x6xf32>, index) {
  return %x, %k : tensor<4x6xf32>, index
}
// annotates internally: split rows, then returns a reshard to columns
func.func private @twice(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x6xf32>
  %y = arith.addf %xa, %xa : tensor<4x6xf32>
  %yr = hspmd.reshard %y to #hspmd.sharding<[1, 2] : [d1 = 2]> : tensor<4x6xf32>
  return %yr : tensor<4x6xf32>
}
func.func private @left(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %t = func.call @twice(%x) : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %c = arith.constant dense<1.0> : tensor<4x6xf32>
  %r = arith.addf %t, %c : tensor<4x6xf32>
  return %r : tensor<4x6xf32>
}
func.func private @right(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %xa = hspmd.annotate %x as #hspmd.sharding<[2, 0] : [d1 = 2]> : tensor<4x6xf32>
  %t = func.call @twice(%xa) : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %r = arith.mulf %t, %xa : tensor<4x6xf32>
  return %r : tensor<4x6xf32>
}
func.func private @diamond(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %l = func.call @left(%x) : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %r = func.call @right(%x) : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %s = arith.subf %l, %r : tensor<4x6xf32>
  return %s : tensor<4x6xf32>
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %e = tensor.empty() : tensor<4x6xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%e : tensor<4x6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = arith.muli %i, %c3 : index
    %s = arith.addi %k, %j : index
    %m = arith.remui %s, %c3 : index
    %ii = arith.index_cast %m : index to i64
    %f = arith.sitofp %ii : i64 to f32
    linalg.yield %f : f32
  } -> tensor<4x6xf32>
  %xp = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2] : [partial = 3]> : tensor<4x6xf32>
  %d1 = func.call @diamond(%xp) : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %d1a = hspmd.annotate %d1 as #hspmd.sharding<hetero = d0, groups = [[2] : [], [0, 1] : [d1 = 2]]> : tensor<4x6xf32>
  %id:2 = func.call @ident(%d1a, %xp, %c3) : (tensor<4x6xf32>, tensor<4x6xf32>, index) -> (tensor<4x6xf32>, index)
  %loop = scf.for %i = %c0 to %id#1 step %c1 iter_args(%a = %id#0) -> (tensor<4x6xf32>) {
    %ic = arith.index_cast %i : index to i64
    %ic2 = arith.trunci %ic : i64 to i1
    %n = scf.if %ic2 -> (tensor<4x6xf32>) {
      %q = func.call @diamond(%a) : (tensor<4x6xf32>) -> tensor<4x6xf32>
      scf.yield %q : tensor<4x6xf32>
    } else {
      %q = func.call @left(%a) : (tensor<4x6xf32>) -> tensor<4x6xf32>
      %q2 = func.call @left(%a) : (tensor<4x6xf32>) -> tensor<4x6xf32>
      %qq = arith.subf %q, %q2 : tensor<4x6xf32>
      %qqq = arith.addf %qq, %q : tensor<4x6xf32>
      scf.yield %qqq : tensor<4x6xf32>
    }
    scf.yield %n : tensor<4x6xf32>
  }
  %b = bufferization.to_buffer %loop : tensor<4x6xf32> to memref<4x6xf32>
  %u = memref.cast %b : memref<4x6xf32> to memref<*xf32>
  func.call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
