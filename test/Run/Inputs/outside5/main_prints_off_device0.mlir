// Every tensor of @main lives off device 0, and @main prints scalars: device
// 0 has a program and prints (it had none).
// (outside5.test)
func.func private @printI64(i64)
func.func private @printNewline()
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1] : []> : tensor<2xf32>
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%a = %x) -> (tensor<2xf32>) {
    %t = arith.addf %a, %a : tensor<2xf32>
    %k = arith.index_cast %i : index to i64
    func.call @printI64(%k) : (i64) -> ()
    func.call @printNewline() : () -> ()
    scf.yield %t : tensor<2xf32>
  }
  return
}
