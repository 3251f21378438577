// Helper returning its args (partial arg, split arg) under three different result shardings, called twice with swapped operands and inside a loop whose iter_args swap.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @id2(%x: tensor<6x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 3] : [partial = 2]>}, %y: tensor<6x4xf32> {hspmd.sharding = #hspmd.sharding<[3, 2, 1] : [d0 = 3]>}) -> (tensor<6x4xf32> {hspmd.sharding = #hspmd.sharding<[1, 2] : [d1 = 2]>}, tensor<6x4xf32> {hspmd.sharding = #hspmd.sharding<[2, 1] : [partial = 2]>}, tensor<6x4xf32>) {
  return %x, %x, %y : tensor<6x4xf32>, tensor<6x4xf32>, tensor<6x4xf32>
}
func.func @main() {
  %a_e = tensor.empty() : tensor<6x4xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%a_e : tensor<6x4xf32>) {
  ^bb0(%a_o: f32):
    %a_acc0 = arith.constant 1 : index
    %a_ix0 = linalg.index 0 : index
    %a_k0 = arith.constant 3 : index
    %a_m0 = arith.muli %a_ix0, %a_k0 : index
    %a_acc1 = arith.addi %a_acc0, %a_m0 : index
    %a_ix1 = linalg.index 1 : index
    %a_k1 = arith.constant 2 : index
    %a_m1 = arith.muli %a_ix1, %a_k1 : index
    %a_acc2 = arith.addi %a_acc1, %a_m1 : index
    %a_md = arith.constant 11 : index
    %a_rm = arith.remui %a_acc2, %a_md : index
    %a_ii = arith.index_cast %a_rm : index to i32
    %a_v = arith.sitofp %a_ii : i32 to f32
    linalg.yield %a_v : f32
  } -> tensor<6x4xf32>
  %a1 = hspmd.annotate %a as #hspmd.sharding<[1, 0] : [d0 = 2]> : tensor<6x4xf32>
  %r:3 = func.call @id2(%a1, %a1) : (tensor<6x4xf32>, tensor<6x4xf32>) -> (tensor<6x4xf32>, tensor<6x4xf32>, tensor<6x4xf32>)
  %s:3 = func.call @id2(%r#1, %r#0) : (tensor<6x4xf32>, tensor<6x4xf32>) -> (tensor<6x4xf32>, tensor<6x4xf32>, tensor<6x4xf32>)
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %l:2 = scf.for %i = %c0 to %c2 step %c1 iter_args(%p = %s#1, %q = %s#2) -> (tensor<6x4xf32>, tensor<6x4xf32>) {
    %t:3 = func.call @id2(%q, %p) : (tensor<6x4xf32>, tensor<6x4xf32>) -> (tensor<6x4xf32>, tensor<6x4xf32>, tensor<6x4xf32>)
    %u = arith.addf %t#0, %t#2 : tensor<6x4xf32>
    scf.yield %t#1, %u : tensor<6x4xf32>, tensor<6x4xf32>
  }
  %v = arith.addf %l#0, %l#1 : tensor<6x4xf32>
  %w = arith.addf %v, %s#0 : tensor<6x4xf32>
  %pb_w = bufferization.to_buffer %w : tensor<6x4xf32> to memref<6x4xf32>
  %pc_w = memref.cast %pb_w : memref<6x4xf32> to memref<*xf32>
  func.call @printMemrefF32(%pc_w) : (memref<*xf32>) -> ()
  return
}
