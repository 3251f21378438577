// RUN: hspmd-opt --hspmd-decompose-aggregates %s -split-input-file -verify-diagnostics | FileCheck %s
// linalg.softmax becomes the linalg ops it stands for: a max over the
// dimension, exp(x - max), their sum, and the division.

// CHECK-LABEL: func.func @softmax
// CHECK-NOT: linalg.softmax
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK: arith.maxnumf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
// CHECK-NOT: linalg.softmax
func.func @softmax(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %a = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x6xf32>
  %e = tensor.empty() : tensor<4x6xf32>
  %s = linalg.softmax dimension(1) ins(%a : tensor<4x6xf32>) outs(%e : tensor<4x6xf32>) -> tensor<4x6xf32>
  return %s : tensor<4x6xf32>
}

// -----

// tensor.gather becomes a generic over the result: the indices are read once
// per gathered dimension at (batch..., k), source dims not gathered follow
// the result's trailing loops (here rank-preserving: dim 0 of the source is
// result dim 2, of size 1, and dim 1 is result dim 3), and each coordinate
// is checked against its source extent.
// CHECK-LABEL: func.func @gather_rows
// CHECK-NOT: tensor.gather
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x5x1x6xf32>
// CHECK: linalg.generic {indexing_maps = [#[[$IDX0:.*]], #[[$OUT:.*]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[I:.*]] : tensor<2x5x1xi64>) outs(%[[E]] : tensor<2x5x1x6xf32>)
// CHECK: ^bb0(%[[C:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[C0:.*]] = arith.index_cast %[[C]] : i64 to index
// CHECK: %[[N:.*]] = arith.constant 8 : index
// CHECK: %[[OK:.*]] = arith.cmpi ult, %[[C0]], %[[N]] : index
// CHECK: cf.assert %[[OK]], "tensor.gather: an index is outside the source tensor"
// CHECK: %[[J:.*]] = linalg.index 3 : index
// CHECK: %[[V:.*]] = tensor.extract %{{.*}}[%[[C0]], %[[J]]] : tensor<8x6xf32>
// CHECK: linalg.yield %[[V]]
func.func @gather_rows(%t: tensor<8x6xf32>, %i: tensor<2x5x1xi64>) -> tensor<2x5x1x6xf32> {
  %g = tensor.gather %t[%i] gather_dims([0]) : (tensor<8x6xf32>, tensor<2x5x1xi64>) -> tensor<2x5x1x6xf32>
  return %g : tensor<2x5x1x6xf32>
}

// -----

// Rank-reducing: gathered dims 0 and 2 are left out of the result, whose
// dim 1 is the source's dim 1; coordinates of type index need no cast.
// CHECK-LABEL: func.func @gather_points
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}], iterator_types = ["parallel", "parallel"]} ins(%[[I:.*]], %[[I]] : tensor<6x2xindex>, tensor<6x2xindex>)
// CHECK: ^bb0(%[[A:.*]]: index, %[[B:.*]]: index, %{{.*}}: f32):
// CHECK-NOT: index_cast
// CHECK: cf.assert
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: cf.assert
// CHECK: tensor.extract %{{.*}}[%[[A]], %[[J]], %[[B]]] : tensor<3x4x5xf32>
func.func @gather_points(%t: tensor<3x4x5xf32>, %i: tensor<6x2xindex>) -> tensor<6x4xf32> {
  %g = tensor.gather %t[%i] gather_dims([0, 2]) : (tensor<3x4x5xf32>, tensor<6x2xindex>) -> tensor<6x4xf32>
  return %g : tensor<6x4xf32>
}

// -----

// CHECK-LABEL: func.func @bitcast
// CHECK: linalg.generic
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK-NOT: tensor.bitcast
func.func @bitcast(%x: tensor<2x4xf32>) -> tensor<2x4xi32> {
  %b = tensor.bitcast %x : tensor<2x4xf32> to tensor<2x4xi32>
  return %b : tensor<2x4xi32>
}

// -----

// linalg.pack and linalg.unpack become pad, reshape and transpose.
// CHECK-LABEL: func.func @pack_unpack
// CHECK-NOT: linalg.pack
// CHECK: tensor.pad
// CHECK: tensor.expand_shape
// CHECK: linalg.transpose
// CHECK-NOT: linalg.unpack
// CHECK: tensor.collapse_shape
func.func @pack_unpack(%x: tensor<8x10xf32>) -> tensor<8x10xf32> {
  %pad = arith.constant -1.0 : f32
  %pe = tensor.empty() : tensor<2x4x4x3xf32>
  %p = linalg.pack %x padding_value(%pad : f32) inner_dims_pos = [0, 1] inner_tiles = [4, 3] into %pe : tensor<8x10xf32> -> tensor<2x4x4x3xf32>
  %ue = tensor.empty() : tensor<8x10xf32>
  %u = linalg.unpack %p inner_dims_pos = [0, 1] inner_tiles = [4, 3] into %ue : tensor<2x4x4x3xf32> -> tensor<8x10xf32>
  return %u : tensor<8x10xf32>
}

// -----

func.func @gather_dynamic(%t: tensor<?x6xf32>, %i: tensor<2x1xindex>) -> tensor<2x6xf32> {
  // expected-error @+1 {{cannot write 'tensor.gather' as a linalg.generic: its shapes must be static, got 'tensor<?x6xf32>', 'tensor<2x1xindex>' and 'tensor<2x6xf32>'}}
  %g = tensor.gather %t[%i] gather_dims([0]) : (tensor<?x6xf32>, tensor<2x1xindex>) -> tensor<2x6xf32>
  return %g : tensor<2x6xf32>
}

// -----

// tensor.scatter becomes a loop over the indices' points carrying the
// destination: each reads its coordinate, checks it, and inserts its slice
// of the source (rank-reducing here: the scattered dim is left out).
// CHECK-LABEL: func.func @scatter
// CHECK-NOT: tensor.scatter
// CHECK: scf.for %[[P:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[D:.*]] = %{{.*}}) -> (tensor<4x3xf32>)
// CHECK: %[[C:.*]] = tensor.extract %{{.*}}[%{{.*}}, %{{.*}}] : tensor<2x1xindex>
// CHECK: cf.assert %{{.*}}, "tensor.scatter: an index is outside the destination tensor"
// CHECK: %[[S:.*]] = tensor.extract_slice %{{.*}}[%{{.*}}, 0] [1, 3] [1, 1] : tensor<2x3xf32> to tensor<3xf32>
// CHECK: %[[N:.*]] = tensor.insert_slice %[[S]] into %[[D]][%[[C]], 0] [1, 3] [1, 1] : tensor<3xf32> into tensor<4x3xf32>
// CHECK: scf.yield %[[N]]
func.func @scatter(%s: tensor<2x3xf32>, %d: tensor<4x3xf32>, %i: tensor<2x1xindex>) -> tensor<4x3xf32> {
  %r = tensor.scatter %s into %d[%i] scatter_dims([0]) unique : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<2x1xindex>) -> tensor<4x3xf32>
  return %r : tensor<4x3xf32>
}

// -----

func.func @scatter_dynamic(%s: tensor<2x3xf32>, %d: tensor<?x3xf32>, %i: tensor<2x1xindex>) -> tensor<?x3xf32> {
  // expected-error @+1 {{cannot write 'tensor.scatter' as a loop of insert_slice: its shapes must be static, got 'tensor<2x3xf32>', 'tensor<?x3xf32>' and 'tensor<2x1xindex>'}}
  %r = tensor.scatter %s into %d[%i] scatter_dims([0]) unique : (tensor<2x3xf32>, tensor<?x3xf32>, tensor<2x1xindex>) -> tensor<?x3xf32>
  return %r : tensor<?x3xf32>
}

// -----

// A cast to a dynamic shape and straight back is the value itself.
// CHECK-LABEL: func.func @cast_round_trip
// CHECK-NOT: tensor.cast
// CHECK: return %arg0
func.func @cast_round_trip(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %d = tensor.cast %x : tensor<2x4xf32> to tensor<?x4xf32>
  %s = tensor.cast %d : tensor<?x4xf32> to tensor<2x4xf32>
  return %s : tensor<2x4xf32>
}
