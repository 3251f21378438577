// scf.while (with nested scf.if in the before-region), scf.parallel with scf.reduce, and a linalg payload all reading hetero-partial and partial x d0 tensors with tensor.extract (regions run as written on whole copies).
#p = #hspmd.sharding<hetero = partial, groups = [[1] : [], [0, 2] : [d0 = 2]]>
#q = #hspmd.sharding<[0, 1, 2, 3] : [partial = 2, d0 = 2]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %v0 = arith.constant dense<[3.0, -1.0, 4.0, 1.0, -5.0, 9.0]> : tensor<6xf32>
  %w0 = arith.constant dense<[0.5, 0.25, 2.0, 1.0, 1.0, 3.0]> : tensor<6xf32>
  %va = hspmd.annotate %v0 as #hspmd.sharding<[0, 1, 2] : [d0 = 3]> : tensor<6xf32>
  %wa = hspmd.annotate %w0 as #hspmd.sharding<[1, 3] : [d0 = 2]> : tensor<6xf32>
  %m = arith.mulf %va, %wa : tensor<6xf32>
  %p = hspmd.annotate %m as #p : tensor<6xf32>
  %pq = arith.addf %va, %wa : tensor<6xf32>
  %q = hspmd.annotate %pq as #q : tensor<6xf32>
  // while: find first index where p[i] > q[i]
  %idx = scf.while (%i = %c0) : (index) -> index {
    %inb = arith.cmpi ult, %i, %c6 : index
    %r = scf.if %inb -> i1 {
      %a = tensor.extract %p[%i] : tensor<6xf32>
      %b = tensor.extract %q[%i] : tensor<6xf32>
      %le = arith.cmpf ole, %a, %b : f32
      scf.yield %le : i1
    } else {
      %f = arith.constant false
      scf.yield %f : i1
    }
    scf.condition(%r) %i : index
  } do {
  ^bb0(%i: index):
    %i1 = arith.addi %i, %c1 : index
    scf.yield %i1 : index
  }
  %zero = arith.constant 0.0 : f32
  %s = scf.parallel (%i) = (%c0) to (%c6) step (%c1) init (%zero) -> f32 {
    %e = tensor.extract %p[%i] : tensor<6xf32>
    %f = tensor.extract %q[%i] : tensor<6xf32>
    %g = arith.mulf %e, %f : f32
    scf.reduce(%g : f32) {
    ^bb0(%l: f32, %r: f32):
      %t = arith.addf %l, %r : f32
      scf.reduce.return %t : f32
    }
  }
  %e6 = tensor.empty() : tensor<6xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]} outs(%e6 : tensor<6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = arith.subi %c6, %i : index
    %j1 = arith.subi %j, %c1 : index
    %a = tensor.extract %p[%j1] : tensor<6xf32>
    %b = tensor.extract %q[%i] : tensor<6xf32>
    %c = arith.subf %a, %b : f32
    %d = arith.addf %c, %s : f32
    linalg.yield %d : f32
  } -> tensor<6xf32>
  %ga = hspmd.annotate %g as #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[3] : [], [2, 0] : [d0 = 2]]> : tensor<6xf32>
  %ii = arith.index_cast %idx : index to i32
  %if = arith.sitofp %ii : i32 to f32
  %t = tensor.from_elements %if, %s : tensor<2xf32>
  %b = bufferization.to_buffer %t : tensor<2xf32> to memref<2xf32>
  %u = memref.cast %b : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %b2 = bufferization.to_buffer %ga : tensor<6xf32> to memref<6xf32>
  %u2 = memref.cast %b2 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  return
}
