// RANKS: 4
// (outside6.test)
// Two strategies in a step loop (hspmd.with_strategy), the second placing the carried
// value hetero = partial and weighted hetero = d0; the strategy switches every step.
module attributes {hspmd.strategies = ["tp", "dp"]} {
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %x = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]> : tensor<4x2xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %r = scf.for %i = %c0 to %c2 step %c1 iter_args(%acc = %x) -> (tensor<4x2xf32>) {
    %n = hspmd.with_strategy %i (%acc) : (tensor<4x2xf32>) -> (tensor<4x2xf32>) {
    ^bb0(%a: tensor<4x2xf32>):
      %aa = hspmd.annotate %a as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x2xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<hetero = partial, groups = [[2, 3] : [d1 = 2], [1] : []]>}}
      %s = arith.addf %aa, %aa : tensor<4x2xf32>
      %sa = hspmd.annotate %s as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x2xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[3] : [], [2, 1, 0] : [dup = 3]]>}}
      hspmd.yield %sa : tensor<4x2xf32>
    }
    scf.yield %n : tensor<4x2xf32>
  }
  %buf = bufferization.to_buffer %r : tensor<4x2xf32> to memref<4x2xf32>
  %u = memref.cast %buf : memref<4x2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
}
