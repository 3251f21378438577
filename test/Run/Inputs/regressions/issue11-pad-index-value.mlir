// tensor.pad whose padding value is computed from the region's index
// arguments (row + column), operand split by columns, padded along rows.
// Expected [[0,1,2,3],[1,2,3,4],[5,6,7,8],[3,4,5,6]]; it once printed
// [[0,1,0,1],...]: device 1 padded with local columns.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %g = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<2x4xf32>
  %c7 = arith.constant 7.0 : f32
  %p = tensor.pad %a low[1, 0] high[1, 0] {
  ^bb0(%i: index, %j: index):
    %k = arith.addi %i, %j : index
    %ki = arith.index_cast %k : index to i64
    %f = arith.sitofp %ki : i64 to f32
    tensor.yield %f : f32
  } : tensor<2x4xf32> to tensor<4x4xf32>
  %q = tensor.cast %p : tensor<4x4xf32> to tensor<4x4xf32>
  %b = bufferization.to_buffer %q : tensor<4x4xf32> to memref<4x4xf32>
  %u = memref.cast %b : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
