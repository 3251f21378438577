// RUN: not hspmd-opt --hspmd-import-cluster=file=%S/Inputs/bad-range.json %s 2>&1 | FileCheck %s --check-prefix=RANGE
// RANGE: error: cluster file '{{.*}}bad-range.json': ranks[1]: starts at rank 5, expected 4 (ranges cover 0..N-1 in order)
// RUN: not hspmd-opt --hspmd-import-cluster=file=%S/Inputs/bad-kind.json %s 2>&1 | FileCheck %s --check-prefix=KIND
// KIND: error: cluster file '{{.*}}bad-kind.json': ranks[0].kind: unknown device kind "B200"
// RUN: not hspmd-opt --hspmd-import-cluster=file=%S/Inputs/bad-syntax.json %s 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: error: cluster file '{{.*}}bad-syntax.json': [{{[0-9]+}}:{{[0-9]+}}, byte={{[0-9]+}}]: Expected , or } after object property
// RUN: not hspmd-opt --hspmd-import-cluster=file=%S/Inputs/no-such-file.json %s 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: cannot read cluster file '{{.*}}no-such-file.json'
// RUN: not hspmd-opt --hspmd-import-cluster=name=4xB200 %s 2>&1 | FileCheck %s --check-prefix=NAME
// NAME: error: unknown cluster name '4xB200'
// RUN: not hspmd-opt --hspmd-export-cluster %s 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: error: the module has no cluster description; run --hspmd-import-cluster first
// RUN: not hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-export-cluster=file=%t.missing/c.json %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNWRITABLE
// UNWRITABLE: error: cannot write '{{.*}}.missing/c.json': {{.+}}
// RUN: not hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-export-cluster=file=/dev/full %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FULL
// FULL: error: cannot write '/dev/full': {{.+}}
module {}
