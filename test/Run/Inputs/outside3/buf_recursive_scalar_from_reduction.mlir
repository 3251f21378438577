// recursive helper returning a scalar computed from a split reduction + extract, called in a loop carrying a hetero weighted tensor, printed with printF32
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printF32(f32)
func.func private @printNewline()
func.func private @norm(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[2, 3] : [d0 = 2]>}) -> f32 {
  %z = arith.constant dense<0.0> : tensor<f32>
  %sq = arith.mulf %x, %x : tensor<8xf32>
  %s = linalg.reduce ins(%sq : tensor<8xf32>) outs(%z : tensor<f32>) dimensions = [0]
    (%a: f32, %b: f32) { %c = arith.addf %a, %b : f32
      linalg.yield %c : f32 }
  %e = tensor.extract %s[] : tensor<f32>
  return %e : f32
}
func.func private @twice(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[2, 3] : [d0 = 2]>}, %k: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %is0 = arith.cmpi eq, %k, %c0 : index
  %r = scf.if %is0 -> f32 {
    %n = func.call @norm(%x) : (tensor<8xf32>) -> f32
    scf.yield %n : f32
  } else {
    %k1 = arith.subi %k, %c1 : index
    %n = func.call @twice(%x, %k1) : (tensor<8xf32>, index) -> f32
    %two = arith.constant 2.0 : f32
    %n2 = arith.mulf %n, %two : f32
    scf.yield %n2 : f32
  }
  return %r : f32
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %x0 = arith.constant dense<[1.0, 0.5, 0.25, 0.0, 0.0, 0.0, 0.0, 0.125]> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<hetero = d0, weights = [1, 3], groups = [[4] : [], [5, 1, 0] : [dup = 3]]> : tensor<8xf32>
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%a = %x) -> (tensor<8xf32>) {
    %n = func.call @twice(%a, %i) : (tensor<8xf32>, index) -> f32
    func.call @printF32(%n) : (f32) -> ()
    func.call @printNewline() : () -> ()
    %sp = tensor.splat %n : tensor<8xf32>
    %t = arith.divf %a, %sp : tensor<8xf32>
    scf.yield %t : tensor<8xf32>
  }
  %b = bufferization.to_buffer %r : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %b : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
