// Named linalg ops on split values (2 ranks, list [1, 0]): linalg.transpose,
// linalg.map with two inputs, linalg.broadcast adding a middle dim,
// linalg.reduce with init 2 over a split dim (partial), then
// linalg.elementwise kind mul, linalg.add, linalg.negf, linalg.max and
// linalg.square on that partial value (only add/negf are linear).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func @main() {
  %g_e = tensor.empty() : tensor<4x6xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%g_e : tensor<4x6xf32>) {
  ^bb0(%o0: f32):
    %acc0_0 = arith.constant 0 : index
    %ix0_0 = linalg.index 0 : index
    %cc0_0 = arith.constant 5 : index
    %m0_0 = arith.muli %ix0_0, %cc0_0 : index
    %acc0_1 = arith.addi %acc0_0, %m0_0 : index
    %ix0_1 = linalg.index 1 : index
    %cc0_1 = arith.constant 1 : index
    %m0_1 = arith.muli %ix0_1, %cc0_1 : index
    %acc0_2 = arith.addi %acc0_1, %m0_1 : index
    %md0 = arith.constant 7 : index
    %r0 = arith.remui %acc0_2, %md0 : index
    %i0 = arith.index_cast %r0 : index to i32
    %of0 = arith.constant 3 : i32
    %s0 = arith.subi %i0, %of0 : i32
    %v0 = arith.sitofp %s0 : i32 to f32
    linalg.yield %v0 : f32
  } -> tensor<4x6xf32>
  %a = hspmd.annotate %g as #hspmd.sharding<[1, 0] : [d1 = 2]> : tensor<4x6xf32>
  %e1 = tensor.empty() : tensor<6x4xf32>
  %t = linalg.transpose ins(%a : tensor<4x6xf32>) outs(%e1 : tensor<6x4xf32>) permutation = [1, 0]
  %e2 = tensor.empty() : tensor<6x4xf32>
  %m = linalg.map ins(%t, %t : tensor<6x4xf32>, tensor<6x4xf32>) outs(%e2 : tensor<6x4xf32>)
    (%x: f32, %y: f32, %oo: f32) {
      %p = arith.mulf %x, %y : f32
      %c = arith.constant 1.0 : f32
      %q = arith.subf %p, %c : f32
      linalg.yield %q : f32
    }
  %e3 = tensor.empty() : tensor<6x3x4xf32>
  %bc = linalg.broadcast ins(%m : tensor<6x4xf32>) outs(%e3 : tensor<6x3x4xf32>) dimensions = [1]
  %bca = hspmd.annotate %bc as #hspmd.sharding<[0, 1] : [d2 = 2]> : tensor<6x3x4xf32>
  %r0_z = arith.constant 2.0 : f32
  %r0_e = tensor.empty() : tensor<6x3xf32>
  %r0 = linalg.fill ins(%r0_z : f32) outs(%r0_e : tensor<6x3xf32>) -> tensor<6x3xf32>
  %r = linalg.reduce ins(%bca : tensor<6x3x4xf32>) outs(%r0 : tensor<6x3xf32>) dimensions = [2]
    (%x: f32, %acc: f32) {
      %s = arith.addf %x, %acc : f32
      linalg.yield %s : f32
    }
  %e4 = tensor.empty() : tensor<6x3xf32>
  %ew = linalg.elementwise kind=#linalg.elementwise_kind<mul> ins(%r, %r : tensor<6x3xf32>, tensor<6x3xf32>) outs(%e4 : tensor<6x3xf32>) -> tensor<6x3xf32>
  %e5 = tensor.empty() : tensor<6x3xf32>
  %ad = linalg.add ins(%ew, %r : tensor<6x3xf32>, tensor<6x3xf32>) outs(%e5 : tensor<6x3xf32>) -> tensor<6x3xf32>
  %e6 = tensor.empty() : tensor<6x3xf32>
  %ng = linalg.negf ins(%ad : tensor<6x3xf32>) outs(%e6 : tensor<6x3xf32>) -> tensor<6x3xf32>
  %e7 = tensor.empty() : tensor<6x3xf32>
  %mx = linalg.max ins(%ng, %r : tensor<6x3xf32>, tensor<6x3xf32>) outs(%e7 : tensor<6x3xf32>) -> tensor<6x3xf32>
  %e8 = tensor.empty() : tensor<6x3xf32>
  %sq = linalg.square ins(%r : tensor<6x3xf32>) outs(%e8 : tensor<6x3xf32>) -> tensor<6x3xf32>
  %pb1 = bufferization.to_buffer %m : tensor<6x4xf32> to memref<6x4xf32>
  %pc1 = memref.cast %pb1 : memref<6x4xf32> to memref<*xf32>
  call @printMemrefF32(%pc1) : (memref<*xf32>) -> ()
  %pb2 = bufferization.to_buffer %r : tensor<6x3xf32> to memref<6x3xf32>
  %pc2 = memref.cast %pb2 : memref<6x3xf32> to memref<*xf32>
  call @printMemrefF32(%pc2) : (memref<*xf32>) -> ()
  %pb3 = bufferization.to_buffer %ad : tensor<6x3xf32> to memref<6x3xf32>
  %pc3 = memref.cast %pb3 : memref<6x3xf32> to memref<*xf32>
  call @printMemrefF32(%pc3) : (memref<*xf32>) -> ()
  %pb4 = bufferization.to_buffer %mx : tensor<6x3xf32> to memref<6x3xf32>
  %pc4 = memref.cast %pb4 : memref<6x3xf32> to memref<*xf32>
  call @printMemrefF32(%pc4) : (memref<*xf32>) -> ()
  %pb5 = bufferization.to_buffer %sq : tensor<6x3xf32> to memref<6x3xf32>
  %pc5 = memref.cast %pb5 : memref<6x3xf32> to memref<*xf32>
  call @printMemrefF32(%pc5) : (memref<*xf32>) -> ()
  return
}
