#!/usr/bin/env python3
"""A 24-layer transformer-block program for bench/specialize.

Each layer: Q, K, V and output projections and a two-matmul MLP with relu,
on activations split by batch rows across device groups (hetero = d0) and by
the hidden dimension inside each group (tensor parallel: column-split first
matmuls, row-split second ones, whose partial sums are reduced before the
next layer). Usage: gen.py DEVICES [--symmetric | --one-group] [--layers L]

With --symmetric the program is written for upstream MLIR's shard dialect
(one group, tensor parallel over all devices) for sharding-propagation and
shard-partition."""
import argparse

p = argparse.ArgumentParser()
p.add_argument("devices", type=int)
p.add_argument("--symmetric", action="store_true")
p.add_argument("--one-group", action="store_true",
               help="hspmd program on one group (tensor parallel over all), "
                    "the symmetric program in hspmd's syntax")
p.add_argument("--layers", type=int, default=24)
a = p.parse_args()
n = a.devices
hidden, ffn = 4 * n, 16 * n           # divisible by every tensor-parallel size
batch = 16

if a.symmetric:
    def ann(v, t, split):
        return (f"  %s_{v} = shard.sharding @grid split_axes = {split} : !shard.sharding\n"
                f"  %{v}_s = shard.shard %{v} to %s_{v} : {t}\n")
else:
    # Groups of n/2, n/4, n/4 devices (for n >= 4), batch 2:1:1.
    sizes = [n // 2, n // 4, n // 4] if n >= 4 and not a.one_group else [n]
    groups, start = [], 0
    for s in sizes:
        groups.append(list(range(start, start + s)))
        start += s
    def ids(g):
        # Consecutive ids as users write them: a range from 8 on.
        return f"{g[0]} to {g[-1]}" if len(g) >= 8 else ", ".join(map(str, g))
    def body(axis):
        return ", ".join(f"[{ids(g)}] : [{axis} = {len(g)}]" if len(g) > 1
                         else f"[{g[0]}] : []" for g in groups)
    weights = ", weights = [2, 1, 1]" if len(sizes) == 3 else ""
    het = "hetero = d0" + weights if len(sizes) > 1 else None
    def sh(axis, hetrole):
        if len(sizes) == 1:
            return f"#hspmd.sharding<[{ids(list(range(n)))}] : [{axis} = {n}]>"
        return f"#hspmd.sharding<hetero = {hetrole}{weights if hetrole == 'd0' else ''}, groups = [{body(axis)}]>"

lines = []
t_act = f"tensor<{batch}x{hidden}xf32>"
if a.symmetric:
    lines.append(f"shard.grid @grid(shape = {n})")
args = ["%x: " + t_act]
for l in range(a.layers):
    for w, (r, c) in [("q", (hidden, hidden)), ("k", (hidden, hidden)), ("v", (hidden, hidden)),
                      ("o", (hidden, hidden)), ("up", (hidden, ffn)), ("down", (ffn, hidden))]:
        t = f"tensor<{r}x{c}xf32>"
        if a.symmetric:
            args.append(f"%{w}{l}: {t}")
        else:
            axis = "d0" if w in ("o", "down") else "d1"
            args.append(f"%{w}{l}: {t} {{hspmd.sharding = {sh(axis, 'dup')}}}")
lines.append(f"func.func @model({', '.join(args)}) -> {t_act} {{")
lines.append("  %zero = arith.constant 0.0 : f32")
x = "%x"
if not a.symmetric:
    lines.append(f"  %xa = hspmd.annotate %x as {sh('dup', 'd0')} : {t_act}")
    x = "%xa"

def mm(out, lhs, rhs, m, k, nn):
    t = f"tensor<{m}x{nn}xf32>"
    return [f"  %{out}_e = tensor.empty() : {t}",
            f"  %{out}_f = linalg.fill ins(%zero : f32) outs(%{out}_e : {t}) -> {t}",
            f"  %{out} = linalg.matmul ins({lhs}, {rhs} : tensor<{m}x{k}xf32>, tensor<{k}x{nn}xf32>) "
            f"outs(%{out}_f : {t}) -> {t}"]

for l in range(a.layers):
    wq, wk, wv, wo, wu, wd = (f"%{w}{l}" for w in ("q", "k", "v", "o", "up", "down"))
    if a.symmetric:
        for w, split in [("q", "[[], [0]]"), ("k", "[[], [0]]"), ("v", "[[], [0]]"),
                         ("o", "[[0]]"), ("up", "[[], [0]]"), ("down", "[[0]]")]:
            t = f"tensor<{hidden}x{ffn if w == 'up' else hidden}xf32>" if w != "down" else f"tensor<{ffn}x{hidden}xf32>"
            lines.append(ann(f"{w}{l}", t, split).rstrip("\n"))
        wq, wk, wv, wo, wu, wd = (f"%{w}{l}_s" for w in ("q", "k", "v", "o", "up", "down"))
    lines += mm(f"q{l}x", x, wq, batch, hidden, hidden)
    lines += mm(f"k{l}x", x, wk, batch, hidden, hidden)
    lines += mm(f"v{l}x", x, wv, batch, hidden, hidden)
    t = f"tensor<{batch}x{hidden}xf32>"
    # linalg's named elementwise ops: both hspmd and upstream have rules.
    lines.append(f"  %a{l}_e = tensor.empty() : {t}")
    lines.append(f"  %a{l} = linalg.add ins(%q{l}x, %k{l}x : {t}, {t}) outs(%a{l}_e : {t}) -> {t}")
    lines.append(f"  %b{l} = linalg.mul ins(%a{l}, %v{l}x : {t}, {t}) outs(%a{l}_e : {t}) -> {t}")
    lines += mm(f"o{l}x", f"%b{l}", wo, batch, hidden, hidden)
    lines += mm(f"u{l}x", f"%o{l}x", wu, batch, hidden, ffn)
    tf = f"tensor<{batch}x{ffn}xf32>"
    lines.append(f"  %r{l}_e = tensor.empty() : {tf}")
    lines.append(f"  %r{l} = linalg.max ins(%u{l}x, %u{l}x : {tf}, {tf}) outs(%r{l}_e : {tf}) -> {tf}")
    lines += mm(f"d{l}x", f"%r{l}", wd, batch, ffn, hidden)
    x = f"%d{l}x"
lines.append(f"  return {x} : {t_act}")
lines.append("}")
print("\n".join(lines))
