// A scalar norm helper (abs-sum over a partial value) printed each step and
// deciding an scf.if whose branches call helpers with conflicting internal
// annotations and different result shardings; result annotated hetero d1
// with weights.
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printF32(f32)
func.func private @printNewline()
func.func private @norm1(%x: tensor<4x4xf32>) -> f32 {
  %z = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<f32>
  %f0 = linalg.fill ins(%z : f32) outs(%e0 : tensor<f32>) -> tensor<f32>
  %s = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> ()>], iterator_types = ["reduction", "reduction"]} ins(%x : tensor<4x4xf32>) outs(%f0 : tensor<f32>) {
  ^bb0(%a: f32, %acc: f32):
    %ab = math.absf %a : f32
    %t = arith.addf %acc, %ab : f32
    linalg.yield %t : f32
  } -> tensor<f32>
  %v = tensor.extract %s[] : tensor<f32>
  return %v : f32
}
func.func private @rowsplit(%x: tensor<4x4xf32>) -> (tensor<4x4xf32> {hspmd.sharding = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]>}) {
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4x4xf32>
  %h = arith.constant dense<0.5> : tensor<4x4xf32>
  %r = arith.mulf %xa, %h : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}
func.func private @colsum(%x: tensor<4x4xf32>) -> (tensor<4x4xf32> {hspmd.sharding = #hspmd.sharding<hetero = partial, groups = [[3] : [], [1, 2] : [d1 = 2]]>}) {
  %xa = hspmd.annotate %x as #hspmd.sharding<[2, 3] : [d1 = 2]> : tensor<4x4xf32>
  %t = arith.constant dense<[[1.0, -1.0, 0.0, 2.0], [0.0, 1.0, 1.0, -1.0], [2.0, 0.0, -1.0, 1.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<4x4xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %m = linalg.matmul ins(%t, %xa : tensor<4x4xf32>, tensor<4x4xf32>) outs(%f : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %m : tensor<4x4xf32>
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %lim = arith.constant 40.0 : f32
  %x0 = arith.constant dense<[[1.0, 2.0, 0.0, -1.0], [3.0, 0.0, 1.0, 1.0], [0.0, -2.0, 1.0, 0.0], [1.0, 1.0, 0.0, 2.0]]> : tensor<4x4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1, 2, 3] : [partial = 4]> : tensor<4x4xf32>
  %r = scf.for %i = %c0 to %c5 step %c1 iter_args(%a = %x) -> (tensor<4x4xf32>) {
    %n = func.call @norm1(%a) : (tensor<4x4xf32>) -> f32
    func.call @printF32(%n) : (f32) -> ()
    func.call @printNewline() : () -> ()
    %big = arith.cmpf ogt, %n, %lim : f32
    %y = scf.if %big -> (tensor<4x4xf32>) {
      %q = func.call @rowsplit(%a) : (tensor<4x4xf32>) -> tensor<4x4xf32>
      scf.yield %q : tensor<4x4xf32>
    } else {
      %q = func.call @colsum(%a) : (tensor<4x4xf32>) -> tensor<4x4xf32>
      scf.yield %q : tensor<4x4xf32>
    }
    %ya = hspmd.annotate %y as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[0, 1] : [d0 = 2], [3] : []]> : tensor<4x4xf32>
    scf.yield %ya : tensor<4x4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<4x4xf32> to memref<4x4xf32>
  %u = memref.cast %b : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
