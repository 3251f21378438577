// A loop's trip count loaded from a buffer a helper filled: broadcast from
// device 0 (the ranks used to run different numbers of steps and hang).
func.func private @printMemrefI32(memref<*xi32>)
func.func private @config(%b: memref<1xindex>) {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  memref.store %c3, %b[%c0] : memref<1xindex>
  return
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cfg = memref.alloc() : memref<1xindex>
  call @config(%cfg) : (memref<1xindex>) -> ()
  %steps = memref.load %cfg[%c0] : memref<1xindex>
  %x0 = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x2xi32>
  %z = arith.constant 0 : i32
  %e = tensor.empty() : tensor<2x2xi32>
  %r = scf.for %i = %c0 to %steps step %c1 iter_args(%a = %x) -> (tensor<2x2xi32>) {
    %aa = hspmd.annotate %a as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<2x2xi32>
    %f = linalg.fill ins(%z : i32) outs(%e : tensor<2x2xi32>) -> tensor<2x2xi32>
    %m = linalg.matmul ins(%aa, %x0 : tensor<2x2xi32>, tensor<2x2xi32>) outs(%f : tensor<2x2xi32>) -> tensor<2x2xi32>
    %t = linalg.transpose ins(%m : tensor<2x2xi32>) outs(%e : tensor<2x2xi32>) permutation = [1, 0]
    scf.yield %t : tensor<2x2xi32>
  }
  %b = bufferization.to_buffer %r : tensor<2x2xi32> to memref<2x2xi32>
  %u = memref.cast %b : memref<2x2xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
