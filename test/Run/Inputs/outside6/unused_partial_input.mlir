// A generic multiplying two inputs, with a third input it never reads placed
// partial: the op is linear in nothing (it was taken as linear in the unused
// input, and the result came out once per summand holder).
// (outside6.test)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %X = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>
  %Xa = hspmd.annotate %X as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<2x2xi64>
  %a = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %b = arith.constant dense<[[5, 6], [7, 8]]> : tensor<2x2xi32>
  %e = tensor.empty() : tensor<2x2xi32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%a, %b, %Xa : tensor<2x2xi32>, tensor<2x2xi32>, tensor<2x2xi64>) outs(%e : tensor<2x2xi32>) {
  ^bb0(%x: i32, %y: i32, %u: i64, %o: i32):
    %m = arith.muli %x, %y : i32
    linalg.yield %m : i32
  } -> tensor<2x2xi32>
  %bb = bufferization.to_buffer %r : tensor<2x2xi32> to memref<2x2xi32>
  %c = memref.cast %bb : memref<2x2xi32> to memref<*xi32>
  call @printMemrefI32(%c) : (memref<*xi32>) -> ()
  return
}
