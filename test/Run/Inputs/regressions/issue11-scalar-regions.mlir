// Region ops that carry no tensors: an scf.for summing elements of a split
// tensor into a scalar (its iteration argument is an f32), the sum filled
// into a tensor placed elsewhere; an scf.if printing an element (an effect:
// device 0) of a tensor split over other devices.
func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e = tensor.empty() : tensor<8xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = ["parallel"]} outs(%e : tensor<8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    linalg.yield %f : f32
  } -> tensor<8xf32>
  %x = hspmd.annotate %g as #hspmd.sharding<[1, 2] : [d0 = 2]> : tensor<8xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %z = arith.constant 0.0 : f32
  %sum = scf.for %i = %c0 to %c8 step %c1 iter_args(%acc = %z) -> (f32) {
    %v = tensor.extract %x[%i] : tensor<8xf32>
    %a = arith.addf %acc, %v : f32
    scf.yield %a : f32
  }
  %e2 = tensor.empty() : tensor<4xf32>
  %f = linalg.fill ins(%sum : f32) outs(%e2 : tensor<4xf32>) -> tensor<4xf32>
  %fa = hspmd.annotate %f as #hspmd.sharding<[0, 3] : [d0 = 2]> : tensor<4xf32>
  %u = tensor.cast %fa : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  %t = arith.constant true
  scf.if %t {
    
    %w = tensor.extract %x[%c0] : tensor<8xf32>
    %e3 = tensor.empty() : tensor<2xf32>
    %g3 = linalg.fill ins(%w : f32) outs(%e3 : tensor<2xf32>) -> tensor<2xf32>
    %u3 = tensor.cast %g3 : tensor<2xf32> to tensor<*xf32>
    func.call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  }
  return
}
