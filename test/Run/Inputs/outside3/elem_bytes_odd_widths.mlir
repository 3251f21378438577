// Reshards of tensors whose element width is not a power-of-two number of
// bytes (i24, i48, f80; i4 and i12 too): elements move in their memory size
// (LLVM's alloc size: 4, 8 and 16 bytes for the first three), not in
// ceil(bits / 8) bytes, which used to corrupt them.
#id = affine_map<(i, j) -> (i, j)>
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x3xi24>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x3xi24>) {
  ^bb0(%o: i24):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %a = arith.muli %i, %c10 : index
    %s = arith.addi %a, %j : index
    %v = arith.index_cast %s : index to i24
    linalg.yield %v : i24
  } -> tensor<4x3xi24>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x3xi24>
  %y = hspmd.reshard %x to #hspmd.sharding<[0] : []> : tensor<4x3xi24>
  %w = arith.extsi %y : tensor<4x3xi24> to tensor<4x3xi32>
  %m = bufferization.to_buffer %w : tensor<4x3xi32> to memref<4x3xi32>
  %u = memref.cast %m : memref<4x3xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
