// An scf.index_switch with a case that prints (run as one, on device 0)
// yielding one of two plain allocations: they live on device 0.
// (outside6.test)
#a = #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>
func.func private @printMemrefF32(memref<*xf32>)
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %x0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : tensor<8xf32>
  %x = hspmd.annotate %x0 as #a : tensor<8xf32>
  %e = tensor.extract %x[%c1] : tensor<8xf32>
  %ei = arith.fptosi %e : f32 to i32
  %k = arith.index_cast %ei : i32 to index
  %L = memref.alloc() : memref<2xf32>
  linalg.fill ins(%zero : f32) outs(%L : memref<2xf32>)
  %M = memref.alloc() : memref<2xf32>
  linalg.fill ins(%zero : f32) outs(%M : memref<2xf32>)
  %m = scf.index_switch %k -> memref<2xf32>
  case 5 {
    scf.yield %M : memref<2xf32>
  }
  default {
    vector.print %e : f32
    scf.yield %L : memref<2xf32>
  }
  memref.store %e, %m[%c0] : memref<2xf32>
  %l = memref.load %L[%c0] : memref<2xf32>
  %em = tensor.empty() : tensor<8xf32>
  %f = linalg.fill ins(%l : f32) outs(%em : tensor<8xf32>) -> tensor<8xf32>
  %fa = hspmd.annotate %f as #a : tensor<8xf32>
  %z = arith.addf %fa, %x : tensor<8xf32>
  %bb = bufferization.to_buffer %z : tensor<8xf32> to memref<8xf32>
  %u = memref.cast %bb : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
