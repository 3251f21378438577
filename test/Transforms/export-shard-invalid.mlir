// RUN: hspmd-opt --hspmd-export-shard %s -split-input-file -verify-diagnostics

// Summands: LLVM 22's shard.sharding has no partial axes.
func.func @partial(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{#hspmd.sharding<[0, 1] : [partial = 2]> on 'tensor<8xf32>' holds summands (partial), which LLVM 22's `shard.sharding` cannot express}}
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8xf32>
  return %a : tensor<8xf32>
}

// -----

// A tensor on device 0 only, in a module of two devices.
func.func @part(%x: tensor<8xf32>) -> tensor<8xf32> {
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  // expected-error@+1 {{#hspmd.sharding<[0] : []> on 'tensor<8xf32>' holds the tensor on 1 of the module's 2 devices; an upstream sharding lays every tensor over its whole grid}}
  %b = hspmd.reshard %a to #hspmd.sharding<[0] : []> : tensor<8xf32>
  return %b : tensor<8xf32>
}

// -----

func.func @hetero_dup(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{holds the tensor in groups that each hold all of it (hetero = dup), which an upstream sharding cannot express}}
  %a = hspmd.annotate %x as #hspmd.sharding<hetero = dup, groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<8xf32>
  return %a : tensor<8xf32>
}

// -----

func.func @groups_differ(%x: tensor<8x4xf32>) -> tensor<8x4xf32> {
  // expected-error@+1 {{has groups that lay out their blocks differently ([d1 = 2] and [dup = 2]); an upstream sharding has one layout for every shard}}
  %a = hspmd.annotate %x as #hspmd.sharding<hetero = d0, groups = [[0, 1] : [d1 = 2], [2, 3] : [dup = 2]]> : tensor<8x4xf32>
  return %a : tensor<8x4xf32>
}

// -----

// Position 1 holds device 3 and position 2 device 1, but then position 3
// would be device 4 on a grid: no grid orders 0, 3, 1, 2 row-major.
func.func @no_grid(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{orders its devices in no grid's row-major order, which an upstream sharding needs}}
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 3, 1, 2] : [d0 = 4]> : tensor<8xf32>
  return %a : tensor<8xf32>
}

// -----

// [d0 = 2, d1 = 3] needs grid axes of strides 1 and 3; [dup = 3, d0 = 2]
// needs strides 1 and 2: no grid of 6 devices has both.
func.func @conflict(%x: tensor<6x6xf32>) -> (tensor<6x6xf32>, tensor<6x6xf32>) {
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<6x6xf32>
  // expected-error@+1 {{needs a device grid with an axis of stride 2 and one of stride 3, which no grid has together with the shardings before it (upstream reshards within one grid)}}
  %b = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [dup = 3, d0 = 2]> : tensor<6x6xf32>
  return %a, %b : tensor<6x6xf32>, tensor<6x6xf32>
}

// -----

// expected-error@+1 {{a declaration's placements have no upstream `shard` form (there is no body to annotate)}}
func.func private @decl(tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>})

// -----

// After --hspmd-resolve-comm: collectives have no shard.shard form.
func.func @collective(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{'hspmd.all_reduce' has no upstream `shard` form: export a program before --hspmd-resolve-comm, with annotations and reshards only}}
  %0 = hspmd.all_reduce %x groups [[0, 1]] : tensor<8xf32>
  return %0 : tensor<8xf32>
}
