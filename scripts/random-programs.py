#!/usr/bin/env python3
"""Random hspmd programs for differential testing (standard library only).

Writes one `@main` program with CASES independent cases. Each case builds
small integer-valued f32 tensors from indices, places them with random valid
shardings over up to 8 devices (homogeneous or heterogeneous, uneven weights,
dup and partial roles at both tiers), runs a short chain of ops (reshard,
matmul, elementwise add/multiply, relu, sum reduction, transpose), sometimes
annotates an intermediate value, and prints the result. The same seed gives
the same program. `hspmd-run -n 8` must print what `hspmd-run --reference`
prints.

`--features` (a comma list, or `all`) draws the cases instead from the kinds
of FeatureProgram, in turn: extracts and gathers from placed tensors,
reductions with every combiner on f32 and i32, helper functions with and
without shardings, ops without sharding rules, convolutions and poolings,
pads, concats, zero-size dimensions, constant index maps, chains of these,
loops; `base` adds the default kinds. `strategy` (only by name: `all` leaves
it out) wraps the program in a module declaring 2 or 3 strategies and draws
step loops that choose a strategy per step at run time (hspmd.with_strategy,
annotations placed per strategy). `frontend` (also only by name) draws what
front ends write: linalg.softmax, generics with a scalar operand on summands,
scalar helper functions (pure, printing, in loops), libm calls (sqrtf, expf,
fabsf), scalars through memref.alloca, scf.for over i32 with constant
yields, recursion with stated placements, math ops in payloads, prints of
extract_slices; its programs declare printMemrefF32 on tensors, so every f32
print goes through tensor.cast. `standins` (also only by name) draws the ops
--hspmd-decompose-aggregates writes as others: tensor.gather (1-3 gathered
dimensions, batch rank 1 or 2, index/i32/i64 coordinates), linalg.pack /
linalg.unpack (padded or not, outer_dims_perm), tensor.bitcast f32 <-> i32
around integer ops. `buffers` (also only by name) draws buffers and regions
as front ends write them: a placed tensor's buffer copied into an alloc whose
scalar bounds or feeds a loop, memref.globals updated in loops, allocs only
filled/stored/loaded/copied and printed, scf.while and scf.index_switch
printing with vector.print, printing scalar helpers on placed tensors,
tensor.cast to a dynamic shape and back, allocs written by helpers; every
scalar ends up on placed tensors. `joins` (also only by name) draws buffers
meeting where control flow joins: chosen by arith.select or scf.if, or
swapped by an scf.for, then loaded and maybe printed. Without --features the program is exactly
what it was before these kinds existed (test/Run/random.test depends on that).
`--only-cases` prints a subset of the cases (all are still drawn), to narrow
a failure down.

  scripts/random-programs.py --seed 7 --cases 50 > prog.mlir
  scripts/random-programs.py --seed 7 --cases 25 --features all > ops.mlir
  scripts/random-programs.py --seed 7 --cases 25 --features gather,reduce --only-cases 3
  scripts/random-diff.sh 20 50       # 20 programs of 50 cases, by hand
  scripts/random-diff.sh 20 25 1000 all
  scripts/random-diff.sh 20 9 1000 frontend
  scripts/random-diff.sh 40 12 1000 standins
  scripts/random-diff.sh 20 6 1000 buffers
"""
import argparse
import random
import re

DEVICES = 8


def factorizations(n):
    """All ordered factorizations of n into factors >= 2."""
    if n == 1:
        return [[]]
    out = []
    for f in range(2, n + 1):
        if n % f == 0:
            out += [[f] + rest for rest in factorizations(n // f)]
    return out


def group_axes(rng, ndev, block, allow_partial):
    """Axes for a group of ndev devices over a block of the given extents:
    distinct roles, splits dividing the block."""
    for _ in range(50):
        sizes = rng.choice(factorizations(ndev))
        roles, ok = [], True
        used = set()
        for s in sizes:
            choices = ["dup"] + (["partial"] if allow_partial else [])
            choices += [f"d{k}" for k in range(len(block))
                        if block[k] % s == 0 and f"d{k}" not in used]
            choices = [c for c in choices if c not in used]
            if not choices:
                ok = False
                break
            r = rng.choice(choices)
            used.add(r)
            roles.append(r)
        if ok:
            return list(zip(roles, sizes))
    return None


def group_text(devices, axes):
    return "[%s] : [%s]" % (", ".join(map(str, devices)),
                            ", ".join(f"{r} = {s}" for r, s in axes))


def sharding(rng, shape, allow_partial=True):
    """A random valid sharding body for a tensor of this shape."""
    pool = list(range(DEVICES))
    rng.shuffle(pool)
    while True:
        if rng.random() < 0.6 or len(shape) == 0:
            n = rng.randint(1, DEVICES)
            axes = group_axes(rng, n, shape, allow_partial)
            if axes is not None:
                return group_text(pool[:n], axes)
            continue
        ngroups = rng.randint(2, 3)
        sizes = [rng.randint(1, 3) for _ in range(ngroups)]
        if sum(sizes) > DEVICES:
            continue
        roles = ["dup"] + (["partial"] if allow_partial else [])
        roles += [f"d{k}" for k in range(len(shape))]
        role = rng.choice(roles)
        weights = None
        blocks = [list(shape) for _ in range(ngroups)]
        if role[1:].isdigit():
            k = int(role[1:])
            if rng.random() < 0.5:
                weights = [rng.randint(1, 3) for _ in range(ngroups)]
            w = weights or [1] * ngroups
            if shape[k] % sum(w):
                continue
            unit = shape[k] // sum(w)
            for g in range(ngroups):
                blocks[g][k] = unit * w[g]
        groups, start, ok = [], 0, True
        for g in range(ngroups):
            devs = pool[start:start + sizes[g]]
            start += sizes[g]
            axes = group_axes(rng, sizes[g], blocks[g], allow_partial)
            if axes is None:
                ok = False
                break
            groups.append(group_text(devs, axes))
        if not ok:
            continue
        text = f"hetero = {role}, "
        if weights:
            text += "weights = [%s], " % ", ".join(map(str, weights))
        return text + "groups = [%s]" % ", ".join(groups)


class Program:
    def __init__(self, rng):
        self.rng = rng
        self.lines = []
        self.n = 0

    def fresh(self):
        self.n += 1
        return f"%v{self.n}"

    def ttype(self, shape):
        return "tensor<%sxf32>" % "x".join(map(str, shape))

    def generate(self, shape):
        """Elements ((a*i + b*j + c) mod 7) - 3: small integers."""
        a, b, c = (self.rng.randint(1, 5) for _ in range(3))
        e, g = self.fresh(), self.fresh()
        t = self.ttype(shape)
        self.lines += [
            f"  {e} = tensor.empty() : {t}",
            f"  {g} = linalg.generic {{indexing_maps = [affine_map<(i, j) -> (i, j)>], "
            f"iterator_types = [\"parallel\", \"parallel\"]}} outs({e} : {t}) {{",
            "  ^bb0(%out: f32):",
            "    %i = linalg.index 0 : index",
            "    %j = linalg.index 1 : index",
            f"    %ca = arith.constant {a} : index",
            f"    %cb = arith.constant {b} : index",
            f"    %cc = arith.constant {c} : index",
            "    %c7 = arith.constant 7 : index",
            "    %ai = arith.muli %i, %ca : index",
            "    %bj = arith.muli %j, %cb : index",
            "    %s0 = arith.addi %ai, %bj : index",
            "    %s1 = arith.addi %s0, %cc : index",
            "    %m = arith.remui %s1, %c7 : index",
            "    %mi = arith.index_cast %m : index to i64",
            "    %c3 = arith.constant 3 : i64",
            "    %d = arith.subi %mi, %c3 : i64",
            "    %v = arith.sitofp %d : i64 to f32",
            "    linalg.yield %v : f32",
            f"  }} -> {t}",
        ]
        return g

    def annotate(self, v, shape, op="annotate"):
        r = self.fresh()
        kw = "as" if op == "annotate" else "to"
        self.lines.append(f"  {r} = hspmd.{op} {v} {kw} #hspmd.sharding<"
                          f"{sharding(self.rng, shape)}> : {self.ttype(shape)}")
        return r

    def zeros(self, shape):
        e, f = self.fresh(), self.fresh()
        t = self.ttype(shape)
        self.lines += [f"  {e} = tensor.empty() : {t}",
                       f"  {f} = linalg.fill ins(%zero : f32) outs({e} : {t}) -> {t}"]
        return f

    def matmul(self, x, w, m, k, n):
        f = self.zeros([m, n])
        r = self.fresh()
        self.lines.append(f"  {r} = linalg.matmul ins({x}, {w} : {self.ttype([m, k])}, "
                          f"{self.ttype([k, n])}) outs({f} : {self.ttype([m, n])}) -> "
                          f"{self.ttype([m, n])}")
        return r

    def elementwise(self, a, b, shape, op):
        r = self.fresh()
        self.lines.append(f"  {r} = arith.{op} {a}, {b} : {self.ttype(shape)}")
        return r

    def relu(self, a, shape):
        e, r = self.fresh(), self.fresh()
        t = self.ttype(shape)
        self.lines += [
            f"  {e} = tensor.empty() : {t}",
            f"  {r} = linalg.generic {{indexing_maps = [affine_map<(i, j) -> (i, j)>, "
            f"affine_map<(i, j) -> (i, j)>], iterator_types = [\"parallel\", \"parallel\"]}} "
            f"ins({a} : {t}) outs({e} : {t}) {{",
            "  ^bb0(%in: f32, %o: f32):",
            "    %mx = arith.maximumf %in, %zero : f32",
            "    linalg.yield %mx : f32",
            f"  }} -> {t}",
        ]
        return r

    def transpose(self, a, shape):
        e, r = self.fresh(), self.fresh()
        out = [shape[1], shape[0]]
        self.lines += [f"  {e} = tensor.empty() : {self.ttype(out)}",
                       f"  {r} = linalg.transpose ins({a} : {self.ttype(shape)}) "
                       f"outs({e} : {self.ttype(out)}) permutation = [1, 0]"]
        return r, out

    def reduce(self, a, shape, dim):
        out = [shape[1 - dim]]
        f = self.zeros_1d(out[0])
        r = self.fresh()
        self.lines += [
            f"  {r} = linalg.reduce ins({a} : {self.ttype(shape)}) outs({f} : "
            f"tensor<{out[0]}xf32>) dimensions = [{dim}]",
            "    (%in: f32, %acc: f32) {",
            "      %sum = arith.addf %in, %acc : f32",
            "      linalg.yield %sum : f32",
            "    }",
        ]
        return r, out

    def zeros_1d(self, n):
        e, f = self.fresh(), self.fresh()
        self.lines += [f"  {e} = tensor.empty() : tensor<{n}xf32>",
                       f"  {f} = linalg.fill ins(%zero : f32) outs({e} : tensor<{n}xf32>) "
                       f"-> tensor<{n}xf32>"]
        return f

    def show(self, v, shape):
        b, u = self.fresh(), self.fresh()
        mem = "memref<%sxf32>" % "x".join(map(str, shape))
        self.lines += [f"  {b} = bufferization.to_buffer {v} : {self.ttype(shape)} to {mem}",
                       f"  {u} = memref.cast {b} : {mem} to memref<*xf32>",
                       f"  call @printMemrefF32({u}) : (memref<*xf32>) -> ()"]

    def case(self):
        rng = self.rng
        dims = [4, 8, 12, 24]
        kind = rng.choice(["reshard", "matmul", "elementwise", "chain", "reduce"])
        self.lines.append(f"  // case: {kind}")
        if kind == "reshard":
            shape = [rng.choice(dims), rng.choice(dims)]
            v = self.annotate(self.generate(shape), shape)
            v = self.annotate(v, shape, "reshard")
            self.show(v, shape)
        elif kind in ("matmul", "chain"):
            m, k, n = (rng.choice(dims) for _ in range(3))
            x = self.annotate(self.generate([m, k]), [m, k])
            w = self.annotate(self.generate([k, n]), [k, n])
            y = self.matmul(x, w, m, k, n)
            shape = [m, n]
            if kind == "chain":
                if rng.random() < 0.5:
                    y = self.annotate(y, shape)
                y = self.relu(y, shape)
                if rng.random() < 0.5:
                    y, shape = self.transpose(y, shape)
                y, shape = self.reduce(y, shape, rng.randint(0, 1))
            self.show(y, shape)
        elif kind == "elementwise":
            shape = [rng.choice(dims), rng.choice(dims)]
            a = self.annotate(self.generate(shape), shape)
            b = self.annotate(self.generate(shape), shape)
            y = self.elementwise(a, b, shape, rng.choice(["addf", "mulf", "subf"]))
            if rng.random() < 0.5:
                y = self.annotate(y, shape)
            self.show(y, shape)
        else:
            shape = [rng.choice(dims), rng.choice(dims)]
            a = self.annotate(self.generate(shape), shape)
            y, out = self.reduce(a, shape, rng.randint(0, 1))
            self.show(y, out)



# ---------------------------------------------------------------------------
# Feature cases (--features). Without --features the program is exactly what
# the cases above give (same seed, same text); with it, each case is one of the
# selected kinds below, drawn from the same seeded stream.

FEATURES = ("extract", "gather", "reduce", "helper", "norule", "conv", "pad",
            "concat", "zerosize", "constmap", "chain", "loop")
# Kinds that change the whole module (`strategy` declares the module's
# strategies, `frontend` declares printMemrefF32 on tensors and libm
# functions; `buffers` adds memref.globals and helpers taking memrefs):
# selected by name only, never by `all`, so that `all` and the kinds above
# give the same programs as before they existed.
MODULE_FEATURES = ("strategy", "frontend", "products", "standins", "scatter",
                   "buffers", "joins")

COMBINERS = {"f32": ["addf", "mulf", "maximumf", "maxnumf", "minimumf", "minnumf",
                     "sumsq", "horner", "maxabs"],
             "i32": ["addi", "muli", "maxsi", "minsi", "andi", "ori", "xori",
                     "sumsq", "horner"]}
NEUTRAL = {"addf": 0, "mulf": 1, "maximumf": "-inf", "maxnumf": "-inf",
           "minimumf": "inf", "minnumf": "inf", "addi": 0, "muli": 1,
           "maxsi": -2147483648, "minsi": 2147483647, "andi": -1, "ori": 0,
           "xori": 0, "sumsq": 0, "horner": 0, "maxabs": 0}


def tt(shape, ety="f32"):
    return "tensor<%s>" % "x".join([str(d) for d in shape] + [ety])


def elem(t):
    """The element type of a tensor type; a scalar type itself (a generic's
    scalar operand)."""
    if not t.startswith("tensor<"):
        return t
    # The shape's extents end in `x`; `index` has an `x` of its own.
    return re.fullmatch(r"tensor<(?:[0-9?*]+x)*(.+)>", t).group(1)


def mt(shape, ety="f32"):
    return "memref<%s>" % "x".join([str(d) for d in shape] + [ety])


def amap(rank, results):
    return "affine_map<(%s) -> (%s)>" % (
        ", ".join(f"d{k}" for k in range(rank)), ", ".join(results))


def ident(rank):
    return amap(rank, [f"d{k}" for k in range(rank)])


def iters(kinds):
    return "[%s]" % ", ".join(f'"{k}"' for k in kinds)


def lit(v, ety):
    """An arith.constant literal of type ety."""
    if ety == "f32":
        if v == "-inf":
            return "0xFF800000"
        if v == "inf":
            return "0x7F800000"
        return repr(float(v))
    return str(v)


def split_dims(text):
    """The dimensions a sharding body splits, at either tier."""
    return {int(k) for k in re.findall(r"\bd(\d+)\b", text)}


def prod(xs):
    r = 1
    for x in xs:
        r *= x
    return r


class FeatureProgram(Program):
    """Cases for --features: gathers and extracts, reductions with every
    combiner, helper functions, ops without sharding rules, convolutions and
    poolings, pads, concats, zero-size dimensions, constant index maps, loops,
    strategies switched at run time (then `strategies` names the module's
    strategies, drawn at the first such case), front-end programs. Data
    is integer-valued so every result is exact; zero-size tensors are never
    printed (printMemref reads one element of an empty buffer)."""

    def __init__(self, rng, features):
        super().__init__(rng)
        self.features = features
        self.funcs = []
        self.nfunc = 0
        self.strategies = []
        # `frontend` prints f32 tensors through a tensor-typed printMemrefF32
        # (as front ends declare it), so every f32 print of the program does.
        self.tensor_print = "frontend" in features

    # -- building blocks ----------------------------------------------------

    def note(self, kind, sub):
        self.lines.append(f"  // case {self.ncase}: {kind}/{sub}")

    def const(self, v, ety="f32"):
        c = self.fresh()
        self.lines.append(f"  {c} = arith.constant {lit(v, ety)} : {ety}")
        return c

    def cindex(self, n):
        c = self.fresh()
        self.lines.append(f"  {c} = arith.constant {n} : index")
        return c

    def gen(self, shape, ety="f32", mod=7, off=3, twos=False):
        """Elements ((c + sum_k a_k * i_k) mod `mod`) - off; with twos, 2
        where that residue is 0 and 1 elsewhere (products stay exact)."""
        rng = self.rng
        t = tt(shape, ety)
        if not shape:
            v = rng.choice([1, 2]) if twos else rng.randint(0, mod - 1) - off
            r = self.fresh()
            self.lines.append(f"  {r} = arith.constant dense<{lit(v, ety)}> : {t}")
            return r
        rank = len(shape)
        coeffs = [rng.randint(1, 5) for _ in range(rank)]
        c = rng.randint(0, 6)
        e, g = self.fresh(), self.fresh()
        body = [f"  {e} = tensor.empty() : {t}",
                f"  {g} = linalg.generic {{indexing_maps = [{ident(rank)}], "
                f"iterator_types = {iters(['parallel'] * rank)}}} outs({e} : {t}) {{",
                f"  ^bb0(%out: {ety}):",
                f"    %s0 = arith.constant {c} : index"]
        for k in range(rank):
            body += [f"    %i{k} = linalg.index {k} : index",
                     f"    %a{k} = arith.constant {coeffs[k]} : index",
                     f"    %t{k} = arith.muli %i{k}, %a{k} : index",
                     f"    %s{k + 1} = arith.addi %s{k}, %t{k} : index"]
        body += [f"    %md = arith.constant {mod} : index",
                 f"    %m = arith.remui %s{rank}, %md : index",
                 "    %mi = arith.index_cast %m : index to i64"]
        if twos:
            body += ["    %z64 = arith.constant 0 : i64",
                     "    %one = arith.constant 1 : i64",
                     "    %two = arith.constant 2 : i64",
                     "    %isz = arith.cmpi eq, %mi, %z64 : i64",
                     "    %d = arith.select %isz, %two, %one : i64"]
        else:
            body += [f"    %ofs = arith.constant {off} : i64",
                     "    %d = arith.subi %mi, %ofs : i64"]
        if ety == "f32":
            body.append("    %v = arith.sitofp %d : i64 to f32")
        else:
            body.append("    %v = arith.trunci %d : i64 to i32")
        body += [f"    linalg.yield %v : {ety}", f"  }} -> {t}"]
        self.lines += body
        return g

    def pick(self, shape, allow_partial=True, dims=None):
        """A random valid sharding body; with dims, one splitting only those."""
        for _ in range(200):
            text = sharding(self.rng, shape, allow_partial)
            if dims is None or split_dims(text) <= set(dims):
                return text
        return "[0] : []"

    def ann(self, v, shape, ety="f32", op="annotate", dims=None, text=None):
        text = text or self.pick(shape, dims=dims)
        r = self.fresh()
        kw = "as" if op == "annotate" else "to"
        self.lines.append(f"  {r} = hspmd.{op} {v} {kw} #hspmd.sharding<{text}> : "
                          f"{tt(shape, ety)}")
        return r

    def maybe(self, v, shape, ety="f32", p=0.5, dims=None):
        if self.rng.random() < p:
            return self.ann(v, shape, ety, dims=dims)
        return v

    def filled(self, shape, ety, value):
        """A fill with a constant, or (value an SSA name) with that scalar."""
        c = value if isinstance(value, str) and value.startswith("%") else self.const(value, ety)
        e, f = self.fresh(), self.fresh()
        t = tt(shape, ety)
        self.lines += [f"  {e} = tensor.empty() : {t}",
                       f"  {f} = linalg.fill ins({c} : {ety}) outs({e} : {t}) -> {t}"]
        return f

    def empty(self, shape, ety="f32"):
        e = self.fresh()
        self.lines.append(f"  {e} = tensor.empty() : {tt(shape, ety)}")
        return e

    def show(self, v, shape):
        if self.tensor_print:
            self.out(v, shape)
        else:
            super().show(v, shape)

    def out(self, v, shape, ety="f32"):
        assert 0 not in shape, "zero-size tensors are never printed"
        if self.tensor_print and ety == "f32":
            u = self.fresh()
            self.lines += [f"  {u} = tensor.cast {v} : {tt(shape)} to tensor<*xf32>",
                           f"  func.call @printMemrefF32({u}) : (tensor<*xf32>) -> ()"]
            return
        b, u = self.fresh(), self.fresh()
        m = mt(shape, ety)
        fn = "printMemrefF32" if ety == "f32" else "printMemrefI32"
        self.lines += [f"  {b} = bufferization.to_buffer {v} : {tt(shape, ety)} to {m}",
                       f"  {u} = memref.cast {b} : {m} to memref<*x{ety}>",
                       f"  call @{fn}({u}) : (memref<*x{ety}>) -> ()"]

    def ewise(self, op, a, b, shape, ety="f32"):
        r = self.fresh()
        self.lines.append(f"  {r} = arith.{op} {a}, {b} : {tt(shape, ety)}")
        return r

    def generic(self, ins, outs, maps, kinds, body, nres=1):
        """ins/outs: lists of (value, type); body: lines after the block
        header (the block arguments are %b0, %b1, ...)."""
        r = self.fresh()
        args = [f"%b{k}: {elem(t)}" for k, (_, t) in enumerate(ins + outs)]
        head = f"  {r}:{nres}" if nres > 1 else f"  {r}"
        text = (f"{head} = linalg.generic {{indexing_maps = [{', '.join(maps)}], "
                f"iterator_types = {iters(kinds)}}}")
        if ins:
            text += " ins(%s : %s)" % (", ".join(v for v, _ in ins), ", ".join(t for _, t in ins))
        text += " outs(%s : %s) {" % (", ".join(v for v, _ in outs), ", ".join(t for _, t in outs))
        restys = ", ".join(t for _, t in outs)
        self.lines += [text, f"  ^bb0({', '.join(args)}):"] + [f"    {b}" for b in body]
        self.lines.append(f"  }} -> {restys if nres == 1 else '(' + restys + ')'}")
        return r

    def combine(self, comb, a, b, ety):
        return f"%c = arith.{comb} {a}, {b} : {ety}"

    def use_scalar(self, x):
        """Uses an f32 scalar on other devices: a fill, or a captured
        operand of an elementwise generic over a placed tensor."""
        rng = self.rng
        if rng.random() < 0.5:
            y = self.maybe(self.filled([2], "f32", x), [2])
            self.out(y, [2])
            return
        shape = [rng.choice([2, 4, 8]), rng.choice([2, 4, 8])]
        u = self.ann(self.gen(shape), shape)
        t = tt(shape)
        y = self.generic([(u, t)], [(self.empty(shape), t)], [ident(2)] * 2,
                         ["parallel"] * 2,
                         [f"%s = arith.addf %b0, {x} : f32", "linalg.yield %s : f32"])
        y = self.maybe(y, shape)
        self.out(y, shape)

    def helper_func(self, args, results, body_fn, private=True):
        """Appends a function; args/results: lists of (shape, sharding body
        or None); body_fn(arg names) emits the body and returns the results."""
        self.nfunc += 1
        name = f"@helper{self.nfunc}"
        saved, self.lines = self.lines, ["  %zero = arith.constant 0.0 : f32"]
        rets = body_fn([f"%arg{k}" for k in range(len(args))])
        body, self.lines = self.lines, saved

        def attr(sh):
            return f" {{hspmd.sharding = #hspmd.sharding<{sh}>}}" if sh else ""
        sig = ", ".join(f"%arg{k}: {tt(s)}{attr(sh)}" for k, (s, sh) in enumerate(args))
        res = ", ".join(f"{tt(s)}{attr(sh)}" for s, sh in results)
        if len(results) > 1 or any(sh for _, sh in results):
            res = f"({res})"
        vis = "private " if private else ""
        self.funcs.append("\n".join(
            [f"func.func {vis}{name}({sig}) -> {res} {{"] + body +
            [f"  return {', '.join(rets)} : {', '.join(tt(s) for s, _ in results)}", "}"]))
        return name

    def call(self, name, args, arg_shapes, res_shapes):
        r = self.fresh()
        n = len(res_shapes)
        head = f"{r}:{n}" if n > 1 else r
        rt = ", ".join(tt(s) for s in res_shapes)
        self.lines.append(f"  {head} = call {name}({', '.join(args)}) : "
                          f"({', '.join(tt(s) for s in arg_shapes)}) -> "
                          f"{'(' + rt + ')' if n > 1 else rt}")
        return [r] if n == 1 else [f"{r}#{k}" for k in range(n)]

    def combiner_body(self, comb, ety, x, acc):
        """The body of a reduction combining element x into acc; the last
        line defines %c. Besides the arith ops: sumsq (acc + x*x), horner
        (2*acc + x: not a sum, the order matters) and maxabs
        (max(acc, |x|))."""
        rng = self.rng
        f = ety == "f32"
        add, mul = ("addf", "mulf") if f else ("addi", "muli")
        if comb == "sumsq":
            return [f"%p = arith.{mul} {x}, {x} : {ety}", f"%c = arith.{add} {acc}, %p : {ety}"]
        if comb == "horner":
            return [f"%p = arith.{add} {acc}, {acc} : {ety}", f"%c = arith.{add} %p, {x} : {ety}"]
        if comb == "maxabs":
            return [f"%p = math.absf {x} : {ety}", f"%c = arith.maximumf {acc}, %p : {ety}"]
        a, b = (x, acc) if rng.random() < 0.5 else (acc, x)
        return [f"%c = arith.{comb} {a}, {b} : {ety}"]

    def reduction(self, x, shape, rdims, comb, ety, init):
        """linalg.reduce or a generic with reduction loops; returns the result
        and its shape."""
        rng = self.rng
        keep = [d for d in range(len(shape)) if d not in rdims]
        oshape = [shape[d] for d in keep]
        t, to = tt(shape, ety), tt(oshape, ety)
        if rng.random() < 0.5:
            r = self.fresh()
            self.lines += [
                f"  {r} = linalg.reduce ins({x} : {t}) outs({init} : {to}) "
                f"dimensions = [{', '.join(map(str, sorted(rdims)))}]",
                f"    (%in: {ety}, %acc: {ety}) {{"]
            self.lines += [f"      {l}" for l in self.combiner_body(comb, ety, "%in", "%acc")]
            self.lines += [f"      linalg.yield %c : {ety}", "    }"]
            return r, oshape
        rank = len(shape)
        r = self.generic([(x, t)], [(init, to)],
                         [ident(rank), amap(rank, [f"d{d}" for d in keep])],
                         ["reduction" if d in rdims else "parallel" for d in range(rank)],
                         self.combiner_body(comb, ety, "%b0", "%b1") +
                         [f"linalg.yield %c : {ety}"])
        return r, oshape

    # -- cases ----------------------------------------------------------------

    def feature_case(self):
        # The kinds in turn, from a random first one: every program of a few
        # dozen cases has each selected kind about equally often.
        if self.ncase == 0:
            self.first = self.rng.randrange(len(self.features))
        kind = self.features[(self.first + self.ncase) % len(self.features)]
        if kind == "base":
            self.lines.append(f"  // case {self.ncase}: base")
            self.case()
        else:
            getattr(self, "case_" + kind)()

    def case_extract(self):
        """tensor.extract from placed tensors at constant or computed
        indices; the scalar is used on other devices."""
        rng = self.rng
        sub = rng.choice(["const", "computed", "int", "rank0", "fromcomputed"])
        self.note("extract", sub)
        dims = [2, 4, 6, 8, 12]
        shape = [] if sub == "rank0" else [rng.choice(dims) for _ in range(rng.randint(1, 3))]
        ety = "i32" if sub == "int" else "f32"
        if sub == "fromcomputed":
            m, k, n = (rng.choice([2, 4, 8]) for _ in range(3))
            x = self.ann(self.gen([m, k]), [m, k])
            w = self.ann(self.gen([k, n]), [k, n])
            t = self.maybe(self.matmul(x, w, m, k, n), [m, n])
            shape = [m, n]
        else:
            t = self.ann(self.gen(shape, ety), shape, ety)
        idx = []
        if sub == "computed":
            n = rng.choice([2, 4, 8])
            ids = self.ann(self.gen([n], mod=shape[0], off=0), [n])
            c = self.cindex(rng.randrange(n))
            s, si, sx = self.fresh(), self.fresh(), self.fresh()
            self.lines += [f"  {s} = tensor.extract {ids}[{c}] : {tt([n])}",
                           f"  {si} = arith.fptosi {s} : f32 to i32",
                           f"  {sx} = arith.index_cast {si} : i32 to index"]
            idx.append(sx)
            for k in range(1, len(shape)):
                a, b, m = (self.cindex(rng.randrange(20)), self.cindex(rng.randrange(20)),
                           self.cindex(shape[k]))
                s, r = self.fresh(), self.fresh()
                self.lines += [f"  {s} = arith.addi {a}, {b} : index",
                               f"  {r} = arith.remui {s}, {m} : index"]
                idx.append(r)
        else:
            idx = [self.cindex(rng.randrange(d)) for d in shape]
        x = self.fresh()
        self.lines.append(f"  {x} = tensor.extract {t}[{', '.join(idx)}] : {tt(shape, ety)}")
        if ety == "i32":
            xf = self.fresh()
            self.lines.append(f"  {xf} = arith.sitofp {x} : i32 to f32")
            x = xf
        self.use_scalar(x)

    def case_gather(self):
        """A generic whose body extracts from a captured, placed table at an
        index read from an input tensor of ids."""
        rng = self.rng
        sub = rng.choice(["rows", "cols", "rows2d", "bag", "captured"])
        idty = rng.choice(["f32", "i32"])
        self.note("gather", f"{sub}/{idty}")
        V, D = rng.choice([4, 6, 8, 12]), rng.choice([2, 4, 6, 8])
        tshape = [D, V] if sub == "cols" else [V, D]
        table = self.ann(self.gen(tshape), tshape)
        N = rng.choice([2, 4, 6, 8])
        ishape = [N, rng.choice([2, 3, 4])] if sub == "rows2d" else [N]
        ids = self.ann(self.gen(ishape, idty, mod=V, off=0), ishape, idty)
        it = tt(ishape, idty)

        def row(idv, j):
            out = []
            if idty == "f32":
                out += [f"%gk = arith.fptosi {idv} : f32 to i32",
                        "%gr = arith.index_cast %gk : i32 to index"]
            else:
                out.append(f"%gr = arith.index_cast {idv} : i32 to index")
            at = f"{j}, %gr" if sub == "cols" else f"%gr, {j}"
            out.append(f"%gv = tensor.extract {table}[{at}] : {tt(tshape)}")
            return out

        if sub == "bag":
            comb = rng.choice(["addf", "maximumf"])
            init = self.maybe(self.filled([D], "f32", rng.choice([0, 3, -2])), [D], p=0.3)
            y = self.generic([(ids, it)], [(init, tt([D]))],
                             [amap(2, ["d0"]), amap(2, ["d1"])], ["reduction", "parallel"],
                             ["%gj = linalg.index 1 : index"] + row("%b0", "%gj") +
                             [f"%gs = arith.{comb} %gv, %b1 : f32", "linalg.yield %gs : f32"])
            oshape = [D]
        elif sub == "captured":
            oshape = [N, D]
            body = ["%gi = linalg.index 0 : index", "%gj = linalg.index 1 : index",
                    f"%id = tensor.extract {ids}[%gi] : {it}"] + row("%id", "%gj")
            y = self.generic([], [(self.empty(oshape), tt(oshape))], [ident(2)],
                             ["parallel"] * 2, body + ["linalg.yield %gv : f32"])
        else:
            oshape = ishape + [D]
            rank = len(oshape)
            acc = rng.random() < 0.4
            init = self.ann(self.gen(oshape), oshape) if acc else self.empty(oshape)
            body = [f"%gj = linalg.index {rank - 1} : index"] + row("%b0", "%gj")
            body += (["%gs = arith.addf %gv, %b1 : f32", "linalg.yield %gs : f32"]
                     if acc else ["linalg.yield %gv : f32"])
            y = self.generic([(ids, it)], [(init, tt(oshape))],
                             [amap(rank, [f"d{k}" for k in range(rank - 1)]), ident(rank)],
                             ["parallel"] * rank, body)
        y = self.maybe(y, oshape)
        self.out(y, oshape)

    def case_reduce(self):
        """A reduction over random dimensions (often split ones) with any
        combiner, on f32 or i32, or an argmax/argmin pair; the init is the
        neutral element or not."""
        rng = self.rng
        ety = "f32" if rng.random() < 0.55 else "i32"
        comb = rng.choice(COMBINERS[ety] + (["argmax", "argmin"] if ety == "f32" else []))
        while True:
            rank = rng.randint(1, 3)
            shape = [rng.choice([2, 4, 6, 8, 12] if rank < 3 else [2, 4, 6])
                     for _ in range(rank)]
            # Mostly an input split somewhere and a reduction over a split
            # dimension: where partial results must be combined.
            want_split = rng.random() < 0.7
            # A partial input is summed first whatever the combiner; mostly
            # leave partial out where a split reduction is wanted.
            partial = not want_split or rng.random() < 0.3
            for _ in range(50):
                text = self.pick(shape, allow_partial=partial)
                split = sorted(split_dims(text))
                if split or not want_split:
                    break
            if comb.startswith("arg"):
                rdims = [rng.randrange(rank)]
            else:
                rdims = rng.sample(range(rank), rng.randint(1, rank))
            if split and want_split and not set(rdims) & set(split):
                rdims[0] = rng.choice(split)
            rdims = sorted(set(rdims))
            # Products of 1s and 2s and 2^n-weighted sums stay exact.
            limit = {"mulf": 24, "muli": 24, "horner": 12}.get(comb)
            if limit is None or prod(shape[d] for d in rdims) <= limit:
                break
        neutral = rng.random() < 0.5
        data_init = not comb.startswith("arg") and rng.random() < 0.25
        self.note("reduce", f"{comb}/{ety}/{'data' if data_init else 'neutral' if neutral else 'init'}"
                  f"/dims{rdims}{'/split' if set(rdims) & set(split) else ''}")
        if comb in ("mulf", "muli"):
            x = self.gen(shape, ety, twos=True)
        elif comb in ("andi", "ori", "xori"):
            x = self.gen(shape, ety, mod=16, off=8)
        else:
            x = self.gen(shape, ety)
        x = self.ann(x, shape, ety, text=text)
        keep = [d for d in range(rank) if d not in rdims]
        oshape = [shape[d] for d in keep]
        if comb.startswith("arg"):
            big = comb == "argmax"
            vinit = self.maybe(self.filled(oshape, "f32", ("-inf" if big else "inf") if neutral
                                           else (-1 if big else 1)), oshape, p=0.3)
            iinit = self.maybe(self.filled(oshape, "i32", rng.choice([0, -1, 5])), oshape,
                               "i32", p=0.3)
            rd = rdims[0]
            r = self.generic(
                [(x, tt(shape))], [(vinit, tt(oshape)), (iinit, tt(oshape, "i32"))],
                [ident(rank), amap(rank, [f"d{d}" for d in keep]),
                 amap(rank, [f"d{d}" for d in keep])],
                ["reduction" if d == rd else "parallel" for d in range(rank)],
                [f"%k = linalg.index {rd} : index",
                 "%ki = arith.index_cast %k : index to i32",
                 f"%gt = arith.cmpf {'ogt' if big else 'olt'}, %b0, %b1 : f32",
                 "%nv = arith.select %gt, %b0, %b1 : f32",
                 "%ni = arith.select %gt, %ki, %b2 : i32",
                 "linalg.yield %nv, %ni : f32, i32"], nres=2)
            v = self.maybe(f"{r}#0", oshape, p=0.3)
            i = self.maybe(f"{r}#1", oshape, "i32", p=0.3)
            self.out(v, oshape)
            self.out(i, oshape, "i32")
            return
        if data_init:
            init = self.maybe(self.gen(oshape, ety), oshape, ety, p=0.6)
        else:
            init = NEUTRAL[comb] if neutral else rng.choice([3, -2, 5])
            init = self.maybe(self.filled(oshape, ety, init), oshape, ety, p=0.3)
        r, oshape = self.reduction(x, shape, rdims, comb, ety, init)
        r = self.maybe(r, oshape, ety, p=0.4)
        self.out(r, oshape, ety)

    def case_helper(self):
        """Helper functions called from @main, with or without shardings on
        their arguments and results; often called twice with differently
        placed arguments."""
        rng = self.rng
        sub = rng.choice(["unary", "matmul", "reduce", "two", "nested", "annotated"])
        twice = rng.random() < 0.6
        private = rng.random() < 0.8
        self.note("helper", f"{sub}{'/twice' if twice else ''}{'' if private else '/public'}")
        dims = [2, 4, 6, 8]
        m, n, k = (rng.choice(dims) for _ in range(3))

        def sh(shape):
            return self.pick(shape) if rng.random() < 0.5 else None

        if sub == "matmul":
            arg_shapes, res_shapes = [[m, k], [k, n]], [[m, n]]
        elif sub == "reduce":
            arg_shapes, res_shapes = [[m, n]], [[n]]
        elif sub == "two":
            arg_shapes, res_shapes = [[m, n]], [[m, n], [n]]
        elif sub == "nested":
            arg_shapes, res_shapes = [[m, n], [m, n]], [[m, n]]
        else:
            arg_shapes, res_shapes = [[m, n]], [[m, n]]
        args = [(s, sh(s)) for s in arg_shapes]
        results = [(s, sh(s)) for s in res_shapes]

        if sub == "nested":
            inner = self.helper_func([([m, n], sh([m, n]))], [([m, n], sh([m, n]))],
                                     lambda a: [self.ewise("mulf", a[0], a[0], [m, n])])

        def body(a):
            if sub == "matmul":
                return [self.matmul(a[0], a[1], m, k, n)]
            if sub == "reduce":
                comb = rng.choice(["addf", "maximumf", "mulf"])
                init = self.filled([n], "f32", {"addf": 0, "maximumf": -100, "mulf": 1}[comb])
                return [self.reduction(a[0], [m, n], [0], comb, "f32", init)[0]]
            if sub == "two":
                s = self.ewise("addf", a[0], a[0], [m, n])
                return [s, self.reduce(a[0], [m, n], 0)[0]]
            if sub == "nested":
                y = self.call(inner, [a[0]], [[m, n]], [[m, n]])[0]
                return [self.ewise("subf", y, a[1], [m, n])]
            if sub == "annotated":
                y = self.ann(self.relu(a[0], [m, n]), [m, n])
                return [self.ewise("addf", y, a[0], [m, n])]
            return [self.relu(self.ewise("subf", a[0], a[0] if rng.random() < 0.3 else
                                         self.gen([m, n]), [m, n]), [m, n])]

        name = self.helper_func(args, results, body, private)
        xs = [self.gen(s) for s in arg_shapes]
        first = self.call(name, [self.maybe(x, s, p=0.8) for x, s in zip(xs, arg_shapes)],
                          arg_shapes, res_shapes)
        if twice:
            second = self.call(name, [self.maybe(x, s, p=0.8) for x, s in zip(xs, arg_shapes)],
                               arg_shapes, res_shapes)
            first = [self.ewise("addf", a, b, s) for a, b, s in zip(first, second, res_shapes)]
        for v, s in zip(first, res_shapes):
            self.out(self.maybe(v, s, p=0.3), s)

    def case_norule(self):
        """Ops without sharding rules: tensor.insert, tensor.from_elements,
        tensor.generate, tensor.splat, tensor.reshape, elementwise ops outside
        the rule list; sometimes with an annotated result."""
        rng = self.rng
        sub = rng.choice(["insert", "from_elements", "generate", "splat", "reshape", "ewise"])
        dims = [2, 4, 6, 8]
        shape = [rng.choice(dims), rng.choice(dims)]

        def scalar():
            if rng.random() < 0.3:
                return self.const(rng.randint(-9, 9))
            s2 = [rng.choice(dims), rng.choice(dims)]
            t = self.ann(self.gen(s2), s2)
            i, j = self.cindex(rng.randrange(s2[0])), self.cindex(rng.randrange(s2[1]))
            x = self.fresh()
            self.lines.append(f"  {x} = tensor.extract {t}[{i}, {j}] : {tt(s2)}")
            return x

        if sub == "ewise":
            op = rng.choice(["remsi", "shli", "shrsi", "maxui", "minui", "ceildivsi",
                             "floordivsi", "absi", "floor", "ceil", "round", "copysign",
                             "uitofp"])
            self.note("norule", f"ewise/{op}")
            if op in ("floor", "ceil", "round", "copysign"):
                a = self.ann(self.gen(shape), shape)
                r = self.fresh()
                if op == "copysign":
                    b = self.ann(self.gen(shape), shape)
                    self.lines.append(f"  {r} = math.copysign {a}, {b} : {tt(shape)}")
                else:
                    self.lines.append(f"  {r} = math.{op} {a} : {tt(shape)}")
                ety = "f32"
            elif op in ("absi", "uitofp"):
                a = self.ann(self.gen(shape, "i32", off=3 if op == "absi" else 0), shape, "i32")
                r = self.fresh()
                if op == "absi":
                    self.lines.append(f"  {r} = math.absi {a} : {tt(shape, 'i32')}")
                    ety = "i32"
                else:
                    self.lines.append(f"  {r} = arith.uitofp {a} : {tt(shape, 'i32')} to {tt(shape)}")
                    ety = "f32"
            else:
                a = self.ann(self.gen(shape, "i32", mod=15, off=7), shape, "i32")
                if op in ("shli", "shrsi"):
                    b = self.gen(shape, "i32", mod=4, off=0)
                elif op in ("remsi", "ceildivsi", "floordivsi"):
                    b = self.gen(shape, "i32", mod=3, off=-1)
                else:
                    b = self.gen(shape, "i32")
                b = self.ann(b, shape, "i32")
                r = self.ewise(op, a, b, shape, "i32")
                ety = "i32"
            r = self.maybe(r, shape, ety)
            self.out(r, shape, ety)
            return
        self.note("norule", sub)
        if sub == "insert":
            t = self.ann(self.gen(shape), shape)
            x = scalar()
            i, j = self.cindex(rng.randrange(shape[0])), self.cindex(rng.randrange(shape[1]))
            r = self.fresh()
            self.lines.append(f"  {r} = tensor.insert {x} into {t}[{i}, {j}] : {tt(shape)}")
        elif sub == "from_elements":
            shape = rng.choice([[2], [4], [2, 2], [2, 3], [3, 1]])
            xs = [scalar() for _ in range(prod(shape))]
            r = self.fresh()
            self.lines.append(f"  {r} = tensor.from_elements {', '.join(xs)} : {tt(shape)}")
        elif sub == "generate":
            src = self.ann(self.gen(shape), shape)
            cap = rng.random() < 0.5
            body = ["  ^bb0(%p0: index, %p1: index):",
                    "    %q = arith.addi %p0, %p1 : index",
                    "    %qi = arith.index_cast %q : index to i64",
                    "    %qf = arith.sitofp %qi : i64 to f32"]
            if cap:
                body += [f"    %qx = tensor.extract {src}[%p0, %p1] : {tt(shape)}",
                         "    %qs = arith.subf %qx, %qf : f32",
                         "    tensor.yield %qs : f32"]
            else:
                body.append("    tensor.yield %qf : f32")
            r = self.fresh()
            self.lines += [f"  {r} = tensor.generate {{"] + body + [f"  }} : {tt(shape)}"]
        elif sub == "splat":
            x = scalar()
            r = self.fresh()
            self.lines.append(f"  {r} = tensor.splat {x} : {tt(shape)}")
        else:
            t = self.ann(self.gen(shape), shape)
            a, b = shape
            new = rng.choice([[b, a], [a * b], [a // 2, b * 2], [a, b // 2, 2]])
            s = self.fresh()
            self.lines.append(f"  {s} = arith.constant dense<[{', '.join(map(str, new))}]> : "
                              f"tensor<{len(new)}xindex>")
            r = self.fresh()
            self.lines.append(f"  {r} = tensor.reshape {t}({s}) : ({tt(shape)}, "
                              f"tensor<{len(new)}xindex>) -> {tt(new)}")
            shape = new
        r = self.maybe(r, shape)
        if rng.random() < 0.4:
            r = self.ewise("addf", r, self.ann(self.gen(shape), shape), shape)
        self.out(r, shape)

    def case_conv(self):
        """Convolutions and poolings, the batch or channel dimension split
        (sometimes any dimension)."""
        rng = self.rng
        sub = rng.choice(["conv_2d_nhwc_hwcf", "conv_2d_nchw_fchw", "conv_1d_nwc_wcf",
                          "depthwise_conv_2d_nhwc_hwc", "depthwise_conv_1d_nwc_wc",
                          "pooling_nhwc_sum", "pooling_nhwc_max", "pooling_nchw_max",
                          "pooling_nhwc_min"])
        anysplit = rng.random() < 0.2
        nd = 1 if "1d" in sub else 2
        N, C, F = rng.choice([1, 2, 4]), rng.choice([1, 2, 4]), rng.choice([2, 4, 6])
        ks = [rng.randint(1, 3) for _ in range(nd)]
        st = [rng.randint(1, 2) for _ in range(nd)]
        dl = [rng.randint(1, 2) for _ in range(nd)]
        osz = [rng.randint(1, 4) for _ in range(nd)]
        isz = [(o - 1) * s + (k - 1) * d + 1 for o, s, k, d in zip(osz, st, ks, dl)]
        self.note("conv", f"{sub}{'/anysplit' if anysplit else ''}/k{ks}s{st}d{dl}")
        nchw = "nchw" in sub
        ishape = [N, C] + isz if nchw else [N] + isz + [C]
        if sub.startswith("pooling"):
            fshape = ks
            oshape = [N, C] + osz if nchw else [N] + osz + [C]
        elif sub.startswith("depthwise"):
            fshape = ks + [C]
            oshape = [N] + osz + [C]
        elif nchw:
            fshape = [F, C] + ks
            oshape = [N, F] + osz
        else:
            fshape = ks + [C, F]
            oshape = [N] + osz + [F]
        cdim = 1 if nchw else nd + 1
        x = self.ann(self.gen(ishape), ishape, dims=None if anysplit else [0, cdim])
        if sub.startswith("pooling"):
            w = self.empty(fshape)
        else:
            fdims = [0, 1] if nchw else list(range(nd, len(fshape)))
            w = self.ann(self.gen(fshape, mod=3, off=1), fshape,
                         dims=None if anysplit else fdims)
        if "max" in sub:
            init = rng.choice(["-inf", -100, 1])
        elif "min" in sub:
            init = rng.choice(["inf", 100, -1])
        else:
            init = rng.choice([0, 0, 3])
        init = self.maybe(self.filled(oshape, "f32", init), oshape, p=0.3,
                          dims=None if anysplit else [0, cdim])
        r = self.fresh()
        vec = lambda v: f"dense<[{', '.join(map(str, v))}]> : tensor<{nd}xi64>"
        self.lines.append(
            f"  {r} = linalg.{sub} {{dilations = {vec(dl)}, strides = {vec(st)}}} "
            f"ins({x}, {w} : {tt(ishape)}, {tt(fshape)}) outs({init} : {tt(oshape)}) "
            f"-> {tt(oshape)}")
        r = self.maybe(r, oshape, p=0.4)
        self.out(r, oshape)

    def pad(self, t, shape, low, high, value):
        """tensor.pad with a constant (a number), a captured scalar (an SSA
        name) or an index-computed value (None)."""
        rank = len(shape)
        oshape = [s + l + h for s, l, h in zip(shape, low, high)]
        body = [f"  ^bb0({', '.join(f'%p{k}: index' for k in range(rank))}):"]
        if value is None:
            body += [f"    %q = arith.addi %p0, %p{rank - 1} : index",
                     "    %qi = arith.index_cast %q : index to i64",
                     "    %qf = arith.sitofp %qi : i64 to f32",
                     "    tensor.yield %qf : f32"]
        else:
            if not (isinstance(value, str) and value.startswith("%")):
                value = self.const(value)
            body.append(f"    tensor.yield {value} : f32")
        r = self.fresh()
        self.lines += ([f"  {r} = tensor.pad {t} low[{', '.join(map(str, low))}] "
                        f"high[{', '.join(map(str, high))}] {{"] + body +
                       [f"  }} : {tt(shape)} to {tt(oshape)}"])
        return r, oshape

    def case_pad(self):
        """tensor.pad of a placed tensor: constant, captured or index-computed
        padding value; the result sometimes placed and used."""
        rng = self.rng
        how = rng.choice(["const", "captured", "indices"])
        rank = rng.randint(1, 3)
        shape = [rng.choice([2, 4, 6, 8]) for _ in range(rank)]
        low = [rng.randint(0, 3) for _ in range(rank)]
        high = [rng.randint(0, 3) for _ in range(rank)]
        self.note("pad", f"{how}/low{low}high{high}")
        t = self.ann(self.gen(shape), shape)
        if how == "const":
            value = rng.choice([0, 7, -1])
        elif how == "captured":
            s = self.ann(self.gen([4]), [4])
            c = self.cindex(rng.randrange(4))
            value = self.fresh()
            self.lines.append(f"  {value} = tensor.extract {s}[{c}] : {tt([4])}")
        else:
            value = None
        r, oshape = self.pad(t, shape, low, high, value)
        r = self.maybe(r, oshape)
        if rng.random() < 0.4:
            r = self.ewise("mulf", r, self.ann(self.gen(oshape), oshape), oshape)
        self.out(r, oshape)

    def concat(self, parts, shapes, dim, ety="f32"):
        oshape = list(shapes[0])
        oshape[dim] = sum(s[dim] for s in shapes)
        r = self.fresh()
        self.lines.append(f"  {r} = tensor.concat dim({dim}) {', '.join(parts)} : "
                          f"({', '.join(tt(s, ety) for s in shapes)}) -> {tt(oshape, ety)}")
        return r, oshape

    def case_concat(self):
        """tensor.concat of 2 or 3 differently placed operands along a random
        dimension; the result sometimes placed, reduced or added to."""
        rng = self.rng
        rank = rng.randint(1, 3)
        dim = rng.randrange(rank)
        ety = "i32" if rng.random() < 0.2 else "f32"
        base = [rng.choice([2, 4, 6]) for _ in range(rank)]
        shapes = []
        for _ in range(rng.randint(2, 3)):
            s = list(base)
            s[dim] = rng.choice([1, 2, 4, 6])
            shapes.append(s)
        self.note("concat", f"dim{dim}/{ety}/{len(shapes)}")
        parts = [self.ann(self.gen(s, ety), s, ety) for s in shapes]
        r, oshape = self.concat(parts, shapes, dim, ety)
        r = self.maybe(r, oshape, ety)
        if ety == "f32" and rank > 1 and rng.random() < 0.3:
            r, oshape = self.reduction(r, oshape, [dim], "addf", "f32",
                                       self.filled([s for k, s in enumerate(oshape) if k != dim],
                                                   "f32", 0))
        self.out(r, oshape, ety)

    def case_zerosize(self):
        """A dimension of size 0 flowing through reshards, elementwise ops,
        matmuls, reductions, transposes; made printable by a reduction over
        it, a concat or a pad."""
        rng = self.rng
        sub = rng.choice(["reshard", "ewise", "matmul_k0", "matmul_m0", "reduce_zero",
                          "reduce_other", "transpose"])
        rank = rng.randint(1, 3) if sub in ("reshard", "ewise", "reduce_zero") else 2
        shape = [rng.choice([2, 4, 8]) for _ in range(rank)]
        zd = rng.randrange(rank)
        shape[zd] = 0
        finish = rng.choice(["concat", "pad", "sum"])
        if sub in ("reduce_zero", "matmul_k0"):
            finish = "none"
        self.note("zerosize", f"{sub}/{finish}")
        x = self.ann(self.gen(shape), shape)
        if sub == "reshard":
            y = self.ann(x, shape, op="reshard")
        elif sub == "ewise":
            y = self.ewise(rng.choice(["addf", "mulf"]), x, self.ann(self.gen(shape), shape), shape)
        elif sub in ("matmul_k0", "matmul_m0"):
            m, k, n = rng.choice([2, 4]), rng.choice([2, 4]), rng.choice([2, 4])
            if sub == "matmul_k0":
                k = 0
            else:
                m = 0
            a = self.ann(self.gen([m, k]), [m, k])
            b = self.ann(self.gen([k, n]), [k, n])
            y = self.matmul(a, b, m, k, n)
            shape = [m, n]
        elif sub == "transpose":
            y, shape = self.transpose(x, shape)
        else:
            y = x
        if sub == "reduce_zero":
            rd = [d for d in range(rank) if shape[d] == 0]
        elif sub == "reduce_other":
            rd = [d for d in range(rank) if shape[d] != 0][:1]
        else:
            rd = None
        y = self.maybe(y, shape)
        if rd is not None:
            comb = rng.choice(["addf", "maximumf", "mulf"])
            init = self.filled([s for d, s in enumerate(shape) if d not in rd], "f32",
                               rng.choice([0, 3, -2]))
            y, shape = self.reduction(y, shape, rd, comb, "f32", init)
            y = self.maybe(y, shape)
        if finish == "concat":
            d = shape.index(0)
            other = list(shape)
            other[d] = rng.choice([1, 2, 4])
            o = self.ann(self.gen(other), other)
            # Zero-size operand first: upstream bufferizes a trailing one into
            # a subview at offset == size, which its verifier rejects.
            parts, shapes = [y, o], [shape, other]
            y, shape = self.concat(parts, shapes, d)
        elif finish == "pad":
            # At least one row after the empty block too: upstream bufferizes
            # a pad into a subview of the source at offset `low`, and its
            # verifier rejects an empty subview at offset == size.
            low = [1 if s == 0 else 0 for s in shape]
            high = [rng.randint(1, 2) if s == 0 else rng.randint(0, 2) for s in shape]
            y, shape = self.pad(y, shape, low, high, rng.choice([5, None]))
        elif finish == "sum":
            rd = [d for d in range(len(shape)) if shape[d] == 0]
            y, shape = self.reduction(y, shape, rd, "addf", "f32",
                                      self.filled([s for s in shape if s != 0], "f32", 1))
        if 0 in shape:
            raise AssertionError("zero-size result left")
        y = self.maybe(y, shape, p=0.3)
        self.out(y, shape)

    def case_constmap(self):
        """Generics whose indexing maps have constant results on unit
        dimensions (broadcasts), reversed dimensions, linalg.broadcast."""
        rng = self.rng
        sub = rng.choice(["row", "col", "3d", "reduce", "reverse", "broadcast"])
        self.note("constmap", sub)
        M, N = rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 6, 8])
        op = rng.choice(["addf", "mulf", "subf"])
        if sub == "broadcast":
            bd = rng.randrange(2)
            small = [N] if bd == 0 else [M]
            a = self.ann(self.gen(small), small)
            init = self.maybe(self.empty([M, N]), [M, N], p=0.3)
            r = self.fresh()
            self.lines.append(f"  {r} = linalg.broadcast ins({a} : {tt(small)}) outs({init} : "
                              f"{tt([M, N])}) dimensions = [{bd}]")
            shape = [M, N]
        elif sub == "3d":
            K = rng.choice([2, 4])
            shape = [M, N, K]
            small = [1, N, 1]
            a = self.ann(self.gen(small), small)
            b = self.ann(self.gen(shape), shape)
            r = self.generic([(a, tt(small)), (b, tt(shape))], [(self.empty(shape), tt(shape))],
                             [amap(3, ["0", "d1", "0"]), ident(3), ident(3)], ["parallel"] * 3,
                             [f"%r = arith.{op} %b0, %b1 : f32", "linalg.yield %r : f32"])
        elif sub == "reverse":
            shape = [M, N]
            a = self.ann(self.gen(shape), shape)
            res = ["d0", f"-d1 + {N - 1}"] if rng.random() < 0.5 else [f"-d0 + {M - 1}", "d1"]
            r = self.generic([(a, tt(shape))], [(self.empty(shape), tt(shape))],
                             [amap(2, res), ident(2)], ["parallel"] * 2,
                             ["linalg.yield %b0 : f32"])
        else:
            shape = [M, N]
            small = [M, 1] if sub == "col" else [1, N]
            cm = amap(2, ["d0", "0"]) if sub == "col" else amap(2, ["0", "d1"])
            a = self.ann(self.gen(small), small)
            b = self.ann(self.gen(shape), shape)
            if sub == "reduce":
                init = self.maybe(self.filled([N], "f32", rng.choice([0, 3])), [N], p=0.3)
                r = self.generic([(a, tt(small)), (b, tt(shape))], [(init, tt([N]))],
                                 [cm, ident(2), amap(2, ["d1"])], ["reduction", "parallel"],
                                 ["%p = arith.mulf %b0, %b1 : f32",
                                  "%r = arith.addf %p, %b2 : f32", "linalg.yield %r : f32"])
                shape = [N]
            else:
                r = self.generic([(a, tt(small)), (b, tt(shape))],
                                 [(self.empty(shape), tt(shape))],
                                 [cm, ident(2), ident(2)], ["parallel"] * 2,
                                 [f"%r = arith.{op} %b0, %b1 : f32", "linalg.yield %r : f32"])
        r = self.maybe(r, shape)
        self.out(r, shape)

    def case_loop(self):
        """An scf.for carrying one or two tensors for 1 to 3 iterations, the
        carried values and the body's values placed at random (an annotation
        of a block argument, of a value yielded, or nothing, so propagation
        deduces them): a matmul by a placed weight (a sum over its split
        contraction dimension), an elementwise op with a tensor from outside
        the loop, a branch on the iteration's parity yielding differently
        placed values, a nested loop, a scalar extracted from the carried
        tensor and added back, a reduction to a row carried next to it."""
        rng = self.rng
        sub = rng.choice(["matmul", "ewise", "if", "nested", "two", "scalar"])
        self.note("loop", sub)
        ety = rng.choice(["f32", "i32"])
        f = ety == "f32"
        add, sub_, mul = ("addf", "subf", "mulf") if f else ("addi", "subi", "muli")
        m, n = rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 8])
        shape = [m, n]
        t = tt(shape, ety)
        x = self.maybe(self.gen(shape, ety), shape, ety, p=0.7)
        w = self.maybe(self.gen([n, n], ety, mod=3, off=1), [n, n], ety, p=0.8)
        y = self.maybe(self.gen(shape, ety), shape, ety)
        lo, one = self.cindex(0), self.cindex(1)
        hi = self.cindex(rng.randint(1, 3))
        carried = [(x, shape)]
        if sub == "two":
            carried.append((self.maybe(self.gen([n], ety), [n], ety), [n]))

        def body_step(acc, k):
            """One computation on the [m, n] value acc; returns its result."""
            kind = sub if sub in ("matmul", "ewise", "scalar") else rng.choice(["matmul", "ewise"])
            if kind == "matmul":
                z = self.filled(shape, ety, 0)
                r = self.fresh()
                self.lines.append(f"  {r} = linalg.matmul ins({acc}, {w} : {t}, {tt([n, n], ety)}) "
                                  f"outs({z} : {t}) -> {t}")
                return r
            if kind == "scalar":
                i = self.cindex(rng.randrange(m))
                v = self.fresh()
                self.lines.append(f"  {v} = tensor.extract {acc}[{i}, {k}] : {t}"
                                  if n > 3 else f"  {v} = tensor.extract {acc}[{i}, {lo}] : {t}")
                fl = self.filled(shape, ety, v)
                return self.ewise(add, acc, fl, shape, ety)
            return self.ewise(rng.choice([add, sub_]), acc, y, shape, ety)

        def loop(inits, depth):
            r = self.fresh()
            args = [self.fresh() for _ in inits]
            k = self.fresh()
            types = ", ".join(tt(s, ety) for _, s in inits)
            head = f"{r}:{len(inits)}" if len(inits) > 1 else r
            self.lines.append(
                f"  {head} = scf.for {k} = {lo} to {hi} step {one} iter_args("
                + ", ".join(f"{a} = {v}" for a, (v, _) in zip(args, inits))
                + f") -> ({types}) {{")
            acc = self.maybe(args[0], shape, ety, p=0.4)
            if sub == "if":
                two = self.cindex(2)
                par, cond = self.fresh(), self.fresh()
                self.lines += [f"  {par} = arith.remui {k}, {two} : index",
                               f"  {cond} = arith.cmpi eq, {par}, {lo} : index"]
                b = self.fresh()
                self.lines.append(f"  {b} = scf.if {cond} -> ({t}) {{")
                then = self.maybe(body_step(acc, k), shape, ety)
                self.lines += [f"  scf.yield {then} : {t}", "  } else {"]
                other = self.maybe(self.ewise(add, acc, y, shape, ety), shape, ety)
                self.lines += [f"  scf.yield {other} : {t}", "  }"]
                nxt = b
            elif sub == "nested" and depth == 0:
                nxt = loop([(acc, shape)], 1)
            else:
                nxt = body_step(acc, k)
            nxt = self.maybe(nxt, shape, ety, p=0.3)
            yields = [nxt]
            if len(inits) > 1:
                # The row carried next to it: row + column sums of nxt.
                row = args[1]
                red = self.fresh()
                self.lines += [
                    f"  {red} = linalg.reduce ins({nxt} : {t}) outs({row} : {tt([n], ety)}) "
                    f"dimensions = [0]",
                    f"    (%in: {ety}, %acc: {ety}) {{",
                    f"      %c = arith.{add} %in, %acc : {ety}",
                    f"      linalg.yield %c : {ety}",
                    "    }"]
                yields.append(self.maybe(red, [n], ety, p=0.3))
            self.lines.append(f"  scf.yield {', '.join(yields)} : {types}")
            self.lines.append("  }")
            return r if len(inits) == 1 else [f"{r}#{j}" for j in range(len(inits))]

        res = loop(carried, 0)
        if isinstance(res, list):
            self.out(res[0], shape, ety)
            self.out(res[1], [n], ety)
        else:
            self.out(res, shape, ety)

    # -- strategies (--features strategy) ------------------------------------

    def strategy_names(self):
        """The module's strategies (hspmd.strategies), 2 or 3 of them, drawn
        at the first strategy case."""
        if not self.strategies:
            self.strategies = [f"s{k}" for k in range(self.rng.choice([2, 3]))]
        return self.strategies

    def sann(self, v, shape, ety):
        """v annotated with a random default placement and, for most
        strategies after the first (and now and then the first itself),
        another random one in hspmd.strategy_shardings; a strategy without
        its own runs the default."""
        rng = self.rng
        names = self.strategy_names()
        default = self.pick(shape)
        per = [(s, self.pick(shape)) for s in names[1:] if rng.random() < 0.8]
        if rng.random() < 0.15:
            per.insert(0, (names[0], self.pick(shape)))
        r = self.fresh()
        text = f"  {r} = hspmd.annotate {v} as #hspmd.sharding<{default}> : {tt(shape, ety)}"
        if per:
            text += " {hspmd.strategy_shardings = {%s}}" % ", ".join(
                f"{s} = #hspmd.sharding<{sh}>" for s, sh in per)
        self.lines.append(text)
        return r

    def smaybe(self, v, shape, ety, p=0.5):
        return self.sann(v, shape, ety) if self.rng.random() < p else v

    def strategy_index(self, steps):
        """What the strategy index of a step needs, emitted before its loop:
        a constant schedule (tensor<STEPSxindex>), a placed i32 schedule, or a
        modulus for the step number. Returns (how, a function emitting the
        index of step k). About one index in five lies outside the
        strategies (the step then runs the first)."""
        rng = self.rng
        ns = len(self.strategy_names())
        vals = [rng.randrange(ns) if rng.random() < 0.8 else rng.choice([ns, ns + 1, 7, 1000, -1])
                for _ in range(steps)]
        how = rng.choice(["const", "const", "placed", "iv"])
        if how == "iv":
            mod = self.cindex(rng.choice([ns, ns + 1, 2 * ns]))

            def at(k):
                s = self.fresh()
                self.lines.append(f"  {s} = arith.remui {k}, {mod} : index")
                return s
            return how, at
        ety = "index" if how == "const" else "i32"
        c = self.fresh()
        self.lines.append(f"  {c} = arith.constant dense<[{', '.join(map(str, vals))}]> : "
                          f"tensor<{steps}x{ety}>")
        if how == "placed":
            c = self.ann(c, [steps], "i32")

        def at(k):
            s = self.fresh()
            self.lines.append(f"  {s} = tensor.extract {c}[{k}] : tensor<{steps}x{ety}>")
            if ety == "index":
                return s
            i = self.fresh()
            self.lines.append(f"  {i} = arith.index_cast {s} : i32 to index")
            return i
        return how, at

    def exact_kinds(self, kinds, bound, reps, shape, limit):
        """The body's kinds, matmuls and column sums turned into elementwise
        ops until `reps` runs of them from values of magnitude `bound` stay
        below `limit` (f32 results then are exact in any order); returns the
        kinds and the bound after them."""
        m, n = shape
        grow = {"matmul": lambda b: b * n, "ewise": lambda b: b + 3, "scalar": lambda b: 2 * b,
                "relu": lambda b: b, "colsum": lambda b: b * (m + 1)}
        kinds = list(kinds)
        while True:
            b = bound
            for _ in range(reps):
                for kind in kinds:
                    b = grow[kind](b)
            if b < limit:
                return kinds, b
            big = [j for j, kd in enumerate(kinds) if kd in ("matmul", "colsum", "scalar")]
            if not big:
                return kinds, b
            kinds[big[0]] = "ewise"

    def strategy_step(self, acc, kind, shape, ety, w, y):
        """One computation on the [m, n] value acc in a strategy's body: a
        matmul by the weight w, an elementwise op with y, a scalar of acc
        added back, a relu, acc plus its column sums (a reduction over
        rows); captured values are annotated per strategy."""
        rng = self.rng
        m, n = shape
        f = ety == "f32"
        add, sub_ = ("addf", "subf") if f else ("addi", "subi")
        t = tt(shape, ety)
        if kind == "matmul":
            wa = self.smaybe(w, [n, n], ety, p=0.7)
            z = self.filled(shape, ety, 0)
            r = self.fresh()
            self.lines.append(f"  {r} = linalg.matmul ins({acc}, {wa} : {t}, {tt([n, n], ety)}) "
                              f"outs({z} : {t}) -> {t}")
            return r
        if kind == "ewise":
            ya = self.smaybe(y, shape, ety, p=0.5)
            return self.ewise(rng.choice([add, sub_]), acc, ya, shape, ety)
        if kind == "scalar":
            i, j = self.cindex(rng.randrange(m)), self.cindex(rng.randrange(n))
            v = self.fresh()
            self.lines.append(f"  {v} = tensor.extract {acc}[{i}, {j}] : {t}")
            return self.ewise(add, acc, self.filled(shape, ety, v), shape, ety)
        if kind == "relu":
            return self.ewise("maximumf" if f else "maxsi", acc, self.filled(shape, ety, 0),
                              shape, ety)
        cs, _ = self.reduction(acc, shape, [0], add, ety, self.filled([n], ety, 0))
        cs = self.smaybe(cs, [n], ety, p=0.3)
        return self.generic([(acc, t), (cs, tt([n], ety))], [(self.empty(shape, ety), t)],
                            [ident(2), amap(2, ["d1"]), ident(2)], ["parallel"] * 2,
                            [f"%s = arith.{add} %b0, %b1 : {ety}", f"linalg.yield %s : {ety}"])

    def with_strategy(self, sel, inputs, ety, body_fn):
        """hspmd.with_strategy sel (inputs): inputs and what body_fn(block
        arguments) returns are lists of (value, shape); returns the results."""
        pos = len(self.lines)
        args = [self.fresh() for _ in inputs]
        outs = body_fn(args)
        r = self.fresh()
        intys = ", ".join(tt(s, ety) for _, s in inputs)
        outtys = ", ".join(tt(s, ety) for _, s in outs)
        head = f"{r}:{len(outs)}" if len(outs) > 1 else r
        res = f"({outtys})" if len(outs) > 1 else outtys
        self.lines[pos:pos] = [
            f"  {head} = hspmd.with_strategy {sel} ({', '.join(v for v, _ in inputs)}) : "
            f"({intys}) -> {res} {{",
            "  ^bb0(%s):" % ", ".join(f"{a}: {tt(s, ety)}" for a, (_, s) in zip(args, inputs))]
        self.lines += [f"  hspmd.yield {', '.join(v for v, _ in outs)} : {outtys}", "  }"]
        return [r] if len(outs) == 1 else [f"{r}#{j}" for j in range(len(outs))]

    def case_strategy(self):
        """A step loop (scf.for, 2 to 5 steps) choosing each step's strategy
        at run time (hspmd.with_strategy, the index read from a constant or
        placed schedule or the step number modulo a number, sometimes
        outside the module's strategies) and carrying one or two tensors
        through the op's body, which does 1 to 3 of: a matmul by a weight,
        an elementwise op, a scalar read and added back, a relu, a column
        sum broadcast back; the body's annotations place values differently
        per strategy (hspmd.strategy_shardings). Variants: a second carried
        row (the column sums accumulated), a result of the op accumulated
        outside it, the carried value also read outside the op (it is then
        not carried per strategy: the selector computed from it), a loop
        inside the body, the weight passed to the op; or no loop, one or two
        ops in a row. Then sometimes a with_strategy on the loop's result
        outside any loop; whatever is used after the loop is printed."""
        rng = self.rng
        start = len(self.lines)
        names = self.strategy_names()
        ns = len(names)
        sub = rng.choice(["one", "one", "two", "extra", "shared", "inner", "pair", "swap",
                          "alone"])
        ety = rng.choice(["f32", "i32"])
        f = ety == "f32"
        add = "addf" if f else "addi"
        limit = 2 ** 22 if f else 2 ** 28
        m, n = rng.choice([2, 4, 6, 8, 12]), rng.choice([2, 4, 8])
        shape = [m, n]
        x = self.maybe(self.gen(shape, ety), shape, ety, p=0.5)
        w = self.maybe(self.gen([n, n], ety, mod=3, off=1), [n, n], ety, p=0.3)
        y = self.maybe(self.gen(shape, ety), shape, ety, p=0.3)
        pass_w = rng.random() < 0.3

        def body_fn(kinds, extra=None, reps=1):
            """The body: the carried value (and w when passed) in, the
            kinds applied (in a loop of `reps` iterations for "inner")."""
            def fn(bargs):
                wb = bargs[-1] if pass_w else w
                if rng.random() < 0.15:
                    # Two annotations of the argument, placed differently.
                    acc = self.ewise("maximumf" if f else "maxsi", self.sann(bargs[0], shape, ety),
                                     self.sann(bargs[0], shape, ety), shape, ety)
                else:
                    acc = self.smaybe(bargs[0], shape, ety, p=0.8)
                if reps > 1:
                    lo, one, hi = self.cindex(0), self.cindex(1), self.cindex(reps)
                    r, a, k = self.fresh(), self.fresh(), self.fresh()
                    self.lines.append(f"  {r} = scf.for {k} = {lo} to {hi} step {one} "
                                      f"iter_args({a} = {acc}) -> ({tt(shape, ety)}) {{")
                    inner = self.smaybe(a, shape, ety, p=0.4)
                    for kind in kinds:
                        inner = self.smaybe(self.strategy_step(inner, kind, shape, ety, wb, y),
                                            shape, ety, p=0.25)
                    self.lines += [f"  scf.yield {inner} : {tt(shape, ety)}", "  }"]
                    acc = r
                else:
                    for kind in kinds:
                        acc = self.smaybe(self.strategy_step(acc, kind, shape, ety, wb, y),
                                          shape, ety, p=0.25)
                outs = [(self.smaybe(acc, shape, ety, p=0.3), shape)]
                if extra == "two":
                    row = self.smaybe(bargs[1], [n], ety, p=0.5)
                    red, _ = self.reduction(acc, shape, [0], add, ety, row)
                    outs.append((self.smaybe(red, [n], ety, p=0.3), [n]))
                elif extra == "extra":
                    red, _ = self.reduction(acc, shape, [0], add, ety, self.filled([n], ety, 0))
                    outs.append((self.smaybe(red, [n], ety, p=0.3), [n]))
                elif extra == "swap":
                    outs.append((self.smaybe(bargs[1], shape, ety, p=0.7), shape))
                return outs
            return fn

        def draw_kinds():
            return [rng.choice(["matmul", "ewise", "scalar", "relu", "colsum"])
                    for _ in range(rng.randint(1, 3))]

        def inputs(v):
            return [(v, shape)] + ([(w, [n, n])] if pass_w else [])

        if sub == "alone":
            kinds, bound = self.exact_kinds(draw_kinds(), 3, 1, shape, limit)
            ops = rng.randint(1, 2)
            self.lines.insert(start, f"  // case {self.ncase}: strategy/alone/{ops}/{ety}/"
                                     f"{'-'.join(kinds)}")
            v = x
            for j in range(ops):
                if j:
                    kinds, bound = self.exact_kinds(draw_kinds(), bound, 1, shape, limit)
                if rng.random() < 0.5:
                    sel = self.cindex(rng.choice(list(range(ns)) + [ns, 9]))
                else:
                    _, at = self.strategy_index(3)
                    sel = at(self.cindex(rng.randrange(3)))
                v = self.with_strategy(sel, inputs(v), ety, body_fn(kinds))[0]
                if j == 0 and ops == 2 and rng.random() < 0.5:
                    self.out(v, shape, ety)
            self.out(v, shape, ety)
            return

        steps = rng.randint(2, 5)
        lo = 0 if rng.random() < 0.8 else 1
        reps = rng.randint(1, 2) if sub == "inner" else 1
        kinds = draw_kinds()
        if sub in ("two", "extra"):
            limit //= m * steps  # the row sums every step's values
        kinds, bound = self.exact_kinds(kinds, 3, (steps - lo) * reps, shape, limit)
        how, at = self.strategy_index(steps)
        self.lines.insert(start, f"  // case {self.ncase}: strategy/{sub}/{how}/{ety}/"
                                 f"{'-'.join(kinds)}")
        clo, cone, chi = self.cindex(lo), self.cindex(1), self.cindex(steps)
        if rng.random() < 0.08:
            chi = clo  # no step at all
        carried = [(x, shape)]
        if sub in ("pair", "swap"):
            carried.append((self.maybe(self.gen(shape, ety), shape, ety, p=0.5), shape))
        elif sub == "two":
            carried.append((self.maybe(self.gen([n], ety), [n], ety, p=0.5), [n]))
        elif sub == "extra":
            carried.append((self.filled([n], ety, 0), [n]))
        if sub == "pair":
            _, at2 = self.strategy_index(steps)
        r, k = self.fresh(), self.fresh()
        args = [self.fresh() for _ in carried]
        types = ", ".join(tt(s, ety) for _, s in carried)
        head = f"{r}:{len(carried)}" if len(carried) > 1 else r
        self.lines.append(
            f"  {head} = scf.for {k} = {clo} to {chi} step {cone} iter_args("
            + ", ".join(f"{a} = {v}" for a, (v, _) in zip(args, carried))
            + f") -> ({types}) {{")
        if sub == "shared":
            # The selector from the carried value itself: the value is used
            # outside the op, so the loop does not carry it per strategy.
            i, j = self.cindex(rng.randrange(m)), self.cindex(rng.randrange(n))
            v, vi, sel = self.fresh(), self.fresh(), self.fresh()
            self.lines.append(f"  {v} = tensor.extract {args[0]}[{i}, {j}] : {tt(shape, ety)}")
            if f:
                v32 = self.fresh()
                self.lines.append(f"  {v32} = arith.fptosi {v} : f32 to i32")
                v = v32
            mod = self.cindex(ns + 1)
            self.lines += [f"  {vi} = arith.index_cast {v} : i32 to index",
                           f"  {sel} = arith.remui {vi}, {mod} : index"]
        else:
            sel = at(k)
        ins = [(args[0], shape)]
        ins += [(args[1], carried[1][1])] if sub in ("two", "swap") else []
        ins += [(w, [n, n])] if pass_w else []
        res = self.with_strategy(sel, ins, ety,
                                 body_fn(kinds, sub if sub in ("two", "extra", "swap") else None,
                                         reps))
        yields = [res[0]]
        if sub == "two":
            yields.append(res[1])
        elif sub == "swap":
            # The results go back swapped: neither flows only through the op.
            yields.insert(0, res[1])
        elif sub == "extra":
            yields.append(self.ewise(add, args[1], res[1], [n], ety))
        elif sub == "pair":
            # A second op in the step, with its own selector, carrying the
            # second tensor.
            sel2 = sel if rng.random() < 0.3 else at2(k)
            yields += self.with_strategy(sel2, inputs(args[1]), ety, body_fn(kinds))
        self.lines += [f"  scf.yield {', '.join(yields)} : {types}", "  }"]
        outs = [r] if len(carried) == 1 else [f"{r}#{j}" for j in range(len(carried))]
        final = outs[0]
        if rng.random() < 0.35:
            # A with_strategy outside any loop on the loop's result.
            if rng.random() < 0.5:
                sel = self.cindex(rng.choice(list(range(ns)) + [ns, 9]))
            else:
                sel = at(self.cindex(rng.randrange(steps)))
            kinds2, _ = self.exact_kinds(draw_kinds(), bound, 1, shape, limit)
            self.lines.append(f"  // after the loop: {'-'.join(kinds2)}")
            if rng.random() < 0.5:
                self.out(final, shape, ety)
            final = self.with_strategy(sel, inputs(final), ety, body_fn(kinds2))[0]
        self.out(final, shape, ety)
        if len(outs) > 1:
            self.out(outs[1], carried[1][1], ety)


    def case_chain(self):
        """2 to 4 steps on a 2-d tensor, the intermediates only sometimes
        placed (so propagation deduces them): an elementwise op with a placed
        tensor, pad, concat, transpose, a gather from the (computed) tensor,
        a scalar extracted from it added back, a broadcast row, a matmul, the
        softmax-style x - max(x) over rows, tensor.insert; then maybe a
        reduction."""
        rng = self.rng
        start = len(self.lines)
        shape = [rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 6, 8])]
        x = self.ann(self.gen(shape), shape)
        steps, matmuls = [], 0
        for _ in range(rng.randint(2, 4)):
            kinds = ["ewise", "pad", "concat", "transpose", "gather", "scalar", "bcast",
                     "rowmax", "insert"] + (["matmul"] if matmuls == 0 else [])
            if max(shape) > 12:
                kinds = ["gather"] + (["matmul"] if matmuls == 0 else [])
            step = rng.choice(kinds)
            steps.append(step)
            m, n = shape
            if step == "ewise":
                op = rng.choice(["addf", "subf", "mulf", "maximumf"])
                y = self.ann(self.gen(shape, mod=3, off=1) if op == "mulf" else self.gen(shape),
                             shape)
                x = self.ewise(op, x, y, shape)
            elif step == "pad":
                low, high = ([rng.randint(0, 2) for _ in range(2)] for _ in range(2))
                x, shape = self.pad(x, shape, low, high, rng.choice([0, 1, None]))
            elif step == "concat":
                d = rng.randrange(2)
                o = list(shape)
                o[d] = rng.choice([1, 2])
                y = self.ann(self.gen(o), o)
                parts, shapes = ([x, y], [shape, o]) if rng.random() < 0.5 else ([y, x], [o, shape])
                x, shape = self.concat(parts, shapes, d)
            elif step == "transpose":
                x, shape = self.transpose(x, shape)
            elif step == "gather":
                N = rng.choice([2, 4, 6])
                ids = self.ann(self.gen([N], mod=m, off=0), [N])
                t = tt([N])
                x = self.generic([(ids, t)], [(self.empty([N, n]), tt([N, n]))],
                                 [amap(2, ["d0"]), ident(2)], ["parallel"] * 2,
                                 ["%gj = linalg.index 1 : index",
                                  "%gk = arith.fptosi %b0 : f32 to i32",
                                  "%gr = arith.index_cast %gk : i32 to index",
                                  f"%gv = tensor.extract {x}[%gr, %gj] : {tt(shape)}",
                                  "linalg.yield %gv : f32"])
                shape = [N, n]
            elif step == "scalar":
                i, j = self.cindex(rng.randrange(m)), self.cindex(rng.randrange(n))
                v = self.fresh()
                self.lines.append(f"  {v} = tensor.extract {x}[{i}, {j}] : {tt(shape)}")
                x = self.generic([(x, tt(shape))], [(self.empty(shape), tt(shape))],
                                 [ident(2)] * 2, ["parallel"] * 2,
                                 [f"%s = arith.subf %b0, {v} : f32", "linalg.yield %s : f32"])
            elif step == "bcast":
                row = self.ann(self.gen([1, n]), [1, n])
                x = self.generic([(row, tt([1, n])), (x, tt(shape))],
                                 [(self.empty(shape), tt(shape))],
                                 [amap(2, ["0", "d1"]), ident(2), ident(2)], ["parallel"] * 2,
                                 ["%s = arith.addf %b0, %b1 : f32", "linalg.yield %s : f32"])
            elif step == "rowmax":
                init = self.filled([m], "f32", "-inf")
                mx, _ = self.reduction(x, shape, [1], rng.choice(["maximumf", "maxnumf"]),
                                       "f32", init)
                mx = self.maybe(mx, [m], p=0.3)
                x = self.generic([(x, tt(shape)), (mx, tt([m]))],
                                 [(self.empty(shape), tt(shape))],
                                 [ident(2), amap(2, ["d0"]), ident(2)], ["parallel"] * 2,
                                 ["%s = arith.subf %b0, %b1 : f32", "linalg.yield %s : f32"])
            elif step == "insert":
                c = self.const(rng.randint(-9, 9))
                i, j = self.cindex(rng.randrange(m)), self.cindex(rng.randrange(n))
                r = self.fresh()
                self.lines.append(f"  {r} = tensor.insert {c} into {x}[{i}, {j}] : {tt(shape)}")
                x = r
            else:
                matmuls += 1
                k = rng.choice([2, 4, 6])
                w = self.ann(self.gen([n, k], mod=3, off=1), [n, k])
                x = self.matmul(x, w, m, n, k)
                shape = [m, k]
            x = self.maybe(x, shape, p=0.3)
        final = rng.choice(["none", "none", "addf", "maximumf", "minimumf", "maxabs"])
        if final != "none":
            d = rng.randrange(2)
            init = self.filled([shape[1 - d]], "f32", NEUTRAL[final])
            x, shape = self.reduction(x, shape, [d], final, "f32", init)
            x = self.maybe(x, shape, p=0.3)
        self.lines.insert(start, f"  // case {self.ncase}: chain/{'-'.join(steps)}/{final}")
        self.out(x, shape)

    # -- partial values through products (--features products) ----------------

    def case_products(self):
        """Summands (a matmul over a contraction dimension split on both
        inputs, or an annotated `partial` placement) through 2 to 4 steps
        that propagation may carry them through or reduce them before (by
        bytes): a matmul with a placed weight that shrinks or grows the
        value, a product or sum with a placed tensor, a transpose, a
        broadcast row added; then maybe a non-linear op, and the print."""
        rng = self.rng
        start = len(self.lines)
        m, n = rng.choice([2, 4, 8]), rng.choice([2, 4, 8])
        s = rng.choice([2, 4])
        ids = sorted(rng.sample(range(DEVICES), s))
        devs = ", ".join(map(str, ids))
        if rng.random() < 0.7:
            k = s * rng.choice([1, 2])
            a = self.ann(self.gen([m, k]), [m, k], text=f"[{devs}] : [d1 = {s}]")
            w = self.ann(self.gen([k, n], mod=3, off=1), [k, n],
                         text=f"[{devs}] : [d0 = {s}]")
            x, source = self.matmul(a, w, m, k, n), "splitk"
        else:
            x = self.ann(self.gen([m, n]), [m, n], text=f"[{devs}] : [partial = {s}]")
            source = "annotated"
        shape, steps = [m, n], []

        def operand(shape, **kw):
            # Whole on the summands' devices (so that they can be carried),
            # left to propagation, or anywhere.
            v, r = self.gen(shape, **kw), rng.random()
            if r < 0.5:
                return self.ann(v, shape, text=f"[{devs}] : [dup = {s}]")
            return v if r < 0.75 else self.ann(v, shape)

        for _ in range(rng.randint(2, 4)):
            step = rng.choice(["matmul", "matmul", "mulf", "addf", "transpose", "bcast"])
            steps.append(step)
            if step == "matmul":
                k2 = rng.choice([1, 2, 4, 8])
                w = operand([shape[1], k2], mod=3, off=1)
                x = self.matmul(x, w, shape[0], shape[1], k2)
                shape = [shape[0], k2]
            elif step in ("mulf", "addf"):
                y = operand(shape, mod=3, off=1)
                x = self.ewise(step, x, y, shape)
            elif step == "transpose":
                x, shape = self.transpose(x, shape)
            else:
                row = operand([1, shape[1]])
                x = self.generic([(row, tt([1, shape[1]])), (x, tt(shape))],
                                 [(self.empty(shape), tt(shape))],
                                 [amap(2, ["0", "d1"]), ident(2), ident(2)],
                                 ["parallel"] * 2,
                                 ["%s = arith.addf %b0, %b1 : f32", "linalg.yield %s : f32"])
            x = self.maybe(x, shape, p=0.2)
        final = rng.choice(["none", "maximumf"])
        if final != "none":
            x = self.ewise("maximumf", x, self.ann(self.gen(shape), shape), shape)
        self.lines.insert(start, f"  // case {self.ncase}: products/{source}-"
                                 f"{'-'.join(steps)}/{final}")
        self.out(x, shape)

    # -- front-end programs (--features frontend) ------------------------------

    FRONTEND_SUBS = ("softmax", "scalarop", "scalarfn", "libm", "alloca", "loopi32",
                     "recursion", "math", "slice")

    def next_sub(self, tag, subs):
        """The next of `subs` in turn for the kind `tag`, from a random first
        one drawn the first time."""
        if not hasattr(self, tag + "_first"):
            setattr(self, tag + "_first", self.rng.randrange(len(subs)))
            setattr(self, tag + "_count", 0)
        count = getattr(self, tag + "_count")
        setattr(self, tag + "_count", count + 1)
        return subs[(getattr(self, tag + "_first") + count) % len(subs)]

    def case_frontend(self):
        """What front ends write and the other kinds miss, one of
        FRONTEND_SUBS in turn (from a random first one): linalg.softmax,
        generics with a scalar operand (on summands too), scalar helper
        functions (pure, printing, called in loops), libm calls, scalars
        through memref.alloca, scf.for over i32 with constant yields and an
        update in place after the loop, recursion with stated placements,
        math ops in payloads, prints of extract_slices through the
        tensor-typed printMemrefF32."""
        sub = self.next_sub("fe", self.FRONTEND_SUBS)
        getattr(self, "fe_" + sub)()

    def partial_text(self, shape):
        """A random sharding body with a partial role somewhere."""
        for _ in range(200):
            text = sharding(self.rng, shape, True)
            if "partial" in text:
                return text
        return "[0, 1] : [partial = 2]"

    def summands(self, shape):
        """An [m, n] f32 value that devices hold as summands: annotated
        partial, or a matmul over a contraction dimension both operands split
        alike (the product is partial until something sums it)."""
        rng = self.rng
        m, n = shape
        if rng.random() < 0.5:
            return self.ann(self.gen(shape), shape, text=self.partial_text(shape)), "partial"
        k = rng.choice([2, 4, 8])
        p = rng.choice([d for d in (2, 4, 8) if k % d == 0])
        devs = ", ".join(map(str, sorted(rng.sample(range(DEVICES), p))))
        x = self.ann(self.gen([m, k]), [m, k], text=f"[{devs}] : [d1 = {p}]")
        w = self.ann(self.gen([k, n], mod=3, off=1), [k, n], text=f"[{devs}] : [d0 = {p}]")
        return self.matmul(x, w, m, k, n), "matmul"

    def placed(self, shape, p_partial=0.5):
        """A placed [m, n] f32 input, often summands; returns it and how."""
        if self.rng.random() < p_partial:
            return self.summands(shape)
        return self.ann(self.gen(shape), shape), "placed"

    def scalar_fn(self, nargs=2, prints=False, ety="f32"):
        """A private function of scalars only (arith), maybe printing its
        result with vector.print; values stay small integers."""
        rng = self.rng
        self.nfunc += 1
        name = f"@scalar{self.nfunc}"
        f = ety == "f32"
        add, sub, mul, mx = (("addf", "subf", "mulf", "maximumf") if f
                             else ("addi", "subi", "muli", "maxsi"))
        body, cur = [], "%a0"
        for j in range(1, nargs):
            op = rng.choice([add, sub, mx])
            body.append(f"  %t{j} = arith.{op} {cur}, %a{j} : {ety}")
            cur = f"%t{j}"
        kind = rng.choice(["const", "select", "double"])
        if kind == "const":
            c = rng.randint(-3, 3)
            body += [f"  %k = arith.constant {lit(c, ety)} : {ety}",
                     f"  %r = arith.{add} {cur}, %k : {ety}"]
        elif kind == "select":
            pred = "olt" if f else "slt"
            body += [f"  %z = arith.constant {lit(0, ety)} : {ety}",
                     f"  %neg = arith.cmp{'f' if f else 'i'} {pred}, {cur}, %z : {ety}",
                     f"  %ng = arith.{sub} %z, {cur} : {ety}",
                     f"  %r = arith.select %neg, %ng, {cur} : {ety}"]
        else:
            body += [f"  %r = arith.{add} {cur}, {cur} : {ety}"]
        if prints:
            body.append(f"  vector.print %r : {ety}")
        sig = ", ".join(f"%a{j}: {ety}" for j in range(nargs))
        self.funcs.append("\n".join([f"func.func private {name}({sig}) -> {ety} {{"] + body +
                                    [f"  return %r : {ety}", "}"]))
        return name, f"{kind}{'/print' if prints else ''}"

    def call_scalar(self, name, args, ety="f32"):
        r = self.fresh()
        self.lines.append(f"  {r} = func.call {name}({', '.join(args)}) : "
                          f"({', '.join([ety] * len(args))}) -> {ety}")
        return r

    def extract_scalar(self):
        """An f32 read from a placed tensor (maybe summands)."""
        rng = self.rng
        shape = [rng.choice([2, 4, 6]), rng.choice([2, 4, 6])]
        t, _ = self.placed(shape, 0.3)
        i, j = self.cindex(rng.randrange(shape[0])), self.cindex(rng.randrange(shape[1]))
        x = self.fresh()
        self.lines.append(f"  {x} = tensor.extract {t}[{i}, {j}] : {tt(shape)}")
        return x

    def scalar_generic(self, t, shape, s, op, init=None):
        """A generic over [m, n] with the f32 scalar s as an operand (map
        to ()); op: add, sub, rsub, mul, yield, axpy; with init, the output's
        value is added."""
        rng = self.rng
        T = tt(shape)
        sfirst = rng.random() < 0.3
        ins = [(s, "f32"), (t, T)] if sfirst else [(t, T), (s, "f32")]
        bt, bs = ("%b1", "%b0") if sfirst else ("%b0", "%b1")
        body = {"add": [f"%r = arith.addf {bt}, {bs} : f32"],
                "sub": [f"%r = arith.subf {bt}, {bs} : f32"],
                "rsub": [f"%r = arith.subf {bs}, {bt} : f32"],
                "mul": [f"%r = arith.mulf {bt}, {bs} : f32"],
                "yield": [],
                "axpy": [f"%p = arith.mulf {bt}, {bs} : f32",
                         f"%r = arith.addf %p, {bs} : f32"]}[op]
        res = bs if op == "yield" else "%r"
        if init is not None:
            body.append(f"%o = arith.addf {res}, %b2 : f32")
            res = "%o"
        maps = [amap(2, []), ident(2)] if sfirst else [ident(2), amap(2, [])]
        return self.generic(ins, [(init if init is not None else self.empty(shape), T)],
                            maps + [ident(2)], ["parallel"] * 2,
                            body + [f"linalg.yield {res} : f32"])

    def use_scalar_fe(self, s):
        """Uses an f32 scalar on placed tensors: a fill, a scale or a shift
        (the generic's scalar operand)."""
        rng = self.rng
        shape = [rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 8])]
        if rng.random() < 0.3:
            y = self.ann(self.filled(shape, "f32", s), shape)
        else:
            t, _ = self.placed(shape, 0.4)
            y = self.scalar_generic(t, shape, s, rng.choice(["add", "mul", "rsub", "axpy"]))
        self.out(self.maybe(y, shape, p=0.4), shape)

    def fe_softmax(self):
        rng = self.rng
        rank = rng.choice([2, 2, 3])
        shape = [rng.choice([2, 4, 6, 8]) for _ in range(rank)]
        d = rng.randrange(rank)
        on_dim = rng.random() < 0.35
        dims = None if on_dim else [k for k in range(rank) if k != d]
        self.note("frontend", f"softmax/dim{d}{'/any' if on_dim else ''}")
        x = self.ann(self.gen(shape), shape, dims=dims)
        e, s = self.empty(shape), self.fresh()
        self.lines.append(f"  {s} = linalg.softmax dimension({d}) ins({x} : {tt(shape)}) "
                          f"outs({e} : {tt(shape)}) -> {tt(shape)}")
        s = self.maybe(s, shape, p=0.3)
        # Rounded to sixteenths: a sum over a split dimension may change the
        # last bits.
        r = self.generic([(s, tt(shape))], [(self.empty(shape), tt(shape))],
                         [ident(rank)] * 2, ["parallel"] * rank,
                         ["%k16 = arith.constant 16.0 : f32", "%p = arith.mulf %b0, %k16 : f32",
                          "%r = math.roundeven %p : f32", "linalg.yield %r : f32"])
        self.out(r, shape)

    def fe_scalarop(self):
        rng = self.rng
        shape = [rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 6, 8])]
        op = rng.choice(["add", "sub", "rsub", "mul", "yield", "axpy"])
        src = rng.choice(["const", "extract", "func", "alloca"])
        t, how = self.placed(shape, 0.7)
        withinit = rng.random() < 0.3
        self.note("frontend", f"scalarop/{op}/{how}/{src}{'/init' if withinit else ''}")
        if src == "const":
            s = self.const(rng.randint(-3, 3))
        elif src == "extract":
            s = self.extract_scalar()
        elif src == "func":
            name, _ = self.scalar_fn(2)
            s = self.call_scalar(name, [self.const(rng.randint(-3, 3)), self.const(rng.randint(-3, 3))])
        else:
            m = self.fresh()
            self.lines += [f"  {m} = memref.alloca() : memref<f32>",
                           f"  memref.store {self.const(rng.randint(-3, 3))}, {m}[] : memref<f32>"]
            s = self.fresh()
            self.lines.append(f"  {s} = memref.load {m}[] : memref<f32>")
        init = None
        if withinit:
            init = self.placed(shape, 0.5)[0]
        y = self.scalar_generic(t, shape, s, op, init)
        y = self.maybe(y, shape, p=0.4)
        if rng.random() < 0.3:
            # A reduction of the result: summands must have been summed
            # before the scalar was applied.
            init0 = self.filled([shape[0]], "f32", 0)
            y, shape = self.reduction(y, shape, [1], "addf", "f32", init0)
        self.out(y, shape)

    def fe_scalarfn(self):
        rng = self.rng
        sub = rng.choice(["pure", "print", "loop", "loopi32", "i32"])
        prints = sub == "print" or rng.random() < 0.3
        ety = "i32" if sub == "i32" else "f32"
        nargs = 2 if sub in ("loop", "loopi32") else rng.randint(1, 3)
        name, how = self.scalar_fn(nargs, prints, ety)
        self.note("frontend", f"scalarfn/{sub}/{how}")
        if sub in ("loop", "loopi32"):
            n = rng.randint(1, 4)
            ivt = "i32" if sub == "loopi32" else "index"
            lo, hi, st = (self.const(v, ivt) if ivt == "i32" else self.cindex(v)
                          for v in (0, n, 1))
            init = self.const(rng.randint(-2, 2))
            r, k, acc = self.fresh(), self.fresh(), self.fresh()
            self.lines.append(f"  {r} = scf.for {k} = {lo} to {hi} step {st} "
                              f"iter_args({acc} = {init}) -> (f32){' : i32' if ivt == 'i32' else ''} {{")
            ki = self.fresh()
            if ivt == "index":
                kj = self.fresh()
                self.lines += [f"  {kj} = arith.index_cast {k} : index to i32",
                               f"  {ki} = arith.sitofp {kj} : i32 to f32"]
            else:
                self.lines.append(f"  {ki} = arith.sitofp {k} : i32 to f32")
            v = self.call_scalar(name, [acc, ki])
            self.lines += [f"  scf.yield {v} : f32", "  }"]
            s = r
        elif ety == "i32":
            args = [self.const(rng.randint(-3, 3), "i32") for _ in range(nargs)]
            v = self.call_scalar(name, args, "i32")
            s = self.fresh()
            self.lines.append(f"  {s} = arith.sitofp {v} : i32 to f32")
        else:
            args = [self.extract_scalar() if rng.random() < 0.4 else self.const(rng.randint(-3, 3))
                    for _ in range(nargs)]
            s = self.call_scalar(name, args)
        self.use_scalar_fe(s)

    def fe_libm(self):
        rng = self.rng
        fn = rng.choice(["sqrtf", "expf", "fabsf"])
        where = rng.choice(["scalar", "payload"])
        self.note("frontend", f"libm/{fn}/{where}")
        shape = [rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 8])]
        if where == "payload":
            t, _ = self.placed(shape, 0.5)
            body = ["%q = arith.mulf %b0, %b0 : f32"] if fn == "sqrtf" else []
            arg = "%q" if fn == "sqrtf" else "%b0"
            body.append(f"%r = func.call @{fn}({arg}) : (f32) -> f32")
            res = "%r"
            if fn == "expf":
                body += ["%k8 = arith.constant 8.0 : f32", "%p = arith.mulf %r, %k8 : f32",
                         "%rr = math.roundeven %p : f32"]
                res = "%rr"
            y = self.generic([(t, tt(shape))], [(self.empty(shape), tt(shape))],
                             [ident(2)] * 2, ["parallel"] * 2, body + [f"linalg.yield {res} : f32"])
            self.out(self.maybe(y, shape, p=0.4), shape)
            return
        x = self.extract_scalar() if rng.random() < 0.6 else self.const(rng.randint(-3, 3))
        if fn == "sqrtf":
            sq = self.fresh()
            self.lines.append(f"  {sq} = arith.mulf {x}, {x} : f32")
            x = sq
        r = self.fresh()
        self.lines.append(f"  {r} = func.call @{fn}({x}) : (f32) -> f32")
        if fn == "expf":
            # e^k for small integers k: rounded, the same on every device.
            r2 = self.fresh()
            self.lines.append(f"  {r2} = math.roundeven {r} : f32")
            r = r2
        self.use_scalar_fe(r)

    def fe_alloca(self):
        rng = self.rng
        ivt = rng.choice(["index", "i32"])
        accum = rng.random() < 0.5
        self.note("frontend", f"alloca/{ivt}{'/accumulate' if accum else ''}")
        nb, sc = self.fresh(), self.fresh()
        self.lines += [f"  {nb} = memref.alloca() : memref<{ivt}>",
                       f"  {sc} = memref.alloca() : memref<2xf32>"]
        n = rng.randint(1, 4)
        cn = self.cindex(n) if ivt == "index" else self.const(n, "i32")
        i0, i1 = self.cindex(0), self.cindex(1)
        self.lines += [f"  memref.store {cn}, {nb}[] : memref<{ivt}>",
                       f"  memref.store {self.const(rng.randint(-2, 2))}, {sc}[{i0}] : memref<2xf32>",
                       f"  memref.store {self.const(rng.choice([1, 2, -1]))}, {sc}[{i1}] : memref<2xf32>"]
        hi, shift, scale = self.fresh(), self.fresh(), self.fresh()
        self.lines += [f"  {hi} = memref.load {nb}[] : memref<{ivt}>",
                       f"  {scale} = memref.load {sc}[{i1}] : memref<2xf32>"]
        lo, st = ((self.cindex(0), self.cindex(1)) if ivt == "index"
                  else (self.const(0, "i32"), self.const(1, "i32")))
        shape = [rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 8])]
        x, _ = self.placed(shape, 0.4)
        k, acc, r = self.fresh(), self.fresh(), self.fresh()
        self.lines.append(f"  {r} = scf.for {k} = {lo} to {hi} step {st} iter_args({acc} = {x}) "
                          f"-> ({tt(shape)}){' : i32' if ivt == 'i32' else ''} {{")
        if accum:
            # The shift accumulates in memory, one more each iteration.
            old, one, new = self.fresh(), self.const(1), self.fresh()
            self.lines += [f"  {old} = memref.load {sc}[{i0}] : memref<2xf32>",
                           f"  {new} = arith.addf {old}, {one} : f32",
                           f"  memref.store {new}, {sc}[{i0}] : memref<2xf32>"]
        self.lines.append(f"  {shift} = memref.load {sc}[{i0}] : memref<2xf32>")
        y = self.scalar_generic(acc, shape, shift, "add")
        y = self.maybe(y, shape, p=0.3)
        self.lines += [f"  scf.yield {y} : {tt(shape)}", "  }"]
        z = self.scalar_generic(r, shape, scale, "mul")
        self.out(self.maybe(z, shape, p=0.3), shape)

    def fe_loopi32(self):
        rng = self.rng
        after = rng.choice(["insert", "generic", "insert_slice"])
        konst = rng.choice(["splat", "fill", "dense"])
        self.note("frontend", f"loopi32/{konst}/{after}")
        m, n = rng.choice([2, 4, 6]), rng.choice([2, 4])
        shape, T = [m, n], tt([m, n])
        x, _ = self.placed(shape, 0.4)
        y = self.maybe(self.gen(shape), shape, p=0.6)
        lo, hi, st = (self.const(v, "i32") for v in (0, rng.randint(1, 4), 1))
        two, zi = self.const(2, "i32"), self.const(0, "i32")
        r, k, acc = self.fresh(), self.fresh(), self.fresh()
        self.lines.append(f"  {r} = scf.for {k} = {lo} to {hi} step {st} iter_args({acc} = {x}) "
                          f"-> ({T}) : i32 {{")
        par, cond, b = self.fresh(), self.fresh(), self.fresh()
        phase = rng.choice([zi, self.const(1, "i32")])
        self.lines += [f"  {par} = arith.remsi {k}, {two} : i32",
                       f"  {cond} = arith.cmpi eq, {par}, {phase} : i32",
                       f"  {b} = scf.if {cond} -> ({T}) {{"]
        if konst == "splat":
            c = self.fresh()
            self.lines.append(f"  {c} = arith.constant dense<{lit(rng.randint(-3, 3), 'f32')}> : {T}")
        elif konst == "fill":
            c = self.filled(shape, "f32", rng.randint(-3, 3))
        else:
            vals = [[lit(rng.randint(-3, 3), "f32") for _ in range(n)] for _ in range(m)]
            c = self.fresh()
            rows = ", ".join("[%s]" % ", ".join(row) for row in vals)
            self.lines.append(f"  {c} = arith.constant dense<[{rows}]> : {T}")
        c = self.maybe(c, shape, p=0.3)
        self.lines += [f"  scf.yield {c} : {T}", "  } else {"]
        kf = self.fresh()
        self.lines.append(f"  {kf} = arith.sitofp {k} : i32 to f32")
        u = self.scalar_generic(self.ewise("addf", acc, y, shape), shape, kf, "add")
        u = self.maybe(u, shape, p=0.3)
        self.lines += [f"  scf.yield {u} : {T}", "  }", f"  scf.yield {b} : {T}", "  }"]
        r = self.maybe(r, shape, p=0.3)
        # Updated in place after the loop: the loop's result may be the
        # constant yielded inside it.
        if after == "insert":
            v = self.const(rng.randint(4, 9))
            i, j = self.cindex(rng.randrange(m)), self.cindex(rng.randrange(n))
            z = self.fresh()
            self.lines.append(f"  {z} = tensor.insert {v} into {r}[{i}, {j}] : {T}")
        elif after == "generic":
            z = self.generic([(y, T)], [(r, T)], [ident(2)] * 2, ["parallel"] * 2,
                             ["%r = arith.addf %b1, %b0 : f32", "linalg.yield %r : f32"])
        else:
            row = self.filled([1, n], "f32", rng.randint(4, 9))
            z = self.fresh()
            self.lines.append(f"  {z} = tensor.insert_slice {row} into {r}[{rng.randrange(m)}, 0] "
                              f"[1, {n}] [1, 1] : {tt([1, n])} into {T}")
        self.out(self.maybe(z, shape, p=0.3), shape)
        self.out(r, shape)

    def fe_recursion(self):
        rng = self.rng
        m, n = rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 8])
        shape, T = [m, n], tt([m, n])
        partial = rng.random() < 0.4
        text = self.partial_text(shape) if partial else self.pick(shape)
        # Half the time the result states another placement than the
        # argument (this did not compile before function boundaries were
        # bufferized with identity layouts).
        rtext = text if rng.random() < 0.5 else self.pick(shape)
        op = rng.choice(["addf", "subf", "mulf", "matmul"])
        inner = rng.random() < 0.6
        depth = rng.randint(0, 3)
        self.note("frontend", f"recursion/{op}/depth{depth}{'/partial' if partial else ''}"
                  f"{'/other-result' if rtext != text else ''}")
        self.nfunc += 1
        name = f"@rec{self.nfunc}"
        saved, self.lines = self.lines, ["  %zero = arith.constant 0.0 : f32"]
        c0, c1 = self.cindex(0), self.cindex(1)
        xa = self.ann("%x", shape, text=text) if inner else "%x"
        isz, r = self.fresh(), self.fresh()
        self.lines += [f"  {isz} = arith.cmpi eq, %n, {c0} : index",
                       f"  {r} = scf.if {isz} -> ({T}) {{",
                       f"  scf.yield {xa} : {T}", "  } else {"]
        if op == "matmul":
            w = self.gen([n, n], mod=2, off=0) if n > 2 else self.gen([n, n], mod=3, off=1)
            w = self.maybe(w, [n, n], p=0.5)
            y = self.matmul(xa, w, m, n, n)
        else:
            c = self.gen(shape, twos=True) if op == "mulf" else self.gen(shape)
            y = self.ewise(op, xa, self.maybe(c, shape, p=0.3), shape)
        mm, z = self.fresh(), self.fresh()
        self.lines += [f"  {mm} = arith.subi %n, {c1} : index",
                       f"  {z} = func.call {name}({y}, {mm}) : ({T}, index) -> {T}",
                       f"  scf.yield {z} : {T}", "  }"]
        body, self.lines = self.lines, saved
        self.funcs.append("\n".join(
            [f"func.func private {name}(%x: {T} {{hspmd.sharding = #hspmd.sharding<{text}>}}, "
             f"%n: index) -> ({T} {{hspmd.sharding = #hspmd.sharding<{rtext}>}}) {{"] + body +
            [f"  return {r} : {T}", "}"]))
        x = self.maybe(self.gen(shape, mod=3, off=1) if op == "matmul" else self.gen(shape),
                       shape, p=0.6)
        d = self.cindex(depth)
        res = self.fresh()
        self.lines.append(f"  {res} = func.call {name}({x}, {d}) : ({T}, index) -> {T}")
        if rng.random() < 0.4:
            res = self.ewise("addf", res, self.ann(self.gen(shape), shape), shape)
        self.out(res, shape)

    def fe_math(self):
        rng = self.rng
        ety = "i32" if rng.random() < 0.3 else "f32"
        shape = [rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 8])]
        if ety == "f32":
            op = rng.choice(["erf", "exp", "tanh", "log1p", "fpowi", "absf"])
            t, how = self.placed(shape, 0.6)
            self.note("frontend", f"math/{op}/{how}")
            body = {"erf": ["%v = math.erf %b0 : f32"],
                    "exp": ["%v = math.exp %b0 : f32"],
                    "tanh": ["%v = math.tanh %b0 : f32"],
                    "log1p": ["%a = math.absf %b0 : f32", "%v = math.log1p %a : f32"],
                    "fpowi": [f"%e = arith.constant {rng.choice([2, 3])} : i32",
                              "%v = math.fpowi %b0, %e : f32, i32"],
                    "absf": ["%v = math.absf %b0 : f32"]}[op]
            # Transcendental results rounded to eighths (exact ones too):
            # the values are the same on every device, not every
            # approximation of them.
            body += ["%k8 = arith.constant 8.0 : f32", "%p = arith.mulf %v, %k8 : f32",
                     "%r = math.roundeven %p : f32", "linalg.yield %r : f32"]
            y = self.generic([(t, tt(shape))], [(self.empty(shape), tt(shape))],
                             [ident(2)] * 2, ["parallel"] * 2, body)
            self.out(self.maybe(y, shape, p=0.4), shape)
            return
        op = rng.choice(["ctlz", "ipowi", "absi", "cttz"])
        self.note("frontend", f"math/{op}/i32")
        t = self.ann(self.gen(shape, "i32", mod=16, off=4), shape, "i32")
        body = {"ctlz": ["%v = math.ctlz %b0 : i32"],
                "cttz": ["%v = math.cttz %b0 : i32"],
                "absi": ["%v = math.absi %b0 : i32"],
                "ipowi": [f"%e = arith.constant {rng.choice([2, 3])} : i32",
                          "%v = math.ipowi %b0, %e : i32"]}[op]
        y = self.generic([(t, tt(shape, "i32"))], [(self.empty(shape, "i32"), tt(shape, "i32"))],
                         [ident(2)] * 2, ["parallel"] * 2, body + ["linalg.yield %v : i32"])
        self.out(self.maybe(y, shape, "i32", p=0.4), shape, "i32")

    def fe_slice(self):
        rng = self.rng
        m, n = rng.choice([4, 6, 8]), rng.choice([4, 6, 8])
        shape = [m, n]
        t, how = self.placed(shape, 0.4)
        kind = rng.choice(["box", "strided", "row", "twice"])
        self.note("frontend", f"slice/{kind}/{how}")

        def box(t, shape, stride):
            offs, sizes = [], []
            for d in shape:
                s = rng.randint(1, max(1, (d - 1) // stride + 1))
                o = rng.randint(0, d - 1 - (s - 1) * stride)
                offs.append(o)
                sizes.append(s)
            r = self.fresh()
            self.lines.append(f"  {r} = tensor.extract_slice {t}[{offs[0]}, {offs[1]}] "
                              f"[{sizes[0]}, {sizes[1]}] [{stride}, {stride}] : "
                              f"{tt(shape)} to {tt(sizes)}")
            return r, sizes

        if kind == "row":
            i = rng.randrange(m)
            r = self.fresh()
            self.lines.append(f"  {r} = tensor.extract_slice {t}[{i}, 0] [1, {n}] [1, 1] : "
                              f"{tt(shape)} to {tt([n])}")
            self.out(r, [n])
            return
        r, sizes = box(t, shape, 2 if kind == "strided" else 1)
        if kind == "twice":
            r = self.maybe(r, sizes, p=0.4)
            r, sizes = box(r, sizes, 1)
        self.out(r, sizes)

    # -- buffers the program allocates (--features buffers) ------------------

    BUFFER_SUBS = ("tobuf", "global", "replicated", "while", "switch", "helper_scalar",
                   "cast_roundtrip", "helper_buffer")

    def case_buffers(self):
        """Buffers and regions as front ends write them (--features buffers,
        by name only), one of BUFFER_SUBS in turn (from a random first one):
        a placed tensor's buffer copied into an alloc whose scalar bounds a
        loop or scales a tensor; a memref.global updated in a loop; allocs
        only filled, stored, loaded and copied (replicated); scf.while and
        scf.index_switch printing with vector.print; printing scalar helpers
        on placed tensors; tensor.cast to a dynamic shape and back; an alloc
        written by a helper. Every scalar ends up on placed tensors."""
        sub = self.next_sub("bu", self.BUFFER_SUBS)
        self.bu_start = len(self.lines)
        getattr(self, "bu_" + sub)()

    def bnote(self, sub):
        """The case's note, before its lines (drawn after its first ones)."""
        self.lines.insert(self.bu_start, f"  // case {self.ncase}: buffers/{sub}")

    def print_mem(self, m, shape):
        """Prints an f32 memref: printMemrefF32 on memrefs, or, where the
        program declares it on tensors (with `frontend`), its elements with
        vector.print in loops."""
        M = mt(shape)
        if not self.tensor_print:
            u = self.fresh()
            self.lines += [f"  {u} = memref.cast {m} : {M} to memref<*xf32>",
                           f"  call @printMemrefF32({u}) : (memref<*xf32>) -> ()"]
            return
        c0, c1 = self.cindex(0), self.cindex(1)
        ivs = []
        for d in shape:
            k, hi = self.fresh(), self.cindex(d)
            self.lines.append(f"  scf.for {k} = {c0} to {hi} step {c1} {{")
            ivs.append(k)
        v = self.fresh()
        self.lines += [f"  {v} = memref.load {m}[{', '.join(ivs)}] : {M}",
                       f"  vector.print {v} : f32"] + ["  }"] * len(shape)

    def to_index(self, s, mod=None):
        """A small non-negative index from an integer-valued f32: |s|,
        maybe modulo mod."""
        a, i, n = self.fresh(), self.fresh(), self.fresh()
        self.lines += [f"  {a} = math.absf {s} : f32",
                       f"  {i} = arith.fptosi {a} : f32 to i32",
                       f"  {n} = arith.index_cast {i} : i32 to index"]
        if mod:
            r = self.fresh()
            self.lines.append(f"  {r} = arith.remui {n}, {self.cindex(mod)} : index")
            return r
        return n

    def index_f32(self, k):
        """An index as an f32."""
        a, b = self.fresh(), self.fresh()
        self.lines += [f"  {a} = arith.index_cast {k} : index to i32",
                       f"  {b} = arith.sitofp {a} : i32 to f32"]
        return b

    def bound_loop(self, n, shape, step_scalar=None):
        """An scf.for from 0 to the index n carrying a placed tensor, each
        iteration adding the iteration number (or step_scalar); printed."""
        rng = self.rng
        x, _ = self.placed(shape, 0.4)
        c0, c1 = self.cindex(0), self.cindex(1)
        k, acc, r = self.fresh(), self.fresh(), self.fresh()
        self.lines.append(f"  {r} = scf.for {k} = {c0} to {n} step {c1} iter_args({acc} = {x}) "
                          f"-> ({tt(shape)}) {{")
        s = step_scalar if step_scalar else self.index_f32(k)
        y = self.scalar_generic(acc, shape, s, rng.choice(["add", "rsub"]))
        y = self.maybe(y, shape, p=0.3)
        self.lines += [f"  scf.yield {y} : {tt(shape)}", "  }"]
        self.out(self.maybe(r, shape, p=0.3), shape)

    def bu_loop(self, shape):
        """Opens an scf.for of 1 to 3 iterations carrying a placed input of
        `shape`; returns its induction variable, carried value and result."""
        x, _ = self.placed(shape, 0.4)
        c0, c1 = self.cindex(0), self.cindex(1)
        k, acc, r = self.fresh(), self.fresh(), self.fresh()
        self.lines.append(f"  {r} = scf.for {k} = {c0} to {self.cindex(self.rng.randint(1, 3))} "
                          f"step {c1} iter_args({acc} = {x}) -> ({tt(shape)}) {{")
        return k, acc, r

    def bu_shape(self):
        rng = self.rng
        return [rng.choice([2, 4, 6, 8]), rng.choice([2, 4, 8])]

    def bu_tobuf(self):
        rng = self.rng
        shape = self.bu_shape()
        M = mt(shape)
        use = rng.choice(["bound", "scale", "inloop"])
        direct = rng.random() < 0.25
        show = rng.random() < 0.4
        t, how = self.placed(shape, 0.4)
        self.bnote(f"tobuf/{how}/{use}{'/direct' if direct else ''}{'/print' if show else ''}")
        b, a = self.fresh(), self.fresh()
        self.lines.append(f"  {b} = bufferization.to_buffer {t} : {tt(shape)} to {M}")
        if direct:
            # Loads from the tensor's buffer itself.
            a = b
        else:
            self.lines += [f"  {a} = memref.alloc() : {M}",
                           f"  memref.copy {b}, {a} : {M} to {M}"]
        i, j = self.cindex(rng.randrange(shape[0])), self.cindex(rng.randrange(shape[1]))
        s = self.fresh()
        self.lines.append(f"  {s} = memref.load {a}[{i}, {j}] : {M}")
        if show:
            self.print_mem(a, shape)
        if use == "bound":
            self.bound_loop(self.to_index(s), self.bu_shape())
        elif use == "scale":
            self.use_scalar_fe(s)
        else:
            # Loaded in the loop, at the iteration's row.
            xshape = self.bu_shape()
            k, acc, r = self.bu_loop(xshape)
            row, v = self.fresh(), self.fresh()
            self.lines += [f"  {row} = arith.remui {k}, {self.cindex(shape[0])} : index",
                           f"  {v} = memref.load {a}[{row}, {j}] : {M}"]
            y = self.maybe(self.scalar_generic(acc, xshape, v, "add"), xshape, p=0.3)
            self.lines += [f"  scf.yield {y} : {tt(xshape)}", "  }"]
            self.out(r, xshape)

    def bu_global(self):
        rng = self.rng
        n = rng.choice([2, 3, 4, 6])
        const = rng.random() < 0.25
        src = rng.choice(["const", "iv", "extract", "extract_iv"])
        carry = not const and rng.random() < 0.5
        copy = rng.random() < 0.3
        self.bnote(f"global/{'constant' if const else src}{'/carry' if carry else ''}"
                   f"{'/copy' if copy else ''}")
        self.nfunc += 1
        name = f"@glob{self.nfunc}"
        M = mt([n])
        vals = ", ".join(lit(rng.randint(-3, 3), "f32") for _ in range(n))
        self.funcs.append(f"memref.global \"private\"{' constant' if const else ''} {name} : "
                          f"{M} = dense<[{vals}]>")
        g = self.fresh()
        self.lines.append(f"  {g} = memref.get_global {name} : {M}")
        if not const:
            steps = rng.randint(1, 4)
            shape = self.bu_shape()
            x = self.placed(shape, 0.4)[0] if carry else None
            e = self.extract_scalar() if src == "extract" else None
            if src == "extract_iv":
                eshape = self.bu_shape()
                et = self.placed(eshape, 0.3)[0]
                ej = self.cindex(rng.randrange(eshape[1]))
            c0, c1, cs = self.cindex(0), self.cindex(1), self.cindex(steps)
            k, acc, r = self.fresh(), self.fresh(), self.fresh()
            if carry:
                self.lines.append(f"  {r} = scf.for {k} = {c0} to {cs} step {c1} "
                                  f"iter_args({acc} = {x}) -> ({tt(shape)}) {{")
            else:
                self.lines.append(f"  scf.for {k} = {c0} to {cs} step {c1} {{")
            pos = self.fresh()
            self.lines.append(f"  {pos} = arith.remui {k}, {self.cindex(n)} : index")
            old, new = self.fresh(), self.fresh()
            if src == "extract_iv":
                # Read in the loop, at the iteration's row.
                ei, e = self.fresh(), self.fresh()
                self.lines += [f"  {ei} = arith.remui {k}, {self.cindex(eshape[0])} : index",
                               f"  {e} = tensor.extract {et}[{ei}, {ej}] : {tt(eshape)}"]
            add = {"const": lambda: self.const(rng.choice([1, 2, -1])),
                   "iv": lambda: self.index_f32(k), "extract": lambda: e,
                   "extract_iv": lambda: e}[src]()
            self.lines += [f"  {old} = memref.load {g}[{pos}] : {M}",
                           f"  {new} = arith.addf {old}, {add} : f32",
                           f"  memref.store {new}, {g}[{pos}] : {M}"]
            if carry:
                y = self.maybe(self.scalar_generic(acc, shape, new, "add"), shape, p=0.3)
                self.lines += [f"  scf.yield {y} : {tt(shape)}", "  }"]
                self.out(r, shape)
            else:
                self.lines.append("  }")
        src_buf = g
        if copy:
            # Copied into an alloc first: the alloc is written from a
            # device-0 buffer.
            src_buf = self.fresh()
            self.lines += [f"  {src_buf} = memref.alloc() : {M}",
                           f"  memref.copy {g}, {src_buf} : {M} to {M}"]
        s = self.fresh()
        self.lines.append(f"  {s} = memref.load {src_buf}[{self.cindex(rng.randrange(n))}] : {M}")
        self.use_scalar_fe(s)
        if rng.random() < 0.7:
            self.print_mem(src_buf, [n])

    def bu_replicated(self):
        rng = self.rng
        shape = rng.choice([[rng.choice([2, 3, 4, 6])], [rng.choice([2, 3]), rng.choice([2, 4])]])
        M = mt(shape)
        kind = rng.choice(["alloc", "alloc", "alloca"])
        loop = rng.random() < 0.5
        use = rng.random() < 0.6
        sub = rng.random() < 0.3
        self.bnote(f"replicated/{kind}/rank{len(shape)}{'/loop' if loop else ''}"
                   f"{'/subview' if sub else ''}{'/use' if use else ''}")

        def pos():
            return ", ".join(self.cindex(rng.randrange(d)) for d in shape)

        a, b = self.fresh(), self.fresh()
        self.lines += [f"  {a} = memref.{kind}() : {M}",
                       f"  linalg.fill ins({self.const(rng.randint(-3, 3))} : f32) outs({a} : {M})",
                       f"  memref.store {self.const(rng.randint(-3, 3))}, {a}[{pos()}] : {M}",
                       f"  {b} = memref.{kind}() : {M}"]
        if rng.random() < 0.5:
            # Filled, then overwritten by the copy: both are replicated.
            self.lines.append(f"  linalg.fill ins({self.const(7)} : f32) outs({b} : {M})")
        self.lines.append(f"  memref.copy {a}, {b} : {M} to {M}")
        v, w = self.fresh(), self.fresh()
        p = pos()
        self.lines += [f"  {v} = memref.load {a}[{p}] : {M}",
                       f"  {w} = arith.addf {v}, {self.const(rng.choice([1, 2]))} : f32",
                       f"  memref.store {w}, {b}[{pos()}] : {M}"]
        if loop:
            # Each iteration stores its number into the first row.
            c0, c1, k = self.cindex(0), self.cindex(1), self.fresh()
            self.lines.append(f"  scf.for {k} = {c0} to {self.cindex(shape[-1])} step {c1} {{")
            kf = self.index_f32(k)
            idx = [k] if len(shape) == 1 else [c0, k]
            old, new = self.fresh(), self.fresh()
            self.lines += [f"  {old} = memref.load {b}[{', '.join(idx)}] : {M}",
                           f"  {new} = arith.addf {old}, {kf} : f32",
                           f"  memref.store {new}, {b}[{', '.join(idx)}] : {M}", "  }"]
        self.print_mem(b, shape)
        if rng.random() < 0.4:
            self.print_mem(a, shape)
        if sub:
            # The first row (or half) of b through a subview into a third
            # buffer, filled first.
            ext = [1, shape[1]] if len(shape) == 2 else [max(1, shape[0] // 2)]
            lay = ("strided<[%d, 1]>" % shape[1]) if len(shape) == 2 else "strided<[1]>"
            V, C = "memref<%sxf32, %s>" % ("x".join(map(str, ext)), lay), mt(ext)
            sv, c = self.fresh(), self.fresh()
            self.lines += [f"  {sv} = memref.subview {b}[{', '.join(['0'] * len(shape))}] "
                           f"[{', '.join(map(str, ext))}] [{', '.join(['1'] * len(shape))}] : "
                           f"{M} to {V}",
                           f"  {c} = memref.{kind}() : {C}",
                           f"  linalg.fill ins({self.const(5)} : f32) outs({c} : {C})",
                           f"  memref.copy {sv}, {c} : {V} to {C}"]
            self.print_mem(c, ext)
        if use:
            s = self.fresh()
            self.lines.append(f"  {s} = memref.load {b}[{pos()}] : {M}")
            self.use_scalar_fe(s)

    def bu_while(self):
        rng = self.rng
        shape = self.bu_shape()
        x, how = self.placed(shape, 0.4)
        where = rng.choice(["after", "before"])
        bound = rng.random() < 0.5
        self.bnote(f"while/{how}/extract-{where}{'/bound' if bound else ''}")
        c0, c1 = self.cindex(0), self.cindex(1)
        n = self.cindex(rng.randint(1, 4))
        init = self.const(rng.randint(-2, 2))
        cm, j = self.cindex(shape[0]), self.cindex(rng.randrange(shape[1]))
        r = self.fresh()
        it, acc, cond = self.fresh(), self.fresh(), self.fresh()
        self.lines.append(f"  {r}:2 = scf.while ({it} = {c0}, {acc} = {init}) : (index, f32) -> "
                          f"(index, f32) {{")

        def step(it, acc):
            i, e, acc1 = self.fresh(), self.fresh(), self.fresh()
            self.lines += [f"  {i} = arith.remui {it}, {cm} : index",
                           f"  {e} = tensor.extract {x}[{i}, {j}] : {tt(shape)}",
                           f"  {acc1} = arith.addf {acc}, {e} : f32"]
            return acc1

        self.lines.append(f"  {cond} = arith.cmpi ult, {it}, {n} : index")
        acc_b = step(it, acc) if where == "before" else acc
        self.lines += [f"  scf.condition({cond}) {it}, {acc_b} : index, f32", "  } do {"]
        it2, acc2 = self.fresh(), self.fresh()
        self.lines += [f"  ^bb0({it2}: index, {acc2}: f32):", f"  vector.print {acc2} : f32"]
        acc3 = step(it2, acc2) if where == "after" else acc2
        it3 = self.fresh()
        self.lines += [f"  {it3} = arith.addi {it2}, {c1} : index",
                       f"  scf.yield {it3}, {acc3} : index, f32", "  }"]
        if bound:
            self.bound_loop(f"{r}#0", self.bu_shape(), step_scalar=f"{r}#1")
        else:
            self.use_scalar_fe(f"{r}#1")

    def bu_switch(self):
        rng = self.rng
        ncases = rng.randint(1, 3)
        inloop = rng.random() < 0.3
        self.bnote(f"switch/{ncases}cases{'/loop' if inloop else ''}")
        s = self.extract_scalar()
        idx = self.to_index(s, ncases + 1)
        if inloop:
            shape = self.bu_shape()
            k, acc, r = self.bu_loop(shape)
            i2 = self.fresh()
            self.lines.append(f"  {i2} = arith.addi {idx}, {k} : index")
            idx = i2
        cases = sorted(rng.sample(range(ncases + 1), ncases))
        v = self.fresh()
        self.lines.append(f"  {v} = scf.index_switch {idx} -> f32")
        for c in cases + ["default"]:
            self.lines.append(f"  case {c} {{" if c != "default" else "  default {")
            y = self.const(rng.randint(-3, 3))
            if rng.random() < 0.8:
                self.lines.append(f"  vector.print {y} : f32")
            self.lines += [f"  scf.yield {y} : f32", "  }"]
        if inloop:
            y = self.maybe(self.scalar_generic(acc, shape, v, "add"), shape, p=0.3)
            self.lines += [f"  scf.yield {y} : {tt(shape)}", "  }"]
            self.out(r, shape)
        else:
            self.use_scalar_fe(v)

    def bu_helper_scalar(self):
        rng = self.rng
        arg = rng.choice(["tensor", "tensor", "scalars"])
        loop = rng.random() < 0.5
        if arg == "scalars":
            name, how = self.scalar_fn(2, prints=True)
            self.bnote(f"helper_scalar/scalars/{how}{'/loop' if loop else ''}")
        else:
            shape = self.bu_shape()
            stated = rng.random() < 0.4
            self.nfunc += 1
            name = f"@hscalar{self.nfunc}"
            text = self.pick(shape) if stated else None
            self.bnote(f"helper_scalar/tensor{'/stated' if stated else ''}"
                                 f"{'/loop' if loop else ''}")
            attr = f" {{hspmd.sharding = #hspmd.sharding<{text}>}}" if text else ""
            cj = rng.randrange(shape[1])
            self.funcs.append("\n".join([
                f"func.func private {name}(%t: {tt(shape)}{attr}, %i: index) -> f32 {{",
                f"  %cm = arith.constant {shape[0]} : index",
                f"  %cj = arith.constant {cj} : index",
                "  %ii = arith.remui %i, %cm : index",
                f"  %e = tensor.extract %t[%ii, %cj] : {tt(shape)}",
                f"  %k = arith.constant {lit(rng.randint(-2, 2), 'f32')} : f32",
                "  %r = arith.addf %e, %k : f32",
                "  vector.print %r : f32",
                "  return %r : f32", "}"]))
            x, _ = self.placed(shape, 0.4)

        def call(k):
            r = self.fresh()
            if arg == "scalars":
                a = self.index_f32(k)
                self.lines.append(f"  {r} = func.call {name}({a}, {self.const(rng.randint(-2, 2))})"
                                  f" : (f32, f32) -> f32")
            else:
                self.lines.append(f"  {r} = func.call {name}({x}, {k}) : ({tt(shape)}, index) -> f32")
            return r

        if loop:
            c0, c1 = self.cindex(0), self.cindex(1)
            k, acc, r = self.fresh(), self.fresh(), self.fresh()
            self.lines.append(f"  {r} = scf.for {k} = {c0} to {self.cindex(rng.randint(1, 3))} "
                              f"step {c1} iter_args({acc} = {self.const(0)}) -> (f32) {{")
            v = call(k)
            s = self.fresh()
            self.lines += [f"  {s} = arith.addf {acc}, {v} : f32", f"  scf.yield {s} : f32", "  }"]
        else:
            r = call(self.cindex(rng.randint(0, 3)))
        self.use_scalar_fe(r)

    def bu_cast_roundtrip(self):
        rng = self.rng
        shape = self.bu_shape()
        dyn = rng.choice([[True, False], [False, True], [True, True]])
        after = rng.choice(["ewise", "scalar", "matmul", "print"])
        t, how = self.placed(shape, 0.4)
        self.bnote(f"cast_roundtrip/{'x'.join('?' if d else 'n' for d in dyn)}/{how}/{after}")
        dt = "tensor<%sxf32>" % "x".join("?" if d else str(n) for d, n in zip(dyn, shape))
        d, s = self.fresh(), self.fresh()
        self.lines += [f"  {d} = tensor.cast {t} : {tt(shape)} to {dt}",
                       f"  {s} = tensor.cast {d} : {dt} to {tt(shape)}"]
        s = self.maybe(s, shape, p=0.3)
        if after == "ewise":
            y = self.ewise(rng.choice(["addf", "subf", "mulf"]), s,
                           self.placed(shape, 0.3)[0], shape)
        elif after == "scalar":
            y = self.scalar_generic(s, shape, self.const(rng.randint(-2, 2)), "add")
        elif after == "matmul":
            n = rng.choice([2, 4])
            w = self.maybe(self.gen([shape[1], n], mod=3, off=1), [shape[1], n])
            y = self.matmul(s, w, shape[0], shape[1], n)
            shape = [shape[0], n]
        else:
            y = s
        self.out(self.maybe(y, shape, p=0.3), shape)

    def bu_helper_buffer(self):
        rng = self.rng
        n = rng.choice([2, 3, 4, 6])
        M = mt([n])
        withtensor = rng.random() < 0.4
        loop = rng.random() < 0.4
        show = rng.random() < 0.4
        self.nfunc += 1
        name = f"@hbuf{self.nfunc}"
        self.bnote(f"helper_buffer{'/tensor' if withtensor else ''}"
                             f"{'/loop' if loop else ''}{'/print' if show else ''}")
        body = [f"  %c{p} = arith.constant {p} : index" for p in range(n)]
        body.append(f"  linalg.fill ins(%v : f32) outs(%m : {M})")
        p = rng.randrange(n)
        if withtensor:
            tshape = self.bu_shape()
            body += [f"  %ci = arith.constant {rng.randrange(tshape[0])} : index",
                     f"  %cj = arith.constant {rng.randrange(tshape[1])} : index",
                     f"  %e = tensor.extract %t[%ci, %cj] : {tt(tshape)}",
                     f"  memref.store %e, %m[%c{p}] : {M}"]
            sig = f"%m: {M}, %v: f32, %t: {tt(tshape)}"
        else:
            body += [f"  %k = arith.constant {lit(rng.randint(-3, 3), 'f32')} : f32",
                     "  %w = arith.addf %v, %k : f32",
                     f"  memref.store %w, %m[%c{p}] : {M}"]
            sig = f"%m: {M}, %v: f32"
        self.funcs.append("\n".join([f"func.func private {name}({sig}) {{"] + body +
                                    ["  return", "}"]))
        a = self.fresh()
        self.lines.append(f"  {a} = memref.alloc() : {M}")
        x = self.placed(tshape, 0.4)[0] if withtensor else None

        def call(v):
            if withtensor:
                self.lines.append(f"  func.call {name}({a}, {v}, {x}) : ({M}, f32, {tt(tshape)}) -> ()")
            else:
                self.lines.append(f"  func.call {name}({a}, {v}) : ({M}, f32) -> ()")

        if loop:
            c0, c1, k = self.cindex(0), self.cindex(1), self.fresh()
            self.lines.append(f"  scf.for {k} = {c0} to {self.cindex(rng.randint(1, 3))} "
                              f"step {c1} {{")
            call(self.index_f32(k))
            self.lines.append("  }")
        else:
            call(self.const(rng.randint(-3, 3)))
        s = self.fresh()
        self.lines.append(f"  {s} = memref.load {a}[{self.cindex(rng.randrange(n))}] : {M}")
        if show:
            self.print_mem(a, [n])
        self.use_scalar_fe(s)

    # -- buffers where control flow joins (--features joins) -----------------

    def case_joins(self):
        """Buffers meeting where control flow joins (--features joins, by name
        only): two buffers (allocs, allocas or a memref.global), one written
        from a placed tensor's element or in a loop, chosen by arith.select
        or scf.if on a scalar read from a placed tensor, or carried by an
        scf.for that swaps them each iteration (ping-pong); then a value
        loaded from the joined buffer bounds a loop or scales a placed
        tensor, and the buffer is maybe printed (once, by device 0)."""
        rng = self.rng
        start = len(self.lines)
        n = rng.choice([2, 3, 4])
        M = mt([n])
        how = rng.choice(["select", "if", "pingpong"])
        kinds = [rng.choice(["alloc", "alloca", "global"]) for _ in range(2)]
        bufs = []
        for kind in kinds:
            b = self.fresh()
            if kind == "global":
                self.nfunc += 1
                name = f"@jglob{self.nfunc}"
                vals = ", ".join(lit(rng.randint(0, 3), "f32") for _ in range(n))
                self.funcs.append(f"memref.global \"private\" {name} : {M} = dense<[{vals}]>")
                self.lines.append(f"  {b} = memref.get_global {name} : {M}")
            else:
                self.lines += [f"  {b} = memref.{kind}() : {M}",
                               f"  linalg.fill ins({self.const(rng.randint(0, 3))} : f32) outs({b} : {M})"]
            bufs.append(b)
        # One of them gets an element of a placed tensor (device 0 writes
        # it: the tensor is made whole there).
        e = self.extract_scalar()
        ea, ei = self.fresh(), self.cindex(rng.randrange(n))
        self.lines += [f"  {ea} = math.absf {e} : f32",
                       f"  memref.store {ea}, {bufs[0]}[{ei}] : {M}"]
        c0, c1 = self.cindex(0), self.cindex(1)
        pos = self.cindex(rng.randrange(n))
        if how == "select":
            c, cond, j = self.extract_scalar(), self.fresh(), self.fresh()
            self.lines += [f"  {cond} = arith.cmpf oge, {c}, {self.const(0)} : f32",
                           f"  {j} = arith.select {cond}, {bufs[0]}, {bufs[1]} : {M}"]
        elif how == "if":
            c, cond, j = self.extract_scalar(), self.fresh(), self.fresh()
            self.lines += [f"  {cond} = arith.cmpf olt, {c}, {self.const(1)} : f32",
                           f"  {j} = scf.if {cond} -> ({M}) {{",
                           f"    scf.yield {bufs[0]} : {M}", "  } else {",
                           f"    scf.yield {bufs[1]} : {M}", "  }"]
        else:
            # Each iteration adds to the current buffer's element and swaps.
            steps = self.cindex(rng.randint(1, 3))
            k, a, b, r = (self.fresh() for _ in range(4))
            old, new = self.fresh(), self.fresh()
            j = f"{r}#0"
            self.lines += [f"  {r}:2 = scf.for {k} = {c0} to {steps} step {c1} "
                           f"iter_args({a} = {bufs[0]}, {b} = {bufs[1]}) -> ({M}, {M}) {{",
                           f"  {old} = memref.load {a}[{pos}] : {M}"]
            kf = self.index_f32(k)
            self.lines += [f"  {new} = arith.addf {old}, {kf} : f32",
                           f"  memref.store {new}, {b}[{pos}] : {M}",
                           f"  scf.yield {b}, {a} : {M}, {M}", "  }"]
        v = self.fresh()
        self.lines.append(f"  {v} = memref.load {j}[{pos}] : {M}")
        use = rng.choice(["bound", "scale"])
        self.lines.insert(start, f"  // case {self.ncase}: joins/{how}/{kinds[0]}-{kinds[1]}/{use}")
        if rng.random() < 0.5:
            self.print_mem(j, [n])
        if use == "bound":
            self.bound_loop(self.to_index(v, mod=4), self.bu_shape())
        else:
            self.use_scalar_fe(v)

    # -- ops that stand for others (--features standins) ---------------------

    STANDIN_SUBS = ("gather", "pack", "bitcast")

    def case_standins(self):
        """Ops that --hspmd-decompose-aggregates writes as others, one of
        STANDIN_SUBS in turn (from a random first one): tensor.gather,
        linalg.pack / linalg.unpack, tensor.bitcast, on placed operands."""
        sub = self.next_sub("si", self.STANDIN_SUBS)
        self.si_start = len(self.lines)
        getattr(self, "si_" + sub)()

    def pick_splitting(self, shape, dims, allow_partial=True):
        """A random valid sharding body splitting one of dims (at either
        tier) where one is found, else any."""
        for _ in range(200):
            text = sharding(self.rng, shape, allow_partial)
            if split_dims(text) & set(dims):
                return text
        return sharding(self.rng, shape, allow_partial)

    def si_place(self, v, shape, ety, p=0.85, allow_partial=True, dims=None):
        """v annotated with probability p: a random placement (partial only
        where allowed and the element type can be summed), now and then
        one with weighted groups (where the shape has one), a third of the
        time one splitting one of dims."""
        rng = self.rng
        if rng.random() >= p:
            return v
        allow_partial = allow_partial and ety in ("f32", "i32", "i64")
        r = rng.random()
        text = None
        if r < 0.15:
            for _ in range(100):
                cand = sharding(rng, shape, allow_partial)
                if "weights" in cand:
                    text = cand
                    break
        elif dims and r < 0.45:
            text = self.pick_splitting(shape, dims, allow_partial)
        return self.ann(v, shape, ety, text=text or self.pick(shape, allow_partial))

    @staticmethod
    def dense(vals, shape):
        """The nested literal of a dense constant (vals in row-major order)."""
        if not shape:
            return str(vals[0])
        step = prod(shape[1:])
        return "[%s]" % ", ".join(FeatureProgram.dense(vals[k * step:(k + 1) * step], shape[1:])
                                  for k in range(shape[0]))

    def si_follow(self, x, shape, ety):
        """Sometimes a reduction over some of x's dimensions or an elementwise
        op with a placed tensor; returns the value to print and its shape."""
        rng = self.rng
        how = rng.choice(["none", "reduce", "ewise"])
        if how == "reduce" and shape:
            rdims = sorted(rng.sample(range(len(shape)), rng.randint(1, len(shape))))
            comb = rng.choice(["addf", "maximumf"] if ety == "f32" else ["addi", "maxsi", "xori"])
            keep = [s for d, s in enumerate(shape) if d not in rdims]
            init = self.filled(keep, ety, NEUTRAL[comb] if rng.random() < 0.6 else 2)
            init = self.maybe(init, keep, ety, p=0.3)
            x, shape = self.reduction(x, shape, rdims, comb, ety, init)
            x = self.maybe(x, shape, ety, p=0.3)
            return x, shape, f"reduce{rdims}-{comb}"
        if how == "ewise":
            op = rng.choice(["addf", "mulf", "subf"] if ety == "f32" else
                            ["addi", "muli", "maxsi"])
            y = self.si_place(self.gen(shape, ety), shape, ety)
            x = self.ewise(op, x, y, shape, ety)
            x = self.maybe(x, shape, ety, p=0.3)
            return x, shape, op
        return x, shape, "none"

    def si_coords(self, ishape, extents, cty, how):
        """Gather coordinates of type cty in [0, extents[k]) along the last
        dimension k: a dense constant (`const`), a generic computing
        (c + sum a_i * i_i) remui extents[k] (`computed`), or the same
        generic reading a placed i32 tensor of data instead of the sum
        (`data`). Returns the value and, for a constant, whether the
        coordinate tuples are unique."""
        rng = self.rng
        rank = len(ishape)
        t = tt(ishape, cty)
        if how == "const":
            nb = prod(ishape[:-1])
            tuples = [[rng.randrange(e) for e in extents] for _ in range(nb)]
            vals = [v for tup in tuples for v in tup]
            r = self.fresh()
            self.lines.append(f"  {r} = arith.constant dense<{self.dense(vals, ishape)}> : {t}")
            return r, len({tuple(tp) for tp in tuples}) == nb
        ins, body = [], []
        if how == "data":
            d = self.si_place(self.gen(ishape, "i32", mod=17, off=0), ishape, "i32")
            ins = [(d, tt(ishape, "i32"))]
            body = [f"%i{rank - 1} = linalg.index {rank - 1} : index",
                    f"%s{rank} = arith.index_cast %b0 : i32 to index"]
        else:
            body = [f"%s0 = arith.constant {rng.randint(0, 6)} : index"]
            for k in range(rank):
                body += [f"%i{k} = linalg.index {k} : index",
                         f"%a{k} = arith.constant {rng.randint(1, 5)} : index",
                         f"%t{k} = arith.muli %i{k}, %a{k} : index",
                         f"%s{k + 1} = arith.addi %s{k}, %t{k} : index"]
        body.append(f"%e0 = arith.constant {extents[0]} : index")
        for j in range(1, len(extents)):
            body += [f"%k{j} = arith.constant {j} : index",
                     f"%x{j} = arith.constant {extents[j]} : index",
                     f"%q{j} = arith.cmpi eq, %i{rank - 1}, %k{j} : index",
                     f"%e{j} = arith.select %q{j}, %x{j}, %e{j - 1} : index"]
        body.append(f"%m = arith.remui %s{rank}, %e{len(extents) - 1} : index")
        res = "%m"
        if cty != "index":
            body.append(f"%mc = arith.index_cast %m : index to {cty}")
            res = "%mc"
        body.append(f"linalg.yield {res} : {cty}")
        r = self.generic(ins, [(self.empty(ishape, cty), t)], [ident(rank)] * (len(ins) + 1),
                         ["parallel"] * rank, body)
        return r, False

    def si_gather(self):
        """tensor.gather along 1 to 3 (sorted) source dimensions, batch rank 1
        or 2, coordinates index/i32/i64 (constant, computed, or from placed
        data, in range by remui), source and coordinates placed at random
        (partial sources too), the result rank-preserving or rank-reducing,
        maybe placed, then maybe reduced or added to."""
        rng = self.rng
        ety = rng.choice(["f32", "f32", "i32"])
        while True:
            srank = rng.randint(1, 3)
            sshape = [rng.choice([2, 3, 4, 6, 8]) for _ in range(srank)]
            gdims = sorted(rng.sample(range(srank), rng.randint(1, srank)))
            bshape = [rng.choice([1, 2, 3, 4, 6]) for _ in range(rng.choice([1, 2]))]
            reduced = rng.random() < 0.5
            rshape = bshape + [1 if d in gdims else s for d, s in enumerate(sshape)
                               if not (reduced and d in gdims)]
            if prod(sshape) <= 192 and prod(rshape) <= 192:
                break
        cty = rng.choice(["index", "i32", "i64"])
        how = rng.choice(["const", "computed", "data"])
        ishape = bshape + [len(gdims)]
        src = self.si_place(self.gen(sshape, ety), sshape, ety, dims=gdims)
        idx, unique = self.si_coords(ishape, [sshape[d] for d in gdims], cty, how)
        idx = self.si_place(idx, ishape, cty, p=0.8, dims=range(len(bshape)))
        unique = unique and rng.random() < 0.5
        g = self.fresh()
        self.lines.append(
            f"  {g} = tensor.gather {src}[{idx}] gather_dims([{', '.join(map(str, gdims))}])"
            f"{' unique' if unique else ''} : ({tt(sshape, ety)}, {tt(ishape, cty)}) -> "
            f"{tt(rshape, ety)}")
        g = self.si_place(g, rshape, ety, p=0.5)
        if rng.random() < 0.3:
            self.out(g, rshape, ety)
        y, yshape, follow = self.si_follow(g, rshape, ety)
        self.note("standins", f"gather/{ety}{sshape}/dims{gdims}/batch{bshape}/{cty}/"
                              f"{how}"
                              f"{'/reduced' if reduced else ''}{'/unique' if unique else ''}"
                              f"/{follow}")
        # The note goes before the case's lines.
        self.lines.insert(self.si_start, self.lines.pop())
        self.out(y, yshape, ety)

    def case_scatter(self):
        """tensor.scatter (--features scatter, by name only): unique constant
        coordinates (index/i32/i64) along 1 to 3 sorted destination
        dimensions, batch rank 1 or 2, the source rank-preserving or
        rank-reducing; destination, source and coordinates placed at random
        (partial ones too), the result maybe placed, then maybe reduced or
        added to."""
        rng = self.rng
        self.si_start = len(self.lines)
        ety = rng.choice(["f32", "f32", "i32"])
        while True:
            drank = rng.randint(1, 3)
            dshape = [rng.choice([2, 3, 4, 6, 8]) for _ in range(drank)]
            sdims = sorted(rng.sample(range(drank), rng.randint(1, drank)))
            bshape = [rng.choice([1, 2, 3, 4]) for _ in range(rng.choice([1, 2]))]
            reduced = rng.random() < 0.5
            sshape = bshape + [1 if d in sdims else n for d, n in enumerate(dshape)
                               if not (reduced and d in sdims)]
            space = prod([dshape[d] for d in sdims])
            if prod(dshape) <= 192 and prod(sshape) <= 192 and prod(bshape) <= space:
                break
        cty = rng.choice(["index", "i32", "i64"])
        ishape = bshape + [len(sdims)]
        # Unique points: distinct flat positions in the scattered dims' space.
        points = rng.sample(range(space), prod(bshape))
        vals = []
        for flat in points:
            coords = []
            for d in reversed(sdims):
                coords.append(flat % dshape[d])
                flat //= dshape[d]
            vals += list(reversed(coords))
        idx = self.fresh()
        self.lines.append(f"  {idx} = arith.constant dense<{self.dense(vals, ishape)}> : "
                          f"{tt(ishape, cty)}")
        idx = self.si_place(idx, ishape, cty, p=0.5, dims=range(len(bshape)))
        dest = self.si_place(self.gen(dshape, ety), dshape, ety, dims=sdims)
        src = self.si_place(self.gen(sshape, ety), sshape, ety, dims=range(len(bshape)))
        r = self.fresh()
        self.lines.append(
            f"  {r} = tensor.scatter {src} into {dest}[{idx}] "
            f"scatter_dims([{', '.join(map(str, sdims))}]) unique : "
            f"({tt(sshape, ety)}, {tt(dshape, ety)}, {tt(ishape, cty)}) -> {tt(dshape, ety)}")
        r = self.si_place(r, dshape, ety, p=0.5)
        y, yshape, follow = self.si_follow(r, dshape, ety)
        self.note("scatter", f"{ety}{dshape}/dims{sdims}/batch{bshape}/{cty}"
                             f"{'/reduced' if reduced else ''}/{follow}")
        self.lines.insert(self.si_start, self.lines.pop())
        self.out(y, yshape, ety)

    def si_packed_shape(self, shape, idp, tiles, perm):
        outer = list(shape)
        for d, t in zip(idp, tiles):
            outer[d] = -(-shape[d] // t)
        if perm:
            outer = [outer[p] for p in perm]
        return outer + list(tiles)

    def si_pack_attrs(self, idp, tiles, perm):
        text = ""
        if perm:
            text += f" outer_dims_perm = [{', '.join(map(str, perm))}]"
        return (text + f" inner_dims_pos = [{', '.join(map(str, idp))}] "
                f"inner_tiles = [{', '.join(map(str, tiles))}]")

    def si_pack(self):
        """linalg.pack / linalg.unpack of placed tensors: 1 to 3 tiled
        dimensions in any order, tiles that divide or not (a padding value
        then, and sometimes when they divide), outer_dims_perm sometimes;
        pack then compute on the tiles then unpack, or either alone (a
        pack's tiles maybe summed)."""
        rng = self.rng
        sub = rng.choice(["pack-unpack", "pack-unpack", "pack", "unpack"])
        ety = rng.choice(["f32", "f32", "f32", "i32"])
        while True:
            rank = rng.choice([1, 2, 2, 3])
            shape = [rng.choice([2, 3, 4, 5, 6, 8]) for _ in range(rank)]
            idp = rng.sample(range(rank), rng.randint(1, rank))
            tiles = [rng.choice([2, 3, 4]) for _ in idp]
            perm = None
            if rank > 1 and rng.random() < 0.4:
                perm = list(range(rank))
                rng.shuffle(perm)
            pshape = self.si_packed_shape(shape, idp, tiles, perm)
            if prod(pshape) <= 256:
                break
        divides = all(shape[d] % t == 0 for d, t in zip(idp, tiles))
        padded = not divides or rng.random() < 0.3
        attrs = self.si_pack_attrs(idp, tiles, perm)
        steps = []
        if sub == "unpack":
            x = self.si_place(self.gen(pshape, ety), pshape, ety)
        else:
            x = self.si_place(self.gen(shape, ety), shape, ety, dims=idp)
            pv = ""
            if padded:
                c = self.const(rng.choice([0, -1, 7]), ety)
                pv = f" padding_value({c} : {ety})"
            dest = self.maybe(self.empty(pshape, ety), pshape, ety, p=0.2)
            p = self.fresh()
            self.lines.append(f"  {p} = linalg.pack {x}{pv}{attrs} into {dest} : "
                              f"{tt(shape, ety)} -> {tt(pshape, ety)}")
            x = self.si_place(p, pshape, ety, p=0.5)
            if sub == "pack" and rng.random() < 0.5:
                self.out(x, pshape, ety)
            # Compute on the tiles.
            prank = len(pshape)
            for _ in range(rng.randint(0 if sub == "pack" else 1, 2)):
                step = rng.choice(["scale", "ewise", "relu"])
                steps.append(step)
                T = tt(pshape, ety)
                if step == "ewise":
                    op = rng.choice(["addf", "mulf"] if ety == "f32" else ["addi", "muli"])
                    y = self.si_place(self.gen(pshape, ety, mod=3, off=1), pshape, ety)
                    x = self.ewise(op, x, y, pshape, ety)
                elif step == "relu":
                    mx = "maximumf" if ety == "f32" else "maxsi"
                    x = self.ewise(mx, x, self.filled(pshape, ety, 0), pshape, ety)
                else:
                    # Each tile times 1 + its first outer coordinate.
                    mul = "mulf" if ety == "f32" else "muli"
                    conv = ["%tf = arith.sitofp %tc : i32 to f32"] if ety == "f32" else []
                    x = self.generic([(x, T)], [(self.empty(pshape, ety), T)],
                                     [ident(prank)] * 2, ["parallel"] * prank,
                                     ["%ti = linalg.index 0 : index",
                                      "%one = arith.constant 1 : index",
                                      "%t1 = arith.addi %ti, %one : index",
                                      "%tc = arith.index_cast %t1 : index to i32"] + conv +
                                     [f"%r = arith.{mul} %b0, {'%tf' if conv else '%tc'} : {ety}",
                                      f"linalg.yield %r : {ety}"])
                x = self.maybe(x, pshape, ety, p=0.3)
        if sub == "pack":
            oshape = pshape
            if rng.random() < 0.4:
                # The tiles summed.
                add = "addf" if ety == "f32" else "addi"
                rd = list(range(len(pshape) - len(tiles), len(pshape)))
                keep = pshape[:len(pshape) - len(tiles)]
                x, oshape = self.reduction(x, pshape, rd, add, ety, self.filled(keep, ety, 0))
                steps.append("tilesum")
                x = self.maybe(x, oshape, ety, p=0.3)
        else:
            dest = self.maybe(self.empty(shape, ety), shape, ety, p=0.2)
            u = self.fresh()
            self.lines.append(f"  {u} = linalg.unpack {x}{attrs} into {dest} : "
                              f"{tt(pshape, ety)} -> {tt(shape, ety)}")
            x = self.si_place(u, shape, ety, p=0.5)
            oshape = shape
        self.note("standins", f"{sub}/{ety}{shape}/pos{idp}/tiles{tiles}"
                              f"{'/perm' + str(perm) if perm else ''}"
                              f"{'/padded' if padded and sub != 'unpack' else ''}"
                              f"/{'-'.join(steps) or 'none'}")
        self.lines.insert(self.si_start, self.lines.pop())
        self.out(x, oshape, ety)

    # Integer ops on the bits of f32 values: those whose result is a float
    # that prints plainly (abs, neg, -abs, times 2^k), and the others.
    BITS_SAFE = {"abs": ("andi", 0x7FFFFFFF), "neg": ("xori", -2 ** 31),
                 "nabs": ("ori", -2 ** 31), "scale": ("addi", None)}
    BITS_INT = {"exp": ("shrui", 23), "mant": ("andi", 0x007FFFFF), "shl": ("shli", None),
                "sar": ("shrsi", None), "xor": ("xori", None)}

    def si_intop(self, x, shape, name):
        """One integer op on the i32 tensor x: at tensor level with a
        constant or placed operand, or inside a generic."""
        rng = self.rng
        op, k = {**self.BITS_SAFE, **self.BITS_INT}[name]
        if name == "scale":
            k = rng.randint(1, 3) << 23
        elif name == "shl":
            k = rng.randint(1, 4)
        elif name == "sar":
            k = rng.randint(8, 31)
        elif name == "xor":
            k = rng.randint(1, 2 ** 20)
        how = rng.choice(["tensor", "placed", "generic"])
        T = tt(shape, "i32")
        if how == "generic":
            r = self.generic([(x, T)], [(self.empty(shape, "i32"), T)],
                             [ident(len(shape))] * 2, ["parallel"] * len(shape),
                             [f"%k = arith.constant {k} : i32", f"%r = arith.{op} %b0, %k : i32",
                              "linalg.yield %r : i32"])
        else:
            c = self.fresh()
            self.lines.append(f"  {c} = arith.constant dense<{k}> : {T}")
            if how == "placed":
                c = self.ann(c, shape, "i32", text=self.pick(shape, allow_partial=False))
            r = self.ewise(op, x, c, shape, "i32")
        if name == "exp":
            # The exponent field alone.
            m = self.fresh()
            self.lines.append(f"  {m} = arith.constant dense<255> : {T}")
            r = self.ewise("andi", r, m, shape, "i32")
        return self.maybe(r, shape, "i32", p=0.25), f"{name}@{how}"

    def bitcast(self, x, shape, src, dst):
        r = self.fresh()
        self.lines.append(f"  {r} = tensor.bitcast {x} : {tt(shape, src)} to {tt(shape, dst)}")
        return r

    def si_bitcast(self):
        """tensor.bitcast between f32 and i32 on placed tensors: f32 bits
        through integer ops (andi/ori/xori/addi/shifts), back to f32 when
        they leave a plain float; i32 exponents shifted into f32 powers of
        two; i32 bits through f32 negf/absf and back. Bits read as floats are
        never placed `partial` (-0 + 0 is +0); the f32 values after them
        only meet elementwise ops (a tiny 2^k scale of 0 would change a
        sum's rounding) unless only signs changed."""
        rng = self.rng
        sub = rng.choice(["f2i", "f2i", "i2f", "i2f", "roundtrip"])
        dims = [2, 3, 4, 6, 8]
        shape = [rng.choice(dims) for _ in range(rng.randint(1, 3))]
        if prod(shape) > 96:
            shape = shape[:2]
        if rng.random() < 0.1:
            shape = []
        steps = []
        if sub == "f2i":
            x = self.si_place(self.gen(shape), shape, "f32")
            b = self.bitcast(x, shape, "f32", "i32")
            b = self.maybe(b, shape, "i32", p=0.3)
            back = rng.random() < 0.6
            names = list(self.BITS_SAFE) if back else list(self.BITS_SAFE) + list(self.BITS_INT)
            for _ in range(rng.randint(1, 3)):
                b, s = self.si_intop(b, shape, rng.choice(names))
                steps.append(s)
            if not back:
                self.out(b, shape, "i32")
            else:
                if rng.random() < 0.3:
                    self.out(b, shape, "i32")
                f = self.bitcast(b, shape, "i32", "f32")
                f = self.si_place(f, shape, "f32", p=0.5, allow_partial=False)
                signs = all(s.split("@")[0] != "scale" for s in steps)
                end = rng.choice(["none", "ewise"] + (["sum"] if signs and shape else []))
                steps.append(end)
                if end == "ewise":
                    y = self.si_place(self.gen(shape), shape, "f32")
                    f = self.ewise(rng.choice(["addf", "mulf"]), f, y, shape)
                elif end == "sum":
                    d = rng.randrange(len(shape))
                    keep = [s for k, s in enumerate(shape) if k != d]
                    f, shape = self.reduction(f, shape, [d], "addf", "f32",
                                              self.filled(keep, "f32", 0))
                f = self.si_place(f, shape, "f32", p=0.3, allow_partial=False)
                self.out(f, shape)
        elif sub == "i2f":
            # e in [0, 7) -> 2^(e + bias - 127), maybe negated by a placed
            # sign bit.
            e = self.si_place(self.gen(shape, "i32", mod=7, off=0), shape, "i32")
            bias = self.fresh()
            self.lines.append(f"  {bias} = arith.constant dense<{rng.randint(124, 128)}> : "
                              f"{tt(shape, 'i32')}")
            e = self.ewise("addi", e, bias, shape, "i32")
            s23 = self.fresh()
            self.lines.append(f"  {s23} = arith.constant dense<23> : {tt(shape, 'i32')}")
            bits = self.ewise("shli", e, s23, shape, "i32")
            steps.append("pow2")
            if rng.random() < 0.5:
                sgn = self.si_place(self.gen(shape, "i32", mod=2, off=0), shape, "i32")
                s31 = self.fresh()
                self.lines.append(f"  {s31} = arith.constant dense<31> : {tt(shape, 'i32')}")
                bits = self.ewise("ori", bits, self.ewise("shli", sgn, s31, shape, "i32"),
                                  shape, "i32")
                steps.append("sign")
            bits = self.maybe(bits, shape, "i32", p=0.3)
            f = self.bitcast(bits, shape, "i32", "f32")
            f = self.si_place(f, shape, "f32", p=0.5, allow_partial=False)
            for _ in range(rng.randint(0, 2)):
                step = rng.choice(["mulf", "addf", "sum"] if len(shape) > 1 else ["mulf", "addf"])
                steps.append(step)
                if step == "sum":
                    d = rng.randrange(len(shape))
                    keep = [s for k, s in enumerate(shape) if k != d]
                    f, shape = self.reduction(f, shape, [d], "addf", "f32",
                                              self.filled(keep, "f32", 0))
                else:
                    y = self.si_place(self.gen(shape), shape, "f32")
                    f = self.ewise(step, f, y, shape)
                f = self.si_place(f, shape, "f32", p=0.3, allow_partial=False)
            if rng.random() < 0.5:
                # Back to bits: the exponent field.
                steps.append("bits")
                if rng.random() < 0.5:
                    self.out(f, shape)
                b = self.bitcast(f, shape, "f32", "i32")
                b = self.maybe(b, shape, "i32", p=0.3)
                b, s = self.si_intop(b, shape, "exp")
                steps.append(s)
                self.out(b, shape, "i32")
            else:
                self.out(f, shape)
        else:
            # i32 bits (small integers: denormals, NaNs) through f32 sign ops.
            x = self.si_place(self.gen(shape, "i32", mod=15, off=7), shape, "i32")
            f = self.bitcast(x, shape, "i32", "f32")
            f = self.si_place(f, shape, "f32", p=0.5, allow_partial=False)
            for _ in range(rng.randint(1, 2)):
                op = rng.choice(["negf", "absf"])
                steps.append(op)
                r = self.fresh()
                dialect = "math" if op == "absf" else "arith"
                self.lines.append(f"  {r} = {dialect}.{op} {f} : {tt(shape)}")
                f = self.si_place(r, shape, "f32", p=0.25, allow_partial=False)
            b = self.bitcast(f, shape, "f32", "i32")
            b = self.maybe(b, shape, "i32", p=0.3)
            if rng.random() < 0.5:
                b, s = self.si_intop(b, shape, rng.choice(["xor", "abs", "sar"]))
                steps.append(s)
            self.out(b, shape, "i32")
        self.note("standins", f"bitcast/{sub}/{shape}/{'-'.join(steps)}")
        self.lines.insert(self.si_start, self.lines.pop())


def parse_features(text):
    chosen = set()
    for name in filter(None, (f.strip() for f in text.split(","))):
        if name == "all":
            chosen.update(FEATURES)
        elif name in FEATURES or name in MODULE_FEATURES or name == "base":
            chosen.add(name)
        else:
            raise SystemExit(f"random-programs.py: unknown feature '{name}' (known: "
                             f"{', '.join(FEATURES + MODULE_FEATURES)}, base, all)")
    return [f for f in ("base",) + FEATURES + MODULE_FEATURES if f in chosen]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--cases", type=int, default=50)
    p.add_argument("--features", default="",
                   help="comma list of case kinds (%s; base: the default kinds; all: "
                        "every kind but base, %s); without it, the default program"
                        % (", ".join(FEATURES + MODULE_FEATURES),
                           ", ".join(MODULE_FEATURES[:-1]) + " and " + MODULE_FEATURES[-1]))
    p.add_argument("--only-cases", default="",
                   help="comma list of case numbers (from 0) to print, for narrowing a "
                        "failure down; the others are still drawn, so each kept case "
                        "is the one of the whole program")
    args = p.parse_args()
    rng = random.Random(args.seed)
    features = parse_features(args.features)
    if not features:
        prog = Program(rng)
        spans = []
        for _ in range(args.cases):
            start = len(prog.lines)
            prog.case()
            spans.append((start, len(prog.lines), 0, 0))
        funcs = []
    else:
        prog = FeatureProgram(rng, features)
        spans = []
        for n in range(args.cases):
            prog.ncase = n
            start, fstart = len(prog.lines), len(prog.funcs)
            prog.feature_case()
            spans.append((start, len(prog.lines), fstart, len(prog.funcs)))
        funcs = prog.funcs
    lines = prog.lines
    header = f"// Generated by scripts/random-programs.py --seed {args.seed} --cases {args.cases}"
    if args.features:
        header += f" --features {args.features}"
    if args.only_cases:
        keep = sorted({int(c) for c in args.only_cases.split(",") if c.strip()})
        if any(not 0 <= c < args.cases for c in keep):
            raise SystemExit(f"random-programs.py: --only-cases wants numbers from 0 to "
                             f"{args.cases - 1}")
        header += f" --only-cases {','.join(map(str, keep))}"
        lines = [l for c in keep for l in prog.lines[spans[c][0]:spans[c][1]]]
        funcs = [f for c in keep for f in funcs[spans[c][2]:spans[c][3]]]
    print(header)
    strategies = getattr(prog, "strategies", None)
    if strategies:
        print("module attributes {hspmd.strategies = [%s]} {"
              % ", ".join(f'"{s}"' for s in strategies))
    if "frontend" in features:
        print("func.func private @printMemrefF32(tensor<*xf32>)")
        for fn in ("sqrtf", "expf", "fabsf"):
            print(f"func.func private @{fn}(f32) -> f32")
    else:
        print("func.func private @printMemrefF32(memref<*xf32>)")
    if features:
        print("func.func private @printMemrefI32(memref<*xi32>)")
    for f in funcs:
        print(f)
    print("func.func @main() {")
    print("  %zero = arith.constant 0.0 : f32")
    print("\n".join(lines))
    print("  return")
    print("}")
    if strategies:
        print("}")


if __name__ == "__main__":
    main()
