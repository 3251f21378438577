// RUN: hspmd-opt %s -split-input-file | hspmd-opt -split-input-file | FileCheck %s --check-prefix=ROUND
// RUN: hspmd-opt %s -split-input-file --hspmd-expand-strategies | FileCheck %s --check-prefix=EXPAND
// RUN: hspmd-opt %s -split-input-file --hspmd-expand-strategies --hspmd-propagate 2>/dev/null | FileCheck %s --check-prefix=PLACED
// RUN: hspmd-opt %s -split-input-file --hspmd-strip | FileCheck %s --check-prefix=STRIP
// RUN: hspmd-opt %s -split-input-file --hspmd-select-strategy=name=dp | FileCheck %s --check-prefix=DP
// RUN: not hspmd-opt %s -split-input-file --hspmd-propagate -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNEXPANDED
// A step loop choosing its strategy at run time: the weight flows only
// through hspmd.with_strategy, so the loop carries one copy per strategy
// and the strategy that ran last.

module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func @train(%w0: tensor<4x4xf32>, %x: tensor<8x4xf32>, %sched: tensor<5xindex>) -> tensor<4x4xf32> {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c5 = arith.constant 5 : index
    %wf = scf.for %k = %c0 to %c5 step %c1 iter_args(%wa = %w0) -> (tensor<4x4xf32>) {
      %s = tensor.extract %sched[%k] : tensor<5xindex>
      %nw = hspmd.with_strategy %s (%wa, %x) : (tensor<4x4xf32>, tensor<8x4xf32>) -> tensor<4x4xf32> {
      ^bb0(%wb: tensor<4x4xf32>, %xb: tensor<8x4xf32>):
        %w = hspmd.annotate %wb as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x4xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [dup = 2]>}}
        %xs = hspmd.annotate %xb as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8x4xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [d0 = 2]>}}
        %g = linalg.matmul ins(%xs, %w : tensor<8x4xf32>, tensor<4x4xf32>) outs(%xs : tensor<8x4xf32>) -> tensor<8x4xf32>
        %n = tensor.extract_slice %g[0, 0] [4, 4] [1, 1] : tensor<8x4xf32> to tensor<4x4xf32>
        %r = arith.addf %w, %n : tensor<4x4xf32>
        hspmd.yield %r : tensor<4x4xf32>
      }
      scf.yield %nw : tensor<4x4xf32>
    }
    return %wf : tensor<4x4xf32>
  }
}

// ROUND-LABEL: func.func @train
// ROUND: %{{.*}} = hspmd.with_strategy %{{.*}} (%{{.*}}, %{{.*}}) : (tensor<4x4xf32>, tensor<8x4xf32>) -> tensor<4x4xf32> {
// ROUND-NEXT: ^bb0(%{{.*}}: tensor<4x4xf32>, %{{.*}}: tensor<8x4xf32>):
// ROUND: hspmd.yield %{{.*}} : tensor<4x4xf32>

// The loop carries tp's copy (the argument), dp's copy (empty at first) and
// the strategy that ran last (tp, 0). An index outside [0, 2) runs tp.
// EXPAND-LABEL: func.func @train
// EXPAND: %[[EMPTY:.*]] = tensor.empty() : tensor<4x4xf32>
// EXPAND: %[[ZERO:.*]] = arith.constant 0 : index
// EXPAND: %[[LOOP:.*]]:3 = scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[TPARG:.*]] = %{{.*}}, %[[DPARG:.*]] = %[[EMPTY]], %[[LAST:.*]] = %[[ZERO]]) -> (tensor<4x4xf32>, tensor<4x4xf32>, index) {
// EXPAND: %[[S:.*]] = tensor.extract
// EXPAND: %[[TPC:.*]] = hspmd.annotate %[[TPARG]] as #hspmd.sharding<[0, 1] : [d1 = 2]>
// EXPAND: %[[DPC:.*]] = hspmd.annotate %[[DPARG]] as #hspmd.sharding<[0, 1] : [dup = 2]>
// EXPAND: %[[IN:.*]] = arith.cmpi ult, %[[S]], %{{.*}} : index
// EXPAND: %[[K:.*]] = arith.select %[[IN]], %[[S]], %{{.*}} : index
// EXPAND: %[[ISDP:.*]] = arith.cmpi eq, %[[K]], %{{.*}} : index
// EXPAND: %[[BR:.*]]:2 = scf.if %[[ISDP]] -> (tensor<4x4xf32>, tensor<4x4xf32>) {
// dp's step reads dp's copy when dp ran last, else tp's, moved into dp's placement.
// EXPAND: %[[WASDP:.*]] = arith.cmpi eq, %[[LAST]], %{{.*}} : index
// EXPAND: scf.if %[[WASDP]] -> (tensor<4x4xf32>) {
// EXPAND-NEXT: hspmd.annotate %[[DPC]] as #hspmd.sharding<[0, 1] : [dup = 2]>
// EXPAND: } else {
// EXPAND-NEXT: hspmd.annotate %[[TPC]] as #hspmd.sharding<[0, 1] : [dup = 2]>
// EXPAND: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x4xf32>
// EXPAND: linalg.matmul
// EXPAND: scf.yield %[[TPC]], %{{.*}} : tensor<4x4xf32>, tensor<4x4xf32>
// EXPAND: } else {
// EXPAND: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8x4xf32>
// EXPAND: linalg.matmul
// EXPAND: scf.yield %{{.*}}, %[[DPC]] : tensor<4x4xf32>, tensor<4x4xf32>
// EXPAND: }
// EXPAND: scf.yield %[[BR]]#0, %[[BR]]#1, %[[K]] : tensor<4x4xf32>, tensor<4x4xf32>, index
// After the loop, the copy of the strategy that ran last.
// EXPAND: %[[WASDP2:.*]] = arith.cmpi eq, %[[LOOP]]#2, %{{.*}} : index
// EXPAND: %[[R:.*]] = scf.if %[[WASDP2]] -> (tensor<4x4xf32>) {
// EXPAND-NEXT: scf.yield %[[LOOP]]#1
// EXPAND: } else {
// EXPAND-NEXT: scf.yield %[[LOOP]]#0
// EXPAND: return %[[R]]
// EXPAND-NOT: hspmd.with_strategy

// The weight moves only in the branches where the strategy changes: tp's
// copy into dp's placement when dp follows tp, dp's into tp's when tp
// follows dp; a step with the last step's strategy moves nothing.
// PLACED-LABEL: func.func @train
// PLACED: scf.for
// PLACED: scf.if
// PLACED: scf.if
// PLACED-NEXT: hspmd.annotate
// PLACED-NEXT: scf.yield
// PLACED-NEXT: } else {
// PLACED-NEXT: hspmd.reshard %{{.*}} to #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4x4xf32>
// PLACED: } else {
// PLACED: scf.if
// PLACED-NEXT: hspmd.reshard %{{.*}} to #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x4xf32>
// PLACED: } else {
// PLACED-NEXT: hspmd.annotate
// PLACED-NEXT: scf.yield

// STRIP-LABEL: func.func @train
// STRIP-NOT: hspmd.
// STRIP: linalg.matmul
// STRIP-NOT: hspmd.
// STRIP: return

// DP-LABEL: func.func @train
// DP-NOT: hspmd.with_strategy
// DP: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4x4xf32>
// DP-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x4xf32>

// UNEXPANDED: expand-strategies.mlir:18:13: error: hspmd.with_strategy is compiled by --hspmd-expand-strategies (or one strategy kept by --hspmd-select-strategy) before --hspmd-propagate

// -----

// Outside a loop (or carrying nothing through it), each strategy's body
// runs in its branch; three strategies make two tests.
module attributes {hspmd.strategies = ["tp", "dp", "c"]} {
  func.func @alone(%s: index, %x: tensor<8xf32>) -> tensor<8xf32> {
    %y = hspmd.with_strategy %s (%x) : (tensor<8xf32>) -> tensor<8xf32> {
    ^bb0(%a: tensor<8xf32>):
      %p = hspmd.annotate %a as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [dup = 2]>, c = #hspmd.sharding<[1] : []>}}
      %e = math.exp %p : tensor<8xf32>
      hspmd.yield %e : tensor<8xf32>
    }
    return %y : tensor<8xf32>
  }
}

// EXPAND-LABEL: func.func @alone
// EXPAND: arith.cmpi ult, %{{.*}}, %c3
// EXPAND: %[[K:.*]] = arith.select
// EXPAND: %[[C1:.*]] = arith.constant 1 : index
// EXPAND: %[[IS1:.*]] = arith.cmpi eq, %[[K]], %[[C1]] : index
// EXPAND: %[[R:.*]] = scf.if %[[IS1]] -> (tensor<8xf32>) {
// EXPAND: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]>
// EXPAND: } else {
// EXPAND: %[[C2:.*]] = arith.constant 2 : index
// EXPAND: %[[IS2:.*]] = arith.cmpi eq, %[[K]], %[[C2]] : index
// EXPAND: scf.if %[[IS2]] -> (tensor<8xf32>) {
// EXPAND: hspmd.annotate %{{.*}} as #hspmd.sharding<[1] : []>
// EXPAND: } else {
// EXPAND: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [d0 = 2]>
// EXPAND-NOT: strategy_shardings
// EXPAND: return %[[R]]

// PLACED-LABEL: func.func @alone
// STRIP-LABEL: func.func @alone
// STRIP-NEXT: math.exp
// STRIP-NEXT: return
// DP-LABEL: func.func @alone
// DP-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]>

// -----

// Two carried values switch together: one branch per strategy that could
// have run last moves both.
module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func @pair(%a0: tensor<4x4xf32>, %b0: tensor<8xf32>, %s: index) -> (tensor<4x4xf32>, tensor<8xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %af, %bf = scf.for %k = %c0 to %c3 step %c1 iter_args(%a = %a0, %b = %b0) -> (tensor<4x4xf32>, tensor<8xf32>) {
      %na, %nb = hspmd.with_strategy %s (%a, %b) : (tensor<4x4xf32>, tensor<8xf32>) -> (tensor<4x4xf32>, tensor<8xf32>) {
      ^bb0(%x: tensor<4x4xf32>, %y: tensor<8xf32>):
        %xs = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x4xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [dup = 2]>}}
        %ys = hspmd.annotate %y as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [dup = 2]>}}
        %x2 = arith.addf %xs, %xs : tensor<4x4xf32>
        %y2 = arith.mulf %ys, %ys : tensor<8xf32>
        hspmd.yield %x2, %y2 : tensor<4x4xf32>, tensor<8xf32>
      }
      scf.yield %na, %nb : tensor<4x4xf32>, tensor<8xf32>
    }
    return %af, %bf : tensor<4x4xf32>, tensor<8xf32>
  }
}

// EXPAND-LABEL: func.func @pair
// EXPAND: scf.for {{.*}} -> (tensor<4x4xf32>, tensor<8xf32>, tensor<4x4xf32>, tensor<8xf32>, index)
// EXPAND: scf.if %{{.*}} -> (tensor<4x4xf32>, tensor<4x4xf32>, tensor<8xf32>, tensor<8xf32>) {
// EXPAND: %{{.*}}:2 = scf.if %{{.*}} -> (tensor<4x4xf32>, tensor<8xf32>) {
// EXPAND-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4x4xf32>
// EXPAND-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8xf32>
// EXPAND-NEXT: scf.yield
// EXPAND-NEXT: } else {
// EXPAND-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<4x4xf32>
// EXPAND-NEXT: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1] : [dup = 2]> : tensor<8xf32>
// EXPAND-NEXT: scf.yield
// PLACED-LABEL: func.func @pair
// STRIP-LABEL: func.func @pair
// DP-LABEL: func.func @pair
