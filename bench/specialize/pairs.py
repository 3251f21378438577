#!/usr/bin/env python3
"""A program whose reshards are not translations, for bench/specialize: L
layers that gather the halves of a row split two by two ([d0 = n] to
[dup = 2, d0 = n/2]: device d takes the blocks of devices 2d and 2d+1, or
2(d - n/2) and 2(d - n/2)+1), compute on them and split the rows again, the
result returned to device 0 and printed. No distance between peers is the
same for all devices, so peers as ids or distances give a program per
device. Usage: pairs.py DEVICES [LAYERS=8]"""
import sys

n = int(sys.argv[1])
layers = int(sys.argv[2]) if len(sys.argv) > 2 else 8
devs = f"[0 to {n - 1}]" if n >= 8 else f"[{', '.join(map(str, range(n)))}]"
R, C = 2 * n, 8
t = f"tensor<{R}x{C}xf32>"
out = [f"#split = #hspmd.sharding<{devs} : [d0 = {n}]>",
       f"#pairs = #hspmd.sharding<{devs} : [dup = 2, d0 = {n // 2}]>",
       "func.func private @printMemrefF32(memref<*xf32>)",
       "func.func @main() {",
       "  %one = arith.constant 1.0 : f32",
       f"  %e = tensor.empty() : {t}",
       f"  %x0 = linalg.fill ins(%one : f32) outs(%e : {t}) -> {t}",
       f"  %x = hspmd.annotate %x0 as #split : {t}"]
prev = "%x"
for l in range(layers):
    out += [f"  %p{l} = hspmd.reshard {prev} to #pairs : {t}",
            f"  %s{l} = linalg.add ins(%p{l}, %p{l} : {t}, {t}) outs(%e : {t}) -> {t}",
            f"  %y{l} = hspmd.reshard %s{l} to #split : {t}"]
    prev = f"%y{l}"
out += [f"  %m = bufferization.to_buffer {prev} : {t} to memref<{R}x{C}xf32>",
        f"  %u = memref.cast %m : memref<{R}x{C}xf32> to memref<*xf32>",
        "  call @printMemrefF32(%u) : (memref<*xf32>) -> ()",
        "  return",
        "}"]
print("\n".join(out))
