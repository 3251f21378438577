// A split sum (partial) fed to maximumf, minnumf, divf (x/0 -> -nan), absf, cmpf+select, fptosi+shli, square, and a payload adding a scalar.
// (outside5.test)
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %x0 = arith.constant dense<[[1.0, 7.0, 3.0, 7.0, -2.0, 0.0, 7.0, 5.0], [3.0, 1.0, 9.0, 2.0, 9.0, -4.0, -1.0, 4.0], [-5.0, 0.0, -2.0, 0.0, -1.0, -3.0, 0.0, -0.0], [1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0]]> : tensor<4x8xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xf32>
  %z = arith.constant 0.0 : f32
  %ev = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%z : f32) outs(%ev : tensor<4xf32>) -> tensor<4xf32>
  %s = linalg.reduce ins(%x : tensor<4x8xf32>) outs(%f : tensor<4xf32>) dimensions = [1]
    (%in: f32, %acc: f32) { %t = arith.addf %in, %acc : f32
      linalg.yield %t : f32 }
  %c2 = arith.constant dense<[2.0, 100.0, -3.0, 0.0]> : tensor<4xf32>
  %mx = arith.maximumf %s, %c2 : tensor<4xf32>
  %mn = arith.minnumf %s, %c2 : tensor<4xf32>
  %dv = arith.divf %c2, %s : tensor<4xf32>
  %ab = math.absf %s : tensor<4xf32>
  %cmp = arith.cmpf olt, %s, %c2 : tensor<4xf32>
  %sel = arith.select %cmp, %s, %c2 : tensor<4xi1>, tensor<4xf32>
  %fi = arith.fptosi %s : tensor<4xf32> to tensor<4xi32>
  %one = arith.constant dense<1> : tensor<4xi32>
  %fi2 = arith.shli %one, %fi : tensor<4xi32>
  %sq = arith.mulf %s, %s : tensor<4xf32>
  %e = math.exp %z : f32
  %pw = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%s : tensor<4xf32>) outs(%ev : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %t = arith.addf %a, %e : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %cmpe = arith.extui %cmp : tensor<4xi1> to tensor<4xi32>
  %all = tensor.concat dim(0) %mx, %mn, %dv, %ab, %sel, %sq, %pw : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<28xf32>
  %alli = tensor.concat dim(0) %fi, %fi2, %cmpe : (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) -> tensor<12xi32>
  %b0 = bufferization.to_buffer %all : tensor<28xf32> to memref<28xf32>
  %u0 = memref.cast %b0 : memref<28xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  %b1 = bufferization.to_buffer %alli : tensor<12xi32> to memref<12xi32>
  %u1 = memref.cast %b1 : memref<12xi32> to memref<*xi32>
  call @printMemrefI32(%u1) : (memref<*xi32>) -> ()
  return
}
