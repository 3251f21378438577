// RUN: hspmd-opt %s --hspmd-gpu-merge-modules | FileCheck %s

// Outlining made one module per kernel, each kernel named after the host
// function; merged, each kernel takes its module's name and the launches
// follow. A callee copied into both modules is kept once.

// CHECK-LABEL: func.func @main
// CHECK: gpu.launch_func @hspmd_kernels::@main_kernel blocks
// CHECK: gpu.launch_func @hspmd_kernels::@main_kernel_0 blocks
// CHECK: gpu.module @hspmd_kernels {
// CHECK-NEXT: func.func @helper
// CHECK-NOT: func.func @helper
// CHECK: gpu.func @main_kernel(%{{.*}}: memref<4xf32>) kernel
// CHECK: gpu.func @main_kernel_0(%{{.*}}: memref<4xf32>) kernel
// CHECK-NOT: gpu.module
module attributes {gpu.container_module} {
  func.func @main(%a: memref<4xf32>) {
    %c1 = arith.constant 1 : index
    gpu.launch_func @main_kernel::@main_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<4xf32>)
    gpu.launch_func @main_kernel_0::@main_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<4xf32>)
    return
  }
  gpu.module @main_kernel {
    func.func @helper(%x: f32) -> f32 {
      return %x : f32
    }
    gpu.func @main_kernel(%a: memref<4xf32>) kernel {
      gpu.return
    }
  }
  gpu.module @main_kernel_0 {
    func.func @helper(%x: f32) -> f32 {
      return %x : f32
    }
    gpu.func @main_kernel(%a: memref<4xf32>) kernel {
      gpu.return
    }
  }
}
