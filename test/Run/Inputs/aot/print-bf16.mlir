// Truncations to bf16 (the runtime's __truncsfbf2: llc calls it, and
// libgcc before GCC 13 does not have it) and to f16 (libgcc's
// __truncsfhf2), printed through f32 (print.test): ties to even, values
// that round to infinity, nan and -nan, infinities, -0, denormals.
func.func private @printMemrefF32(memref<*xf32>)

memref.global "private" @values : memref<16xf32> = dense<[
  1.0, 1.00390625, 1.01171875, 3.40282347e+38, 3.3961776e+38, 0x7FC00000,
  0xFFC00000, 0x7F800000, 0xFF800000, -0.0, 1.0e-40, 1.0e-45, -1.5e-39,
  0.1, 65504.0, 65520.0]>

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %in = memref.get_global @values : memref<16xf32>
  %bf = memref.alloca() : memref<16xf32>
  %h = memref.alloca() : memref<16xf32>
  scf.for %i = %c0 to %c16 step %c1 {
    %x = memref.load %in[%i] : memref<16xf32>
    %b = arith.truncf %x : f32 to bf16
    %bx = arith.extf %b : bf16 to f32
    memref.store %bx, %bf[%i] : memref<16xf32>
    %t = arith.truncf %x : f32 to f16
    %tx = arith.extf %t : f16 to f32
    memref.store %tx, %h[%i] : memref<16xf32>
  }
  %ubf = memref.cast %bf : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%ubf) : (memref<*xf32>) -> ()
  %uh = memref.cast %h : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%uh) : (memref<*xf32>) -> ()
  return
}
