// Interleaved rotary pattern: stride-2 extract_slice of even/odd columns of a d1 = 4 split tensor, negate, 
// stride-2 insert_slice back into a zero tensor; tensor.pad whose body yields a value computed from the pad 
// indices; collapse of a d1-split tensor to 1-D annotated d0 = 3, expand to [6, 16]; reverse via tensor.extract 
// at 15 - j inside a generic; insert_slice of a hetero tensor into a d0-split constant, and a strided 
// insert_slice.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func @main() {
  %e1 = tensor.empty() : tensor<6x8xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<6x8xf32>) {
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
  } -> tensor<6x8xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<6x8xf32>
  %ev = tensor.extract_slice %xa[0, 0] [6, 4] [1, 2] : tensor<6x8xf32> to tensor<6x4xf32>
  %od = tensor.extract_slice %xa[0, 1] [6, 4] [1, 2] : tensor<6x8xf32> to tensor<6x4xf32>
  %eH = tensor.empty() : tensor<6x4xf32>
  %nod = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%od : tensor<6x4xf32>) outs(%eH : tensor<6x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %n = arith.negf %a : f32
    linalg.yield %n : f32
  } -> tensor<6x4xf32>
  %eX = tensor.empty() : tensor<6x8xf32>
  %zero = arith.constant 0.0 : f32
  %zX = linalg.fill ins(%zero : f32) outs(%eX : tensor<6x8xf32>) -> tensor<6x8xf32>
  %zXa = hspmd.annotate %zX as #hspmd.sharding<[1, 2] : [d1 = 2]> : tensor<6x8xf32>
  %r1 = tensor.insert_slice %nod into %zXa[0, 0] [6, 4] [1, 2] : tensor<6x4xf32> into tensor<6x8xf32>
  %r2 = tensor.insert_slice %ev into %r1[0, 1] [6, 4] [1, 2] : tensor<6x4xf32> into tensor<6x8xf32>
  %r2a = hspmd.annotate %r2 as #hspmd.sharding<[0, 1] : [d1 = 2]> : tensor<6x8xf32>
  %pd = tensor.pad %r2a low[0, 3] high[2, 1] {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %si = arith.index_cast %s : index to i32
    %f = arith.sitofp %si : i32 to f32
    %h = arith.constant 100.0 : f32
    %v = arith.addf %f, %h : f32
    tensor.yield %v : f32
  } : tensor<6x8xf32> to tensor<8x12xf32>
  %pda = hspmd.annotate %pd as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<8x12xf32>
  %cl = tensor.collapse_shape %pda [[0, 1]] : tensor<8x12xf32> into tensor<96xf32>
  %cla = hspmd.annotate %cl as #hspmd.sharding<[0, 1, 2] : [d0 = 3]> : tensor<96xf32>
  %ex = tensor.expand_shape %cla [[0, 1]] output_shape [6, 16] : tensor<96xf32> into tensor<6x16xf32>
  %exa = hspmd.annotate %ex as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, d1 = 2]> : tensor<6x16xf32>
  %eR = tensor.empty() : tensor<6x16xf32>
  %rv = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%eR : tensor<6x16xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c15 = arith.constant 15 : index
    %rj = arith.subi %c15, %j : index
    %v = tensor.extract %exa[%i, %rj] : tensor<6x16xf32>
    linalg.yield %v : f32
  } -> tensor<6x16xf32>
  %rva = hspmd.annotate %rv as #hspmd.sharding<hetero = d1, weights = [3, 1], groups = [[2, 3] : [d0 = 2], [0] : []]> : tensor<6x16xf32>
  %big = arith.constant dense<-7.0> : tensor<10x20xf32>
  %biga = hspmd.annotate %big as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<10x20xf32>
  %ins = tensor.insert_slice %rva into %biga[3, 2] [6, 16] [1, 1] : tensor<6x16xf32> into tensor<10x20xf32>
  %ins2 = tensor.insert_slice %r2a into %ins[1, 1] [6, 8] [1, 2] : tensor<6x8xf32> into tensor<10x20xf32>

  %b2 = bufferization.to_buffer %r2a : tensor<6x8xf32> to memref<6x8xf32>
  %u3 = memref.cast %b2 : memref<6x8xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  %b4 = bufferization.to_buffer %pda : tensor<8x12xf32> to memref<8x12xf32>
  %u5 = memref.cast %b4 : memref<8x12xf32> to memref<*xf32>
  call @printMemrefF32(%u5) : (memref<*xf32>) -> ()
  %b6 = bufferization.to_buffer %exa : tensor<6x16xf32> to memref<6x16xf32>
  %u7 = memref.cast %b6 : memref<6x16xf32> to memref<*xf32>
  call @printMemrefF32(%u7) : (memref<*xf32>) -> ()
  %b8 = bufferization.to_buffer %rva : tensor<6x16xf32> to memref<6x16xf32>
  %u9 = memref.cast %b8 : memref<6x16xf32> to memref<*xf32>
  call @printMemrefF32(%u9) : (memref<*xf32>) -> ()
  %b10 = bufferization.to_buffer %ins2 : tensor<10x20xf32> to memref<10x20xf32>
  %u11 = memref.cast %b10 : memref<10x20xf32> to memref<*xf32>
  call @printMemrefF32(%u11) : (memref<*xf32>) -> ()
  return
}
