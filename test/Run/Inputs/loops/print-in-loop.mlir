// A loop printing each iteration's value (device 0 prints; the value is
// reduced there each time), carrying a scalar sum next to a split tensor.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = arith.constant 0.0 : f32
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 1] : [d0 = 2], [2] : []]> : tensor<6xf32>
  %r:2 = scf.for %k = %c0 to %c3 step %c1 iter_args(%acc = %x, %sum = %s0) -> (tensor<6xf32>, f32) {
    %d = arith.addf %acc, %acc : tensor<6xf32>
    %i = arith.index_cast %k : index to i64
    %kf = arith.sitofp %i : i64 to f32
    %v = tensor.extract %d[%k] : tensor<6xf32>
    %t = arith.addf %sum, %v : f32
    %t2 = arith.addf %t, %kf : f32
    %buf = bufferization.to_buffer %d : tensor<6xf32> to memref<6xf32>
    %u = memref.cast %buf : memref<6xf32> to memref<*xf32>
    func.call @printMemrefF32(%u) : (memref<*xf32>) -> ()
    scf.yield %d, %t2 : tensor<6xf32>, f32
  }
  %e = tensor.empty() : tensor<1xf32>
  %one = tensor.insert %r#1 into %e[%c0] : tensor<1xf32>
  %buf = bufferization.to_buffer %one : tensor<1xf32> to memref<1xf32>
  %u = memref.cast %buf : memref<1xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
