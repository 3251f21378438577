// RUN: hspmd-opt %s -split-input-file -verify-diagnostics -allow-unregistered-dialect

//===----------------------------------------------------------------------===//
// Parse errors
//===----------------------------------------------------------------------===//

func.func @bad_role(%x: tensor<8xf32>) {
  // expected-error @+1 {{expected a role: `dup`, `partial` or `d<k>`}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [x0 = 2]> : tensor<8xf32>
  return
}

// -----

func.func @leading_zero_role(%x: tensor<8xf32>) {
  // expected-error @+1 {{got `d01`}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d01 = 2]> : tensor<8xf32>
  return
}

// -----

func.func @role_dim_overflow(%x: tensor<8xf32>) {
  // expected-error @+1 {{got `d99999999999999999999`}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d99999999999999999999 = 2]> : tensor<8xf32>
  return
}

// -----

func.func @int_overflow(%x: tensor<8xf32>) {
  // expected-error @+1 {{integer value too large}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 99999999999999999999] : [d0 = 2]> : tensor<8xf32>
  return
}

// -----

func.func @empty_device_list(%x: tensor<8xf32>) {
  // expected-error @+1 {{a device list needs at least one device}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[] : []> : tensor<8xf32>
  return
}

// -----

func.func @empty_weights(%x: tensor<8xf32>) {
  // expected-error @+1 {{`weights` needs at least one entry}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [], groups = [[0] : [], [1] : []]> : tensor<8xf32>
  return
}

// -----

func.func @missing_groups(%x: tensor<8xf32>) {
  // expected-error @+1 {{expected 'groups'}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, [[0] : [], [1] : []]> : tensor<8xf32>
  return
}

// -----

// A sharding takes no type outside annotate and reshard.
// expected-error @+1 {{#hspmd.sharding does not take a type}}
"test.op"() {s = #hspmd.sharding<[0] : []> : i32} : () -> ()

// -----

func.func @not_a_sharding(%x: tensor<8xf32>) {
  // expected-error @+1 {{expected a #hspmd.sharding, got}}
  %0 = hspmd.annotate %x as "rows" : tensor<8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Structure (no tensor type needed)
//===----------------------------------------------------------------------===//

func.func @repeated_device(%x: tensor<8xf32>) {
  // expected-error @+1 {{invalid #hspmd.sharding<[0, 1, 1, 2] : [d0 = 4]>: device 1 appears more than once}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1, 1, 2] : [d0 = 4]> : tensor<8xf32>
  return
}

// -----

func.func @repeated_device_across_groups(%x: tensor<8xf32>) {
  // expected-error @+1 {{device 1 appears more than once}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = dup, groups = [[0, 1] : [dup = 2], [1] : []]> : tensor<8xf32>
  return
}

// -----

func.func @negative_device(%x: tensor<8xf32>) {
  // expected-error @+1 {{device id -1 is out of range: ids must be in [0, 2^31)}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[-1] : []> : tensor<8xf32>
  return
}

// -----

func.func @device_too_large(%x: tensor<8xf32>) {
  // expected-error @+1 {{device id 2147483648 is out of range}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 2147483648] : [d0 = 2]> : tensor<8xf32>
  return
}

// -----

func.func @axis_size_one(%x: tensor<8xf32>) {
  // expected-error @+1 {{axis `d0 = 1` has size 1: axis sizes must be at least 2}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0] : [d0 = 1]> : tensor<8xf32>
  return
}

// -----

func.func @axis_size_negative(%x: tensor<8xf32>) {
  // expected-error @+1 {{axis `dup = -2` has size -2}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [dup = -2]> : tensor<8xf32>
  return
}

// -----

func.func @repeated_split_role(%x: tensor<8x8xf32>) {
  // expected-error @+1 {{role `d0` appears more than once}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d0 = 2]> : tensor<8x8xf32>
  return
}

// -----

func.func @repeated_dup_role(%x: tensor<8x8xf32>) {
  // expected-error @+1 {{role `dup` appears more than once in group 1}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, groups = [[0] : [], [1, 2, 3, 4] : [dup = 2, dup = 2]]> : tensor<8x8xf32>
  return
}

// -----

func.func @product_mismatch(%x: tensor<8xf32>) {
  // expected-error @+1 {{the axes multiply to 4 but the group has 3 devices}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2] : [d0 = 2, dup = 2]> : tensor<8xf32>
  return
}

// -----

func.func @no_axes_several_devices(%x: tensor<8xf32>) {
  // expected-error @+1 {{the axes multiply to 1 but the group has 2 devices}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : []> : tensor<8xf32>
  return
}

// -----

func.func @product_overflow(%x: tensor<8xf32>) {
  // 3 * 6148914691236517206 wraps to 2 modulo 2^64: it must not pass as 2.
  // expected-error @+1 {{the axes multiply to more than 2^63 but the group has 2 devices}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 3, dup = 6148914691236517206]> : tensor<8xf32>
  return
}

// -----

func.func @hetero_one_group(%x: tensor<8xf32>) {
  // expected-error @+1 {{`hetero` needs at least two groups, got 1}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, groups = [[0, 1] : [d0 = 2]]> : tensor<8xf32>
  return
}

// -----

func.func @hetero_no_group(%x: tensor<8xf32>) {
  // expected-error @+1 {{`hetero` needs at least two groups, got 0}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = dup, groups = []> : tensor<8xf32>
  return
}

// -----

func.func @zero_weight(%x: tensor<8xf32>) {
  // expected-error @+1 {{weights must be positive, got 0}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [1, 0], groups = [[0] : [], [1] : []]> : tensor<8xf32>
  return
}

// -----

func.func @negative_weight(%x: tensor<8xf32>) {
  // expected-error @+1 {{weights must be positive, got -3}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [-3, 1], groups = [[0] : [], [1] : []]> : tensor<8xf32>
  return
}

// -----

func.func @weights_wrong_length(%x: tensor<8xf32>) {
  // Equal weights of the wrong length are still an error, not dropped.
  // expected-error @+1 {{`weights` has 3 entries but there are 2 groups}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [1, 1, 1], groups = [[0] : [], [1] : []]> : tensor<8xf32>
  return
}

// -----

func.func @weights_with_dup(%x: tensor<8xf32>) {
  // expected-error @+1 {{`weights` are only allowed with `hetero = d<k>`, not with `hetero = dup`}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = dup, weights = [3, 1], groups = [[0] : [], [1] : []]> : tensor<8xf32>
  return
}

// -----

func.func @weights_with_partial(%x: tensor<8xf32>) {
  // expected-error @+1 {{not with `hetero = partial`}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = partial, weights = [1, 1], groups = [[0] : [], [1] : []]> : tensor<8xf32>
  return
}

// -----

func.func @weight_sum_overflow(%x: tensor<8xf32>) {
  // expected-error @+1 {{the sum of the weights overflows int64}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [9223372036854775807, 1], groups = [[0] : [], [1] : []]> : tensor<8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Rules that need the tensor type
//===----------------------------------------------------------------------===//

func.func @split_dim_out_of_range(%x: tensor<8x8xf32>) {
  // expected-error @+1 {{'hspmd.annotate' op #hspmd.sharding<[0, 1] : [d2 = 2]> on 'tensor<8x8xf32>': split dimension `d2` is out of range for a rank-2 tensor}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d2 = 2]> : tensor<8x8xf32>
  return
}

// -----

func.func @hetero_split_out_of_range(%x: tensor<8xf32>) {
  // expected-error @+1 {{split dimension `d1` is out of range for a rank-1 tensor}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d1, groups = [[0] : [], [1] : []]> : tensor<8xf32>
  return
}

// -----

func.func @rank0_split(%x: tensor<f32>) {
  // Rank 0 allows only dup and partial.
  // expected-error @+1 {{split dimension `d0` is out of range for a rank-0 tensor}}
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<f32>
  return
}

// -----

func.func @top_tier_not_divisible(%x: tensor<8xf32>) {
  // expected-error @+1 {{dimension 0 of size 8 cannot be cut into 3 equal blocks, one per group}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, groups = [[0] : [], [1] : [], [2] : []]> : tensor<8xf32>
  return
}

// -----

func.func @weights_not_divisible(%x: tensor<10xf32>) {
  // Weights [6, 2] reduce to [3, 1]; 4 does not divide 10.
  // expected-error @+1 {{dimension 0 of size 10 cannot be cut by weights [3, 1]: their reduced sum 4 must divide it}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [6, 2], groups = [[0] : [], [1] : []]> : tensor<10xf32>
  return
}

// -----

func.func @bottom_tier_not_divisible(%x: tensor<6x8xf32>) {
  // expected-error @+1 {{axis `d0 = 4` does not divide dimension 0 of size 6}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<6x8xf32>
  return
}

// -----

func.func @group_block_not_divisible(%x: tensor<16x8xf32>) {
  // Rows 0-11 go to group 0 and 12-15 to group 1, whose 4 rows 8 devices cannot split.
  // expected-error @+1 {{axis `d0 = 8` in group 1 does not divide dimension 0 of the group's block, of size 4}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0] : [], [1, 2, 3, 4, 5, 6, 7, 8] : [d0 = 8]]> : tensor<16x8xf32>
  return
}

// -----

func.func @dynamic_dim(%x: tensor<?x8xf32>) {
  // expected-error @+1 {{dimension 0 is dynamic: annotated tensors must have a static shape}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<?x8xf32>
  return
}

// -----

func.func @partial_i8(%x: tensor<8xi8>) {
  // expected-error @+1 {{`partial` needs f16, bf16, f32, f64, i32 or i64 elements, got 'i8'}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<8xi8>
  return
}

// -----

func.func @hetero_partial_i1(%x: tensor<8xi1>) {
  // expected-error @+1 {{`partial` needs f16, bf16, f32, f64, i32 or i64 elements, got 'i1'}}
  %0 = hspmd.annotate %x as #hspmd.sharding<hetero = partial, groups = [[0] : [], [1] : []]> : tensor<8xi1>
  return
}

// -----

func.func @unranked(%x: tensor<*xf32>) {
  // expected-error @+1 {{must be ranked tensor of any type values}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0] : []> : tensor<*xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Function argument and result attributes
//===----------------------------------------------------------------------===//

// expected-error @+1 {{argument #0: #hspmd.sharding<[0, 1, 2] : [d0 = 3]> on 'tensor<8xf32>': axis `d0 = 3` does not divide dimension 0 of size 8}}
func.func @arg_not_divisible(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2] : [d0 = 3]>}) {
  return
}

// -----

// expected-error @+1 {{result #1: #hspmd.sharding<[0, 1] : [d0 = 2]> on 'tensor<f32>': split dimension `d0` is out of range for a rank-0 tensor}}
func.func private @result_rank0() -> (tensor<4xf32>, tensor<f32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>})

// -----

// expected-error @+1 {{argument #0: #hspmd.sharding<[0] : []> on 'i32': a sharding applies to ranked tensors only}}
func.func private @scalar_arg(i32 {hspmd.sharding = #hspmd.sharding<[0] : []>})

// -----

// expected-error @+1 {{'hspmd.sharding' on argument #0 must be a #hspmd.sharding, got 1 : i64}}
func.func private @not_a_sharding_arg(tensor<4xf32> {hspmd.sharding = 1})

// -----

// expected-error @+1 {{unknown argument attribute 'hspmd.shard': the hspmd dialect defines only 'hspmd.sharding'}}
func.func private @unknown_arg_attr(tensor<4xf32> {hspmd.shard = #hspmd.sharding<[0] : []>})

// -----

// expected-error @+1 {{unknown result attribute 'hspmd.placement'}}
func.func private @unknown_result_attr() -> (tensor<4xf32> {hspmd.placement = 1})

// -----

//===----------------------------------------------------------------------===//
// Communication ops
//===----------------------------------------------------------------------===//

func.func @no_groups(%x: tensor<8xf32>) {
  // expected-error @+1 {{'hspmd.all_reduce' op needs at least one device group}}
  %0 = hspmd.all_reduce %x groups [] : tensor<8xf32>
  return
}

// -----

func.func @empty_group(%x: tensor<8xf32>) {
  // expected-error @+1 {{device group #0 is empty}}
  %0 = hspmd.all_reduce %x groups [[]] : tensor<8xf32>
  return
}

// -----

func.func @backward_group_range(%x: tensor<8xf32>) {
  // expected-error @+1 {{a range `a to b` needs a <= b, got `5 to 4`}}
  %0 = hspmd.all_reduce %x groups [[5 to 4]] : tensor<8xf32>
  return
}

// -----

func.func @repeated_in_group_ranges(%x: tensor<8xf32>) {
  // expected-error @+1 {{device 3 appears in more than one place of the device groups}}
  %0 = hspmd.all_reduce %x groups [[0 to 7], [8, 9, 10, 3, 11, 12, 13, 14]] : tensor<8xf32>
  return
}

// -----

func.func @unequal_groups(%x: tensor<8xf32>) {
  // expected-error @+1 {{device groups must have one size: group #0 has 2 devices, group #1 has 3}}
  %0 = hspmd.all_reduce %x groups [[0, 1], [2, 3, 4]] : tensor<8xf32>
  return
}

// -----

func.func @device_in_two_groups(%x: tensor<8xf32>) {
  // expected-error @+1 {{device 1 appears in more than one place of the device groups}}
  %0 = hspmd.all_reduce %x groups [[0, 1], [1, 2]] : tensor<8xf32>
  return
}

// -----

func.func @group_device_out_of_range(%x: tensor<8xf32>) {
  // expected-error @+1 {{'hspmd.all_reduce' op device id -4 is out of range}}
  %0 = hspmd.all_reduce %x groups [[0, -4]] : tensor<8xf32>
  return
}

// -----

func.func @all_reduce_i8(%x: tensor<8xi8>) {
  // expected-error @+1 {{operand #0 must be statically shaped tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float or 32-bit signless integer or 64-bit signless integer values}}
  %0 = hspmd.all_reduce %x groups [[0, 1]] : tensor<8xi8>
  return
}

// -----

func.func @all_gather_wrong_result(%x: tensor<6x8xf32>) {
  // expected-error @+1 {{result dimension 0 must be 12, got 6}}
  %0 = hspmd.all_gather %x dim 0 groups [[0, 1]] : tensor<6x8xf32> -> tensor<6x8xf32>
  return
}

// -----

func.func @all_gather_dim_out_of_range(%x: tensor<6x8xf32>) {
  // expected-error @+1 {{`dim` 2 is out of range for a rank-2 tensor}}
  %0 = hspmd.all_gather %x dim 2 groups [[0, 1]] : tensor<6x8xf32> -> tensor<6x8xf32>
  return
}

// -----

func.func @reduce_scatter_not_divisible(%x: tensor<6x8xf32>) {
  // expected-error @+1 {{dimension 0 of size 6 cannot be cut into 4 equal blocks}}
  %0 = hspmd.reduce_scatter %x dim 0 groups [[0, 1, 2, 3]] : tensor<6x8xf32> -> tensor<1x8xf32>
  return
}

// -----

func.func @reduce_scatter_wrong_result(%x: tensor<8x8xf32>) {
  // expected-error @+1 {{result dimension 1 must be 8, got 4}}
  %0 = hspmd.reduce_scatter %x dim 0 groups [[0, 1]] : tensor<8x8xf32> -> tensor<4x4xf32>
  return
}

// -----

func.func @all_to_all_same_dims(%x: tensor<8x8xf32>) {
  // expected-error @+1 {{`split_dim` and `concat_dim` must differ}}
  %0 = hspmd.all_to_all %x split_dim 1 concat_dim 1 groups [[0, 1]] : tensor<8x8xf32> -> tensor<8x8xf32>
  return
}

// -----

func.func @all_to_all_not_divisible(%x: tensor<8x3xf32>) {
  // expected-error @+1 {{dimension 1 of size 3 cannot be cut into 2 equal blocks}}
  %0 = hspmd.all_to_all %x split_dim 1 concat_dim 0 groups [[0, 1]] : tensor<8x3xf32> -> tensor<16x1xf32>
  return
}

// -----

func.func @all_to_all_wrong_result(%x: tensor<8x8xf32>) {
  // expected-error @+1 {{result dimension 0 must be 16, got 8}}
  %0 = hspmd.all_to_all %x split_dim 1 concat_dim 0 groups [[0, 1]] : tensor<8x8xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @all_to_all_dim_out_of_range(%x: tensor<8x8xf32>) {
  // expected-error @+1 {{`concat_dim` 5 is out of range for a rank-2 tensor}}
  %0 = hspmd.all_to_all %x split_dim 1 concat_dim 5 groups [[0, 1]] : tensor<8x8xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @block_offsets_sizes_mismatch(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{a block needs as many offsets as sizes, got 2 and 1}}
  %0 = hspmd.send_recv recvs [1 : [0, 0] [4]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @block_wrong_rank(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{receive block #0 has 1 dimensions, the tensor has 2}}
  %0 = hspmd.send_recv recvs [1 : [0] [4]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @block_outside(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{receive block #1 (peer 3) does not fit dimension 1 of size 8: offset 4, size 5}}
  %0 = hspmd.send_recv recvs [1 : [0, 0] [4, 8], 3 : [0, 4] [4, 5]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @send_block_negative(%x: tensor<4x8xf32>, %y: tensor<4x8xf32>) {
  // expected-error @+1 {{send block #0 (peer 1) does not fit dimension 0 of size 4: offset -1, size 2}}
  %0 = hspmd.send_recv sends [1 : [-1, 0] [2, 8]] of %y : tensor<4x8xf32> recvs [] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @send_peer_out_of_range(%x: tensor<4x8xf32>, %y: tensor<4x8xf32>) {
  // expected-error @+1 {{'hspmd.send_recv' op device id -1 is out of range}}
  %0 = hspmd.send_recv sends [-1 : [0, 0] [2, 8]] of %y : tensor<4x8xf32> recvs [] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @relative_peer_zero(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{receive block #0: a relative peer 0 must be a non-zero distance between ids in [0, 2^31)}}
  %0 = hspmd.send_recv relative recvs [0 : [0, 0] [4, 8]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @sends_without_input(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{has blocks to send but no tensor to send from}}
  %0 = "hspmd.send_recv"(%x) <{sends = [array<i64: 1, 0, 0, 4, 8>], recvs = []}> : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @send_recv_element_types(%x: tensor<4x8xf32>, %y: tensor<4x8xi32>) {
  // expected-error @+1 {{requires the same element type for all operands and results}}
  %0 = hspmd.send_recv sends [1 : [0, 0] [2, 8]] of %y : tensor<4x8xi32> recvs [] into %x : tensor<4x8xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Found in review: inputs that must not be accepted silently
//===----------------------------------------------------------------------===//

// A sharding nested in the result type may not take that type's `: T` as its
// own (only the op's own sharding is followed by the result type).
func.func @nested_sharding_type(%x: tensor<4xf32, #hspmd.sharding<[0] : []>>) {
  // expected-error @+1 {{#hspmd.sharding does not take a type}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0] : []> : tensor<4xf32, #hspmd.sharding<[0] : []> : tensor<99xi8>>
  return
}

// -----

func.func @all_gather_overflow(%x: tensor<4611686018427387904xf32>) {
  // expected-error @+1 {{dimension 0 of size 4611686018427387904 times 4 devices overflows int64}}
  %0 = hspmd.all_gather %x dim 0 groups [[0, 1, 2, 3]] : tensor<4611686018427387904xf32> -> tensor<0xf32>
  return
}

// -----

func.func @all_to_all_overflow(%x: tensor<4x4611686018427387904xf32>) {
  // expected-error @+1 {{dimension 1 of size 4611686018427387904 times 4 devices overflows int64}}
  %0 = hspmd.all_to_all %x split_dim 0 concat_dim 1 groups [[0, 1, 2, 3]] : tensor<4x4611686018427387904xf32> -> tensor<1x0xf32>
  return
}

// -----

func.func @inherent_in_attr_dict(%x: tensor<4xf32>) {
  // expected-error @+1 {{'sharding' is given by the op's syntax and may not appear in its attribute dictionary}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0] : []> : tensor<4xf32> {sharding = #hspmd.sharding<[1] : []>}
  return
}

// -----

func.func @groups_in_attr_dict(%x: tensor<4xf32>) {
  // expected-error @+1 {{'groups' is given by the op's syntax}}
  %0 = hspmd.all_gather %x dim 0 groups [[0, 1]] {groups = [array<i64: 0, 1, 2>]} : tensor<4xf32> -> tensor<8xf32>
  return
}

// -----

func.func @accumulate_i8(%x: tensor<4xi8>) {
  // expected-error @+1 {{`accumulate` adds received blocks and needs f16, bf16, f32, f64, i32 or i64 elements, got 'i8'}}
  %0 = hspmd.send_recv recvs [1 : [0] [4]] accumulate into %x : tensor<4xi8>
  return
}

// -----

// expected-error @+1 {{'hspmd.sharding' is allowed on function arguments and results only}}
func.func private @on_an_op(tensor<8xf32>) attributes {hspmd.sharding = #hspmd.sharding<[0] : []>}

// -----

// expected-error @+1 {{unknown hspmd attribute 'hspmd.placement'}}
"test.op"() {hspmd.placement = 5} : () -> ()

// -----

func.func @boolean_device(%x: tensor<8xf32>) {
  // expected-error @+1 {{expected a decimal integer}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[true] : []> : tensor<8xf32>
  return
}

// -----

func.func @hex_axis_size(%x: tensor<8xf32>) {
  // expected-error @+1 {{expected a decimal integer}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 0x2]> : tensor<8xf32>
  return
}

// -----

func.func @hex_group(%x: tensor<8xf32>) {
  // expected-error @+1 {{expected a decimal integer}}
  %0 = hspmd.all_reduce %x groups [[0, 0x1]] : tensor<8xf32>
  return
}

// -----

// expected-error @+1 {{'hspmd.on_all_devices' is a unit attribute}}
"test.op"() {hspmd.on_all_devices = 1} : () -> ()

// -----

// expected-error @+1 {{'hspmd.max_device' is an integer on a module}}
"test.op"() {hspmd.max_device = 3} : () -> ()

// -----

func.func @range_backwards(%x: tensor<8xf32>) {
  // expected-error @+1 {{a range `a to b` needs a <= b, got `5 to 2`}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 5 to 2] : [d0 = 4]> : tensor<8xf32>
  return
}

// -----

func.func @range_out_of_ids(%x: tensor<8xf32>) {
  // expected-error @+1 {{device ids are in [0, 2147483648), got the range `-1 to 6`}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[-1 to 6] : [d0 = 8]> : tensor<8xf32>
  return
}

// -----

func.func @range_too_long(%x: tensor<8xf32>) {
  // expected-error @+1 {{a device list names at most 1048576 devices}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0 to 2147483647] : [d0 = 8]> : tensor<8xf32>
  return
}

// -----

func.func @range_repeats(%x: tensor<8xf32>) {
  // expected-error @+1 {{invalid #hspmd.sharding<[3, 1, 2, 3] : [d0 = 4]>: device 3 appears more than once}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[3, 1 to 3] : [d0 = 4]> : tensor<8xf32>
  return
}

// -----

func.func @group_negative_device(%x: tensor<8xf32>) {
  // expected-error @+1 {{device id -2 is out of range: ids must be in [0, 2^31)}}
  %0 = hspmd.all_reduce %x groups [[0, 1], [-2, 3]] : tensor<8xf32>
  return
}

// -----

func.func @plan_device_twice(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{lists device 9 twice}}
  %0 = hspmd.plan %x to #hspmd.sharding<[0 to 9] : [dup = 10]> : tensor<8xf32>
  devices [0 to 9] {
  ^bb0(%in: tensor<8xf32>):
    hspmd.yield %in : tensor<8xf32>
  }
  devices [9] {
  ^bb0(%in: tensor<8xf32>):
    hspmd.yield %in : tensor<8xf32>
  }
  return %0 : tensor<8xf32>
}

// -----

func.func @plan_negative_device(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{device id -1 is out of range: ids must be in [0, 2^31)}}
  %0 = hspmd.plan %x to #hspmd.sharding<[0] : []> : tensor<8xf32>
  devices [-1] {
  ^bb0(%in: tensor<8xf32>):
    hspmd.yield %in : tensor<8xf32>
  }
  return %0 : tensor<8xf32>
}

// -----

// A device program is copied alone into each device's function: a value
// from around the plan (which specialization once dereferenced as null) or
// a plan inside it is refused.
func.func @plan_captures(%x: tensor<8xf32>) -> tensor<8xf32> {
  %f = arith.constant 2.0 : f32
  // expected-error @+1 {{a device program may use only its argument and the values it defines, not one defined around the plan}}
  %0 = hspmd.plan %x to #hspmd.sharding<[0] : []> : tensor<8xf32>
  devices [0] {
  ^bb0(%in: tensor<8xf32>):
    // expected-note @+1 {{here}}
    %s = linalg.fill ins(%f : f32) outs(%in : tensor<8xf32>) -> tensor<8xf32>
    hspmd.yield %s : tensor<8xf32>
  }
  return %0 : tensor<8xf32>
}

// -----

func.func @plan_in_plan(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{a device program may not hold another hspmd.plan}}
  %0 = hspmd.plan %x to #hspmd.sharding<[0] : []> : tensor<8xf32>
  devices [0] {
  ^bb0(%in: tensor<8xf32>):
    // expected-note @+1 {{here}}
    %1 = hspmd.plan %in to #hspmd.sharding<[0] : []> : tensor<8xf32>
    devices [0] {
    ^bb0(%in2: tensor<8xf32>):
      hspmd.yield %in2 : tensor<8xf32>
    }
    hspmd.yield %1 : tensor<8xf32>
  }
  return %0 : tensor<8xf32>
}

// -----

// Elements the communication ops cannot move (a vector, a pointer).
func.func @vector_elements(%x: tensor<8xvector<4xf32>>) {
  // expected-error @+1 {{a sharding places tensors of integer, index, floating-point or complex elements, got 'vector<4xf32>'}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xvector<4xf32>>
  return
}

// -----

func.func @plan_empty_devices(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{has an empty device set}}
  %0 = hspmd.plan %x to #hspmd.sharding<[0] : []> : tensor<8xf32>
  devices [] {
  ^bb0(%in: tensor<8xf32>):
    hspmd.yield %in : tensor<8xf32>
  }
  return %0 : tensor<8xf32>
}

// -----

func.func @negative_dimension(%x: tensor<8xf32>) {
  // expected-error @+1 {{expected a role: `dup`, `partial` or `d<k>`, got `d` without a dimension right after it (dimensions are non-negative)}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d-1 = 2]> : tensor<8xf32>
  return
}

// -----

// The largest int64 as a device id: an error, not a printer that counts
// past it forever (found by the pass fuzzer).
func.func @int64_max_device(%x: tensor<8xf32>) {
  // expected-error @+1 {{device id 9223372036854775807 is out of range: ids must be in [0, 2^31)}}
  %0 = hspmd.annotate %x as #hspmd.sharding<[3, 9223372036854775807] : [dup = 2]> : tensor<8xf32>
  return
}

// -----

func.func @table_column_out_of_range(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{'hspmd.send_recv' op receive block #0 names peer column 1, the table has 1}}
  %0 = hspmd.send_recv table [0, 1] [[2, 3]] recvs [1 : [0, 0] [4, 8]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @table_column_length(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{'hspmd.send_recv' op peer column #0 has 3 entries for 2 devices}}
  %0 = hspmd.send_recv table [0, 1] [[2, 3, 4]] recvs [0 : [0, 0] [4, 8]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @table_devices_unordered(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{'hspmd.send_recv' op lists the peer table's devices out of order: they must increase}}
  %0 = hspmd.send_recv table [1, 0] [[2, 3]] recvs [0 : [0, 0] [4, 8]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @table_device_twice(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{'hspmd.send_recv' op device 1 appears twice in the peer table}}
  %0 = hspmd.send_recv table [1, 1] [[2, 3]] recvs [0 : [0, 0] [4, 8]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @table_peer_out_of_range(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{'hspmd.send_recv' op device id -3 is out of range}}
  %0 = hspmd.send_recv table [0, 1] [[2, -3]] recvs [0 : [0, 0] [4, 8]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @table_two_columns_one_peer(%x: tensor<4x8xf32>) {
  // Device 1's two receive columns both name device 3: its blocks from 3
  // would travel as two messages where the peer sends one.
  // expected-error @+1 {{'hspmd.send_recv' op device 1 has two peer columns to receive from naming device 3}}
  %0 = hspmd.send_recv table [0, 1] [[2, 3], [4, 3]] recvs [0 : [0, 0] [2, 8], 1 : [2, 0] [2, 8]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @table_send_and_receive_one_peer(%x: tensor<4x8xf32>) {
  // Sending to and receiving from one peer are two messages: allowed.
  %0 = hspmd.send_recv table [0, 1] [[2, 3], [2, 3]] sends [0 : [0, 0] [4, 8]] of %x : tensor<4x8xf32> recvs [1 : [0, 0] [4, 8]] into %x : tensor<4x8xf32>
  return
}

// -----

func.func @table_and_relative(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{'hspmd.send_recv' op peers are either `relative` or a `table`, not both}}
  %0 = "hspmd.send_recv"(%x) <{relative, table_devices = array<i64: 0>, peer_table = [array<i64: 1>], recvs = [array<i64: 0, 0, 0, 4, 8>], sends = []}> : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @table_without_devices(%x: tensor<4x8xf32>) {
  // expected-error @+1 {{'hspmd.send_recv' op has peer columns but no table devices}}
  %0 = "hspmd.send_recv"(%x) <{peer_table = [array<i64: 1>], recvs = [array<i64: 0, 0, 0, 4, 8>], sends = []}> : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

// Each device set yields its members' block of the result (found by the
// pass-level hunt: a plan yielding whole tensors where blocks were due
// passed the verifier).
func.func @plan_yields_whole(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{the device program of [0, 1] must yield tensor<4xf32> under #hspmd.sharding<[0, 1] : [d0 = 2]>, got tensor<8xf32>}}
  %0 = hspmd.plan %x to #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8xf32>
  devices [0, 1] {
  ^bb0(%in: tensor<8xf32>):
    hspmd.yield %in : tensor<8xf32>
  }
  return %0 : tensor<8xf32>
}

// -----

func.func @plan_mixed_set(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{device set [0, 1] mixes devices holding different blocks of the result: device 0 holds tensor<8xf32>, device 1 holds nothing (the value does not live there)}}
  %0 = hspmd.plan %x to #hspmd.sharding<[0] : []> : tensor<8xf32>
  devices [0, 1] {
  ^bb0(%in: tensor<8xf32>):
    hspmd.yield %in : tensor<8xf32>
  }
  return %0 : tensor<8xf32>
}

// -----

func.func @plan_yield_off_result(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{the device program of [1] must yield nothing (the value does not live there) under #hspmd.sharding<[0] : []>, got tensor<8xf32>}}
  %0 = hspmd.plan %x to #hspmd.sharding<[0] : []> : tensor<8xf32>
  devices [0] {
  ^bb0(%in: tensor<8xf32>):
    hspmd.yield %in : tensor<8xf32>
  }
  devices [1] {
  ^bb0(%in: tensor<8xf32>):
    hspmd.yield %in : tensor<8xf32>
  }
  return %0 : tensor<8xf32>
}

// -----

func.func @carried_as_not_strings(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'hspmd.carried_as' is an array of strings, one per iteration argument, on a loop}}
  scf.for %i = %c0 to %n step %c1 {
  } {hspmd.carried_as = [1]}
  return
}
