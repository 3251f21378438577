// scf.execute_region printing + sqrtf on an extract of the loop-carried split tensor, scf.index_switch printing + expf; results feed a split and a partial carried tensor
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printF32(f32)
func.func private @printI64(i64)
func.func private @printNewline()
func.func private @expf(f32) -> f32
func.func private @sqrtf(f32) -> f32
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[3, 5, 1] : [d0 = 3]> : tensor<6xf32>
  %r:2 = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %x, %s = %x0) -> (tensor<6xf32>, tensor<6xf32>) {
    %e = tensor.extract %a[%i] : tensor<6xf32>
    %q = scf.execute_region -> f32 {
      %i64 = arith.index_cast %i : index to i64
      func.call @printI64(%i64) : (i64) -> ()
      func.call @printNewline() : () -> ()
      %sq = func.call @sqrtf(%e) : (f32) -> f32
      scf.yield %sq : f32
    }
    %w = scf.index_switch %i -> f32
    case 2 {
      func.call @printF32(%q) : (f32) -> ()
      func.call @printNewline() : () -> ()
      %ex = func.call @expf(%q) : (f32) -> f32
      scf.yield %ex : f32
    }
    default {
      scf.yield %q : f32
    }
    %sp = tensor.splat %w : tensor<6xf32>
    %t = arith.addf %a, %sp : tensor<6xf32>
    %ta = hspmd.annotate %t as #hspmd.sharding<[3, 5, 1] : [d0 = 3]> : tensor<6xf32>
    %s2 = arith.mulf %s, %sp : tensor<6xf32>
    %s2a = hspmd.annotate %s2 as #hspmd.sharding<[2, 4] : [partial = 2]> : tensor<6xf32>
    scf.yield %ta, %s2a : tensor<6xf32>, tensor<6xf32>
  }
  %b = bufferization.to_buffer %r#0 : tensor<6xf32> to memref<6xf32>
  %u = memref.cast %b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %r#1 : tensor<6xf32> to memref<6xf32>
  %u2 = memref.cast %b2 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
