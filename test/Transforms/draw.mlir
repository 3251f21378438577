// RUN: hspmd-opt --hspmd-draw="file=%t.html" %s -o /dev/null
// RUN: FileCheck %s < %t.html
// `file` defaults to standard output.
// RUN: hspmd-opt --hspmd-draw %s -o /dev/null | FileCheck %s
// The pass leaves the IR as it was.
// RUN: hspmd-opt --hspmd-draw="file=%t.2.html" %s -o %t.a.mlir && hspmd-opt %s -o %t.b.mlir
// RUN: diff %t.a.mlir %t.b.mlir
// The page is self-contained: no script, nothing fetched.
// RUN: FileCheck %s --check-prefix=SELF < %t.html
// SELF-NOT: <script
// SELF-NOT: src=
// SELF-NOT: href=
// SELF-NOT: @import
// SELF-NOT: url(
// After --hspmd-specialize, the devices sharing each device program are
// the cases of @main's dispatch calling it.
// RUN: hspmd-opt --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize %S/Inputs/draw-main.mlir 2>/dev/null \
// RUN:   | hspmd-opt --hspmd-draw -o /dev/null | FileCheck %s --check-prefix=SPEC

// How the expectations were derived. A picture's longer side is 480 px, at
// most 40 px per element, plus a 2 px margin: a 16x8 tensor is 30 px per
// element, 240 x 480 px. Blocks are the boxes of Semantics.md "Two tiers";
// the traffic numbers are --hspmd-comm-report's (test/Transforms/
// comm-report.mlir, C14 and C1), the lower bounds those of Semantics.md
// "Lower bound". One row of 8 f32 is 32 bytes.

// CHECK: <!DOCTYPE html>
// CHECK: <style>
// CHECK: <p>5 placed tensors, numbered in the order they appear

// #0: weights 3:1 cut 16 rows into 12 (group 0: devices 0 and 1, one
// block listing both) and 4 (group 1: device 2): rects 360 and 120 px tall.
// CHECK: <section class="tensor" id="t0">
// CHECK-NEXT: <h2>#0 @weights argument #0</h2>
// CHECK-NEXT: <p class="where">at {{.*}}draw.mlir:{{[0-9]+}}:{{[0-9]+}}: <code>tensor&lt;16x8xf32&gt;</code> placed <code>#hspmd.sharding&lt;hetero = d0, weights = [3, 1], groups = {{\[\[}}0, 1] : [dup = 2], [2] : []]&gt;</code></p>
// CHECK-NEXT: <div class="picture">
// CHECK-NEXT: <figure class="panel">
// CHECK-NEXT: <svg xmlns="http://www.w3.org/2000/svg" width="244.0" height="484.0" viewBox="0 0 244.0 484.0">
// CHECK-NEXT: <g class="block" data-group="0" data-devices="0,1"><title>devices 0,1: [0, 12) x [0, 8), group 0</title><rect x="2.0" y="2.0" width="240.0" height="360.0" fill="#8dd3c7"/><text class="label" x="122.0" y="182.0">0,1</text></g>
// CHECK-NEXT: <g class="block" data-group="1" data-devices="2"><title>device 2: [12, 16) x [0, 8), group 1</title><rect x="2.0" y="362.0" width="240.0" height="120.0" fill="#ffffb3"/><text class="label" x="122.0" y="422.0">2</text></g>
// CHECK-NEXT: </svg>
// CHECK-NEXT: </figure>
// CHECK-NEXT: </div>
// CHECK-NEXT: <ul class="legend">
// CHECK-NEXT: <li><span class="swatch" style="background:#8dd3c7"></span>group 0: devices 0,1, axes [dup = 2]</li>
// CHECK-NEXT: <li><span class="swatch" style="background:#ffffb3"></span>group 1: devices 2, axes []</li>
// CHECK-NEXT: </ul>
// CHECK-NEXT: </section>

// #1: the reshard to [0, 1, 2] : [dup = 3], C14 of comm-report.mlir: the
// source drawn as #0, the destination one block held by 0-2; 2 sends rows
// 12-15 to 0 and to 1, 0 and 1 send rows 0-11 to 2 (640 bytes in all, the
// lower bound).
// CHECK: <section class="reshard" id="t1">
// CHECK-NEXT: <h2>#1 hspmd.reshard in @weights</h2>
// CHECK-NEXT: <p class="where">at {{.*}}draw.mlir:{{[0-9]+}}:8: <code>tensor&lt;16x8xf32&gt;</code></p>
// CHECK-NEXT: <div class="sides">
// CHECK-NEXT: <div class="side source">
// CHECK-NEXT: <h3>from <code>#hspmd.sharding&lt;hetero = d0, weights = [3, 1]
// CHECK: data-devices="0,1"><title>devices 0,1: [0, 12) x [0, 8)
// CHECK: <div class="side destination">
// CHECK-NEXT: <h3>to <code>#hspmd.sharding&lt;[0, 1, 2] : [dup = 3]&gt;</code></h3>
// CHECK-NEXT: <div class="picture">
// CHECK-NEXT: <figure class="panel">
// CHECK-NEXT: <svg
// CHECK-NEXT: <g class="block" data-group="0" data-devices="0-2"><title>devices 0-2: [0, 16) x [0, 8), group 0</title><rect x="2.0" y="2.0" width="240.0" height="480.0" fill="#8dd3c7"/><text class="label" x="122.0" y="242.0">0-2</text></g>
// CHECK-NEXT: </svg>
// CHECK: <h3>Bytes per device</h3>
// CHECK-NEXT: <table class="traffic">
// CHECK-NEXT: <tr><th>device</th><th>sent</th><th>received</th><th>messages</th><th>lower bound</th></tr>
// CHECK-NEXT: <tr><td>0</td><td>256</td><td>128</td><td>1</td><td>128</td></tr>
// CHECK-NEXT: <tr><td>1</td><td>128</td><td>128</td><td>1</td><td>128</td></tr>
// CHECK-NEXT: <tr><td>2</td><td>256</td><td>384</td><td>2</td><td>384</td></tr>
// CHECK-NEXT: </table>
// CHECK-NEXT: <p class="totals">total received 640 bytes, lower bound 640 bytes (ratio 1.00)</p>
// No partial source: the combining bound is the lower bounds summed, and
// the busiest-device bound device 2's 384 (640 over 3 devices is less).
// CHECK-NEXT: <p class="bounds">combining bound 640 bytes (the lower bounds summed) (ratio 1.00); busiest device received 384 bytes, busiest-device bound 384 bytes (ratio 1.00)</p>
// CHECK-NEXT: <h3>Plan</h3>
// CHECK-NEXT: <pre class="plan">plan (point-to-point): 1 step
// CHECK-NEXT:   step 0: send_recv
// CHECK: </pre>
// CHECK-NEXT: </section>
func.func @weights(%x: tensor<16x8xf32> {hspmd.sharding = #hspmd.sharding<hetero = d0, weights = [3, 1], groups = [[0, 1] : [dup = 2], [2] : []]>}) -> tensor<16x8xf32> {
  %0 = hspmd.reshard %x to #hspmd.sharding<[0, 1, 2] : [dup = 3]> : tensor<16x8xf32>
  return %0 : tensor<16x8xf32>
}

// #2: summands. [d0 = 2, partial = 2] over 0-3: rows 0-7 are x0 + x1 (held
// by 0 and 1), rows 8-15 x2 + x3. Devices at coordinate 0 of the partial
// axis (0 and 2) are the keepers, class 0, in front at the margin; class 1
// (1 and 3) is the sheet behind, 8 px down and right; the SVG grows by 8.
// CHECK: <section class="tensor" id="t2">
// CHECK-NEXT: <h2>#2 hspmd.annotate in @summands</h2>
// CHECK: <svg xmlns="http://www.w3.org/2000/svg" width="252.0" height="492.0" viewBox="0 0 252.0 492.0">
// CHECK-NEXT: <g class="block summand" data-group="0" data-devices="1"><title>device 1: [0, 8) x [0, 8), group 0, summand class 1 (zeros for a new value)</title><rect x="10.0" y="10.0" width="240.0" height="240.0" fill="#8dd3c7"/><text class="label" x="130.0" y="130.0">1</text></g>
// CHECK-NEXT: <g class="block summand" data-group="0" data-devices="3"><title>device 3: [8, 16) x [0, 8), group 0, summand class 1 (zeros for a new value)</title><rect x="10.0" y="250.0" width="240.0" height="240.0"
// CHECK-NEXT: <g class="block summand keeper" data-group="0" data-devices="0"><title>device 0: [0, 8) x [0, 8), group 0, summand class 0 (keepers: they hold a new value placed this way)</title><rect x="2.0" y="2.0" width="240.0" height="240.0" fill="#8dd3c7"/><text class="label" x="122.0" y="122.0">0+1</text><text class="keeper-mark" x="4.0" y="13.0">★</text></g>
// CHECK-NEXT: <g class="block summand keeper" data-group="0" data-devices="2"><title>device 2: [8, 16) x [0, 8), group 0, summand class 0 {{.*}}</title><rect x="2.0" y="242.0" width="240.0" height="240.0" fill="#8dd3c7"/><text class="label" x="122.0" y="362.0">2+3</text>
// CHECK-NEXT: </svg>
// CHECK: <p class="note">summands: the summand classes of a block are stacked sheets

// #3: the all-reduce to [d0 = 2, dup = 2] (C1 of comm-report.mlir on 16
// rows): each device needs its 8-row block (256 bytes) whole; a ring over
// 2 moves the block once each way.
// CHECK: <section class="reshard" id="t3">
// CHECK: <div class="side destination">
// CHECK: data-devices="0,1"><title>devices 0,1: [0, 8) x [0, 8), group 0</title>
// CHECK-NEXT: data-devices="2,3"><title>devices 2,3: [8, 16) x [0, 8), group 0</title>
// CHECK: <tr><td>0</td><td>256</td><td>256</td><td>2</td><td>256</td></tr>
// CHECK-NEXT: <tr><td>1</td><td>256</td><td>256</td><td>2</td><td>256</td></tr>
// CHECK-NEXT: <tr><td>2</td><td>256</td><td>256</td><td>2</td><td>256</td></tr>
// CHECK-NEXT: <tr><td>3</td><td>256</td><td>256</td><td>2</td><td>256</td></tr>
// CHECK-NEXT: </table>
// CHECK-NEXT: <p class="totals">total received 1024 bytes, lower bound 1024 bytes (ratio 1.00)</p>
// CHECK: <pre class="plan">plan (all-reduce): 1 step
// CHECK-NEXT:   step 0: all_reduce
func.func @summands(%y: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %0 = hspmd.annotate %y as #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, partial = 2]> : tensor<16x8xf32>
  %1 = hspmd.reshard %0 to #hspmd.sharding<[0, 1, 2, 3] : [d0 = 2, dup = 2]> : tensor<16x8xf32>
  return %1 : tensor<16x8xf32>
}

// #4: rank 3, 2x4x6 split along dimension 1: the 8 folded rows are
// (i0, i1) -> 4 * i0 + i1, so device 0 holds rows 0-1 and 4-5 (two strips
// of one block), device 1 rows 2-3 and 6-7. 8 rows: 40 px per element.
// CHECK: <section class="tensor" id="t4">
// CHECK: <p class="note">rank 3: the rows are dimensions 0-1 flattened row-major (2 x 4 = 8 rows), the columns dimension 2</p>
// CHECK-NEXT: <div class="picture">
// CHECK-NEXT: <figure class="panel">
// CHECK-NEXT: <svg xmlns="http://www.w3.org/2000/svg" width="244.0" height="324.0"
// CHECK-NEXT: <g class="block" data-group="0" data-devices="0"><title>device 0: [0, 2) x [0, 2) x [0, 6), group 0</title><rect x="2.0" y="2.0" width="240.0" height="80.0" fill="#8dd3c7"/><rect x="2.0" y="162.0" width="240.0" height="80.0" fill="#8dd3c7"/><text class="label" x="122.0" y="42.0">0</text></g>
// CHECK-NEXT: <g class="block" data-group="0" data-devices="1"><title>device 1: [0, 2) x [2, 4) x [0, 6), group 0</title><rect x="2.0" y="82.0" width="240.0" height="80.0" fill="#8dd3c7"/><rect x="2.0" y="242.0" width="240.0" height="80.0" fill="#8dd3c7"/>
func.func @fold(%z: tensor<2x4x6xf32> {hspmd.sharding = #hspmd.sharding<[0, 1] : [d1 = 2]>}) -> tensor<2x4x6xf32> {
  return %z : tensor<2x4x6xf32>
}

// Devices by the shape of their block of every placed tensor: 0 and 1
// hold 12x8, 16x8, 8x8, 8x8, 2x2x6; 2 holds 4x8 of #0 and nothing of #4;
// 3 holds nothing of #0, #1 and #4.
// CHECK: <section class="device-classes">
// CHECK-NEXT: <h2>Device programs</h2>
// CHECK-NEXT: <p>Devices whose blocks have the same shape in every placed tensor
// CHECK-NEXT: <ul>
// CHECK-NEXT: <li class="device-class">devices 0,1</li>
// CHECK-NEXT: <li class="device-class">devices 2</li>
// CHECK-NEXT: <li class="device-class">devices 3</li>
// CHECK-NEXT: </ul>
// CHECK-NEXT: </section>
// CHECK-NEXT: </body>
// CHECK-NEXT: </html>

// SPEC: <p>0 placed tensors
// SPEC: <section class="device-classes">
// SPEC: <li class="device-class"><code>@main_device0</code>: devices 0-3</li>
// SPEC-NEXT: <li class="device-class"><code>@main_device4</code>: devices 4,5</li>
// SPEC-NEXT: </ul>
