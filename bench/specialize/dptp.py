#!/usr/bin/env python3
"""A data-parallel x tensor-parallel MLP as a new user writes it, for
bench/specialize: L layers of y = (x W1) W2 with the batch split over n/4
replicas and the hidden dimension over 4 devices in each (W1 by columns, W2
by rows: each replica all-reduces its partial sums), the result returned
to device 0 and printed. Usage: dptp.py DEVICES [LAYERS=24]"""
import sys

n = int(sys.argv[1])
layers = int(sys.argv[2]) if len(sys.argv) > 2 else 24
dp = max(n // 4, 1)
tp = n // dp
devs = f"[0 to {n - 1}]" if n >= 8 else f"[{', '.join(map(str, range(n)))}]"
B, H, F = 16 * dp, 64, 256
out = [f"#x = #hspmd.sharding<{devs} : [d0 = {dp}, dup = {tp}]>",
       f"#w1 = #hspmd.sharding<{devs} : [dup = {dp}, d1 = {tp}]>",
       f"#w2 = #hspmd.sharding<{devs} : [dup = {dp}, d0 = {tp}]>",
       "func.func private @printMemrefF32(memref<*xf32>)",
       "func.func @main() {",
       "  %zero = arith.constant 0.0 : f32",
       "  %one = arith.constant 1.0 : f32"]
for name, (r, c) in (("x0", (B, H)), ("w1", (H, F)), ("w2", (F, H))):
    t = f"tensor<{r}x{c}xf32>"
    out += [f"  %{name}e = tensor.empty() : {t}",
            f"  %{name} = linalg.fill ins(%one : f32) outs(%{name}e : {t}) -> {t}"]
out += [f"  %x = hspmd.annotate %x0 as #x : tensor<{B}x{H}xf32>",
        f"  %a = hspmd.annotate %w1 as #w1 : tensor<{H}x{F}xf32>",
        f"  %b = hspmd.annotate %w2 as #w2 : tensor<{F}x{H}xf32>"]
prev = "%x"
for l in range(layers):
    th, ty = f"tensor<{B}x{F}xf32>", f"tensor<{B}x{H}xf32>"
    out += [f"  %e{l} = tensor.empty() : {th}",
            f"  %f{l} = linalg.fill ins(%zero : f32) outs(%e{l} : {th}) -> {th}",
            f"  %h{l} = linalg.matmul ins({prev}, %a : {ty}, tensor<{H}x{F}xf32>) outs(%f{l} : {th}) -> {th}",
            f"  %g{l} = tensor.empty() : {ty}",
            f"  %k{l} = linalg.fill ins(%zero : f32) outs(%g{l} : {ty}) -> {ty}",
            f"  %y{l} = linalg.matmul ins(%h{l}, %b : {th}, tensor<{F}x{H}xf32>) outs(%k{l} : {ty}) -> {ty}",
            f"  %z{l} = hspmd.annotate %y{l} as #x : {ty}"]
    prev = f"%z{l}"
out += [f"  %r = hspmd.annotate {prev} as #hspmd.sharding<[0] : []> : tensor<{B}x{H}xf32>",
        f"  %m = bufferization.to_buffer %r : tensor<{B}x{H}xf32> to memref<{B}x{H}xf32>",
        f"  %u = memref.cast %m : memref<{B}x{H}xf32> to memref<*xf32>",
        "  call @printMemrefF32(%u) : (memref<*xf32>) -> ()",
        "  return",
        "}"]
print("\n".join(out))
