// The `_mlir_ciface_` printing entry points, which calls to declarations
// with llvm.emit_c_interface use, and vector.print of a string and of
// scalars (printString, printF32, printI64, printU64, printNewline)
// (print.test).
func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}
func.func private @printMemrefF64(memref<*xf64>) attributes {llvm.emit_c_interface}
func.func private @printMemrefI32(memref<*xi32>) attributes {llvm.emit_c_interface}
func.func private @printMemrefI64(memref<*xi64>) attributes {llvm.emit_c_interface}
func.func private @printMemrefInd(memref<*xindex>) attributes {llvm.emit_c_interface}

memref.global "private" constant @f32s : memref<2x3xf32> = dense<[[0x7FC00000, -0.0, 1.5], [0xFF800000, 1.0e-40, 7.0]]>
memref.global "private" constant @f64s : memref<3xf64> = dense<[0xFFF8000000000000, 2.5e-310, 1.0e100]>
memref.global "private" constant @i32s : memref<3xi32> = dense<[-2147483648, 5, -6]>
memref.global "private" constant @i64s : memref<3xi64> = dense<[-9223372036854775808, 5, -6]>
memref.global "private" constant @inds : memref<2xindex> = dense<[-1, 3]>

func.func @main() {
  %f = memref.get_global @f32s : memref<2x3xf32>
  %uf = memref.cast %f : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%uf) : (memref<*xf32>) -> ()
  %d = memref.get_global @f64s : memref<3xf64>
  %ud = memref.cast %d : memref<3xf64> to memref<*xf64>
  call @printMemrefF64(%ud) : (memref<*xf64>) -> ()
  %i = memref.get_global @i32s : memref<3xi32>
  %ui = memref.cast %i : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%ui) : (memref<*xi32>) -> ()
  %l = memref.get_global @i64s : memref<3xi64>
  %ul = memref.cast %l : memref<3xi64> to memref<*xi64>
  call @printMemrefI64(%ul) : (memref<*xi64>) -> ()
  %n = memref.get_global @inds : memref<2xindex>
  %un = memref.cast %n : memref<2xindex> to memref<*xindex>
  call @printMemrefInd(%un) : (memref<*xindex>) -> ()
  vector.print str "scalars: "
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %nan = memref.load %f[%c0, %c0] : memref<2x3xf32>
  vector.print %nan : f32
  %ninf = memref.load %f[%c1, %c0] : memref<2x3xf32>
  vector.print %ninf : f32
  %seven = arith.constant 7 : index
  vector.print %seven : index
  %si = arith.constant -3 : i32
  vector.print %si : i32
  return
}
