// RUN: hspmd-opt --hspmd-propagate %s -split-input-file -verify-diagnostics -o /dev/null

// A linalg payload computed on several devices may read only buffers that
// are the same on every device. The refusal says which kind of buffer it
// read (docs/Semantics.md, "Where ops run").

#map = affine_map<(d0) -> (d0)>
// A function's argument: where it lives is not known here.
func.func @argument(%t: memref<4xf32>, %x: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  // expected-error @+1 {{'linalg.generic' reads in its region a buffer that is not known to be the same on every device (a tensor's buffer, a function's argument or a call's result), but computes its blocks on other devices too}}
  %y = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i = linalg.index 0 : index
    // expected-note @+1 {{the read}}
    %l = memref.load %t[%i] : memref<4xf32>
    %s = arith.addf %a, %l : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

#map = affine_map<(d0) -> (d0)>
memref.global "private" @lut : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
// A global lives on device 0.
func.func @global(%x: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<4xf32> {
  %g = memref.get_global @lut : memref<4xf32>
  %e = tensor.empty() : tensor<4xf32>
  // expected-error @+1 {{'linalg.generic' reads in its region a buffer that lives on device 0 only (a global, a buffer a function of buffers fills or returns, a buffer written from a tensor), but computes its blocks on other devices too}}
  %y = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i = linalg.index 0 : index
    // expected-note @+1 {{the read}}
    %l = memref.load %g[%i] : memref<4xf32>
    %s = arith.addf %a, %l : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

#map = affine_map<(d0) -> (d0)>
func.func private @printF32(f32)
// A print in a payload would run once per device holding a block.
func.func @print(%x: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  // expected-error @+1 {{'linalg.generic' computes tensors with an op that has side effects in its region ('func.call')}}
  %y = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    // expected-note @+1 {{the op with side effects}}
    func.call @printF32(%a) : (f32) -> ()
    linalg.yield %a : f32
  } -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

#map = affine_map<(d0) -> (d0)>
// A table the function fills itself is replicated: read in the payload.
func.func @table(%x: tensor<4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<4xf32> {
  %t = memref.alloca() : memref<4xf32>
  %one = arith.constant 1.0 : f32
  linalg.fill ins(%one : f32) outs(%t : memref<4xf32>)
  %e = tensor.empty() : tensor<4xf32>
  %y = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i = linalg.index 0 : index
    %l = memref.load %t[%i] : memref<4xf32>
    %s = arith.addf %a, %l : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %y : tensor<4xf32>
}
