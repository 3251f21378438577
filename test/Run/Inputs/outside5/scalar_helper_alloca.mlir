// A scalar helper keeping an accumulator in its own alloca, called in an
// scf.while: a scalar function (it was refused as "a function handling
// tensors").
// (outside5.test)
func.func private @printI64(i64)
func.func private @printNewline()
func.func private @tri(%n: i64) -> i64 {
  %c0 = arith.constant 0 : index
  %acc = memref.alloca() : memref<1xi64>
  %z = arith.constant 0 : i64
  memref.store %z, %acc[%c0] : memref<1xi64>
  %ni = arith.index_cast %n : i64 to index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %ni step %c1 {
    %v = memref.load %acc[%c0] : memref<1xi64>
    %ii = arith.index_cast %i : index to i64
    %w = arith.addi %v, %ii : i64
    memref.store %w, %acc[%c0] : memref<1xi64>
  }
  %r = memref.load %acc[%c0] : memref<1xi64>
  return %r : i64
}
func.func @main() {
  %z = arith.constant 0 : i64
  %one = arith.constant 1 : i64
  %lim = arith.constant 5 : i64
  %r = scf.while (%i = %z) : (i64) -> i64 {
    %c = arith.cmpi slt, %i, %lim : i64
    scf.condition(%c) %i : i64
  } do {
  ^bb0(%i: i64):
    %t = func.call @tri(%i) : (i64) -> i64
    func.call @printI64(%t) : (i64) -> ()
    func.call @printNewline() : () -> ()
    %n = arith.addi %i, %one : i64
    scf.yield %n : i64
  }
  return
}
