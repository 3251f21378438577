// A max reduction whose iterator labels are swapped (the "reduction" loop
// indexes the output): the loop is held whole instead of being split in two
// by linalg::splitReduction, which built invalid IR.
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x0 = arith.constant dense<[[1, 7, 3, 2], [4, 0, 9, 5]]> : tensor<2x4xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xi32>
  %c = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4xi32>
  %f = linalg.fill ins(%c : i32) outs(%e : tensor<4xi32>) -> tensor<4xi32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<2x4xi32>) outs(%f : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %t = arith.maxsi %acc, %in : i32
    linalg.yield %t : i32
  } -> tensor<4xi32>
  %b = bufferization.to_buffer %r : tensor<4xi32> to memref<4xi32>
  %u = memref.cast %b : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
