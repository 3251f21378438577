// RUN: hspmd-opt --hspmd-expand-strategies %s -split-input-file -verify-diagnostics
// A function called from a strategy's body keeps its default placements in
// every strategy: per-strategy placements on it (its signature, or an
// annotation in it or in a function it calls) are an error at the call in
// the body, not silently ignored.

module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func private @helper(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>, hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [dup = 2]>}}) -> tensor<8xf32> {
    return %x : tensor<8xf32>
  }
  func.func @body(%s: index, %x: tensor<8xf32>) -> tensor<8xf32> {
    %y = hspmd.with_strategy %s (%x) : (tensor<8xf32>) -> tensor<8xf32> {
    ^bb0(%a: tensor<8xf32>):
      // expected-error @+1 {{calls @helper, which carries per-strategy placements, from inside hspmd.with_strategy: a called function keeps its default placements in every strategy; annotate in the strategy's body instead}}
      %b = func.call @helper(%a) : (tensor<8xf32>) -> tensor<8xf32>
      hspmd.yield %b : tensor<8xf32>
    }
    return %y : tensor<8xf32>
  }
}

// -----

// Through another function: @outer calls @inner, which annotates per
// strategy.
module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func private @inner(%x: tensor<8xf32>) -> tensor<8xf32> {
    %p = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1] : [dup = 2]>}}
    return %p : tensor<8xf32>
  }
  func.func private @outer(%x: tensor<8xf32>) -> tensor<8xf32> {
    %y = func.call @inner(%x) : (tensor<8xf32>) -> tensor<8xf32>
    return %y : tensor<8xf32>
  }
  func.func @body(%s: index, %x: tensor<8xf32>) -> tensor<8xf32> {
    %y = hspmd.with_strategy %s (%x) : (tensor<8xf32>) -> tensor<8xf32> {
    ^bb0(%a: tensor<8xf32>):
      // expected-error @+1 {{calls @inner, which carries per-strategy placements}}
      %b = func.call @outer(%a) : (tensor<8xf32>) -> tensor<8xf32>
      hspmd.yield %b : tensor<8xf32>
    }
    return %y : tensor<8xf32>
  }
}

// -----

// A helper with plain placements is fine (it keeps them in every strategy).
module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func private @plain(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<8xf32> {
    return %x : tensor<8xf32>
  }
  func.func @body(%s: index, %x: tensor<8xf32>) -> tensor<8xf32> {
    %y = hspmd.with_strategy %s (%x) : (tensor<8xf32>) -> tensor<8xf32> {
    ^bb0(%a: tensor<8xf32>):
      %b = func.call @plain(%a) : (tensor<8xf32>) -> tensor<8xf32>
      hspmd.yield %b : tensor<8xf32>
    }
    return %y : tensor<8xf32>
  }
}
