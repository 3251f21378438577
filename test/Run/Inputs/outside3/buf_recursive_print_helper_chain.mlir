// helper calling sqrtf then a recursive printing helper returning i64, called per iteration with an extract of a split tensor, loop carries a hetero tensor without device 0
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printI64(i64)
func.func private @printNewline()
func.func private @sqrtf(f32) -> f32
func.func private @fact(%n: i64) -> i64 {
  func.call @printI64(%n) : (i64) -> ()
  func.call @printNewline() : () -> ()
  %c1 = arith.constant 1 : i64
  %le = arith.cmpi sle, %n, %c1 : i64
  %r = scf.if %le -> i64 {
    scf.yield %c1 : i64
  } else {
    %n1 = arith.subi %n, %c1 : i64
    %f = func.call @fact(%n1) : (i64) -> i64
    %m = arith.muli %n, %f : i64
    scf.yield %m : i64
  }
  return %r : i64
}
func.func private @outer(%v: f32) -> f32 {
  %s = func.call @sqrtf(%v) : (f32) -> f32
  %si = arith.fptosi %s : f32 to i64
  %f = func.call @fact(%si) : (i64) -> i64
  %ff = arith.sitofp %f : i64 to f32
  return %ff : f32
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %k0 = arith.constant dense<[4.0, 9.0, 16.0, 1.0]> : tensor<4xf32>
  %k = hspmd.annotate %k0 as #hspmd.sharding<[3, 1] : [d0 = 2]> : tensor<4xf32>
  %y0 = arith.constant dense<0.0> : tensor<6xf32>
  %y = hspmd.annotate %y0 as #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[1, 2] : [d0 = 2], [3] : []]> : tensor<6xf32>
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%a = %y) -> (tensor<6xf32>) {
    %e = tensor.extract %k[%i] : tensor<4xf32>
    %w = func.call @outer(%e) : (f32) -> f32
    %sp = tensor.splat %w : tensor<6xf32>
    %t = arith.addf %a, %sp : tensor<6xf32>
    scf.yield %t : tensor<6xf32>
  }
  %b = bufferization.to_buffer %r : tensor<6xf32> to memref<6xf32>
  %u = memref.cast %b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
