// RUN: not hspmd-opt --hspmd-propagate --hspmd-resolve-comm "--hspmd-specialize=device=9" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ABSENT
// RUN: not hspmd-opt --hspmd-propagate --hspmd-resolve-comm "--hspmd-specialize=device=-5" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm "--hspmd-specialize=device=1" %s | FileCheck %s --check-prefix=ONE
// `device=N` writes one device's programs; a device the program does not
// use (it once gave an empty module) or a negative id other than -1 (once
// every device) is an error.

// ABSENT: error: --hspmd-specialize: device 9 runs no part of this program
// NEGATIVE: error: --hspmd-specialize: device=-5 is not a device id (-1 writes every device's programs)
// ONE: func.func private @main_device1
// ONE-NOT: @main_device0
func.func @main() {
  %x0 = arith.constant dense<1.0> : tensor<4xf32>
  %x = hspmd.annotate %x0 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<4xf32>
  %y = arith.addf %x, %x : tensor<4xf32>
  return
}
