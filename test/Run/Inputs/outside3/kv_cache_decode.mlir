// Autoregressive decode loop with a KV cache: scf.for carrying K cache split d1 = 4, V cache split d1 = 2, the 
// current token vector and the outputs; vecmat with column-split weights (one hetero weighted), rank-preserving 
// insert_slice of the new row at the loop index, matvec over the cache, mask reading the loop index inside the 
// payload, linalg.softmax, vecmat with the V cache, next input from a d0-split embedding at min(t + 1, S - 1).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<8x8xf32>
  %wk = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<8x8xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 3 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 5 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 11 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 5 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.125 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<8x8xf32>
  %e2 = tensor.empty() : tensor<8x8xf32>
  %wv = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e2 : tensor<8x8xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 5 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 7 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 13 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 6 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.125 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<8x8xf32>
  %e3 = tensor.empty() : tensor<6x8xf32>
  %emb = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e3 : tensor<6x8xf32>) {
  ^bb0(%Zo: f32):
    %Za0 = arith.constant 0 : index
    %Zx0 = linalg.index 0 : index
    %Zk0 = arith.constant 7 : index
    %Zm0 = arith.muli %Zx0, %Zk0 : index
    %Za1 = arith.addi %Za0, %Zm0 : index
    %Zx1 = linalg.index 1 : index
    %Zk1 = arith.constant 3 : index
    %Zm1 = arith.muli %Zx1, %Zk1 : index
    %Za2 = arith.addi %Za1, %Zm1 : index
    %Zmd = arith.constant 9 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 4 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.25 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<6x8xf32>
  %wka = hspmd.annotate %wk as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<8x8xf32>
  %wva = hspmd.annotate %wv as #hspmd.sharding<hetero = d1, weights = [1, 3], groups = [[3] : [], [0, 1, 2] : [d1 = 3]]> : tensor<8x8xf32>
  %emba = hspmd.annotate %emb as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<6x8xf32>
  %zero = arith.constant 0.0 : f32
  %eC = tensor.empty() : tensor<6x8xf32>
  %zC = linalg.fill ins(%zero : f32) outs(%eC : tensor<6x8xf32>) -> tensor<6x8xf32>
  %kc0 = hspmd.annotate %zC as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<6x8xf32>
  %vc0 = hspmd.annotate %zC as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<6x8xf32>
  %eV = tensor.empty() : tensor<8xf32>
  %zV = linalg.fill ins(%zero : f32) outs(%eV : tensor<8xf32>) -> tensor<8xf32>
  %x0 = tensor.extract_slice %emba[0, 0] [1, 8] [1, 1] : tensor<6x8xf32> to tensor<8xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cS = arith.constant 6 : index
  %res:4 = scf.for %t = %c0 to %cS step %c1 iter_args(%kc = %kc0, %vc = %vc0, %x = %x0, %outs = %zC) -> (tensor<6x8xf32>, tensor<6x8xf32>, tensor<8xf32>, tensor<6x8xf32>) {
    %k = linalg.vecmat ins(%x, %wka : tensor<8xf32>, tensor<8x8xf32>) outs(%zV : tensor<8xf32>) -> tensor<8xf32>
    %v = linalg.vecmat ins(%x, %wva : tensor<8xf32>, tensor<8x8xf32>) outs(%zV : tensor<8xf32>) -> tensor<8xf32>
    %kc2 = tensor.insert_slice %k into %kc[%t, 0] [1, 8] [1, 1] : tensor<8xf32> into tensor<6x8xf32>
    %vc2 = tensor.insert_slice %v into %vc[%t, 0] [1, 8] [1, 1] : tensor<8xf32> into tensor<6x8xf32>
    %eS = tensor.empty() : tensor<6xf32>
    %zS = linalg.fill ins(%zero : f32) outs(%eS : tensor<6xf32>) -> tensor<6xf32>
    %sc = linalg.matvec ins(%kc2, %x : tensor<6x8xf32>, tensor<8xf32>) outs(%zS : tensor<6xf32>) -> tensor<6xf32>
    %msk = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%sc : tensor<6xf32>) outs(%eS : tensor<6xf32>) {
    ^bb0(%a: f32, %o: f32):
      %i = linalg.index 0 : index
      %gt = arith.cmpi ugt, %i, %t : index
      %ninf = arith.constant -1.0e+30 : f32
      %r = arith.select %gt, %ninf, %a : f32
      linalg.yield %r : f32
    } -> tensor<6xf32>
    %ex = linalg.softmax dimension(0) ins(%msk : tensor<6xf32>) outs(%eS : tensor<6xf32>) -> tensor<6xf32>
    %ctx = linalg.vecmat ins(%ex, %vc2 : tensor<6xf32>, tensor<6x8xf32>) outs(%zV : tensor<8xf32>) -> tensor<8xf32>
    %t1 = arith.addi %t, %c1 : index
    %cS1 = arith.constant 5 : index
    %tn = arith.minui %t1, %cS1 : index
    %nx = tensor.extract_slice %emba[%tn, 0] [1, 8] [1, 1] : tensor<6x8xf32> to tensor<8xf32>
    %x2 = arith.addf %nx, %ctx : tensor<8xf32>
    %outs2 = tensor.insert_slice %ctx into %outs[%t, 0] [1, 8] [1, 1] : tensor<8xf32> into tensor<6x8xf32>
    scf.yield %kc2, %vc2, %x2, %outs2 : tensor<6x8xf32>, tensor<6x8xf32>, tensor<8xf32>, tensor<6x8xf32>
  }

  %b4 = bufferization.to_buffer %res#0 : tensor<6x8xf32> to memref<6x8xf32>
  %u5 = memref.cast %b4 : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%u5) : (memref<*xf32>) -> ()
  %b6 = bufferization.to_buffer %res#3 : tensor<6x8xf32> to memref<6x8xf32>
  %u7 = memref.cast %b6 : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%u7) : (memref<*xf32>) -> ()
  return
}
