// RANKS: 5
// (outside6.test)
// scf.for with extract_slice/insert_slice at loop-dependent offsets on a weighted hetero d0 carried tensor ([4]:[] and [0..3]:[d0=2,dup=2]).
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c9 = arith.constant 9 : index
  %x0 = arith.constant dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]> : tensor<12xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[4] : [], [0, 1, 2, 3] : [d0 = 2, dup = 2]]> : tensor<12xi32>
  %r = scf.for %k = %c0 to %c9 step %c1 iter_args(%a = %x) -> (tensor<12xi32>) {
    %w = tensor.extract_slice %a[%k] [3] [1] : tensor<12xi32> to tensor<3xi32>
    %ten = arith.constant dense<10> : tensor<3xi32>
    %w2 = arith.muli %w, %ten : tensor<3xi32>
    %k3 = arith.subi %c9, %k : index
    %t = tensor.extract_slice %a[%k3] [3] [1] : tensor<12xi32> to tensor<3xi32>
    %w3 = arith.addi %w2, %t : tensor<3xi32>
    %thou = arith.constant dense<1000> : tensor<3xi32>
    %w4 = arith.remsi %w3, %thou : tensor<3xi32>
    %n = tensor.insert_slice %w4 into %a[%k3] [3] [1] : tensor<3xi32> into tensor<12xi32>
    scf.yield %n : tensor<12xi32>
  }
  %bo = bufferization.to_buffer %r : tensor<12xi32> to memref<12xi32>
  %uo = memref.cast %bo : memref<12xi32> to memref<*xi32>
  call @printMemrefI32(%uo) : (memref<*xi32>) -> ()
  return
}
