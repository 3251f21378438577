// f64 hetero/partial carry, i64 Collatz-style carry with i1 mask select, f16 carry, in one scf.for; 8 ranks with idle devices.
#a = #hspmd.sharding<hetero = d0, weights = [1, 2], groups = [[5] : [], [1, 3, 6, 7] : [d0 = 2, partial = 2]]>
#b = #hspmd.sharding<hetero = d0, weights = [2, 1], groups = [[0, 2] : [dup = 2], [4] : []]>
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI64(memref<*xi64>)
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %d0 = arith.constant dense<[1.5, -2.25, 3.0, 0.125, 7.0, -1.0]> : tensor<6xf64>
  %i0 = arith.constant dense<[3, 1, 4, 1, 5, 9]> : tensor<6xi64>
  %h0 = arith.constant dense<[0.5, 1.5, -2.0, 4.0, 0.25, 3.0]> : tensor<6xf16>
  %d = hspmd.annotate %d0 as #a : tensor<6xf64>
  %i = hspmd.annotate %i0 as #b : tensor<6xi64>
  %h = hspmd.annotate %h0 as #a : tensor<6xf16>
  %r:3 = scf.for %k = %c0 to %c4 step %c1 iter_args(%x = %d, %y = %i, %z = %h) -> (tensor<6xf64>, tensor<6xi64>, tensor<6xf16>) {
    %three = arith.constant dense<3> : tensor<6xi64>
    %two = arith.constant dense<2> : tensor<6xi64>
    %m = arith.remsi %y, %two : tensor<6xi64>
    %one = arith.constant dense<1> : tensor<6xi64>
    %isodd = arith.cmpi eq, %m, %one : tensor<6xi64>
    %t3 = arith.muli %y, %three : tensor<6xi64>
    %t3p = arith.addi %t3, %one : tensor<6xi64>
    %half = arith.divsi %y, %two : tensor<6xi64>
    %ny = arith.select %isodd, %t3p, %half : tensor<6xi1>, tensor<6xi64>
    %yf = arith.sitofp %ny : tensor<6xi64> to tensor<6xf64>
    %nx = arith.addf %x, %yf : tensor<6xf64>
    %nxa = hspmd.annotate %nx as #a : tensor<6xf64>
    %zz = arith.mulf %z, %z : tensor<6xf16>
    %zh = arith.constant dense<0.5> : tensor<6xf16>
    %zn = arith.mulf %zz, %zh : tensor<6xf16>
    %zna = hspmd.annotate %zn as #b : tensor<6xf16>
    scf.yield %nxa, %ny, %zna : tensor<6xf64>, tensor<6xi64>, tensor<6xf16>
  }
  %b = bufferization.to_buffer %r#0 : tensor<6xf64> to memref<6xf64>
  %u = memref.cast %b : memref<6xf64> to memref<*xf64>
  call @printMemrefF64(%u) : (memref<*xf64>) -> ()
  %b2 = bufferization.to_buffer %r#1 : tensor<6xi64> to memref<6xi64>
  %u2 = memref.cast %b2 : memref<6xi64> to memref<*xi64>
  call @printMemrefI64(%u2) : (memref<*xi64>) -> ()
  %zf = arith.extf %r#2 : tensor<6xf16> to tensor<6xf32>
  %b3 = bufferization.to_buffer %zf : tensor<6xf32> to memref<6xf32>
  %u3 = memref.cast %b3 : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  return
}
