// RUN: hspmd-opt --hspmd-check-entry %s -split-input-file -verify-diagnostics

// A program hspmd-run can run has `func.func @main()` with a body, taking no
// arguments and returning nothing (docs/Running.md).

// expected-error @+1 {{the entry point `@main` must take no arguments and return nothing, got '() -> i32': hspmd-run has no values to pass it and uses nothing it returns (print results instead)}}
func.func @main() -> i32 {
  %a = arith.constant 3 : i32
  return %a : i32
}

// -----

// expected-error @+1 {{the entry point `@main` must take no arguments and return nothing, got '(tensor<4xf32>) -> ()'}}
func.func @main(%x: tensor<4xf32>) {
  return
}

// -----

// expected-error @+1 {{the entry point `@main` is only declared: it needs a body}}
func.func private @main()

// -----

// expected-error @+1 {{the program has no entry point: hspmd-run runs `func.func @main()`, which takes no arguments and returns nothing}}
module {
  func.func @helper() {
    return
  }
}

// -----

// A program still written with upstream `shard` is told to import it.
// expected-error @+1 {{'shard.grid' is upstream `shard`: hspmd-compile and hspmd-run take #hspmd.sharding; convert the program first with `hspmd-opt --hspmd-import-shard`}}
shard.grid @grid(shape = 2)
func.func @main() {
  %x = arith.constant dense<1.0> : tensor<4xf32>
  %s0 = shard.sharding @grid split_axes = [[0]] : !shard.sharding
  %s = shard.shard %x to %s0 : tensor<4xf32>
  return
}
