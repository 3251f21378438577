// RUN: hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-cost-report %s -split-input-file -verify-diagnostics -o /dev/null

// A sharding naming a device the cluster lacks (ranks 0-7) is an error where
// the sharding is written; the report once read past the cluster's devices
// (a crash, or garbage links) or said so at the module, `file:0:0`.

func.func @reshard_target(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<16x8xf32> {
  // expected-error @+1 {{device 9 of #hspmd.sharding<[0, 9] : [d0 = 2]> is not in the cluster description, which has 8 ranks (0 to 7)}}
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 9] : [d0 = 2]> : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// -----

func.func @annotated(%x: tensor<16x8xf32>) -> tensor<16x8xf32> {
  // expected-error @+1 {{device 9 of #hspmd.sharding<[9] : []> is not in the cluster description}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[9] : []> : tensor<16x8xf32>
  %1 = arith.addf %0, %0 : tensor<16x8xf32>
  return %1 : tensor<16x8xf32>
}

// -----

// expected-error @+1 {{device 8 of #hspmd.sharding<hetero = d0, groups = [[0, 1] : [d0 = 2], [8] : []]> is not in the cluster description}}
func.func @argument(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, groups = [[0, 1] : [d0 = 2], [8] : []]>}) -> tensor<16x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// -----

// expected-error @+1 {{device 12 of #hspmd.sharding<[12] : []> is not in the cluster description}}
func.func private @external_result(tensor<16x8xf32>) -> (tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<[12] : []>})

// -----

// Byte counts that do not fit in int64 are an error at the reshard (they
// once wrapped to negative numbers of bytes sent).
func.func @huge(%x: tensor<4294967296x4294967296xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<4294967296x4294967296xf32> {
  // expected-error @+1 {{the bytes of 'tensor<4294967296x4294967296xf32>' (4294967296 x 4294967296 elements of 4 bytes) do not fit in 64 bits}}
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4294967296x4294967296xf32>
  return %0 : tensor<4294967296x4294967296xf32>
}
