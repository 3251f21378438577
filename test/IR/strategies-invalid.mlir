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
