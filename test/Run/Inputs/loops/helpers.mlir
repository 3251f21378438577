// A loop inside a helper function, a call inside a loop, a loop that runs
// zero times, a value carried only by devices other than 0, and an scf.if
// without results whose branch computes and prints.
#s = #hspmd.sharding<[1, 2] : [d0 = 2]>
#r = #hspmd.sharding<[0, 1, 2] : [dup = 3]>
func.func private @printMemrefF32(memref<*xf32>)
func.func private @twice(%x: tensor<4xf32>, %n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %k = %c0 to %n step %c1 iter_args(%a = %x) -> (tensor<4xf32>) {
    %b = arith.addf %a, %a : tensor<4xf32>
    scf.yield %b : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func private @scale(%x: tensor<4xf32> {hspmd.sharding = #s}) -> tensor<4xf32> {
  %y = arith.mulf %x, %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %x0 = arith.constant dense<[1.0, -2.0, 0.5, 3.0]> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #s : tensor<4xf32>
  %h = func.call @twice(%x, %c2) : (tensor<4xf32>, index) -> tensor<4xf32>
  %l = scf.for %k = %c0 to %c2 step %c1 iter_args(%a = %h) -> (tensor<4xf32>) {
    %b = func.call @scale(%a) : (tensor<4xf32>) -> tensor<4xf32>
    %c = arith.subf %b, %a : tensor<4xf32>
    scf.yield %c : tensor<4xf32>
  }
  %z = scf.for %k = %c0 to %c0 step %c1 iter_args(%a = %l) -> (tensor<4xf32>) {
    %b = arith.addf %a, %a : tensor<4xf32>
    scf.yield %b : tensor<4xf32>
  }
  %cond = arith.cmpi eq, %c1, %c1 : index
  scf.if %cond {
    %w = arith.addf %z, %x : tensor<4xf32>
    %wr = hspmd.annotate %w as #r : tensor<4xf32>
    %bw = bufferization.to_buffer %wr : tensor<4xf32> to memref<4xf32>
    %uw = memref.cast %bw : memref<4xf32> to memref<*xf32>
    func.call @printMemrefF32(%uw) : (memref<*xf32>) -> ()
  }
  %b = bufferization.to_buffer %z : tensor<4xf32> to memref<4xf32>
  %u = memref.cast %b : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
