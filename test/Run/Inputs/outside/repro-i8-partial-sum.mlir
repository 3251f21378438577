// Minimal repro: an i8 sum over a dimension split 2 ways. Rank 0's partial
// sum was printed instead of the total (exit 0): partial is not allowed for
// i8, and propagation kept the loop split but called the result replicated.
// The same program in i32 was correct.
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %c = arith.constant dense<[[1, 2, 3, 4], [5, 6, 7, 8]]> : tensor<2x4xi8>
  %x = hspmd.annotate %c as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xi8>
  %z = arith.constant 0 : i8
  %e = tensor.empty() : tensor<2xi8>
  %f = linalg.fill ins(%z : i8) outs(%e : tensor<2xi8>) -> tensor<2xi8>
  %s = linalg.reduce ins(%x : tensor<2x4xi8>) outs(%f : tensor<2xi8>) dimensions = [1]
    (%in: i8, %acc: i8) {
      %t = arith.addi %in, %acc : i8
      linalg.yield %t : i8
    }
  %w = arith.extsi %s : tensor<2xi8> to tensor<2xi32>
  %b = bufferization.to_buffer %w : tensor<2xi32> to memref<2xi32>
  %u = memref.cast %b : memref<2xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
