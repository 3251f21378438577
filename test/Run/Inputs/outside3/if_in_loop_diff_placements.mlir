// scf.if inside scf.for with condition from a reduction of the carry; branches yield differently placed tensors (partial+d1 vs hetero partial).
#a = #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[0] : [], [1, 2] : [d1 = 2]]>
#b = #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, partial = 2]>
#c = #hspmd.sharding<hetero = partial, groups = [[3] : [], [1, 2] : [d0 = 2]]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 6 : index
  %zero = arith.constant 0.0 : f32
  %x0 = arith.constant dense<[[1.0, 2.0, -1.0, 0.5], [0.0, -3.0, 2.0, 1.0], [1.5, 1.0, 1.0, -2.0], [2.0, 0.0, -1.0, 1.0], [-1.0, 1.0, 0.0, 3.0], [0.5, 0.5, 0.5, 0.5]]> : tensor<6x4xf32>
  %x = hspmd.annotate %x0 as #a : tensor<6x4xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %x) -> (tensor<6x4xf32>) {
    %ne = tensor.empty() : tensor<f32>
    %nf = linalg.fill ins(%zero : f32) outs(%ne : tensor<f32>) -> tensor<f32>
    %n = linalg.reduce ins(%acc : tensor<6x4xf32>) outs(%nf : tensor<f32>) dimensions = [0, 1]
      (%in: f32, %init: f32) {
        %s = arith.addf %in, %init : f32
        linalg.yield %s : f32
      }
    %ns = tensor.extract %n[] : tensor<f32>
    %thr = arith.constant 3.0 : f32
    %cond = arith.cmpf ogt, %ns, %thr : f32
    %y = scf.if %cond -> (tensor<6x4xf32>) {
      %m = arith.constant dense<-0.5> : tensor<6x4xf32>
      %t = arith.mulf %acc, %m : tensor<6x4xf32>
      %t2 = hspmd.annotate %t as #b : tensor<6x4xf32>
      scf.yield %t2 : tensor<6x4xf32>
    } else {
      %m = arith.constant dense<2.0> : tensor<6x4xf32>
      %t = arith.addf %acc, %m : tensor<6x4xf32>
      %t2 = hspmd.annotate %t as #c : tensor<6x4xf32>
      scf.yield %t2 : tensor<6x4xf32>
    }
    %y1 = arith.addf %y, %acc : tensor<6x4xf32>
    %yb = bufferization.to_buffer %n : tensor<f32> to memref<f32>
    %yu = memref.cast %yb : memref<f32> to memref<*xf32>
    func.call @printMemrefF32(%yu) : (memref<*xf32>) -> ()
    scf.yield %y1 : tensor<6x4xf32>
  }
  %b = bufferization.to_buffer %r : tensor<6x4xf32> to memref<6x4xf32>
  %u = memref.cast %b : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
