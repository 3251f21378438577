#!/usr/bin/env python3
"""Writes the forward pass of L Llama blocks as an hspmd program, tensor
parallel over T devices (Megatron's split: Q, K, V, gate and up projections
by columns, output and down projections by rows, activations replicated),
for comparing the MLIR front end of the cost model (--hspmd-cost-report) with
the model-config front end (hspmd-cost-model) on the same configuration.

Usage: llama_blocks.py [--layers 2] [--hidden 256] [--heads 4] [--ffn 688]
                       [--seq 128] [--tp 2] [--batch 1] [--plan-attrs]

With --plan-attrs the arguments carry no shardings but `hspmd.layer` and
`hspmd.parallel`, for --hspmd-apply-plan to place them. --batch B stacks B
sequences' rows (attention then mixes them: a cost stand-in, not a model).

Each block: RMSNorm, Q/K/V projections, per-head scores Q K^T (the full
matrix: the program does not skip the masked half), softmax, P V, output
projection, residual; RMSNorm, SwiGLU MLP (gate, up, silu(gate) * up, down),
residual. The batch is one sequence; f32 throughout."""
import argparse

p = argparse.ArgumentParser()
for name, default in [("layers", 2), ("hidden", 256), ("heads", 4),
                      ("ffn", 688), ("seq", 128), ("tp", 2), ("batch", 1)]:
    p.add_argument("--" + name, type=int, default=default)
p.add_argument("--plan-attrs", action="store_true")
a = p.parse_args()
h, H, f, s, T = a.hidden, a.heads, a.ffn, a.seq * a.batch, a.tp
d = h // H
devs = ", ".join(str(i) for i in range(T))
dup = f"#hspmd.sharding<[{devs}] : [dup = {T}]>" if T > 1 else "#hspmd.sharding<[0] : []>"
cols = f"#hspmd.sharding<[{devs}] : [d1 = {T}]>" if T > 1 else dup
rows = f"#hspmd.sharding<[{devs}] : [d0 = {T}]>" if T > 1 else dup

out = []
emit = out.append
counter = [0]


def fresh(prefix="v"):
    counter[0] += 1
    return f"%{prefix}{counter[0]}"


def empty(shape):
    v = fresh("e")
    emit(f"  {v} = tensor.empty() : tensor<{'x'.join(map(str, shape))}xf32>")
    return v


def t(shape):
    return f"tensor<{'x'.join(map(str, shape))}xf32>"


def zeros(shape):
    e = empty(shape)
    v = fresh("z")
    emit(f"  {v} = linalg.fill ins(%zero : f32) outs({e} : {t(shape)}) -> {t(shape)}")
    return v


def matmul(x, w, m, k, n):
    acc = zeros([m, n])
    v = fresh("mm")
    emit(f"  {v} = linalg.matmul ins({x}, {w} : {t([m, k])}, {t([k, n])}) "
         f"outs({acc} : {t([m, n])}) -> {t([m, n])}")
    return v


def generic(ins, in_types, maps, iters, out_shape, body, init=None):
    """One linalg.generic; `body` gets the block argument names and returns
    (lines, yielded value)."""
    o = init if init is not None else empty(out_shape)
    v = fresh("g")
    args = [f"%a{i}" for i in range(len(ins))] + ["%acc"]
    lines, result = body(args)
    emit(f"  {v} = linalg.generic {{indexing_maps = [{', '.join(maps)}], "
         f"iterator_types = [{', '.join(repr(i).replace(chr(39), chr(34)) for i in iters)}]}} "
         f"ins({', '.join(ins)} : {', '.join(in_types)}) outs({o} : {t(out_shape)}) {{")
    emit(f"  ^bb0({', '.join(a + ': f32' for a in args)}):")
    for line in lines:
        emit("    " + line)
    emit(f"    linalg.yield {result} : f32")
    emit(f"  }} -> {t(out_shape)}")
    return v


def rmsnorm(x, g):
    # ms[i] = sum_j x[i,j]^2, then y = x * rsqrt(ms / h + eps) * g
    ms = generic([x], [t([s, h])], ["affine_map<(i, j) -> (i, j)>", "affine_map<(i, j) -> (i)>"],
                 ["parallel", "reduction"], [s],
                 lambda a: ([f"%sq = arith.mulf {a[0]}, {a[0]} : f32",
                             f"%sum = arith.addf %sq, {a[1]} : f32"], "%sum"),
                 init=zeros([s]))
    return generic([x, ms, g], [t([s, h]), t([s]), t([h])],
                   ["affine_map<(i, j) -> (i, j)>", "affine_map<(i, j) -> (i)>",
                    "affine_map<(i, j) -> (j)>", "affine_map<(i, j) -> (i, j)>"],
                   ["parallel", "parallel"], [s, h],
                   lambda a: ([f"%mean = arith.divf {a[1]}, %hdim : f32",
                               "%eps = arith.addf %mean, %epsilon : f32",
                               "%r = math.rsqrt %eps : f32",
                               f"%n = arith.mulf {a[0]}, %r : f32",
                               f"%y = arith.mulf %n, {a[2]} : f32"], "%y"))


def add(x, y, shape):
    v = fresh("add")
    emit(f"  {v} = arith.addf {x}, {y} : {t(shape)}")
    return v


def attention(y, wq, wk, wv, wo):
    q, k, v = (matmul(y, w, s, h, h) for w in (wq, wk, wv))
    heads = []
    for name, m in (("q", q), ("k", k), ("v", v)):
        r = fresh(name)
        emit(f"  {r} = tensor.expand_shape {m} [[0], [1, 2]] output_shape [{s}, {H}, {d}] "
             f": {t([s, h])} into {t([s, H, d])}")
        heads.append(r)
    q3, k3, v3 = heads
    scores = generic([q3, k3], [t([s, H, d]), t([s, H, d])],
                     ["affine_map<(n, i, j, c) -> (i, n, c)>", "affine_map<(n, i, j, c) -> (j, n, c)>",
                      "affine_map<(n, i, j, c) -> (n, i, j)>"],
                     ["parallel", "parallel", "parallel", "reduction"], [H, s, s],
                     lambda a: ([f"%p = arith.mulf {a[0]}, {a[1]} : f32",
                                 f"%sum = arith.addf %p, {a[2]} : f32"], "%sum"),
                     init=zeros([H, s, s]))
    ex = generic([scores], [t([H, s, s])],
                 ["affine_map<(n, i, j) -> (n, i, j)>"] * 2, ["parallel"] * 3, [H, s, s],
                 lambda a: ([f"%xs = arith.mulf {a[0]}, %scale : f32", "%e = math.exp %xs : f32"], "%e"))
    den = generic([ex], [t([H, s, s])],
                  ["affine_map<(n, i, j) -> (n, i, j)>", "affine_map<(n, i, j) -> (n, i)>"],
                  ["parallel", "parallel", "reduction"], [H, s],
                  lambda a: ([f"%sum = arith.addf {a[0]}, {a[1]} : f32"], "%sum"), init=zeros([H, s]))
    prob = generic([ex, den], [t([H, s, s]), t([H, s])],
                   ["affine_map<(n, i, j) -> (n, i, j)>", "affine_map<(n, i, j) -> (n, i)>",
                    "affine_map<(n, i, j) -> (n, i, j)>"], ["parallel"] * 3, [H, s, s],
                   lambda a: ([f"%p = arith.divf {a[0]}, {a[1]} : f32"], "%p"))
    ctx = generic([prob, v3], [t([H, s, s]), t([s, H, d])],
                  ["affine_map<(i, n, c, j) -> (n, i, j)>", "affine_map<(i, n, c, j) -> (j, n, c)>",
                   "affine_map<(i, n, c, j) -> (i, n, c)>"],
                  ["parallel", "parallel", "parallel", "reduction"], [s, H, d],
                  lambda a: ([f"%p = arith.mulf {a[0]}, {a[1]} : f32",
                              f"%sum = arith.addf %p, {a[2]} : f32"], "%sum"),
                  init=zeros([s, H, d]))
    flat = fresh("ctx")
    emit(f"  {flat} = tensor.collapse_shape {ctx} [[0], [1, 2]] : {t([s, H, d])} into {t([s, h])}")
    return matmul(flat, wo, s, h, h)


def mlp(y, wg, wu, wd):
    g = matmul(y, wg, s, h, f)
    u = matmul(y, wu, s, h, f)
    act = generic([g, u], [t([s, f]), t([s, f])], ["affine_map<(i, j) -> (i, j)>"] * 3,
                  ["parallel", "parallel"], [s, f],
                  lambda a: ([f"%n = arith.negf {a[0]} : f32", "%e = math.exp %n : f32",
                              "%den = arith.addf %e, %one : f32",
                              f"%silu = arith.divf {a[0]}, %den : f32",
                              f"%y = arith.mulf %silu, {a[1]} : f32"], "%y"))
    return matmul(act, wd, s, f, h)


def arg(name, shape, sharding, layer, role):
    if a.plan_attrs:
        return (f"%{name}: {t(shape)} {{hspmd.layer = {layer} : i64, "
                f"hspmd.parallel = \"{role}\"}}")
    return f"%{name}: {t(shape)} {{hspmd.sharding = {sharding}}}"


args = [arg("input", [s, h], dup, 0, "batch")]
for l in range(a.layers):
    args += [arg(f"n1_{l}", [h], dup, l, "replicated"),
             arg(f"wq{l}", [h, h], cols, l, "column"),
             arg(f"wk{l}", [h, h], cols, l, "column"),
             arg(f"wv{l}", [h, h], cols, l, "column"),
             arg(f"wo{l}", [h, h], rows, l, "row"),
             arg(f"n2_{l}", [h], dup, l, "replicated"),
             arg(f"wg{l}", [h, f], cols, l, "column"),
             arg(f"wu{l}", [h, f], cols, l, "column"),
             arg(f"wd{l}", [f, h], rows, l, "row")]
print(f"// {a.layers} Llama blocks: hidden {h}, {H} heads, SwiGLU {f}, sequence {s}, "
      f"tensor parallel {T}. Generated by bench/cost/llama_blocks.py.")
result = "" if a.plan_attrs else f" {{hspmd.sharding = {dup}}}"
print(f"func.func @blocks({', '.join(args)}) -> ({t([s, h])}{result}) {{")
emit("  %zero = arith.constant 0.0 : f32")
emit("  %one = arith.constant 1.0 : f32")
emit(f"  %hdim = arith.constant {float(h)} : f32")
emit("  %epsilon = arith.constant 1.0e-5 : f32")
emit(f"  %scale = arith.constant {1.0 / d ** 0.5} : f32")
x = "%input"
for l in range(a.layers):
    y = rmsnorm(x, f"%n1_{l}")
    o = attention(y, f"%wq{l}", f"%wk{l}", f"%wv{l}", f"%wo{l}")
    if not a.plan_attrs:  # (with a plan, propagation places the sums)
        r = fresh("o")
        emit(f"  {r} = hspmd.reshard {o} to {dup} : {t([s, h])}")
        o = r
    x = add(x, o, [s, h])
    y = rmsnorm(x, f"%n2_{l}")
    m = mlp(y, f"%wg{l}", f"%wu{l}", f"%wd{l}")
    if not a.plan_attrs:
        r = fresh("m")
        emit(f"  {r} = hspmd.reshard {m} to {dup} : {t([s, h])}")
        m = r
    x = add(x, m, [s, h])
emit(f"  return {x} : {t([s, h])}")
print("\n".join(out))
print("}")
