// RANKS: 4
// (outside6.test)
// A replicated alloc used as a lookup table by a linalg payload over a split i32
// tensor inside a step loop, and shifted every step like a ring buffer (subview
// copies through a temporary, load/store) in the partitioned loop body; the carried
// tensor is re-annotated on another device set; the table is printed at the end.
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %tab = memref.alloc() : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    memref.store %f, %tab[%i] : memref<4xf32>
  }
  %x0 = arith.constant dense<[0, 1, 2, 3, 3, 2]> : tensor<6xi32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[1, 2, 3] : [d0 = 3]> : tensor<6xi32>
  %a0 = arith.constant dense<0.0> : tensor<6xf32>
  %r = scf.for %s = %c0 to %c3 step %c1 iter_args(%acc = %a0) -> (tensor<6xf32>) {
    %e = tensor.empty() : tensor<6xf32>
    %g = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%x, %acc : tensor<6xi32>, tensor<6xf32>) outs(%e : tensor<6xf32>) {
    ^bb0(%k: i32, %a: f32, %o: f32):
      %ki = arith.index_cast %k : i32 to index
      %v = memref.load %tab[%ki] : memref<4xf32>
      %n = arith.addf %a, %v : f32
      linalg.yield %n : f32
    } -> tensor<6xf32>
    %src = memref.subview %tab[1] [3] [1] : memref<4xf32> to memref<3xf32, strided<[1], offset: 1>>
    %tmp = memref.alloc() : memref<3xf32>
    memref.copy %src, %tmp : memref<3xf32, strided<[1], offset: 1>> to memref<3xf32>
    %dst = memref.subview %tab[0] [3] [1] : memref<4xf32> to memref<3xf32, strided<[1]>>
    memref.copy %tmp, %dst : memref<3xf32> to memref<3xf32, strided<[1]>>
    %last = memref.load %tab[%c3] : memref<4xf32>
    %l2 = arith.addf %last, %last : f32
    memref.store %l2, %tab[%c3] : memref<4xf32>
    %ga = hspmd.annotate %g as #hspmd.sharding<[0, 2] : [d0 = 2]> : tensor<6xf32>
    scf.yield %ga : tensor<6xf32>
  }
  %b = bufferization.to_buffer %r : tensor<6xf32> to memref<6xf32>
  %u = memref.cast %b : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %ut = memref.cast %tab : memref<4xf32> to memref<*xf32>
  call @printMemrefF32(%ut) : (memref<*xf32>) -> ()
  return
}
