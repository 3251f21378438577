#!/usr/bin/env python3
"""A training loop over batches of two sequence-length buckets, for
bench/switch and examples/train-mixed-lengths.mlir.

Each step trains a per-token two-layer MLP (W1: H x F, W2: F x H, i32, so
results are exact whatever the order of sums) on a batch of T_short or
T_long tokens, whichever its step's bucket says, with the strategy the
policy picks, inside one hspmd.with_strategy:

  "tp": tokens whole on every device, W1 split by columns and W2 by rows
        (the products' partial sums are reduced: bytes grow with tokens);
  "dp": tokens split by rows, weights replicated (the weight gradients are
        reduced: bytes grow with the weights).

Policies: "choice" (short buckets tp, long ones dp; the weights move when
the strategy changes), "tp" and "dp" (one strategy throughout). All three
end with the same weights, bit for bit.

Usage: gen.py [--devices N] [--hidden H] [--ffn F] [--short T] [--long T]
              [--schedule 0,0,1,...] [--policy choice|tp|dp]
              [--layers L]   (L weight pairs carried, for compile-time runs)
"""
import argparse

p = argparse.ArgumentParser()
p.add_argument("--devices", type=int, default=4)
p.add_argument("--hidden", type=int, default=16)
p.add_argument("--ffn", type=int, default=32)
p.add_argument("--short", type=int, default=8)
p.add_argument("--long", type=int, default=64)
p.add_argument("--schedule", default="0,0,1,1,1,0")
p.add_argument("--policy", choices=["choice", "tp", "dp"], default="choice")
p.add_argument("--layers", type=int, default=1)
p.add_argument("--header", default="")
p.add_argument("--timed", action="store_true",
               help="print the loop's wall time (device 0) instead of the weights")
a = p.parse_args()
n, H, F, L = a.devices, a.hidden, a.ffn, a.layers
sched = [int(x) for x in a.schedule.split(",")]
devs = f"[{', '.join(map(str, range(n)))}]" if n < 8 else f"[0 to {n - 1}]"
policy = {"choice": 0, "tp": 1, "dp": 2}[a.policy]

out = []
w = out.append
if a.header:
    w(a.header.rstrip("\n"))
w(f"#tokens = #hspmd.sharding<{devs} : [dup = {n}]>")
w(f"#tokens_dp = #hspmd.sharding<{devs} : [d0 = {n}]>")
w(f"#cols = #hspmd.sharding<{devs} : [d1 = {n}]>")
w(f"#rows = #hspmd.sharding<{devs} : [d0 = {n}]>")
w(f"#whole = #hspmd.sharding<{devs} : [dup = {n}]>")
w("#id2 = affine_map<(i, j) -> (i, j)>")
w("")
w('module attributes {hspmd.strategies = ["tp", "dp"]} {')
w("  func.func private @printMemrefI32(memref<*xi32>)")
if a.timed:
    w("  func.func private @hspmd_rt_wtime() -> f64")
    w("  func.func private @hspmd_rt_barrier()")
w("")


def gen_init(name, rows, cols, a_, b_, shape_var):
    w(f"    %e_{name} = tensor.empty() : tensor<{rows}x{cols}xi32>")
    w(f"    %{name} = linalg.generic {{indexing_maps = [#id2], iterator_types = [\"parallel\", \"parallel\"]}} outs(%e_{name} : tensor<{rows}x{cols}xi32>) {{")
    w("    ^bb0(%out: i32):")
    w("      %i = linalg.index 0 : index")
    w("      %j = linalg.index 1 : index")
    w(f"      %ia = arith.muli %i, %c{a_} : index")
    w(f"      %jb = arith.muli %j, %c{b_} : index")
    w("      %s = arith.addi %ia, %jb : index")
    w("      %m = arith.remui %s, %c5 : index")
    w("      %d = arith.subi %m, %c2 : index")
    w("      %v = arith.index_cast %d : index to i32")
    w("      %r = arith.muli %v, %c64i : i32")
    w("      linalg.yield %r : i32")
    w(f"    }} -> tensor<{rows}x{cols}xi32>")


def gen_step(T, ind, wi):
    """One training step on T tokens; weights %w1_<l>, %w2_<l> (l < L)."""
    sp = " " * ind
    t = f"tensor<{T}x{H}xi32>"
    # Tokens: X[i, j] = (3 i + j + step) mod 7 - 3
    w(f"{sp}%ex{T} = tensor.empty() : {t}")
    w(f"{sp}%x{T}g = linalg.generic {{indexing_maps = [#id2], iterator_types = [\"parallel\", \"parallel\"]}} outs(%ex{T} : {t}) {{")
    w(f"{sp}^bb0(%out: i32):")
    w(f"{sp}  %i = linalg.index 0 : index")
    w(f"{sp}  %j = linalg.index 1 : index")
    w(f"{sp}  %i3 = arith.muli %i, %c3 : index")
    w(f"{sp}  %s = arith.addi %i3, %j : index")
    w(f"{sp}  %s2 = arith.addi %s, %step : index")
    w(f"{sp}  %m = arith.remui %s2, %c7 : index")
    w(f"{sp}  %d = arith.subi %m, %c3 : index")
    w(f"{sp}  %v = arith.index_cast %d : index to i32")
    w(f"{sp}  linalg.yield %v : i32")
    w(f"{sp}}} -> {t}")
    w(f"{sp}%x{T} = hspmd.annotate %x{T}g as #tokens : {t} {{hspmd.strategy_shardings = {{dp = #tokens_dp}}}}")
    results = []
    for l in range(L):
        s = f"{T}_{l}"
        w1, w2 = wi[2 * l], wi[2 * l + 1]
        tz = f"tensor<{T}x{F}xi32>"
        w(f"{sp}%ez{s} = tensor.empty() : {tz}")
        w(f"{sp}%fz{s} = linalg.fill ins(%zero : i32) outs(%ez{s} : {tz}) -> {tz}")
        w(f"{sp}%z{s} = linalg.matmul ins(%x{T}, {w1} : {t}, tensor<{H}x{F}xi32>) outs(%fz{s} : {tz}) -> {tz}")
        w(f"{sp}%h{s} = linalg.generic {{indexing_maps = [#id2, #id2], iterator_types = [\"parallel\", \"parallel\"]}} ins(%z{s} : {tz}) outs(%ez{s} : {tz}) {{")
        w(f"{sp}^bb0(%in: i32, %out: i32):")
        w(f"{sp}  %r = arith.maxsi %in, %zero : i32")
        w(f"{sp}  linalg.yield %r : i32")
        w(f"{sp}}} -> {tz}")
        w(f"{sp}%ey{s} = tensor.empty() : {t}")
        w(f"{sp}%fy{s} = linalg.fill ins(%zero : i32) outs(%ey{s} : {t}) -> {t}")
        w(f"{sp}%y{s} = linalg.matmul ins(%h{s}, {w2} : {tz}, tensor<{F}x{H}xi32>) outs(%fy{s} : {t}) -> {t}")
        # dY = (Y >> 14) - X; W <- W - (dW >> 20)
        w(f"{sp}%dy{s} = linalg.generic {{indexing_maps = [#id2, #id2, #id2], iterator_types = [\"parallel\", \"parallel\"]}} ins(%y{s}, %x{T} : {t}, {t}) outs(%ey{s} : {t}) {{")
        w(f"{sp}^bb0(%p: i32, %q: i32, %out: i32):")
        w(f"{sp}  %sh = arith.shrsi %p, %cys : i32")
        w(f"{sp}  %r = arith.subi %sh, %q : i32")
        w(f"{sp}  linalg.yield %r : i32")
        w(f"{sp}}} -> {t}")
        # dW2 = H^T dY ; dH = dY W2^T ; dZ = dH [Z > 0] ; dW1 = X^T dZ
        w(f"{sp}%eht{s} = tensor.empty() : tensor<{F}x{T}xi32>")
        w(f"{sp}%ht{s} = linalg.transpose ins(%h{s} : {tz}) outs(%eht{s} : tensor<{F}x{T}xi32>) permutation = [1, 0]")
        w(f"{sp}%e2{s} = tensor.empty() : tensor<{F}x{H}xi32>")
        w(f"{sp}%f2{s} = linalg.fill ins(%zero : i32) outs(%e2{s} : tensor<{F}x{H}xi32>) -> tensor<{F}x{H}xi32>")
        w(f"{sp}%dw2{s} = linalg.matmul ins(%ht{s}, %dy{s} : tensor<{F}x{T}xi32>, {t}) outs(%f2{s} : tensor<{F}x{H}xi32>) -> tensor<{F}x{H}xi32>")
        w(f"{sp}%ew2t{s} = tensor.empty() : tensor<{H}x{F}xi32>")
        w(f"{sp}%w2t{s} = linalg.transpose ins({w2} : tensor<{F}x{H}xi32>) outs(%ew2t{s} : tensor<{H}x{F}xi32>) permutation = [1, 0]")
        w(f"{sp}%fdh{s} = linalg.fill ins(%zero : i32) outs(%ez{s} : {tz}) -> {tz}")
        w(f"{sp}%dh{s} = linalg.matmul ins(%dy{s}, %w2t{s} : {t}, tensor<{H}x{F}xi32>) outs(%fdh{s} : {tz}) -> {tz}")
        w(f"{sp}%dz{s} = linalg.generic {{indexing_maps = [#id2, #id2, #id2], iterator_types = [\"parallel\", \"parallel\"]}} ins(%dh{s}, %z{s} : {tz}, {tz}) outs(%ez{s} : {tz}) {{")
        w(f"{sp}^bb0(%g: i32, %zz: i32, %out: i32):")
        w(f"{sp}  %pos = arith.cmpi sgt, %zz, %zero : i32")
        w(f"{sp}  %r = arith.select %pos, %g, %zero : i32")
        w(f"{sp}  linalg.yield %r : i32")
        w(f"{sp}}} -> {tz}")
        w(f"{sp}%ext{s} = tensor.empty() : tensor<{H}x{T}xi32>")
        w(f"{sp}%xt{s} = linalg.transpose ins(%x{T} : {t}) outs(%ext{s} : tensor<{H}x{T}xi32>) permutation = [1, 0]")
        w(f"{sp}%e1{s} = tensor.empty() : tensor<{H}x{F}xi32>")
        w(f"{sp}%f1{s} = linalg.fill ins(%zero : i32) outs(%e1{s} : tensor<{H}x{F}xi32>) -> tensor<{H}x{F}xi32>")
        w(f"{sp}%dw1{s} = linalg.matmul ins(%xt{s}, %dz{s} : tensor<{H}x{T}xi32>, {tz}) outs(%f1{s} : tensor<{H}x{F}xi32>) -> tensor<{H}x{F}xi32>")
        for (wv, g, shape) in ((w1, f"%dw1{s}", f"tensor<{H}x{F}xi32>"), (w2, f"%dw2{s}", f"tensor<{F}x{H}xi32>")):
            nm = "n" + g[1:]
            w(f"{sp}%{nm} = linalg.generic {{indexing_maps = [#id2, #id2, #id2], iterator_types = [\"parallel\", \"parallel\"]}} ins({wv}, {g} : {shape}, {shape}) outs(%e{'1' if 'dw1' in g else '2'}{s} : {shape}) {{")
            w(f"{sp}^bb0(%ww: i32, %gg: i32, %out: i32):")
            w(f"{sp}  %sh = arith.shrsi %gg, %cgs : i32")
            w(f"{sp}  %r = arith.subi %ww, %sh : i32")
            w(f"{sp}  linalg.yield %r : i32")
            w(f"{sp}}} -> {shape}")
            results.append(f"%{nm}")
    return results


w("  func.func @main() {")
for c in (0, 1, 2, 3, 5, 7):
    w(f"    %c{c} = arith.constant {c} : index")
w("    %zero = arith.constant 0 : i32")
w("    %cys = arith.constant 14 : i32")
w("    %cgs = arith.constant 20 : i32")
w("    %c64i = arith.constant 64 : i32")
w(f"    %steps = arith.constant {len(sched)} : index")
w(f"    // Each step's sequence-length bucket: 0 = {a.short} tokens, 1 = {a.long}.")
w(f"    %buckets = arith.constant dense<[{', '.join(map(str, sched))}]> : tensor<{len(sched)}xindex>")
w(f"    // The policy: 0 = each step's strategy from its bucket, 1 = always tp, 2 = always dp.")
w(f"    %policy = arith.constant {policy} : index")
inits, types = [], []
for l in range(L):
    gen_init(f"w1i_{l}", H, F, 1 + l % 3, 2, "")
    gen_init(f"w2i_{l}", F, H, 2, 1 + l % 2, "")
    inits += [f"%w1i_{l}", f"%w2i_{l}"]
    types += [f"tensor<{H}x{F}xi32>", f"tensor<{F}x{H}xi32>"]
ty = ", ".join(types)
args = ", ".join(f"%w{k}a_{l} = %w{k}i_{l}" for l in range(L) for k in (1, 2))
res = ", ".join(f"%w{k}f_{l}" for l in range(L) for k in (1, 2))
if a.timed:
    w("    call @hspmd_rt_barrier() {hspmd.on_all_devices} : () -> ()")
    w("    %t0 = call @hspmd_rt_wtime() {hspmd.on_all_devices} : () -> f64")
w(f"    {res} = scf.for %step = %c0 to %steps step %c1 iter_args({args}) -> ({ty}) {{")
w("      %bucket = tensor.extract %buckets[%step] : tensor<" + f"{len(sched)}xindex>")
w("      %fixed = arith.subi %policy, %c1 : index")
w("      %chosen = arith.cmpi eq, %policy, %c0 : index")
w("      %strategy = arith.select %chosen, %bucket, %fixed : index")
ins = ", ".join(f"%w{k}a_{l}" for l in range(L) for k in (1, 2))
outs = ", ".join(f"%w{k}n_{l}" for l in range(L) for k in (1, 2))
w(f"      {outs} = hspmd.with_strategy %strategy ({ins}) : ({ty}) -> ({ty}) {{")
bargs = ", ".join(f"%w{k}b_{l}: {types[2 * l + k - 1]}" for l in range(L) for k in (1, 2))
w(f"      ^bb0({bargs}):")
wi = []
for l in range(L):
    w(f"        %w1_{l} = hspmd.annotate %w1b_{l} as #cols : tensor<{H}x{F}xi32> {{hspmd.strategy_shardings = {{dp = #whole}}}}")
    w(f"        %w2_{l} = hspmd.annotate %w2b_{l} as #rows : tensor<{F}x{H}xi32> {{hspmd.strategy_shardings = {{dp = #whole}}}}")
    wi += [f"%w1_{l}", f"%w2_{l}"]
w("        %long = arith.cmpi eq, %bucket, %c1 : index")
w(f"        {', '.join(f'%r{k}' for k in range(2 * L))} = scf.if %long -> ({ty}) {{")
r = gen_step(a.long, 10, wi)
w(f"          scf.yield {', '.join(r)} : {ty}")
w("        } else {")
r = gen_step(a.short, 10, wi)
w(f"          scf.yield {', '.join(r)} : {ty}")
w("        }")
w(f"        hspmd.yield {', '.join(f'%r{k}' for k in range(2 * L))} : {ty}")
w("      }")
w(f"      scf.yield {outs} : {ty}")
w("    }")
if a.timed:
    w("    call @hspmd_rt_barrier() {hspmd.on_all_devices} : () -> ()")
    w("    %t1 = call @hspmd_rt_wtime() {hspmd.on_all_devices} : () -> f64")
    w("    %dt = arith.subf %t1, %t0 : f64")
    w("    vector.print %dt : f64")
    # A use of the weights, so that the loop stays.
    w("    %corner = tensor.extract %w1f_0[%c0, %c0] : " + f"tensor<{H}x{F}xi32>")
    w("    vector.print %corner : i32")
for l in range(0 if a.timed else min(L, 1)):
    for k, shape in ((1, f"{H}x{F}"), (2, f"{F}x{H}")):
        w(f"    %b{k}_{l} = bufferization.to_buffer %w{k}f_{l} : tensor<{shape}xi32> to memref<{shape}xi32>")
        w(f"    %u{k}_{l} = memref.cast %b{k}_{l} : memref<{shape}xi32> to memref<*xi32>")
        w(f"    call @printMemrefI32(%u{k}_{l}) : (memref<*xi32>) -> ()")
w("    return")
w("  }")
w("}")
print("\n".join(out))
