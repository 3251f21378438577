// RUN: not hspmd-opt --hspmd-cost-report %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not hspmd-opt --hspmd-export-cluster %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=EXPORT
// A file of several top-level modules (the parser wraps them in a module at
// line 0): the error points at the first of them, not at line 0.
// CHECK: cluster-missing-multi.mlir:7:1: error: --hspmd-cost-report needs a cluster description; run --hspmd-import-cluster first
// EXPORT: cluster-missing-multi.mlir:7:1: error: the module has no cluster description; run --hspmd-import-cluster first
module {}
module {}
