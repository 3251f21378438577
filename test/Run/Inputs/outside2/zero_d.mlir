// 0-d tensors (4 ranks): a dot over a split vector (a 0-d partial with init
// 1), a 0-d constant annotated partial over [0, 1] and dup over [2, 3],
// sums, squares and a division of 0-d values, a linalg.broadcast of a 0-d
// partial into a split vector, and tensor.extract of the 0-d partial feeding
// a linalg.fill annotated on [1, 3].
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %g_e = tensor.empty() : tensor<8xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g_e : tensor<8xf32>) {
  ^bb0(%o9: f32):
    %acc9_0 = arith.constant 0 : index
    %ix9_0 = linalg.index 0 : index
    %cc9_0 = arith.constant 3 : index
    %m9_0 = arith.muli %ix9_0, %cc9_0 : index
    %acc9_1 = arith.addi %acc9_0, %m9_0 : index
    %md9 = arith.constant 7 : index
    %r9 = arith.remui %acc9_1, %md9 : index
    %i9 = arith.index_cast %r9 : index to i32
    %of9 = arith.constant 3 : i32
    %s9 = arith.subi %i9, %of9 : i32
    %v9 = arith.sitofp %s9 : i32 to f32
    linalg.yield %v9 : f32
  } -> tensor<8xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[3, 1, 0, 2] : [d0 = 4]> : tensor<8xf32>
  %s0_z = arith.constant 1.0 : f32
  %s0_e = tensor.empty() : tensor<f32>
  %s0 = linalg.fill ins(%s0_z : f32) outs(%s0_e : tensor<f32>) -> tensor<f32>
  %s = linalg.dot ins(%a, %a : tensor<8xf32>, tensor<8xf32>) outs(%s0 : tensor<f32>) -> tensor<f32>
  %k = arith.constant dense<3.0> : tensor<f32>
  %kp = hspmd.annotate %k as #hspmd.sharding<[0, 1] : [partial = 2]> : tensor<f32>
  %s2 = arith.addf %s, %kp : tensor<f32>
  %s3 = arith.mulf %s2, %s2 : tensor<f32>
  %kd = hspmd.annotate %k as #hspmd.sharding<[2, 3] : [dup = 2]> : tensor<f32>
  %s4 = arith.divf %s3, %kd : tensor<f32>
  %eb = tensor.empty() : tensor<8xf32>
  %bc = linalg.broadcast ins(%s2 : tensor<f32>) outs(%eb : tensor<8xf32>) dimensions = [0]
  %bca = arith.addf %bc, %a : tensor<8xf32>
  %x = tensor.extract %s2[] : tensor<f32>
  %fe = tensor.empty() : tensor<2x2xf32>
  %f = linalg.fill ins(%x : f32) outs(%fe : tensor<2x2xf32>) -> tensor<2x2xf32>
  %fa = hspmd.annotate %f as #hspmd.sharding<[1, 3] : [d0 = 2]> : tensor<2x2xf32>
  %pb10 = bufferization.to_buffer %s2 : tensor<f32> to memref<f32>
  %pc10 = memref.cast %pb10 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc10) : (memref<*xf32>) -> ()
  %pb11 = bufferization.to_buffer %s3 : tensor<f32> to memref<f32>
  %pc11 = memref.cast %pb11 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc11) : (memref<*xf32>) -> ()
  %pb12 = bufferization.to_buffer %s4 : tensor<f32> to memref<f32>
  %pc12 = memref.cast %pb12 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%pc12) : (memref<*xf32>) -> ()
  %pb13 = bufferization.to_buffer %bca : tensor<8xf32> to memref<8xf32>
  %pc13 = memref.cast %pb13 : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%pc13) : (memref<*xf32>) -> ()
  %pb14 = bufferization.to_buffer %fa : tensor<2x2xf32> to memref<2x2xf32>
  %pc14 = memref.cast %pb14 : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%pc14) : (memref<*xf32>) -> ()
  return
}
