// An scf.index_switch inside an scf.for, one case calling sqrtf: the switch
// runs on device 0 alone and its scalar result is broadcast.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @sqrtf(f32) -> f32
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s0 = arith.constant 16.0 : f32
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %r:2 = scf.for %i = %c0 to %c3 step %c1 iter_args(%a = %s0, %t = %x) -> (f32, tensor<4xf32>) {
    %s = scf.index_switch %i -> f32
    case 1 {
      %q = func.call @sqrtf(%a) : (f32) -> f32
      scf.yield %q : f32
    }
    default {
      %h = arith.constant 2.0 : f32
      %q = arith.addf %a, %h : f32
      scf.yield %q : f32
    }
    %sp = tensor.splat %s : tensor<4xf32>
    %y = arith.addf %t, %sp : tensor<4xf32>
    scf.yield %s, %y : f32, tensor<4xf32>
  }
  %b = bufferization.to_buffer %r#1 : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
