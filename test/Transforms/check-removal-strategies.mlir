// Diagnostics on a step loop that chooses its strategy per step: after
// --hspmd-expand-strategies the loop carries a copy of each value per
// strategy, and --hspmd-check-removal names a copy by the value and the
// strategy it stands for (it named only an iteration argument the program
// never wrote). --hspmd-switch-report names the module's strategies when
// one is unknown or missing.
// RUN: not hspmd-opt --hspmd-expand-strategies --hspmd-propagate --hspmd-check-removal=devices=3 %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMOVE
// RUN: not hspmd-opt --hspmd-switch-report=from=a %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not hspmd-opt "--hspmd-switch-report=from=a to=c" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNKNOWN

// REMOVE: check-removal-strategies.mlir:[[#@LINE+10]]:11: error: removing device 3 loses data this loop carries (1 of 2 values, each strategy's copy counted; the parts only removed devices hold):
// REMOVE-NEXT: iteration argument #1 (the copy of #0 that strategy 'b' places) (tensor<4x4xi32>, placed #hspmd.sharding<[2, 3] : [partial = 2]>): [0, 4) x [0, 4)
// MISSING: error: --hspmd-switch-report: the module chooses its strategy per step (hspmd.with_strategy): name both with from= and to= (it declares 'a', 'b')
// UNKNOWN: error: --hspmd-switch-report: 'c' is not a strategy of the module (it declares 'a', 'b')
module attributes {hspmd.strategies = ["a", "b"]} {
  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %w0 = arith.constant dense<1> : tensor<4x4xi32>
    %wf = scf.for %k = %c0 to %c4 step %c1 iter_args(%w = %w0) -> (tensor<4x4xi32>) {
      %s = arith.remui %k, %c1 : index
      %nw = hspmd.with_strategy %s (%w) : (tensor<4x4xi32>) -> (tensor<4x4xi32>) {
      ^bb0(%ws: tensor<4x4xi32>):
        %wa = hspmd.annotate %ws as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x4xi32> {hspmd.strategy_shardings = {b = #hspmd.sharding<[2, 3] : [partial = 2]>}}
        %r = arith.addi %wa, %wa : tensor<4x4xi32>
        hspmd.yield %r : tensor<4x4xi32>
      }
      scf.yield %nw : tensor<4x4xi32>
    }
    %x = hspmd.annotate %wf as #hspmd.sharding<[0] : []> : tensor<4x4xi32>
    return
  }
}
