// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize %s 2>/dev/null | FileCheck %s

// A call with effects and no tensor operands runs on device 0 only
// (Semantics.md "Where ops run"), unless it says it runs on every device.
// CHECK-LABEL: func.func private @main_device0()
// CHECK: call @everywhere()
// CHECK: call @once()
// CHECK-LABEL: func.func private @main_device1()
// CHECK: call @everywhere()
// CHECK-NOT: call @once()
// CHECK: return
func.func private @everywhere()
func.func private @once()
func.func @main() {
  %e = tensor.empty() : tensor<4xf32>
  %x = hspmd.annotate %e as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  call @everywhere() {hspmd.on_all_devices} : () -> ()
  call @once() : () -> ()
  return
}
