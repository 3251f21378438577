// RUN: hspmd-opt %s | hspmd-opt | FileCheck %s --check-prefix=ROUND
// RUN: hspmd-opt --hspmd-select-strategy=name=dp %s | FileCheck %s --check-prefix=DP
// RUN: hspmd-opt --hspmd-select-strategy=name=tp %s | FileCheck %s --check-prefix=TP
// RUN: not hspmd-opt --hspmd-select-strategy=name=pp %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// Two strategies in one module: an annotation's own sharding is the default
// (here tensor parallel, "tp"); "dp" gives its own where it differs.

// ROUND: module attributes {hspmd.strategies = ["tp", "dp"]}
// ROUND: func.func @step(%{{.*}}: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>, hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [d0 = 2]>}}
// ROUND: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x4xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [dup = 2]>}}

// DP-NOT: hspmd.strategies
// DP: func.func @step(%{{.*}}: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}
// DP: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4x4xf32>
// DP-NOT: strategy

// TP-NOT: hspmd.strategies
// TP: func.func @step(%{{.*}}: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}
// TP: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x4xf32>
// TP-NOT: strategy

// UNKNOWN: error: --hspmd-select-strategy: unknown strategy 'pp'; the module declares ["tp", "dp"]
module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func @step(%x: tensor<8x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>, hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [d0 = 2]>}}, %w0: tensor<4x4xf32>) -> tensor<8x4xf32> {
    %w = hspmd.annotate %w0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x4xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [dup = 2]>}}
    %zero = arith.constant 0.0 : f32
    %e = tensor.empty() : tensor<8x4xf32>
    %f = linalg.fill ins(%zero : f32) outs(%e : tensor<8x4xf32>) -> tensor<8x4xf32>
    %y = linalg.matmul ins(%x, %w : tensor<8x4xf32>, tensor<4x4xf32>) outs(%f : tensor<8x4xf32>) -> tensor<8x4xf32>
    return %y : tensor<8x4xf32>
  }
}
