// Reverse via affine map (7 - d0, 5 - d1) of a d1-split tensor, strided extract_slice (every other row/col), 
// tensor.pad with -1.5 on split dims, collapse merging the split dim then expand, tensor.concat of three 
// tensors along the split dim annotated hetero d1 weights [2, 3], cumulative sum as triangular-mask matmul, 
// dropout mask from an i32 multiplicative hash of linalg.index (shrui / cmpi ult).
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<8x6xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<8x6xf32>) {
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
    %Zmd = arith.constant 13 : index
    %Zrr = arith.remui %Za2, %Zmd : index
    %Ziv = arith.index_cast %Zrr : index to i64
    %Zof = arith.constant 6 : i64
    %Zsv = arith.subi %Ziv, %Zof : i64
    %Zfv = arith.sitofp %Zsv : i64 to f32
    %Zsc = arith.constant 1.0 : f32
    %Zfw = arith.mulf %Zfv, %Zsc : f32
    linalg.yield %Zfw : f32
  } -> tensor<8x6xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2] : [d1 = 3]> : tensor<8x6xf32>
  %eX = tensor.empty() : tensor<8x6xf32>
  %rev = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (7 - d0, 5 - d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%xa : tensor<8x6xf32>) outs(%eX : tensor<8x6xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<8x6xf32>
  %reva = hspmd.annotate %rev as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<8x6xf32>
  %ev = tensor.empty() : tensor<4x3xf32>
  %st = tensor.extract_slice %xa[1, 0] [4, 3] [2, 2] : tensor<8x6xf32> to tensor<4x3xf32>
  %sta = hspmd.annotate %st as #hspmd.sharding<[1, 2, 3] : [d1 = 3]> : tensor<4x3xf32>
  %pv = arith.constant -1.5 : f32
  %pd = tensor.pad %xa low[1, 2] high[3, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %pv : f32
  } : tensor<8x6xf32> to tensor<12x9xf32>
  %pda = hspmd.annotate %pd as #hspmd.sharding<[0, 1, 2, 3, 4, 5] : [d0 = 2, d1 = 3]> : tensor<12x9xf32>
  %cl = tensor.collapse_shape %xa [[0, 1]] : tensor<8x6xf32> into tensor<48xf32>
  %cla = hspmd.annotate %cl as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<48xf32>
  %ex = tensor.expand_shape %cla [[0, 1, 2]] output_shape [2, 4, 6] : tensor<48xf32> into tensor<2x4x6xf32>
  %exa = hspmd.annotate %ex as #hspmd.sharding<[0, 1, 2] : [d2 = 3]> : tensor<2x4x6xf32>
  %st2 = tensor.extract_slice %xa[0, 1] [8, 3] [1, 2] : tensor<8x6xf32> to tensor<8x3xf32>
  %cc = tensor.concat dim(1) %xa, %reva, %st2 : (tensor<8x6xf32>, tensor<8x6xf32>, tensor<8x3xf32>) -> tensor<8x15xf32>
  %cca = hspmd.annotate %cc as #hspmd.sharding<hetero = d1, weights = [2, 3], groups = [[0, 1] : [d0 = 2], [2, 3, 4] : [d1 = 3]]> : tensor<8x15xf32>
  %eT = tensor.empty() : tensor<8x8xf32>
  %tri = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%eT : tensor<8x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %le = arith.cmpi ule, %j, %i : index
    %one = arith.constant 1.0 : f32
    %z = arith.constant 0.0 : f32
    %r = arith.select %le, %one, %z : f32
    linalg.yield %r : f32
  } -> tensor<8x8xf32>
  %tria = hspmd.annotate %tri as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<8x8xf32>
  %zero = arith.constant 0.0 : f32
  %eC = tensor.empty() : tensor<8x15xf32>
  %zC = linalg.fill ins(%zero : f32) outs(%eC : tensor<8x15xf32>) -> tensor<8x15xf32>
  %cs = linalg.matmul ins(%tria, %cca : tensor<8x8xf32>, tensor<8x15xf32>) outs(%zC : tensor<8x15xf32>) -> tensor<8x15xf32>
  %dr = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%cs : tensor<8x15xf32>) outs(%eC : tensor<8x15xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c15 = arith.constant 15 : index
    %m = arith.muli %i, %c15 : index
    %l = arith.addi %m, %j : index
    %li = arith.index_cast %l : index to i32
    %h1 = arith.constant -1640531535 : i32
    %h = arith.muli %li, %h1 : i32
    %s28 = arith.constant 28 : i32
    %top = arith.shrui %h, %s28 : i32
    %th = arith.constant 8 : i32
    %keep = arith.cmpi ult, %top, %th : i32
    %two = arith.constant 2.0 : f32
    %z = arith.constant 0.0 : f32
    %sc = arith.mulf %a, %two : f32
    %r = arith.select %keep, %sc, %z : f32
    linalg.yield %r : f32
  } -> tensor<8x15xf32>
  %dra = hspmd.annotate %dr as #hspmd.sharding<[3, 4, 5, 6, 7, 0] : [d0 = 2, d1 = 3]> : tensor<8x15xf32>

  %b2 = bufferization.to_buffer %reva : tensor<8x6xf32> to memref<8x6xf32>
  %u3 = memref.cast %b2 : memref<8x6xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  %b4 = bufferization.to_buffer %sta : tensor<4x3xf32> to memref<4x3xf32>
  %u5 = memref.cast %b4 : memref<4x3xf32> to memref<*xf32>
  call @printMemrefF32(%u5) : (memref<*xf32>) -> ()
  %b6 = bufferization.to_buffer %pda : tensor<12x9xf32> to memref<12x9xf32>
  %u7 = memref.cast %b6 : memref<12x9xf32> to memref<*xf32>
  call @printMemrefF32(%u7) : (memref<*xf32>) -> ()
  %b8 = bufferization.to_buffer %exa : tensor<2x4x6xf32> to memref<2x4x6xf32>
  %u9 = memref.cast %b8 : memref<2x4x6xf32> to memref<*xf32>
  call @printMemrefF32(%u9) : (memref<*xf32>) -> ()
  %b10 = bufferization.to_buffer %cca : tensor<8x15xf32> to memref<8x15xf32>
  %u11 = memref.cast %b10 : memref<8x15xf32> to memref<*xf32>
  call @printMemrefF32(%u11) : (memref<*xf32>) -> ()
  %b12 = bufferization.to_buffer %cs : tensor<8x15xf32> to memref<8x15xf32>
  %u13 = memref.cast %b12 : memref<8x15xf32> to memref<*xf32>
  call @printMemrefF32(%u13) : (memref<*xf32>) -> ()
  %b14 = bufferization.to_buffer %dra : tensor<8x15xf32> to memref<8x15xf32>
  %u15 = memref.cast %b14 : memref<8x15xf32> to memref<*xf32>
  call @printMemrefF32(%u15) : (memref<*xf32>) -> ()
  return
}
