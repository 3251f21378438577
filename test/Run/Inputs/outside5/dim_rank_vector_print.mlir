// tensor.dim, tensor.rank and tensor.dim at a computed index of a 7-row tensor split hetero 3/4 printed with vector.print, and used as a loop bound for extracts.
// (outside5.test)
func.func @main() {
  %e = tensor.empty() : tensor<7x4xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%e : tensor<7x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c10 = arith.constant 10 : index
    %m = arith.muli %i, %c10 : index
    %s = arith.addi %m, %j : index
    %ii = arith.index_cast %s : index to i64
    %f = arith.sitofp %ii : i64 to f32
    linalg.yield %f : f32
  } -> tensor<7x4xf32>
  %xa = hspmd.annotate %x as #hspmd.sharding<hetero = d0, weights = [3, 4], groups = [[1] : [], [2, 0] : [d1 = 2]]> : tensor<7x4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %d0 = tensor.dim %xa, %c0 : tensor<7x4xf32>
  vector.print %d0 : index
  %r = tensor.rank %xa : tensor<7x4xf32>
  vector.print %r : index
  scf.for %i = %c0 to %d0 step %c1 {
    %v = tensor.extract %xa[%i, %c1] : tensor<7x4xf32>
    vector.print %v : f32
  }
  %k = arith.remui %d0, %c6 : index
  %d1 = tensor.dim %xa, %k : tensor<7x4xf32>
  vector.print %d1 : index
  return
}
