// device-0 buffer (copy of a tensor) loaded into an alloca, linalg.generic on buffers, loads in a loop on [1,2,3]
#map = affine_map<(d0) -> (d0)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<4xf32>
  %m = bufferization.to_buffer %x : tensor<4xf32> to memref<4xf32>
  %b0 = memref.alloc() : memref<4xf32>
  memref.copy %m, %b0 : memref<4xf32> to memref<4xf32>
  %rep = memref.alloca() : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %v = memref.load %b0[%i] : memref<4xf32>
    %v2 = arith.mulf %v, %v : f32
    memref.store %v2, %rep[%i] : memref<4xf32>
  }
  %out = memref.alloc() : memref<4xf32>
  linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%rep : memref<4xf32>) outs(%out : memref<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %one = arith.constant 1.0 : f32
    %s = arith.addf %a, %one : f32
    linalg.yield %s : f32
  }
  %y0 = arith.constant dense<0.0> : tensor<6xf32>
  %y = hspmd.annotate %y0 as #hspmd.sharding<[1, 2, 3] : [d0 = 3]> : tensor<6xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %y) -> (tensor<6xf32>) {
    %v = memref.load %out[%i] : memref<4xf32>
    %w = memref.load %rep[%i] : memref<4xf32>
    %vw = arith.addf %v, %w : f32
    %sp = tensor.splat %vw : tensor<6xf32>
    %t = arith.addf %a, %sp : tensor<6xf32>
    scf.yield %t : tensor<6xf32>
  }
  %b = bufferization.to_buffer %r : tensor<6xf32> to memref<6xf32>
  %u = memref.cast %b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %u2 = memref.cast %out : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
