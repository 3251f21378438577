// The fused plan of a switch between strategies (--hspmd-switch-report) for
// a loop carrying two 512-byte weights on 4 devices (Inputs/switch-loop.mlir:
// W1 16 x 8 split by columns and W2 8 x 16 by rows under "tp"; whole on
// every device under "dp"; whole on devices 0-2 under "dp3"; split over
// devices 0 and 1 under "tp2"). A quarter of either weight is 128 bytes.

// TP to DP: each device receives the three quarters of each weight it lacks
// (768 bytes, the lower bound) and sends its own quarters to the three
// others: one message per pair of devices, 12 in all, where the values
// moved one by one would send 24.
// RUN: hspmd-opt --hspmd-switch-report=to=dp %S/Inputs/switch-loop.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=SWDP
// SWDP: switch from the default to 'dp': 2 carried values
// SWDP-NEXT: iteration argument #0 of the loop at {{.*}}switch-loop.mlir:13:12: tensor<16x8xf32>
// SWDP-NEXT: from #hspmd.sharding<[0, 1, 2, 3] : [d1 = 4]>
// SWDP-NEXT: to   #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>
// SWDP-NEXT: 1536 bytes
// SWDP-NEXT: iteration argument #1 of the loop at {{.*}}switch-loop.mlir:13:12: tensor<8x16xf32>
// SWDP-NEXT: from #hspmd.sharding<[0, 1, 2, 3] : [d0 = 4]>
// SWDP-NEXT: to   #hspmd.sharding<[0, 1, 2, 3] : [dup = 4]>
// SWDP-NEXT: 1536 bytes
// SWDP-NEXT: device sent received messages lower_bound
// SWDP-COUNT-4: {{^ +[0-3] +768 +768 +3 +768$}}
// SWDP-NEXT: total received 3072 bytes, lower bound 3072 bytes (ratio 1.00); 12 messages, one per pair of devices (24 value by value)

// Back from DP to TP: every device already holds its blocks.
// RUN: hspmd-opt --hspmd-switch-report="from=dp to=tp" %S/Inputs/switch-loop.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=SWBACK
// SWBACK: switch from 'dp' to 'tp': 2 carried values
// SWBACK: total received 0 bytes, lower bound 0 bytes; 0 messages, one per pair of devices (0 value by value)

// TP on 4 devices to TP2 on devices 0 and 1: device 0 needs the second
// quarter of each weight from device 1 (256 bytes), device 1 the third and
// fourth from devices 2 and 3 (512 bytes); device 1 sends both of its
// quarters to device 0 in one message.
// RUN: hspmd-opt --hspmd-switch-report=to=tp2 %S/Inputs/switch-loop.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=SWTP2
// SWTP2: device sent received messages lower_bound
// SWTP2-NEXT: {{^ +0 +0 +256 +0 +256$}}
// SWTP2-NEXT: {{^ +1 +256 +512 +1 +512$}}
// SWTP2-NEXT: {{^ +2 +256 +0 +1 +0$}}
// SWTP2-NEXT: {{^ +3 +256 +0 +1 +0$}}
// SWTP2-NEXT: total received 768 bytes, lower bound 768 bytes (ratio 1.00); 3 messages, one per pair of devices (6 value by value)

// Elastic: device 3 lost. From TP its quarters exist nowhere else: refused
// before anything moves, naming each value and the block lost.
// RUN: not hspmd-opt --hspmd-switch-report="to=dp3 removed=3" %S/Inputs/switch-loop.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=SWLOST
// SWLOST: switch-loop.mlir:13:12: error: the switch reads iteration argument #0 from removed device 3; lost with it, held by removed devices only: [0, 16) x [6, 8)
// SWLOST: switch-loop.mlir:13:12: error: the switch reads iteration argument #1 from removed device 3; lost with it, held by removed devices only: [6, 8) x [0, 16)
// SWLOST-NOT: total received

// From DP every block has copies on devices 0-2: nothing needs device 3.
// RUN: hspmd-opt --hspmd-switch-report="from=dp to=dp3 removed=3" %S/Inputs/switch-loop.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=SWKEPT
// SWKEPT: switch from 'dp' to 'dp3': 2 carried values, without device 3
// SWKEPT: total received 0 bytes, lower bound 0 bytes; 0 messages

// An unknown strategy is an error of the report, naming the strategies.
// RUN: not hspmd-opt --hspmd-switch-report=to=zero %S/Inputs/switch-loop.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=SWUNKNOWN
// SWUNKNOWN: switch-loop.mlir:5:1: error: --hspmd-switch-report: 'zero' is not a strategy of the module (it declares 'tp', 'dp', 'dp3', 'tp2')

// A carried tensor of dynamic shape: said once, not left out of the report.
// RUN: not hspmd-opt --hspmd-switch-report=to=b %S/Inputs/switch-dynamic.mlir -o /dev/null 2>&1 | FileCheck %s --check-prefix=SWDYN
// SWDYN: switch-dynamic.mlir:8:12: error: iteration argument #0 ('tensor<?xf32>') has a dynamic shape: a switch moves tensors of static shape only
// SWDYN-NOT: error:
