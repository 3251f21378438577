// Every printing entry point the runtime provides in place of MLIR's runner
// libraries (runtime/lib/Print.c), on the element types and ranks programs
// print, with values whose text is easy to get wrong: nan, -nan, inf, -inf,
// -0, denormals, the largest and smallest finite values, integers at their
// limits; views with an offset and strides (a subview printed as it is);
// sizes of 1 (brackets close early) and 0 (the printer reads one element).
// memref.copy between strided views (the runtime's memrefCopy) is printed
// too. print.test compares what the ahead-of-time executable prints with what
// mlir-runner prints with MLIR's libraries.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func private @printMemrefInd(memref<*xindex>)
func.func private @printF32(f32)
func.func private @printF64(f64)
func.func private @printI64(i64)
func.func private @printU64(i64)
func.func private @printNewline()
func.func private @printOpen()
func.func private @printClose()
func.func private @printComma()

memref.global "private" constant @f32s : memref<16xf32> = dense<[
  0x7FC00000, 0xFFC00000, 0x7F800000, 0xFF800000, -0.0, 0.0, 1.0e-45,
  1.17549435e-38, 3.40282347e+38, -3.40282347e+38, 0.1, 123456.7,
  1234567.0, 1.0e-5, -2.5, 100.0]>
memref.global "private" constant @f64s : memref<12xf64> = dense<[
  0x7FF8000000000000, 0xFFF8000000000000, 0x7FF0000000000000,
  0xFFF0000000000000, -0.0, 4.9406564584124654e-324, 1.7976931348623157e+308,
  0.30000000000000004, 16777217.0, 1.0e21, 1.0e-300, -7.0]>
memref.global "private" constant @i32s : memref<6xi32> = dense<[
  -2147483648, 2147483647, 0, -1, 7, 1000000]>
memref.global "private" constant @i64s : memref<6xi64> = dense<[
  -9223372036854775808, 9223372036854775807, 0, -1, 4294967296, 42]>

func.func @main() {
  %f = memref.get_global @f32s : memref<16xf32>
  %u = memref.cast %f : memref<16xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  // Ranks 2, 3 and 4 over the same values.
  %f2 = memref.expand_shape %f [[0, 1]] output_shape [4, 4] : memref<16xf32> into memref<4x4xf32>
  %u2 = memref.cast %f2 : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%u2) : (memref<*xf32>) -> ()
  %f3 = memref.expand_shape %f [[0, 1, 2]] output_shape [2, 2, 4] : memref<16xf32> into memref<2x2x4xf32>
  %u3 = memref.cast %f3 : memref<2x2x4xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  %f4 = memref.expand_shape %f [[0, 1, 2, 3]] output_shape [2, 2, 2, 2] : memref<16xf32> into memref<2x2x2x2xf32>
  %u4 = memref.cast %f4 : memref<2x2x2x2xf32> to memref<*xf32>
  call @printMemrefF32(%u4) : (memref<*xf32>) -> ()
  // A view with an offset and strides: rows 1 and 3, columns 1 and 3.
  %v = memref.subview %f2[1, 1] [2, 2] [2, 2] : memref<4x4xf32> to memref<2x2xf32, strided<[8, 2], offset: 5>>
  %uv = memref.cast %v : memref<2x2xf32, strided<[8, 2], offset: 5>> to memref<*xf32>
  call @printMemrefF32(%uv) : (memref<*xf32>) -> ()
  // Size-1 dimensions, and rank 0.
  %one = memref.subview %f2[2, 0] [1, 3] [1, 1] : memref<4x4xf32> to memref<1x3xf32, strided<[4, 1], offset: 8>>
  %uone = memref.cast %one : memref<1x3xf32, strided<[4, 1], offset: 8>> to memref<*xf32>
  call @printMemrefF32(%uone) : (memref<*xf32>) -> ()
  %col = memref.subview %f2[0, 3] [4, 1] [1, 1] : memref<4x4xf32> to memref<4x1xf32, strided<[4, 1], offset: 3>>
  %ucol = memref.cast %col : memref<4x1xf32, strided<[4, 1], offset: 3>> to memref<*xf32>
  call @printMemrefF32(%ucol) : (memref<*xf32>) -> ()
  %s = memref.subview %f[11] [1] [1] : memref<16xf32> to memref<f32, strided<[], offset: 11>>
  %us = memref.cast %s : memref<f32, strided<[], offset: 11>> to memref<*xf32>
  call @printMemrefF32(%us) : (memref<*xf32>) -> ()
  // A dimension of size 0 inside one of size 2.
  %z = memref.subview %f2[0, 0] [2, 0] [1, 1] : memref<4x4xf32> to memref<2x0xf32, strided<[4, 1]>>
  %uz = memref.cast %z : memref<2x0xf32, strided<[4, 1]>> to memref<*xf32>
  call @printMemrefF32(%uz) : (memref<*xf32>) -> ()

  %d = memref.get_global @f64s : memref<12xf64>
  %ud = memref.cast %d : memref<12xf64> to memref<*xf64>
  call @printMemrefF64(%ud) : (memref<*xf64>) -> ()
  %d2 = memref.expand_shape %d [[0, 1]] output_shape [3, 4] : memref<12xf64> into memref<3x4xf64>
  %ud2 = memref.cast %d2 : memref<3x4xf64> to memref<*xf64>
  call @printMemrefF64(%ud2) : (memref<*xf64>) -> ()

  %i = memref.get_global @i32s : memref<6xi32>
  %ui = memref.cast %i : memref<6xi32> to memref<*xi32>
  call @printMemrefI32(%ui) : (memref<*xi32>) -> ()
  %i2 = memref.expand_shape %i [[0, 1]] output_shape [2, 3] : memref<6xi32> into memref<2x3xi32>
  %ui2 = memref.cast %i2 : memref<2x3xi32> to memref<*xi32>
  call @printMemrefI32(%ui2) : (memref<*xi32>) -> ()

  %l = memref.get_global @i64s : memref<6xi64>
  %ul = memref.cast %l : memref<6xi64> to memref<*xi64>
  call @printMemrefI64(%ul) : (memref<*xi64>) -> ()
  %l3 = memref.expand_shape %l [[0, 1, 2]] output_shape [3, 2, 1] : memref<6xi64> into memref<3x2x1xi64>
  %ul3 = memref.cast %l3 : memref<3x2x1xi64> to memref<*xi64>
  call @printMemrefI64(%ul3) : (memref<*xi64>) -> ()

  %n = memref.alloca() : memref<3xindex>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %big = arith.constant 9223372036854775807 : index
  %neg = arith.constant -5 : index
  memref.store %big, %n[%c0] : memref<3xindex>
  memref.store %neg, %n[%c1] : memref<3xindex>
  memref.store %c2, %n[%c2] : memref<3xindex>
  %un = memref.cast %n : memref<3xindex> to memref<*xindex>
  call @printMemrefInd(%un) : (memref<*xindex>) -> ()

  // Copies out of and into strided views (memrefCopy), rank 3 with a
  // reversed-order destination, rank 0, and an empty copy.
  %dst = memref.alloca() : memref<2x2xf32>
  memref.copy %v, %dst : memref<2x2xf32, strided<[8, 2], offset: 5>> to memref<2x2xf32>
  %udst = memref.cast %dst : memref<2x2xf32> to memref<*xf32>
  call @printMemrefF32(%udst) : (memref<*xf32>) -> ()
  %grid = memref.alloca() : memref<4x4xf32>
  %zero = arith.constant 0.5 : f32
  linalg.fill ins(%zero : f32) outs(%grid : memref<4x4xf32>)
  %into = memref.subview %grid[0, 1] [2, 2] [3, 2] : memref<4x4xf32> to memref<2x2xf32, strided<[12, 2], offset: 1>>
  memref.copy %dst, %into : memref<2x2xf32> to memref<2x2xf32, strided<[12, 2], offset: 1>>
  %ugrid = memref.cast %grid : memref<4x4xf32> to memref<*xf32>
  call @printMemrefF32(%ugrid) : (memref<*xf32>) -> ()
  %t3 = memref.alloca() : memref<2x2x4xf32>
  %t3v = memref.subview %t3[0, 0, 0] [2, 2, 4] [1, 1, 1] : memref<2x2x4xf32> to memref<2x2x4xf32, strided<[8, 4, 1]>>
  %src3 = memref.reinterpret_cast %f to offset: [0], sizes: [2, 2, 4], strides: [1, 2, 4] : memref<16xf32> to memref<2x2x4xf32, strided<[1, 2, 4]>>
  memref.copy %src3, %t3v : memref<2x2x4xf32, strided<[1, 2, 4]>> to memref<2x2x4xf32, strided<[8, 4, 1]>>
  %ut3 = memref.cast %t3 : memref<2x2x4xf32> to memref<*xf32>
  call @printMemrefF32(%ut3) : (memref<*xf32>) -> ()
  %s0 = memref.alloca() : memref<f32>
  %s0v = memref.subview %s0[] [] [] : memref<f32> to memref<f32, strided<[]>>
  memref.copy %s, %s0v : memref<f32, strided<[], offset: 11>> to memref<f32, strided<[]>>
  %us0 = memref.cast %s0 : memref<f32> to memref<*xf32>
  call @printMemrefF32(%us0) : (memref<*xf32>) -> ()
  %zd = memref.subview %grid[1, 0] [2, 0] [1, 1] : memref<4x4xf32> to memref<2x0xf32, strided<[4, 1], offset: 4>>
  memref.copy %z, %zd : memref<2x0xf32, strided<[4, 1]>> to memref<2x0xf32, strided<[4, 1], offset: 4>>
  call @printMemrefF32(%ugrid) : (memref<*xf32>) -> ()

  // Scalars, as vector.print lowers them.
  call @printOpen() : () -> ()
  scf.for %k = %c0 to %c2 step %c1 {
    %x = memref.load %f[%k] : memref<16xf32>
    func.call @printF32(%x) : (f32) -> ()
    func.call @printComma() : () -> ()
  }
  %inf = memref.load %f[%c2] : memref<16xf32>
  call @printF32(%inf) : (f32) -> ()
  call @printClose() : () -> ()
  call @printNewline() : () -> ()
  %c4 = arith.constant 4 : index
  %dn = memref.load %d[%c1] : memref<12xf64>
  call @printF64(%dn) : (f64) -> ()
  call @printComma() : () -> ()
  %dz = memref.load %d[%c4] : memref<12xf64>
  call @printF64(%dz) : (f64) -> ()
  call @printComma() : () -> ()
  %lm = memref.load %l[%c0] : memref<6xi64>
  call @printI64(%lm) : (i64) -> ()
  call @printComma() : () -> ()
  %c3 = arith.constant 3 : index
  %minus1 = memref.load %l[%c3] : memref<6xi64>
  call @printU64(%minus1) : (i64) -> ()
  call @printNewline() : () -> ()
  return
}
