// loop lb/ub/step read from a partial i32 tensor; scalar f32 carries updated in scf.if reading a hetero-partial carry.
#p = #hspmd.sharding<hetero = partial, groups = [[3] : [], [1, 2] : [d0 = 2]]>
#a = #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1, 2] : [dup = 3], [3] : []]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %v0 = arith.constant dense<[3.0, -1.0, 4.0, 1.0, -5.0, 9.0, 2.0, 6.0]> : tensor<8xf32>
  %v = hspmd.annotate %v0 as #a : tensor<8xf32>
  %w = arith.mulf %v, %v : tensor<8xf32>
  %wp = hspmd.annotate %w as #p : tensor<8xf32>
  %ctl0 = arith.constant dense<[1, 8, 2, 0]> : tensor<4xi32>
  %ctl = hspmd.annotate %ctl0 as #hspmd.sharding<[2, 3] : [partial = 2]> : tensor<4xi32>
  %lb32 = tensor.extract %ctl[%c0] : tensor<4xi32>
  %c1i = arith.constant 1 : index
  %ub32 = tensor.extract %ctl[%c1i] : tensor<4xi32>
  %c2i = arith.constant 2 : index
  %st32 = tensor.extract %ctl[%c2i] : tensor<4xi32>
  %lb = arith.index_cast %lb32 : i32 to index
  %ub = arith.index_cast %ub32 : i32 to index
  %st = arith.index_cast %st32 : i32 to index
  %zf = arith.constant 0.0 : f32
  %r:3 = scf.for %i = %lb to %ub step %st iter_args(%s = %zf, %t = %zf, %acc = %wp) -> (f32, f32, tensor<8xf32>) {
    %x = tensor.extract %acc[%i] : tensor<8xf32>
    %y = tensor.extract %v[%i] : tensor<8xf32>
    %pos = arith.cmpf ogt, %y, %zf : f32
    %q:2 = scf.if %pos -> (f32, f32) {
      %z = arith.addf %s, %x : f32
      scf.yield %z, %t : f32, f32
    } else {
      %z = arith.subf %t, %x : f32
      scf.yield %s, %z : f32, f32
    }
    %tt = tensor.splat %q#0 : tensor<8xf32>
    %acc2 = arith.addf %acc, %tt : tensor<8xf32>
    %acc3 = hspmd.annotate %acc2 as #p : tensor<8xf32>
    scf.yield %q#0, %q#1, %acc3 : f32, f32, tensor<8xf32>
  }
  %out = tensor.from_elements %r#0, %r#1 : tensor<2xf32>
  %b = bufferization.to_buffer %out : tensor<2xf32> to memref<2xf32>
  %u = memref.cast %b : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %r#2 : tensor<8xf32> to memref<8xf32>
  %u2 = memref.cast %b2 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
