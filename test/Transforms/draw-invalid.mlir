// Errors of --hspmd-draw, each located like --hspmd-comm-report's.
// RUN: not hspmd-opt --hspmd-draw="format=svg" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FORMAT
// RUN: not hspmd-opt --hspmd-draw="format=text value=1" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=VALUE
// RUN: not hspmd-opt --hspmd-draw="format=text value=-1" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NEGATIVE
// RUN: rm -rf %t.missing
// RUN: not hspmd-opt --hspmd-draw="file=%t.missing/page.html" %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FILE
// A write that fails (a full disk) is an error too, not a lost page.
// RUN: not hspmd-opt --hspmd-draw="file=/dev/full" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FULL
// A reshard's plan needs its source: like --hspmd-comm-report, an error at
// the reshard, and no page.
// RUN: not hspmd-opt --hspmd-draw="file=%t.unknown.html" %S/Inputs/unknown-source.mlir -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN
// RUN: not test -e %t.unknown.html

// FORMAT: error: --hspmd-draw: unknown format 'svg', expected 'html' or 'text'
// VALUE: error: --hspmd-draw: value=1, but the module has 1 placed tensor (numbered from 0)
// NEGATIVE: error: --hspmd-draw: value=-1, but the module has 1 placed tensor (numbered from 0)
// FILE: error: --hspmd-draw: cannot write '{{.*}}.missing/page.html':
// FULL: error: --hspmd-draw: cannot write '/dev/full': {{.+}}
// UNKNOWN: unknown-source.mlir:3:8: error: the placement of the operand is unknown: annotate it, or run --hspmd-propagate first

func.func @one(%x: tensor<8xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>}) -> tensor<8xf32> {
  return %x : tensor<8xf32>
}
