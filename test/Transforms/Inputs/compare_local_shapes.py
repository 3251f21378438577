#!/usr/bin/env python3
"""Compares the per-device shapes of a program partitioned two ways.

    compare_local_shapes.py UPSTREAM.mlir HSPMD.mlir

UPSTREAM.mlir: upstream shard-partition's output, one function @f per input
function, written for every device. HSPMD.mlir: hspmd's specialization, one
or more device programs @f_device<N> per function. For every upstream
function, every hspmd device program of it must have the same signature
types and the same linalg ops in the same order, with the same tensor types.
Prints one line per function; exits 1 on the first difference.
"""
import re
import sys

FUNC = re.compile(r"^\s*func\.func (?:private )?@([\w.]+)\((.*)\)(?: -> (.*?))? \{$")
LINALG = re.compile(r"= (linalg\.\w+) ")
TENSOR = re.compile(r"tensor<[^>]*>")


def functions(path):
    """{name: (signature types, [(op, tensor types), ...])}"""
    out, current = {}, None
    for line in open(path):
        m = FUNC.match(line)
        if m:
            current = m.group(1)
            sig = TENSOR.findall(m.group(2)) + ["->"] + TENSOR.findall(m.group(3) or "")
            out[current] = (sig, [])
            continue
        if current is None:
            continue
        if line.strip() == "}":
            current = None
            continue
        m = LINALG.search(line)
        if m:
            out[current][1].append((m.group(1), TENSOR.findall(line)))
    return out


def main():
    upstream, hspmd = functions(sys.argv[1]), functions(sys.argv[2])
    if not upstream:
        print("error: no function in " + sys.argv[1])
        return 1
    for name, (sig, ops) in sorted(upstream.items()):
        programs = sorted(n for n in hspmd if re.fullmatch(re.escape(name) + r"_device\d+", n))
        if not programs:
            print(f"error: @{name}: hspmd has no device program @{name}_device<N>")
            return 1
        for p in programs:
            hsig, hops = hspmd[p]
            if hsig != sig:
                print(f"error: @{name}: upstream signature {' '.join(sig)}, @{p} {' '.join(hsig)}")
                return 1
            if len(hops) != len(ops):
                print(f"error: @{name}: upstream has {len(ops)} linalg ops, @{p} {len(hops)}")
                return 1
            for i, (a, b) in enumerate(zip(ops, hops)):
                if a != b:
                    print(f"error: @{name}: linalg op #{i}: upstream {a[0]} {' '.join(a[1])}, "
                          f"@{p} {b[0]} {' '.join(b[1])}")
                    return 1
        print(f"@{name}: {len(programs)} hspmd device program(s) agree with upstream: "
              f"{' '.join(sig)}; {len(ops)} linalg ops")
    return 0


if __name__ == "__main__":
    sys.exit(main())
