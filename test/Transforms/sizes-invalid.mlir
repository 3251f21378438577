// RUN: hspmd-opt --hspmd-comm-report %s -split-input-file -verify-diagnostics -o /dev/null
// RUN: hspmd-opt --hspmd-resolve-comm %s -split-input-file -verify-diagnostics -o /dev/null

// Counts that do not fit in int64 are an error at the reshard: the comm
// report once printed "sent": -2 for this one.
func.func @huge(%x: tensor<4294967296x4294967296xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<4294967296x4294967296xf32> {
  // expected-error @+1 {{the bytes of 'tensor<4294967296x4294967296xf32>' (4294967296 x 4294967296 elements of 4 bytes) do not fit in 64 bits}}
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4294967296x4294967296xf32>
  return %0 : tensor<4294967296x4294967296xf32>
}

// -----

// 2^62 f16 elements are 2^63 bytes, one more than int64 holds.
func.func @just_over(%x: tensor<4611686018427387904xf16> {hspmd.sharding = #hspmd.sharding<[0] : []>}) -> tensor<4611686018427387904xf16> {
  // expected-error @+1 {{the bytes of 'tensor<4611686018427387904xf16>' (4611686018427387904 elements of 2 bytes) do not fit in 64 bits}}
  %0 = hspmd.reshard %x to #hspmd.sharding<[1] : []> : tensor<4611686018427387904xf16>
  return %0 : tensor<4611686018427387904xf16>
}

// -----

// A plan too large to write: two replicas take turns over 2^41 unit cells
// (Semantics.md "Changing a placement": the sender of each cell is the one with fewer bytes sent), a
// transfer per cell. The planner stops at 2^22 entries instead of running
// out of memory.
func.func @turns(%x: tensor<2199023255552xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>}) -> tensor<2199023255552xf32> {
  // expected-error @+1 {{cannot plan this reshard: the point-to-point plan would have more than 4194304 transfers and local copies}}
  %0 = hspmd.reshard %x to #hspmd.sharding<hetero = d0, weights = [1, 2199023255551], groups = [[2] : [], [3] : []]> : tensor<2199023255552xf32>
  return %0 : tensor<2199023255552xf32>
}
