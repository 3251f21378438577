// Rotary embedding (GPT-NeoX half split): cos/sin tables from linalg.index + math.powf/cos/sin, x [S, heads, D] 
// split on D across weighted groups (hetero d2 [1, 3]), extract_slice of the two halves of the split dim, negf, 
// tensor.concat along the split dim, rot annotated [d0 = 2, d2 = 2], out annotated [d1 = 2, d2 = 2].
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<8x4x8xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e1 : tensor<8x4x8xf32>) {
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
    %Zx2 = linalg.index 2 : index
    %Zk2 = arith.constant 7 : index
    %Zm2 = arith.muli %Zx2, %Zk2 : index
    %Za3 = arith.addi %Za2, %Zm2 : index
    %Zmd = arith.constant 11 : index
    %Zrr = arith.remui %Za3, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 5 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 0.25 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<8x4x8xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d2, weights = [1, 3], groups = [[3] : [], [0, 1, 2] : [dup = 3]]> : tensor<8x4x8xf32>
  %eT = tensor.empty() : tensor<8x8xf32>
  %cos = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%eT : tensor<8x8xf32>) {
  ^bb0(%o: f32):
    %p = linalg.index 0 : index
    %i = linalg.index 1 : index
    %c2 = arith.constant 4 : index
    %im = arith.remui %i, %c2 : index
    %pi = arith.index_cast %p : index to i64
    %ii = arith.index_cast %im : index to i64
    %pf = arith.sitofp %pi : i64 to f32
    %if = arith.sitofp %ii : i64 to f32
    %base = arith.constant 10000.0 : f32
    %dd = arith.constant 4.0 : f32
    %ex = arith.divf %if, %dd : f32
    %nx = arith.negf %ex : f32
    %fr = math.powf %base, %nx : f32
    %ang = arith.mulf %pf, %fr : f32
    %cv = math.cos %ang : f32
    linalg.yield %cv : f32
  } -> tensor<8x8xf32>
  %sin = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%eT : tensor<8x8xf32>) {
  ^bb0(%o: f32):
    %p = linalg.index 0 : index
    %i = linalg.index 1 : index
    %c2 = arith.constant 4 : index
    %im = arith.remui %i, %c2 : index
    %pi = arith.index_cast %p : index to i64
    %ii = arith.index_cast %im : index to i64
    %pf = arith.sitofp %pi : i64 to f32
    %if = arith.sitofp %ii : i64 to f32
    %base = arith.constant 10000.0 : f32
    %dd = arith.constant 4.0 : f32
    %ex = arith.divf %if, %dd : f32
    %nx = arith.negf %ex : f32
    %fr = math.powf %base, %nx : f32
    %ang = arith.mulf %pf, %fr : f32
    %sv = math.sin %ang : f32
    linalg.yield %sv : f32
  } -> tensor<8x8xf32>
  %cosa = hspmd.annotate %cos as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x8xf32>
  %x1 = tensor.extract_slice %xa[0, 0, 0] [8, 4, 4] [1, 1, 1] : tensor<8x4x8xf32> to tensor<8x4x4xf32>
  %x2 = tensor.extract_slice %xa[0, 0, 4] [8, 4, 4] [1, 1, 1] : tensor<8x4x8xf32> to tensor<8x4x4xf32>
  %eH = tensor.empty() : tensor<8x4x4xf32>
  %nx2 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x2 : tensor<8x4x4xf32>) outs(%eH : tensor<8x4x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %n = arith.negf %a : f32
    linalg.yield %n : f32
  } -> tensor<8x4x4xf32>
  %rot = tensor.concat dim(2) %nx2, %x1 : (tensor<8x4x4xf32>, tensor<8x4x4xf32>) -> tensor<8x4x8xf32>
  %rota = hspmd.annotate %rot as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d2 = 2]> : tensor<8x4x8xf32>
  %eX = tensor.empty() : tensor<8x4x8xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%xa, %cosa, %rota, %sin : tensor<8x4x8xf32>, tensor<8x8xf32>, tensor<8x4x8xf32>, tensor<8x8xf32>) outs(%eX : tensor<8x4x8xf32>) {
  ^bb0(%a: f32, %c: f32, %r: f32, %s: f32, %o: f32):
    %m = arith.mulf %a, %c : f32
    %n = arith.mulf %r, %s : f32
    %q = arith.addf %m, %n : f32
    linalg.yield %q : f32
  } -> tensor<8x4x8xf32>
  %outa = hspmd.annotate %out as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 2, d2 = 2]> : tensor<8x4x8xf32>

  %b2 = bufferization.to_buffer %outa : tensor<8x4x8xf32> to memref<8x4x8xf32>
  %u3 = memref.cast %b2 : memref<8x4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  %b4 = bufferization.to_buffer %rota : tensor<8x4x8xf32> to memref<8x4x8xf32>
  %u5 = memref.cast %b4 : memref<8x4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u5) : (memref<*xf32>) -> ()
  return
}
