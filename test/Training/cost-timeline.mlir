// --hspmd-cost-report's schedule with dependencies (docs/CostModel.md, "The
// cost report" and "Timelines"): `predicted step time with dependencies`,
// and with timeline=FILE the schedule as one self-contained SVG file, a row
// per stage; Inputs/check_cost_timeline.py checks its invariants.
//
// (a) A 2-stage pipeline on one H800 node: a 64x64 matmul by rows on
// devices 0 and 1, its result sent to devices 2 and 3 (the same split), and
// another matmul there. Every device computes the same local shapes: a fill
// of its 32x64 f32 accumulator (8192 bytes at 3.35e12 B/s = 2.445e-09 s)
// and a 32x64x64 matmul (2 * 32 * 64 * 64 FLOPs at 9.89e14 * 0.6 FLOP/s =
// 4.418e-10 s), c = 2.887e-09 s in all; each sends or receives one 8192-byte
// message, t = 8.053e-06 s. So each stage's own sum is c + t = 8.056e-06 s
// (the predicted step time), but stage 1 cannot receive before stage 0 has
// computed what it sends: stage 1 idles for c, receives until c + t, and
// only then computes (program order: its fill comes after the reshard), so
// the step with dependencies is c + t + c = 8.059e-06 s, more than either
// stage's sum.
// RUN: hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-cost-report=timeline=%t.pipe.svg %s -o /dev/null 2> %t.pipe.txt
// RUN: FileCheck %s --check-prefix=PIPE-TABLE < %t.pipe.txt
// PIPE-TABLE: stage 0: devices 0, 1: 8.056e-06 s
// PIPE-TABLE-NEXT: stage 1: devices 2, 3: 8.056e-06 s
// PIPE-TABLE-NEXT: predicted step time: 8.056e-06 s
// PIPE-TABLE-NEXT: predicted step time with dependencies: 8.059e-06 s
// RUN: FileCheck %s --check-prefix=PIPE < %t.pipe.svg
// PIPE: <svg xmlns="http://www.w3.org/2000/svg" {{.*}} data-step-seconds="[[STEP:[0-9.e-]+]]" {{.*}} data-stages="2">
// PIPE: <text class="title" {{.*}}>predicted step with dependencies: 8.059e-06 s · compute + communication summed: 8.056e-06 s</text>
// PIPE: <g class="stage" data-stage="0" data-devices="0-1" data-kinds="H800" data-summed="[[SUM:[0-9.e-]+]]" data-end="[[SUM]]">
// PIPE: stage 0 · H800
// PIPE-NEXT: devices 0-1
// PIPE: <rect class="compute" {{.*}} data-id="op2" data-op="linalg.fill" data-after="" data-start="0"
// PIPE-NEXT: <rect class="compute" {{.*}} data-id="op4" data-op="linalg.matmul" data-after="op2@0" data-start="{{[0-9.e-]+}}" data-end="[[C:[0-9.e-]+]]"><title>linalg.matmul (op4) at loc({{.*}}cost-timeline.mlir&quot;:{{[0-9]+}}:9): 4.418e-10 s</title></rect>
// PIPE-NEXT: <rect class="comm send_recv" {{.*}} data-id="r0.s0" data-kind="send_recv" data-after="op4@0" data-start="[[C]]" data-end="[[SUM]]">
// Stage 1 waits for stage 0's matmul, receives, then computes after the
// message arrived; its last box ends at the step.
// PIPE: <g class="stage" data-stage="1" data-devices="2-3" data-kinds="H800" data-summed="[[SUM]]" data-end="[[STEP]]">
// PIPE: <rect class="idle" {{.*}} data-start="0" data-end="[[C]]"/>
// PIPE-NEXT: <rect class="comm send_recv" {{.*}} data-id="r0.s0" data-kind="send_recv" data-after="op4@0" data-start="[[C]]" data-end="[[SUM]]">
// PIPE-NEXT: <rect class="compute" {{.*}} data-op="linalg.fill" data-after="" data-start="[[SUM]]"
// PIPE-NEXT: <rect class="compute" {{.*}} data-op="linalg.matmul" data-after="r0.s0@2 op7@2" data-start="{{[0-9.e-]+}}" data-end="[[STEP]]">
// PIPE: <g class="legend">
// PIPE: send/receive
// PIPE: idle (waiting)
// RUN: %python %S/Inputs/check_cost_timeline.py %t.pipe.svg | FileCheck %s --check-prefix=PIPE-OK
// PIPE-OK: ok: 2 rows, 4 compute, 2 comm, 2 idle, 5 dependencies, 1 compute after communication; step 8.059e-06 s
// PIPE-OK-NEXT: step with dependencies > every row's summed time
// RUN: hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-cost-report=format=json %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=PIPE-JSON
// (Keys are sorted: the top-level step_s is the one after the stages with a
// comma.)
// PIPE-JSON: "stages": [
// PIPE-JSON: "step_s": 8.0557{{[0-9]*}}e-06,
// PIPE-JSON-NEXT: "step_with_dependencies_s": 8.0586{{[0-9]*}}e-06
//
// (b) Data parallel (cost-report.mlir: the same matmul on devices 0 and 1,
// then an all-reduce between them). Both devices run the same ops at the
// same times, so the all-reduce finds both free at once: nobody waits, and
// the step with dependencies is each device's compute + communication, the
// predicted step time.
// RUN: hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-cost-report=timeline=%t.dp.svg %S/cost-report.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=DP
// DP: predicted step time: [[DPSTEP:[0-9.e+-]+]] s
// DP-NEXT: predicted step time with dependencies: [[DPSTEP]] s
// RUN: FileCheck %s --check-prefix=DP-SVG < %t.dp.svg
// DP-SVG: <g class="stage" data-stage="0" data-devices="0-1"
// DP-SVG-NOT: class="idle"
// DP-SVG: <rect class="comm all_reduce" {{.*}} data-id="r0.s0" data-kind="all_reduce" data-after="op4@0 op4@1"
// DP-SVG-NOT: class="idle"
// DP-SVG: </svg>
// RUN: %python %S/Inputs/check_cost_timeline.py %t.dp.svg | FileCheck %s --check-prefix=DP-OK
// DP-OK: ok: 1 rows, 2 compute, 1 comm, 0 idle
// DP-OK-NEXT: step with dependencies = the largest summed time of a row
//
// (c) The heterogeneous MLP on 7 H20 devices, placed: one stage whose
// devices do different communication, so a row per device.
// RUN: hspmd-opt --hspmd-import-cluster=name=24xH20 --hspmd-propagate --hspmd-cost-report=timeline=%t.mlp.svg %S/../../examples/hetero-mlp.mlir -o /dev/null 2> /dev/null
// RUN: %python %S/Inputs/check_cost_timeline.py %t.mlp.svg | FileCheck %s --check-prefix=MLP-OK
// MLP-OK: ok: 7 rows,
// RUN: FileCheck %s --check-prefix=MLP < %t.mlp.svg
// MLP: stage 0 · H20
// MLP-NEXT: devices 0 of 0-6
//
// (d) The checker fails on a broken file: the reshard step that stage 1's
// matmul waits for moved after it (the row still tiles), and a script.
// RUN: %python %S/Inputs/corrupt_timeline.py comm-late %t.pipe.svg %t.bad.svg
// RUN: not %python %S/Inputs/check_cost_timeline.py %t.bad.svg | FileCheck %s --check-prefix=BAD-DEP
// BAD-DEP: error: dependency: <rect class="compute" {{.*}}> op9 starts at {{[0-9.e-]+}}, before r0.s0@2 ends
// RUN: %python %S/Inputs/corrupt_timeline.py script %t.pipe.svg %t.bad.svg
// RUN: not %python %S/Inputs/check_cost_timeline.py %t.bad.svg | FileCheck %s --check-prefix=BAD-SCRIPT
// BAD-SCRIPT: error: the file contains a <script>
//
// (e) A file that cannot be written: an error naming it.
// RUN: not hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-cost-report=timeline=%t.no-such-dir/x.svg %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNWRITABLE
// UNWRITABLE: error: --hspmd-cost-report: cannot write the timeline to '{{.*}}no-such-dir/x.svg': {{.+}}
// RUN: not hspmd-opt --hspmd-import-cluster=name=8xH800 --hspmd-cost-report=timeline=/dev/full %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=FULL
// FULL: error: --hspmd-cost-report: cannot write the timeline to '/dev/full': {{.+}}

func.func @pipe(%x: tensor<64x64xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d0 = 2]>},
                %w1: tensor<64x64xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [dup = 2]>},
                %w2: tensor<64x64xf32> {hspmd.sharding = #hspmd.sharding<[2, 3] : [dup = 2]>}) -> tensor<64x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<64x64xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<64x64xf32>) -> tensor<64x64xf32>
  %f1a = hspmd.annotate %f1 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<64x64xf32>
  %h1 = linalg.matmul ins(%x, %w1 : tensor<64x64xf32>, tensor<64x64xf32>) outs(%f1a : tensor<64x64xf32>) -> tensor<64x64xf32>
  %h1a = hspmd.annotate %h1 as #hspmd.sharding<[0, 1] : [d0 = 2]> : tensor<64x64xf32>
  %h1s = hspmd.reshard %h1a to #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<64x64xf32>
  %e2 = tensor.empty() : tensor<64x64xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<64x64xf32>) -> tensor<64x64xf32>
  %f2a = hspmd.annotate %f2 as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<64x64xf32>
  %h2 = linalg.matmul ins(%h1s, %w2 : tensor<64x64xf32>, tensor<64x64xf32>) outs(%f2a : tensor<64x64xf32>) -> tensor<64x64xf32>
  %h2a = hspmd.annotate %h2 as #hspmd.sharding<[2, 3] : [d0 = 2]> : tensor<64x64xf32>
  return %h2a : tensor<64x64xf32>
}
