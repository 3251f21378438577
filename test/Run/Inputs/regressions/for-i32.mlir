// An scf.for over i32 (front ends write them) carrying a split tensor, and
// one carrying only a scalar: device programs keep the induction variable's
// type (they once made it an index, which failed to verify).
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %lb = arith.constant 0 : i32
  %ub = arith.constant 2 : i32
  %st = arith.constant 1 : i32
  %a0 = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %a = hspmd.annotate %a0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xi32>
  %r = scf.for %k = %lb to %ub step %st iter_args(%acc = %a) -> (tensor<4xi32>) : i32 {
    %kt = tensor.splat %k : tensor<4xi32>
    %m = arith.addi %acc, %kt : tensor<4xi32>
    scf.yield %m : tensor<4xi32>
  }
  %b = bufferization.to_buffer %r : tensor<4xi32> to memref<4xi32>
  %u = memref.cast %b : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}
