#!/usr/bin/env python3
"""Writes the hspmd program of one bench/runtime case: fill a tensor, place
it by the case's source sharding, then time (barrier, wall clock, the
reshard, barrier) the move to the destination and print the seconds from
device 0. Usage: gen.py CASE ELEMENTS_PER_BLOCK_LOG2"""
import sys

# name: (source, destination, rows and columns as multiples of the block side)
CASES = {
    "C1": ("[0, 1, 2, 3] : [d0 = 2, partial = 2]", "[0, 1, 2, 3] : [d0 = 2, dup = 2]", 2, 1),
    "C3": ("[0, 1, 2, 3] : [d0 = 4]", "[0, 1, 2, 3] : [d0 = 2, dup = 2]", 4, 1),
    "C8": ("hetero = partial, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]",
           "hetero = dup, groups = [[0, 1, 2, 3] : [d0 = 4], [4, 5] : [d0 = 2], [6] : []]", 4, 1),
    "C13": ("[0, 1, 2, 3] : [d0 = 4]", "[0, 1, 2] : [d0 = 3]", 4, 1),
}

case, log2 = sys.argv[1], int(sys.argv[2])
src, dst, rowBlocks, colBlocks = CASES[case]
side = 1 << (log2 // 2)           # a block is side x (elements / side)
cols = (1 << log2) // side
rows = side * rowBlocks
if case == "C13":
    rows = 12 * (side // 4)           # divisible by 4 and by 3
t = f"tensor<{rows}x{cols * colBlocks}xf32>"
print(f"""// bench/runtime {case}: {rows} x {cols * colBlocks} f32
func.func private @hspmd_rt_wtime() -> f64
func.func private @hspmd_rt_barrier()
func.func @main() {{
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : {t}
  %f = linalg.fill ins(%one : f32) outs(%e : {t}) -> {t}
  %x = hspmd.annotate %f as #hspmd.sharding<{src}> : {t}
  call @hspmd_rt_barrier() {{hspmd.on_all_devices}} : () -> ()
  %t0 = call @hspmd_rt_wtime() {{hspmd.on_all_devices}} : () -> f64
  %y = hspmd.reshard %x to #hspmd.sharding<{dst}> : {t}
  call @hspmd_rt_barrier() {{hspmd.on_all_devices}} : () -> ()
  %t1 = call @hspmd_rt_wtime() {{hspmd.on_all_devices}} : () -> f64
  %dt = arith.subf %t1, %t0 : f64
  vector.print %dt : f64
  return
}}""")
