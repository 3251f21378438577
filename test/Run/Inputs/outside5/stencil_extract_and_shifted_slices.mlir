// 1-D 3-point stencil as a generic reading clamped neighbours with tensor.extract at linalg.index +- 1,
// input split 3:1 over a permuted group and a single device; then a stencil of shifted extract_slices + add/sub,
// annotated 1:2:1 and 3:2 weighted hetero splits.
// (outside5.test)
#id = affine_map<(d0) -> (d0)>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<12xf32>
  %x = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel"]} outs(%e : tensor<12xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %c7 = arith.constant 7 : index
    %m = arith.muli %i, %c7 : index
    %c5 = arith.constant 5 : index
    %r = arith.remui %m, %c5 : index
    %v = arith.index_cast %r : index to i32
    %f = arith.sitofp %v : i32 to f32
    linalg.yield %f : f32
  } -> tensor<12xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[2, 0, 1] : [d0 = 3], [3] : []]> : tensor<12xf32>
  %e2 = tensor.empty() : tensor<12xf32>
  %st = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%xa : tensor<12xf32>) outs(%e2 : tensor<12xf32>) {
  ^bb0(%c: f32, %o: f32):
    %i = linalg.index 0 : index
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c11 = arith.constant 11 : index
    %im = arith.subi %i, %c1 : index
    %ip = arith.addi %i, %c1 : index
    %lt = arith.cmpi slt, %im, %c0 : index
    %imc = arith.select %lt, %c0, %im : index
    %gt = arith.cmpi sgt, %ip, %c11 : index
    %ipc = arith.select %gt, %c11, %ip : index
    %l = tensor.extract %xa[%imc] : tensor<12xf32>
    %r = tensor.extract %xa[%ipc] : tensor<12xf32>
    %s = arith.addf %l, %r : f32
    %two = arith.constant 2.0 : f32
    %cc = arith.mulf %c, %two : f32
    %t = arith.subf %s, %cc : f32
    linalg.yield %t : f32
  } -> tensor<12xf32>
  %sta = hspmd.annotate %st as #hspmd.sharding<hetero = d0, weights = [1, 2, 1], groups = [[1] : [], [3, 0] : [d0 = 2], [2] : []]> : tensor<12xf32>
  // shifted slices
  %a = tensor.extract_slice %sta[0] [10] [1] : tensor<12xf32> to tensor<10xf32>
  %b = tensor.extract_slice %sta[1] [10] [1] : tensor<12xf32> to tensor<10xf32>
  %c = tensor.extract_slice %sta[2] [10] [1] : tensor<12xf32> to tensor<10xf32>
  %e3 = tensor.empty() : tensor<10xf32>
  %sum = linalg.generic {indexing_maps = [#id, #id, #id, #id], iterator_types = ["parallel"]} ins(%a, %b, %c : tensor<10xf32>, tensor<10xf32>, tensor<10xf32>) outs(%e3 : tensor<10xf32>) {
  ^bb0(%p: f32, %q: f32, %r: f32, %o: f32):
    %s1 = arith.addf %p, %q : f32
    %s2 = arith.subf %s1, %r : f32
    linalg.yield %s2 : f32
  } -> tensor<10xf32>
  %suma = hspmd.annotate %sum as #hspmd.sharding<hetero = d0, weights = [3, 2], groups = [[0, 1, 2] : [d0 = 3], [3] : []]> : tensor<10xf32>
  %u = bufferization.to_buffer %sta : tensor<12xf32> to memref<12xf32>
  %uc = memref.cast %u : memref<12xf32> to memref<*xf32>
  call @printMemrefF32(%uc) : (memref<*xf32>) -> ()
  %w = bufferization.to_buffer %suma : tensor<10xf32> to memref<10xf32>
  %wc = memref.cast %w : memref<10xf32> to memref<*xf32>
  call @printMemrefF32(%wc) : (memref<*xf32>) -> ()
  return
}
