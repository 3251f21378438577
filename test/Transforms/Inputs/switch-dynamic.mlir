// A loop carrying a tensor of dynamic shape next to a placed one
// (switch-report.mlir).
module attributes {hspmd.strategies = ["a", "b"]} {
  func.func @f(%w: tensor<?xf32>, %v: tensor<8xf32>) -> tensor<?xf32> {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    // Line 8: the loop.
    %r:2 = scf.for %k = %c0 to %c1 step %c1 iter_args(%a = %w, %b = %v) -> (tensor<?xf32>, tensor<8xf32>) {
      %pb = hspmd.annotate %b as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32> {hspmd.strategy_shardings = {b = #hspmd.sharding<[0, 1] : [dup = 2]>}}
      scf.yield %a, %pb : tensor<?xf32>, tensor<8xf32>
    }
    return %r#0 : tensor<?xf32>
  }
}
