// i8 and i1 element types (4 ranks): an i1 mask (arith.cmpi) split by
// columns, used by arith.select on an f32 tensor placed by rows; an "any"
// (arith.ori) and an "all" (arith.andi) reduction of i1 over the split
// dimension; an i8 tensor whose sum over a split dimension wraps (modular,
// exact on pieces) and an i8 max. Printed after extension to i32.
#id = affine_map<(i, j) -> (i, j)>
#r = affine_map<(i, j) -> (i)>
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<4x8xi8>
  %g = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xi8>) {
  ^bb0(%o: i8):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c37 = arith.constant 37 : index
    %c11 = arith.constant 11 : index
    %a = arith.muli %j, %c37 : index
    %b = arith.muli %i, %c11 : index
    %s = arith.addi %a, %b : index
    %v = arith.index_cast %s : index to i8
    linalg.yield %v : i8
  } -> tensor<4x8xi8>
  %x = hspmd.annotate %g as #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]> : tensor<4x8xi8>
  %z8 = arith.constant 0 : i8
  %es = tensor.empty() : tensor<4xi8>
  %fs = linalg.fill ins(%z8 : i8) outs(%es : tensor<4xi8>) -> tensor<4xi8>
  %sum = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x8xi8>) outs(%fs : tensor<4xi8>) {
  ^bb0(%in: i8, %acc: i8):
    %t = arith.addi %in, %acc : i8
    linalg.yield %t : i8
  } -> tensor<4xi8>
  %m8 = arith.constant -128 : i8
  %em = tensor.empty() : tensor<4xi8>
  %fm = linalg.fill ins(%m8 : i8) outs(%em : tensor<4xi8>) -> tensor<4xi8>
  %mx = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x8xi8>) outs(%fm : tensor<4xi8>) {
  ^bb0(%in: i8, %acc: i8):
    %t = arith.maxsi %in, %acc : i8
    linalg.yield %t : i8
  } -> tensor<4xi8>
  %zero = arith.constant dense<0> : tensor<4x8xi8>
  %mask = arith.cmpi slt, %x, %zero : tensor<4x8xi8>
  %f = arith.sitofp %g : tensor<4x8xi8> to tensor<4x8xf32>
  %fa = hspmd.annotate %f as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]> : tensor<4x8xf32>
  %negs = arith.negf %fa : tensor<4x8xf32>
  %sel = arith.select %mask, %negs, %fa : tensor<4x8xi1>, tensor<4x8xf32>
  %false = arith.constant false
  %true = arith.constant true
  %ea = tensor.empty() : tensor<4xi1>
  %fany = linalg.fill ins(%false : i1) outs(%ea : tensor<4xi1>) -> tensor<4xi1>
  %any = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%mask : tensor<4x8xi1>) outs(%fany : tensor<4xi1>) {
  ^bb0(%in: i1, %acc: i1):
    %t = arith.ori %in, %acc : i1
    linalg.yield %t : i1
  } -> tensor<4xi1>
  %gt = arith.constant dense<-100> : tensor<4x8xi8>
  %mask2 = arith.cmpi sgt, %x, %gt : tensor<4x8xi8>
  %eb = tensor.empty() : tensor<4xi1>
  %fall = linalg.fill ins(%true : i1) outs(%eb : tensor<4xi1>) -> tensor<4xi1>
  %all = linalg.generic {indexing_maps = [#id, #r], iterator_types = ["parallel", "reduction"]} ins(%mask2 : tensor<4x8xi1>) outs(%fall : tensor<4xi1>) {
  ^bb0(%in: i1, %acc: i1):
    %t = arith.andi %in, %acc : i1
    linalg.yield %t : i1
  } -> tensor<4xi1>
  %gi = arith.extsi %g : tensor<4x8xi8> to tensor<4x8xi32>
  %si = arith.extsi %sum : tensor<4xi8> to tensor<4xi32>
  %mi = arith.extsi %mx : tensor<4xi8> to tensor<4xi32>
  %ai = arith.extui %any : tensor<4xi1> to tensor<4xi32>
  %li = arith.extui %all : tensor<4xi1> to tensor<4xi32>
  %p0 = bufferization.to_buffer %gi : tensor<4x8xi32> to memref<4x8xi32>
  %q0 = memref.cast %p0 : memref<4x8xi32> to memref<*xi32>
  call @printMemrefI32(%q0) : (memref<*xi32>) -> ()
  %p1 = bufferization.to_buffer %si : tensor<4xi32> to memref<4xi32>
  %q1 = memref.cast %p1 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%q1) : (memref<*xi32>) -> ()
  %p2 = bufferization.to_buffer %mi : tensor<4xi32> to memref<4xi32>
  %q2 = memref.cast %p2 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%q2) : (memref<*xi32>) -> ()
  %p3 = bufferization.to_buffer %ai : tensor<4xi32> to memref<4xi32>
  %q3 = memref.cast %p3 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%q3) : (memref<*xi32>) -> ()
  %p4 = bufferization.to_buffer %li : tensor<4xi32> to memref<4xi32>
  %q4 = memref.cast %p4 : memref<4xi32> to memref<*xi32>
  call @printMemrefI32(%q4) : (memref<*xi32>) -> ()
  %p5 = bufferization.to_buffer %sel : tensor<4x8xf32> to memref<4x8xf32>
  %q5 = memref.cast %p5 : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%q5) : (memref<*xf32>) -> ()
  return
}
