// Bitwise reductions on i32 over a split dimension (2 ranks, [d1 = 2]):
// arith.andi from an init of -1 (all ones) and from 0x4F0 (the init
// matters), arith.ori from 0 and from 0x100, arith.xori from 0 and from 5.
// Elements are 1 << ((i + 3 j) mod 9) | j | 0x600. (Each init is its own
// constant: rank-reducing slices are tested in slice_rank_reducing.)
#id = affine_map<(i, j) -> (i, j)>
#r = affine_map<(i, j) -> (i)>
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x6xi32>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x6xi32>) {
  ^bb0(%o: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c3 = arith.constant 3 : index
    %c9 = arith.constant 9 : index
    %a = arith.muli %j, %c3 : index
    %s = arith.addi %a, %i : index
    %k = arith.remui %s, %c9 : index
    %ki = arith.index_cast %k : index to i32
    %one = arith.constant 1 : i32
    %sh = arith.shli %one, %ki : i32
    %ji = arith.index_cast %j : index to i32
    %v0 = arith.ori %sh, %ji : i32
    %hi = arith.constant 1536 : i32
    %v = arith.ori %v0, %hi : i32
    linalg.yield %v : i32
  } -> tensor<4x6xi32>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<4x6xi32>
  %i0 = arith.constant dense<-1> : tensor<4xi32>
  %i1 = arith.constant dense<1264> : tensor<4xi32>
  %i2 = arith.constant dense<0> : tensor<4xi32>
  %i3 = arith.constant dense<256> : tensor<4xi32>
  %i4 = arith.constant dense<0> : tensor<4xi32>
  %i5 = arith.constant dense<5> : tensor<4xi32>
  %and0 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x6xi32>) outs(%i0 : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %r = arith.andi %in, %acc : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %and1 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x6xi32>) outs(%i1 : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %r = arith.andi %in, %acc : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %or0 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x6xi32>) outs(%i2 : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %r = arith.ori %in, %acc : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %or1 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x6xi32>) outs(%i3 : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %r = arith.ori %acc, %in : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %xor0 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x6xi32>) outs(%i4 : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %r = arith.xori %in, %acc : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %xor1 = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x6xi32>) outs(%i5 : tensor<4xi32>) {
  ^bb0(%in: i32, %acc: i32):
    %r = arith.xori %in, %acc : i32
    linalg.yield %r : i32
  } -> tensor<4xi32>
  %b_and0 = bufferization.to_buffer %and0 : tensor<4xi32> to memref<4xi32>
  %u_and0 = memref.cast %b_and0 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u_and0) : (memref<*xi32>) -> ()
  %b_and1 = bufferization.to_buffer %and1 : tensor<4xi32> to memref<4xi32>
  %u_and1 = memref.cast %b_and1 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u_and1) : (memref<*xi32>) -> ()
  %b_or0 = bufferization.to_buffer %or0 : tensor<4xi32> to memref<4xi32>
  %u_or0 = memref.cast %b_or0 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u_or0) : (memref<*xi32>) -> ()
  %b_or1 = bufferization.to_buffer %or1 : tensor<4xi32> to memref<4xi32>
  %u_or1 = memref.cast %b_or1 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u_or1) : (memref<*xi32>) -> ()
  %b_xor0 = bufferization.to_buffer %xor0 : tensor<4xi32> to memref<4xi32>
  %u_xor0 = memref.cast %b_xor0 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u_xor0) : (memref<*xi32>) -> ()
  %b_xor1 = bufferization.to_buffer %xor1 : tensor<4xi32> to memref<4xi32>
  %u_xor1 = memref.cast %b_xor1 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u_xor1) : (memref<*xi32>) -> ()
  return
}
