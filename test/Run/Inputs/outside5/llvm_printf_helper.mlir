// llvm.func @printf (vararg) and an llvm.mlir.global format string called
// from a func helper with values extracted from split data inside a loop;
// printf's result is used to update the tensor (broadcast from device 0).
// (outside5.test)
llvm.mlir.global internal constant @fmt("v=%d\0A\00") {addr_space = 0 : i32}
llvm.func @printf(!llvm.ptr, ...) -> i32
func.func private @report(%v: i32) -> i32 {
  %p = llvm.mlir.addressof @fmt : !llvm.ptr
  %r = llvm.call @printf(%p, %v) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, i32) -> i32
  return %r : i32
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<4xi32>
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%a = %x) -> (tensor<4xi32>) {
    %t = arith.addi %a, %a : tensor<4xi32>
    %v = tensor.extract %t[%c3] : tensor<4xi32>
    %n = func.call @report(%v) : (i32) -> i32
    %sp = tensor.splat %n : tensor<4xi32>
    %t2 = arith.addi %t, %sp : tensor<4xi32>
    scf.yield %t2 : tensor<4xi32>
  }
  %v = tensor.extract %r[%c0] : tensor<4xi32>
  %n = call @report(%v) : (i32) -> i32
  return
}
