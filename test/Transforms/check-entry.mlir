// RUN: hspmd-opt --hspmd-check-entry %s | FileCheck %s

// An entry point as hspmd-run wants it passes unchanged.
// CHECK: func.func @main()
func.func @main() {
  return
}
