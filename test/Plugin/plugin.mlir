// Stock mlir-opt from LLVM 22 loads hspmd as a dialect and pass plugin.
// RUN: %mlir_opt --load-dialect-plugin=%hspmd_plugin --load-pass-plugin=%hspmd_plugin %s | FileCheck %s
// RUN: %mlir_opt --load-dialect-plugin=%hspmd_plugin %s > %t.1.mlir
// RUN: %mlir_opt --load-dialect-plugin=%hspmd_plugin %t.1.mlir > %t.2.mlir
// RUN: diff %t.1.mlir %t.2.mlir
// The passes are reachable by name in a pass pipeline.
// RUN: %mlir_opt --load-dialect-plugin=%hspmd_plugin --load-pass-plugin=%hspmd_plugin \
// RUN:   --pass-pipeline='builtin.module(hspmd-print-layout)' %s -o /dev/null \
// RUN:   | FileCheck %s --check-prefix=LAYOUT
// The plugin's verifiers run in stock mlir-opt too.
// RUN: not %mlir_opt --load-dialect-plugin=%hspmd_plugin %S/Inputs/bad.mlir 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD
// Without the plugin, stock mlir-opt does not know the dialect.
// RUN: not %mlir_opt %s 2>&1 | FileCheck %s --check-prefix=NOPLUGIN

// CHECK-LABEL: func.func @f
// CHECK-SAME: {hspmd.sharding = #hspmd.sharding<hetero = d0, weights = [3, 1], groups = {{\[\[}}0, 1] : [dup = 2], [2] : []]>}
// CHECK: hspmd.annotate %{{.*}} as #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<16x8xf32>
// CHECK: hspmd.all_reduce %{{.*}} groups {{\[}}[0, 1, 2]] : tensor<16x8xf32>

// LAYOUT: @f argument #0
// LAYOUT-NEXT: tensor<16x8xf32> placed #hspmd.sharding<hetero = d0, weights = [3, 1], groups = {{\[\[}}0, 1] : [dup = 2], [2] : []]>
// LAYOUT-NEXT: device 0: [0, 12) x [0, 8) -> tensor<12x8xf32>
// LAYOUT-NEXT: device 1: [0, 12) x [0, 8) -> tensor<12x8xf32>
// LAYOUT-NEXT: device 2: [12, 16) x [0, 8) -> tensor<4x8xf32>

// BAD: error: invalid #hspmd.sharding<[0, 0] : [d0 = 2]>: device 0 appears more than once

// NOPLUGIN: attribute created with unregistered dialect

func.func @f(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]>}) -> tensor<16x8xf32> {
  %0 = hspmd.annotate %x as #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<16x8xf32>
  %1 = hspmd.all_reduce %0 groups [[0, 1, 2]] : tensor<16x8xf32>
  return %1 : tensor<16x8xf32>
}
