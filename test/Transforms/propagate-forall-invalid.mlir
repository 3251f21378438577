// RUN: not hspmd-opt --hspmd-propagate %s -o /dev/null 2>&1 | FileCheck %s
// An scf.forall with shared outputs (what tiling front ends emit) carries
// tensors through its region: refused for that reason, not for the
// in_parallel terminator's writes, which the side-effect check used to name
// first.

// CHECK: propagate-forall-invalid.mlir:[[@LINE+5]]:8: error: 'scf.forall' carries tensors through its region (as block arguments); hspmd partitions loops and branches over tensors written as scf.for and scf.if only
// CHECK-NOT: side effects
func.func @tiled(%x0: tensor<4xf32>) -> tensor<4xf32> {
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %o = tensor.empty() : tensor<4xf32>
  %r = scf.forall (%i) in (2) shared_outs(%out = %o) -> (tensor<4xf32>) {
    %off = affine.apply affine_map<(d0) -> (d0 * 2)>(%i)
    %s = tensor.extract_slice %x[%off] [2] [1] : tensor<4xf32> to tensor<2xf32>
    %t = arith.addf %s, %s : tensor<2xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %t into %out[%off] [2] [1] : tensor<2xf32> into tensor<4xf32>
    }
  }
  return %r : tensor<4xf32>
}
