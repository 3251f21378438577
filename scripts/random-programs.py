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

  scripts/random-programs.py --seed 7 --cases 50 > prog.mlir
  scripts/random-diff.sh 20 50       # 20 programs of 50 cases, by hand
"""
import argparse
import random

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


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--cases", type=int, default=50)
    args = p.parse_args()
    rng = random.Random(args.seed)
    prog = Program(rng)
    for _ in range(args.cases):
        prog.case()
    print(f"// Generated by scripts/random-programs.py --seed {args.seed} --cases {args.cases}")
    print("func.func private @printMemrefF32(memref<*xf32>)")
    print("func.func @main() {")
    print("  %zero = arith.constant 0.0 : f32")
    print("\n".join(prog.lines))
    print("  return")
    print("}")


if __name__ == "__main__":
    main()
