// RUN: hspmd-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'hspmd.strategies' lists 'tp' twice}}
module attributes {hspmd.strategies = ["tp", "tp"]} {}

// -----

// expected-error @+1 {{'hspmd.strategies' is a non-empty array of strategy names on a module}}
module attributes {hspmd.strategies = []} {}

// -----

module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func @f(%x: tensor<8xf32>) -> tensor<8xf32> {
    // expected-error @+1 {{strategy 'pp' is not declared: the module's 'hspmd.strategies' lists ["tp", "dp"]}}
    %y = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32> {hspmd.strategy_shardings = {pp = #hspmd.sharding<[0] : []>}}
    return %y : tensor<8xf32>
  }
}

// -----

module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func @f(%x: tensor<8xf32>) -> tensor<8xf32> {
    // expected-error @+1 {{strategy 'dp': #hspmd.sharding<[0, 1, 2] : [d0 = 3]> on 'tensor<8xf32>': axis `d0 = 3` does not divide dimension 0 of size 8}}
    %y = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0, 1, 2] : [d0 = 3]>}}
    return %y : tensor<8xf32>
  }
}

// -----

// expected-error @+1 {{argument #0: strategy 'dp' is not declared: the module's 'hspmd.strategies' is missing; it lists the names, e.g. ["tp"]}}
func.func @g(%x: tensor<8xf32> {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0] : []>}}) {
  return
}

// -----

module attributes {hspmd.strategies = ["tp", "dp"]} {
  // expected-error @+1 {{'hspmd.strategy_shardings' belongs on hspmd.annotate and on function arguments and results}}
  func.func @h() attributes {hspmd.strategy_shardings = {dp = #hspmd.sharding<[0] : []>}} {
    return
  }
}

// -----

module attributes {hspmd.strategies = ["tp", "dp"]} {
  // expected-error @+1 {{result #0: the sharding of strategy 'dp' must be a #hspmd.sharding, got 3 : i64}}
  func.func @k(%x: tensor<8xf32>) -> (tensor<8xf32> {hspmd.strategy_shardings = {dp = 3}}) {
    return %x : tensor<8xf32>
  }
}

// -----

func.func @no_strategies(%s: index, %x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'hspmd.with_strategy' op needs an enclosing module that declares its strategies ('hspmd.strategies')}}
  %y = hspmd.with_strategy %s (%x) : (tensor<8xf32>) -> tensor<8xf32> {
  ^bb0(%a: tensor<8xf32>):
    hspmd.yield %a : tensor<8xf32>
  }
  return %y : tensor<8xf32>
}

// -----

module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func @arguments(%s: index, %x: tensor<8xf32>) -> tensor<8xf32> {
    // expected-error @+1 {{'hspmd.with_strategy' op body takes 'tensor<4xf32>' but the op passes 'tensor<8xf32>'}}
    %y = hspmd.with_strategy %s (%x) : (tensor<8xf32>) -> tensor<8xf32> {
    ^bb0(%a: tensor<4xf32>):
      hspmd.yield %x : tensor<8xf32>
    }
    return %y : tensor<8xf32>
  }
}

// -----

module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func @results(%s: index, %x: tensor<8xf32>) -> tensor<8xf32> {
    // expected-error @+1 {{'hspmd.with_strategy' op body yields 'tensor<8xi32>' but the op returns 'tensor<8xf32>'}}
    %y = hspmd.with_strategy %s (%x) : (tensor<8xf32>) -> tensor<8xf32> {
    ^bb0(%a: tensor<8xf32>):
      %b = arith.fptosi %a : tensor<8xf32> to tensor<8xi32>
      hspmd.yield %b : tensor<8xi32>
    }
    return %y : tensor<8xf32>
  }
}

// -----

module attributes {hspmd.strategies = ["tp", "dp"]} {
  func.func @nested(%s: index, %x: tensor<8xf32>) -> tensor<8xf32> {
    %y = hspmd.with_strategy %s (%x) : (tensor<8xf32>) -> tensor<8xf32> {
    ^bb0(%a: tensor<8xf32>):
      // expected-error @+1 {{'hspmd.with_strategy' op is inside another hspmd.with_strategy: the outer one already chooses the strategy}}
      %b = hspmd.with_strategy %s (%a) : (tensor<8xf32>) -> tensor<8xf32> {
      ^bb0(%c: tensor<8xf32>):
        hspmd.yield %c : tensor<8xf32>
      }
      hspmd.yield %b : tensor<8xf32>
    }
    return %y : tensor<8xf32>
  }
}
