#!/usr/bin/env python3
"""Pass-level fuzzer for hspmd-opt (standard library only).

Feeds programs through every hspmd pass alone, the usual pass chains and the
whole pipeline (`--hspmd-to-llvm`), each run under a timeout, and reports:

  CRASH       a signal, an abort, an assertion, `LLVM ERROR`, a stack dump,
              or an exit status other than 0 and 1
  HANG        a run that outlives --timeout (twice)
  INVALID-IR  a valid input after which some pass leaves IR that fails the
              verifier (hspmd-opt verifies after every pass: the run fails
              with the verifier on, and gets further with --verify-each=false)
  ROUNDTRIP   a successful run whose output does not parse and verify again
              (`hspmd-opt --verify-roundtrip`), or an input that parses but
              does not round-trip, or a JSON report that does not parse
  UNLOCATED   an error diagnostic without a real location: no file:line:col,
              `loc(unknown)`, `<unknown>:0`, or line 0 (the implicit module)

Inputs, chosen deterministically from --seed and the input's index:
  - seeds: every .mlir under test/ and examples/, split at `// -----`
    (seeds with `expected-error` or `RUN: not` are noted as expected-invalid,
    and mutated like the others), plus two small programs of
    bench/cost/llama_blocks.py;
  - random programs of scripts/random-programs.py (its default cases, or its
    --features cases where it has them) and random functions with sharded
    arguments and results (written here);
  - text-level mutations of both: device ids, axis sizes, roles, weights,
    tensor shapes and element types, deleted/duplicated/swapped lines,
    dropped or added annotates, random reshards, function shardings, swapped
    shardings, integer literals.

An input that does not parse or verify (checked first, with no pass) is only
checked for crashes, hangs and unlocated diagnostics; a valid one runs every
pass configuration (CONFIGS).

Each distinct finding (deduplicated by kind and the normalized first error or
crash frame) is saved under --findings as <KIND>-<hash>/ with input.mlir,
repro.sh (the command line), stderr.txt and info.json; summary.json lists
them. Exit status 1 when there is a finding. docs/Testing.md has more.

  scripts/pass-fuzz.py --count 30 --seed 1          # what CI runs (test/Fuzz)
  scripts/pass-fuzz.py --time 900 --seed 7          # 15 minutes
  scripts/pass-fuzz.py --seed 7 --first 123 --count 1   # input 123 again
  scripts/pass-fuzz.py --replay DIR/input.mlir      # a saved input again
"""
import argparse
import hashlib
import importlib.util
import json
import os
import random
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------------------
# Pass configurations. `args` are hspmd-opt flags; `reparse`: the output must
# parse, verify and round-trip again; `when`: only for inputs containing this
# text. With `format=json`, the report on stderr must be JSON. A
# configuration whose args extend one that failed on the same input would
# fail the same way and is skipped.
# ---------------------------------------------------------------------------
PROPAGATE = ["--hspmd-propagate"]
RESOLVE = PROPAGATE + ["--hspmd-resolve-comm=verify-plans=true"]
SPECIALIZE = RESOLVE + ["--hspmd-specialize"]
APPLY_PLAN = ("--hspmd-apply-plan=layers=1 hidden=16 ffn=32 heads=2 seq=8 "
              "global-batch=4 tp-degrees=1,2,4")
CLUSTERS = ["8xH800", "4xH20+4xH800", "2xH20", "16xH800", "1xH800",
            "3xH20+5xH800"]
# `args` may be a function of a random generator (seeded by the input) for
# per-input variants. A chain runs every pass of its prefixes, verified after
# each, so prefixes are not run on their own.
CONFIGS = [
    dict(name="propagate+print-layout+comm-report",
         args=lambda r: PROPAGATE + ["--hspmd-print-layout=to-stderr=true",
                                     r.choice(["--hspmd-comm-report",
                                               "--hspmd-comm-report=verify-plans=true",
                                               "--hspmd-comm-report=format=json"])]),
    # The JSON report, then resolve on the program as given (no propagate).
    dict(name="comm-report-json+resolve",
         args=["--hspmd-comm-report=format=json verify-plans=true",
               "--hspmd-resolve-comm"]),
    dict(name="propagate+resolve+specialize+lower", reparse=True,
         args=SPECIALIZE + ["--hspmd-lower-to-runtime"]),
    dict(name="propagate+resolve+specialize=device=K", reparse=True,
         args=lambda r: RESOLVE + ["--hspmd-specialize=device=%d" %
                                   r.choice([0, 1, 2, 3, 5, 7, 15, 100])]),
    dict(name="specialize", args=["--hspmd-specialize"]),
    dict(name="lower-to-runtime", args=["--hspmd-lower-to-runtime"]),
    dict(name="to-llvm", args=["--hspmd-to-llvm"]),
    dict(name="reference-to-llvm", args=["--hspmd-reference-to-llvm"]),
    dict(name="import-shard", args=["--hspmd-import-shard"], reparse=True,
         when="shard."),
    dict(name="export-shard", args=["--hspmd-export-shard"], reparse=True),
    dict(name="propagate+export-shard",
         args=["--hspmd-propagate", "--hspmd-export-shard"], reparse=True),
    dict(name="print-layout+strip",
         args=["--hspmd-print-layout", "--hspmd-strip"]),
    dict(name="cluster+propagate+cost-report",
         args=lambda r: ["--hspmd-import-cluster=name=" + r.choice(CLUSTERS),
                         "--hspmd-propagate",
                         r.choice(["--hspmd-cost-report",
                                   "--hspmd-cost-report=format=json"])]),
    dict(name="cost-report", args=["--hspmd-cost-report=format=json"],
         when="dlti"),
    dict(name="export-cluster", args=["--hspmd-export-cluster"], when="dlti"),
    dict(name="cluster+apply-plan+propagate+resolve+specialize",
         when="hspmd.layer", reparse=True,
         args=["--hspmd-import-cluster=name=4xH20+4xH800", APPLY_PLAN,
               "--hspmd-propagate", "--hspmd-resolve-comm",
               "--hspmd-specialize"]),
]

SEVERITY = ["CRASH", "HANG", "INVALID-IR", "ROUNDTRIP", "UNLOCATED"]

CRASH_MARKERS = ["PLEASE submit a bug report", "Stack dump:", "Assertion `",
                 "LLVM ERROR:", "UNREACHABLE executed", "terminate called",
                 "AddressSanitizer", "runtime error:", "Segmentation fault"]

INTERESTING = [0, 1, 2, 3, 5, 7, 9, 16, 63, 64, 127, 1023, 4096, 65535,
               2**31 - 1, 2**31, 2**32, 4294967296 * 2, 2**62, 2**63 - 1,
               2**64, -1, -2]
ELEMENT_TYPES = ["i1", "i8", "i16", "i32", "i64", "f16", "bf16", "f64",
                 "complex<f32>", "index"]
ROLES = ["dup", "partial", "d0", "d1", "d2", "d3", "d7", "d64",
         "d4294967296"]


def load_random_programs():
    path = os.path.join(ROOT, "scripts", "random-programs.py")
    spec = importlib.util.spec_from_file_location("random_programs", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


RP = load_random_programs()
RP_LOCK = threading.Lock()  # RP.DEVICES is a module global

# ---------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------


def collect_seeds():
    seeds = []
    for top in ("test", "examples"):
        for d, dirs, files in os.walk(os.path.join(ROOT, top)):
            dirs.sort()
            for f in sorted(files):
                if not f.endswith(".mlir"):
                    continue
                path = os.path.join(d, f)
                rel = os.path.relpath(path, ROOT)
                with open(path, encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
                file_not = bool(re.search(r"RUN:.*\bnot\b", text))
                chunks = re.split(r"(?m)^// -----\s*$", text)
                for k, chunk in enumerate(chunks):
                    name = rel if len(chunks) == 1 else f"{rel}#{k}"
                    invalid = file_not or "expected-error" in chunk
                    seeds.append(dict(name=name, text=chunk,
                                      expected_invalid=invalid))
    llama = os.path.join(ROOT, "bench", "cost", "llama_blocks.py")
    if os.path.exists(llama):
        for extra in ([], ["--plan-attrs"]):
            args = ["--layers", "1", "--hidden", "16", "--heads", "2",
                    "--ffn", "32", "--seq", "8", "--tp", "2"] + extra
            try:
                out = subprocess.run([sys.executable, llama] + args,
                                     capture_output=True, text=True,
                                     timeout=60, check=True).stdout
                seeds.append(dict(name="llama_blocks.py " + " ".join(args),
                                  text=out, expected_invalid=False))
            except (subprocess.SubprocessError, OSError):
                pass
    return seeds

# ---------------------------------------------------------------------------
# Generators
# ---------------------------------------------------------------------------


def random_sharding(rng, shape, devices=8, allow_partial=True):
    """A valid sharding body for `shape` (random-programs.py's generator)."""
    shape = [max(1, d) if isinstance(d, int) else 1 for d in shape]
    with RP_LOCK:
        old = RP.DEVICES
        RP.DEVICES = devices
        try:
            return RP.sharding(rng, shape, allow_partial)
        finally:
            RP.DEVICES = old


def gen_random_program(rng):
    """A program of scripts/random-programs.py: its default cases, or (where
    the script has them) its feature cases (`--features`)."""
    cases = rng.randint(1, 5)
    if hasattr(RP, "FeatureProgram") and rng.random() < 0.5:
        try:
            feats = RP.parse_features(rng.choice(
                ["all", "all", "base," + rng.choice(RP.FEATURES)]))
            prog = RP.FeatureProgram(rng, feats)
            with RP_LOCK:
                for n in range(cases):
                    prog.ncase = n
                    prog.feature_case()
            return "\n".join(
                ["// scripts/random-programs.py --features, %d cases" % cases,
                 "func.func private @printMemrefF32(memref<*xf32>)",
                 "func.func private @printMemrefI32(memref<*xi32>)"] +
                list(prog.funcs) +
                ["func.func @main() {", "  %zero = arith.constant 0.0 : f32"] +
                prog.lines + ["  return", "}", ""])
        except Exception:  # the script changed under us: its default cases
            pass
    prog = RP.Program(rng)
    with RP_LOCK:
        for _ in range(cases):
            prog.case()
    return "\n".join(
        ["// scripts/random-programs.py, %d cases" % cases,
         "func.func private @printMemrefF32(memref<*xf32>)",
         "func.func @main() {",
         "  %zero = arith.constant 0.0 : f32"] + prog.lines +
        ["  return", "}", ""])


def ttype(shape, elem="f32"):
    return "tensor<%s>" % "x".join([str(d) for d in shape] + [elem])


def gen_func_program(rng):
    """Functions with sharded arguments and results, and a @main calling the
    first one on constants."""
    dims = [1, 2, 3, 4, 6, 8, 12, 16]
    devices = rng.choice([1, 2, 4, 8, 8, 16])
    lines = ["// random functions (pass-fuzz.py)"]
    m, k, n = (rng.choice(dims) for _ in range(3))
    sh = lambda shape: random_sharding(rng, shape, devices)  # noqa: E731
    res_attr = ""
    if rng.random() < 0.6:
        res_attr = " {hspmd.sharding = #hspmd.sharding<%s>}" % sh([m, n])
    a_attr = ("{hspmd.sharding = #hspmd.sharding<%s>}" % sh([m, k])
              if rng.random() < 0.8 else "")
    b_attr = ("{hspmd.sharding = #hspmd.sharding<%s>}" % sh([k, n])
              if rng.random() < 0.8 else "")
    lines.append(f"func.func @f0(%a: {ttype([m, k])} {a_attr}, "
                 f"%b: {ttype([k, n])} {b_attr}) -> ({ttype([m, n])}{res_attr}) {{")
    lines.append("  %zero = arith.constant 0.0 : f32")
    lines.append(f"  %e = tensor.empty() : {ttype([m, n])}")
    lines.append(f"  %f = linalg.fill ins(%zero : f32) outs(%e : {ttype([m, n])}) -> {ttype([m, n])}")
    lines.append(f"  %y0 = linalg.matmul ins(%a, %b : {ttype([m, k])}, {ttype([k, n])}) "
                 f"outs(%f : {ttype([m, n])}) -> {ttype([m, n])}")
    cur, shape, i = "%y0", [m, n], 0
    for _ in range(rng.randint(0, 4)):
        i += 1
        op = rng.choice(["add", "max", "annotate", "reshard", "transpose",
                         "neg", "exp"])
        t = ttype(shape)
        if op in ("add", "max"):
            name = "addf" if op == "add" else "maximumf"
            lines.append(f"  %y{i} = arith.{name} {cur}, {cur} : {t}")
        elif op in ("annotate", "reshard"):
            kw = "as" if op == "annotate" else "to"
            lines.append(f"  %y{i} = hspmd.{op} {cur} {kw} "
                         f"#hspmd.sharding<{sh(shape)}> : {t}")
        elif op == "transpose":
            out = [shape[1], shape[0]]
            lines.append(f"  %t{i} = tensor.empty() : {ttype(out)}")
            lines.append(f"  %y{i} = linalg.transpose ins({cur} : {t}) "
                         f"outs(%t{i} : {ttype(out)}) permutation = [1, 0]")
            shape = out
        elif op == "neg":
            lines.append(f"  %y{i} = arith.negf {cur} : {t}")
        else:
            lines.append(f"  %y{i} = math.exp {cur} : {t}")
        cur = f"%y{i}"
    if shape != [m, n]:
        out = [m, n]
        i += 1
        lines.append(f"  %t{i} = tensor.empty() : {ttype(out)}")
        lines.append(f"  %y{i} = linalg.transpose ins({cur} : {ttype(shape)}) "
                     f"outs(%t{i} : {ttype(out)}) permutation = [1, 0]")
        cur = f"%y{i}"
    lines.append(f"  return {cur} : {ttype([m, n])}")
    lines.append("}")
    if rng.random() < 0.7:
        lines.append("func.func @main() {")
        lines.append(f"  %ca = arith.constant dense<1.5> : {ttype([m, k])}")
        vals = ", ".join("[%s]" % ", ".join(str(float((r * n + c) % 5))
                                           for c in range(n))
                         for r in range(k))
        lines.append(f"  %cb = arith.constant dense<[{vals}]> : {ttype([k, n])}")
        a = "%ca"
        if rng.random() < 0.5:
            lines.append(f"  %pa = hspmd.annotate %ca as "
                         f"#hspmd.sharding<{sh([m, k])}> : {ttype([m, k])}")
            a = "%pa"
        lines.append(f"  %r = func.call @f0({a}, %cb) : ({ttype([m, k])}, "
                     f"{ttype([k, n])}) -> {ttype([m, n])}")
        lines.append("  return")
        lines.append("}")
    return "\n".join(lines) + "\n"

# ---------------------------------------------------------------------------
# Mutations: text in, text out (None: not applicable)
# ---------------------------------------------------------------------------

SSA = r"%[A-Za-z0-9_$.-]+"
NOT_ID = r"(?![A-Za-z0-9_$.-])"


def sharding_spans(text):
    """(start, end) of the body of every #hspmd.sharding<...>."""
    spans = []
    for m in re.finditer(r"#hspmd\.sharding<", text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            c = text[i]
            if c == "<":
                depth += 1
            elif c == ">":
                depth -= 1
            i += 1
        if depth == 0:
            spans.append((m.end(), i - 1))
    return spans


def pick_span(rng, text):
    spans = sharding_spans(text)
    return rng.choice(spans) if spans else None


def edit_in_span(rng, text, regex, fn):
    """Applies fn(match) -> replacement to one match of regex inside one
    sharding body."""
    spans = sharding_spans(text)
    rng.shuffle(spans)
    for s, e in spans[:8]:
        body = text[s:e]
        ms = list(re.finditer(regex, body))
        if not ms:
            continue
        m = rng.choice(ms)
        rep = fn(m)
        if rep is None:
            continue
        body = body[:m.start()] + rep + body[m.end():]
        return text[:s] + body + text[e:]
    return None


def mut_device_id(rng, text):
    def fn(m):
        ids = [x.strip() for x in m.group(1).split(",")]
        how = rng.choice(["big", "big", "neg", "repeat", "repeat", "drop",
                          "add", "reverse"])
        j = rng.randrange(len(ids))
        if how == "big":
            ids[j] = str(rng.choice([8, 15, 16, 63, 64, 1000, 4095, 4096,
                                     65535, 2**31 - 1, 2**31, 2**32,
                                     2**63 - 1, 2**64]))
        elif how == "neg":
            ids[j] = str(rng.choice([-1, -7, -(2**31)]))
        elif how == "repeat":
            ids[j] = rng.choice(ids) if len(ids) > 1 else ids[j]
            if len(ids) == 1:
                ids.append(ids[0])
        elif how == "drop":
            if len(ids) == 1:
                return "[]"
            del ids[j]
        elif how == "add":
            ids.insert(j, str(rng.randint(0, 12)))
        else:
            ids.reverse()
        return "[" + ", ".join(ids) + "]" + m.group(2)
    r = edit_in_span(rng, text, r"\[\s*(-?\d+(?:\s*,\s*-?\d+)*)\s*\](\s*:)", fn)
    if r is None:
        return None
    # Sometimes repeat an id of another group: overlapping groups.
    return r


def mut_axis_size(rng, text):
    return edit_in_span(
        rng, text, r"\b(dup|partial|d\d+)\s*=\s*(-?\d+)",
        lambda m: f"{m.group(1)} = {rng.choice(INTERESTING + [2, 3, 4, 6])}")


def mut_role(rng, text):
    how = rng.random()
    if how < 0.4:
        return edit_in_span(rng, text, r"\b(dup|partial|d\d+)(?=\s*=\s*\d)",
                            lambda m: rng.choice(ROLES))
    if how < 0.6:
        return edit_in_span(
            rng, text, r"\b(dup|partial)\b",
            lambda m: "partial" if m.group(1) == "dup" else "dup")
    if how < 0.8:
        return edit_in_span(rng, text, r"(hetero\s*=\s*)(dup|partial|d\d+)",
                            lambda m: m.group(1) + rng.choice(ROLES))
    # Two axes with the same role.
    def dup_role(m):
        axes = re.findall(r"(dup|partial|d\d+)\s*=\s*(-?\d+)", m.group(1))
        if len(axes) < 2:
            return None
        i, j = rng.sample(range(len(axes)), 2)
        axes[j] = (axes[i][0], axes[j][1])
        return "[" + ", ".join(f"{r} = {s}" for r, s in axes) + "]"
    return edit_in_span(rng, text, r"\[((?:\s*(?:dup|partial|d\d+)\s*=\s*\d+\s*,?)+)\]",
                        dup_role)


def mut_weights(rng, text):
    if rng.random() < 0.5:
        def fn(m):
            ws = [w.strip() for w in m.group(1).split(",")]
            how = rng.choice(["value", "value", "drop", "add"])
            j = rng.randrange(len(ws))
            if how == "value":
                ws[j] = str(rng.choice([0, 1, 3, 7, -1, 2**31, 2**32, 2**63 - 1]))
            elif how == "drop" and len(ws) > 1:
                del ws[j]
            else:
                ws.append(str(rng.randint(1, 5)))
            return "weights = [" + ", ".join(ws) + "]"
        r = edit_in_span(rng, text, r"weights\s*=\s*\[([^\]]*)\]", fn)
        if r is not None:
            return r
    def add(m):
        n = rng.randint(1, 4)
        return m.group(0) + "weights = [%s], " % ", ".join(
            str(rng.randint(0, 5)) for _ in range(n))
    return edit_in_span(rng, text, r"hetero\s*=\s*(?:dup|partial|d\d+),\s*", add)


def mut_groups(rng, text):
    """Duplicates or drops a whole group of a hetero sharding."""
    def fn(m):
        groups = re.findall(r"\[[^\[\]]*\]\s*:\s*\[[^\[\]]*\]", m.group(1))
        if not groups:
            return None
        if rng.random() < 0.5 or len(groups) == 1:
            groups.insert(rng.randrange(len(groups) + 1), rng.choice(groups))
        else:
            del groups[rng.randrange(len(groups))]
        return "groups = [" + ", ".join(groups) + "]"
    return edit_in_span(rng, text, r"groups\s*=\s*\[(.*)\]\s*$", fn)


TENSOR_DIMS = re.compile(r"\b(tensor|memref)<((?:(?:\d+|\?)x)+)")


def mut_shape_one(rng, text):
    ms = list(TENSOR_DIMS.finditer(text))
    if not ms:
        return None
    m = rng.choice(ms)
    dims = m.group(2).rstrip("x").split("x")
    how = rng.choice(["value", "value", "value", "drop", "add"])
    j = rng.randrange(len(dims))
    if how == "value":
        dims[j] = str(rng.choice([0, 1, 3, 5, 7, 4294967296, 2**31, 2**40, "?"]))
    elif how == "drop":
        del dims[j]
    else:
        dims.insert(j, str(rng.choice([1, 2, 4])))
    new = "".join(d + "x" for d in dims)
    return text[:m.start(2)] + new + text[m.end(2):]


def mut_shape_global(rng, text):
    """Replaces one extent in every tensor/memref type: often still valid."""
    values = set()
    for m in TENSOR_DIMS.finditer(text):
        values.update(d for d in m.group(2).rstrip("x").split("x") if d != "?")
    if not values:
        return None
    old = rng.choice(sorted(values))
    new = str(rng.choice([0, 1, 2, 3, 5, 7, int(old) * 2, int(old) + 1,
                          4294967296, 2**31, 2**40]))

    def fn(m):
        dims = m.group(2).rstrip("x").split("x")
        return m.group(1) + "<" + "".join(
            (new if d == old else d) + "x" for d in dims)
    return TENSOR_DIMS.sub(fn, text)


def mut_element_type(rng, text):
    if not re.search(r"\bf32\b", text):
        return None
    new = rng.choice(ELEMENT_TYPES)
    how = rng.choice(["all", "all", "smart", "tensors", "one"])
    if how == "one":
        ms = list(re.finditer(r"(tensor<[^<>]*?)\bf32>", text))
        if not ms:
            return None
        m = rng.choice(ms)
        return text[:m.start()] + m.group(1) + new + ">" + text[m.end():]
    if how == "tensors":
        return re.sub(r"(tensor<[^<>]*?)\bf32>", lambda m: m.group(1) + new + ">",
                      text)
    out = re.sub(r"\bf32\b", new, text)
    if how == "smart" and re.match(r"i\d+$", new):
        # Keep integer programs valid where it is easy: integer arithmetic,
        # integer constants, truncation instead of sitofp.
        out = re.sub(r"arith\.(add|sub|mul)f\b", r"arith.\1i", out)
        out = out.replace("arith.maximumf", "arith.maxsi")
        out = re.sub(r"(arith\.constant )(-?\d+)\.\d+(e[+-]?\d+)?", r"\g<1>\2", out)
        out = re.sub(r"dense<(-?\d+)\.\d+>", r"dense<\1>", out)
        out = re.sub(r"arith\.sitofp (%\S+) : (i\d+) to (i\d+)",
                     r"arith.trunci \1 : \2 to \3", out)
        out = out.replace("@printMemrefF32", "@printMemrefI32")
    return out


def lines_of(text):
    return text.split("\n")


def op_lines(ls):
    """Indexes of lines that look like single ops (not comments, braces)."""
    return [i for i, l in enumerate(ls)
            if l.strip() and not l.strip().startswith("//")
            and l.strip() not in ("}", "{", "})")]


def mut_delete_line(rng, text):
    ls = lines_of(text)
    idx = op_lines(ls)
    if not idx:
        return None
    del ls[rng.choice(idx)]
    return "\n".join(ls)


def mut_duplicate_line(rng, text):
    ls = lines_of(text)
    idx = [i for i in op_lines(ls) if not ls[i].rstrip().endswith("{")]
    if not idx:
        return None
    i = rng.choice(idx)
    line = ls[i]
    m = re.match(r"^(\s*)(" + SSA + r")( = .*)$", line)
    if m and rng.random() < 0.7:
        line = f"{m.group(1)}{m.group(2)}_fzdup{m.group(3)}"
    ls.insert(i + 1, line)
    return "\n".join(ls)


def mut_swap_lines(rng, text):
    ls = lines_of(text)
    idx = [i for i in op_lines(ls) if not ls[i].rstrip().endswith("{")
           and ls[i].startswith("  ")]
    if len(idx) < 2:
        return None
    i = rng.choice(idx)
    if rng.random() < 0.6:
        later = [j for j in idx if j > i]
        if not later:
            return None
        j = later[0]
    else:
        j = rng.choice(idx)
    ls[i], ls[j] = ls[j], ls[i]
    return "\n".join(ls)


ANNOT_LINE = re.compile(r"^\s*(" + SSA + r") = hspmd\.(annotate|reshard) (" + SSA +
                        r") (as|to) ")


def replace_uses(ls, start, old, new):
    """Replaces uses of SSA value `old` by `new` in ls[start:] up to the
    next function."""
    pat = re.compile(re.escape(old) + NOT_ID)
    for i in range(start, len(ls)):
        if i > start and re.match(r"^\s*func\.func", ls[i]):
            break
        ls[i] = pat.sub(new, ls[i])


def mut_drop_annotate(rng, text):
    ls = lines_of(text)
    idx = [i for i, l in enumerate(ls) if ANNOT_LINE.match(l)]
    if not idx:
        return None
    i = rng.choice(idx)
    m = ANNOT_LINE.match(ls[i])
    del ls[i]
    replace_uses(ls, i, m.group(1), m.group(3))
    return "\n".join(ls)


def value_defs(ls):
    """(value, type, index of the line after its definition) for tensor
    values defined by an op (possibly with a region) or a function argument."""
    out = []
    i = 0
    while i < len(ls):
        l = ls[i]
        m = re.match(r"^\s*(" + SSA + r") = ", l)
        if m and not l.strip().startswith("//"):
            depth = l.count("{") - l.count("}")
            j = i
            while depth > 0 and j + 1 < len(ls):
                j += 1
                depth += ls[j].count("{") - ls[j].count("}")
            last = ls[j]
            tm = re.search(r"(?:->|:)\s*(tensor<[^<>]*(?:<[^<>]*>)?[^<>]*>)\s*$", last)
            if tm and ":" not in m.group(1):
                out.append((m.group(1), tm.group(1), j + 1))
            i = j + 1
            continue
        fm = re.match(r"^\s*func\.func\b.*\{\s*$", l)
        if fm:
            for am in re.finditer(r"(" + SSA + r"): (tensor<[^<>]*>)", l):
                out.append((am.group(1), am.group(2), i + 1))
        i += 1
    return out


def shape_of(t):
    m = re.match(r"tensor<((?:(?:\d+|\?)x)*)", t)
    if not m:
        return []
    return [int(d) if d.isdigit() else 1 for d in m.group(1).rstrip("x").split("x") if d]


def some_sharding(rng, text, shape):
    r = rng.random()
    spans = sharding_spans(text)
    if r < 0.7 or not spans:
        return random_sharding(rng, shape, rng.choice([2, 4, 8, 8, 16]))
    s, e = rng.choice(spans)
    return text[s:e]


def mut_add_annotate(rng, text, op="annotate"):
    ls = lines_of(text)
    defs = value_defs(ls)
    if not defs:
        return None
    v, t, at = rng.choice(defs)
    shape = shape_of(t)
    if any(d > 1 << 20 for d in shape):
        return None
    body = some_sharding(rng, text, shape)
    new = f"%fz{rng.randint(0, 9999)}"
    kw = "as" if op == "annotate" else "to"
    indent = re.match(r"^(\s*)", ls[at] if at < len(ls) else "  ").group(1) or "  "
    ls.insert(at, f"{indent}{new} = hspmd.{op} {v} {kw} #hspmd.sharding<{body}> : {t}")
    if op == "reshard" or rng.random() < 0.7:
        replace_uses(ls, at + 1, v, new)
    return "\n".join(ls)


def mut_insert_reshard(rng, text):
    return mut_add_annotate(rng, text, "reshard")


def mut_func_sharding(rng, text):
    ls = lines_of(text)
    idx = [i for i, l in enumerate(ls) if re.match(r"^\s*func\.func", l)]
    if not idx:
        return None
    i = rng.choice(idx)
    l = ls[i]
    how = rng.random()
    existing = list(re.finditer(r"\{\s*hspmd\.sharding = [^{}]*\}", l))
    if existing and how < 0.3:
        m = rng.choice(existing)
        l = l[:m.start()] + l[m.end():]
    elif existing and how < 0.6:
        m = rng.choice(existing)
        l = (l[:m.start()] + "{hspmd.sharding = #hspmd.sharding<%s>}" %
             some_sharding(rng, text, rng.choice([[8, 8], [4], [16, 4, 2], []]))
             + l[m.end():])
    else:
        cands = [m for m in re.finditer(r"(" + SSA + r": )?(tensor<[^<>]*>)(?!\s*\{)", l)]
        if not cands:
            return None
        m = rng.choice(cands)
        attr = " {hspmd.sharding = #hspmd.sharding<%s>}" % some_sharding(
            rng, text, shape_of(m.group(2)))
        if m.group(1):
            l = l[:m.end()] + attr + l[m.end():]
        else:
            # A result type: needs parentheses when alone after ->.
            pre = l[:m.start()]
            if pre.rstrip().endswith("->"):
                l = pre + "(" + m.group(2) + attr + ")" + l[m.end():]
            else:
                l = l[:m.end()] + attr + l[m.end():]
    ls[i] = l
    return "\n".join(ls)


def mut_swap_shardings(rng, text):
    spans = sharding_spans(text)
    if len(spans) < 2:
        return None
    a, b = sorted(rng.sample(spans, 2))
    return (text[:a[0]] + text[b[0]:b[1]] + text[a[1]:b[0]] +
            text[a[0]:a[1]] + text[b[1]:])


def mut_random_sharding(rng, text):
    span = pick_span(rng, text)
    if not span:
        return None
    shape = [rng.choice([1, 2, 4, 8, 12]) for _ in range(rng.randint(0, 3))]
    body = random_sharding(rng, shape, rng.choice([1, 2, 4, 8, 16, 32]))
    return text[:span[0]] + body + text[span[1]:]


def mut_number(rng, text):
    ms = [m for m in re.finditer(r"(?<![\w.#%@^])\d+(?![\w.])", text)]
    ms = [m for m in ms if "//" not in text[text.rfind("\n", 0, m.start()) + 1:m.start()]]
    if not ms:
        return None
    m = rng.choice(ms)
    return text[:m.start()] + str(rng.choice(INTERESTING)) + text[m.end():]


MUTATIONS = [
    (mut_device_id, 4), (mut_axis_size, 3), (mut_role, 3), (mut_weights, 2),
    (mut_groups, 1), (mut_shape_one, 2), (mut_shape_global, 3),
    (mut_element_type, 3), (mut_delete_line, 2), (mut_duplicate_line, 2),
    (mut_swap_lines, 2), (mut_drop_annotate, 3), (mut_add_annotate, 4),
    (mut_insert_reshard, 4), (mut_func_sharding, 3), (mut_swap_shardings, 2),
    (mut_random_sharding, 2), (mut_number, 2),
]


def mutate(rng, text, n):
    names = []
    funcs = [f for f, w in MUTATIONS for _ in range(w)]
    for _ in range(n):
        for _ in range(10):
            f = rng.choice(funcs)
            out = f(rng, text)
            if out is not None and out != text:
                text = out
                names.append(f.__name__[4:])
                break
    return text, names


def pick_seed(rng, seeds):
    """A file uniformly, then one of its `// -----` chunks."""
    files = sorted({s["name"].split("#")[0] for s in seeds})
    f = rng.choice(files)
    return rng.choice([s for s in seeds if s["name"].split("#")[0] == f])


def make_input(seed, index, seeds):
    """The index-th input for this seed: (name, text, expected_invalid)."""
    rng = random.Random(f"{seed}:{index}")
    r = rng.random()
    if r < 0.12:
        s = pick_seed(rng, seeds)
        return s["name"], s["text"], s["expected_invalid"]
    if r < 0.22:
        return "random-programs", gen_random_program(rng), False
    if r < 0.30:
        return "random-functions", gen_func_program(rng), False
    if r < 0.45:
        base = (gen_random_program(rng) if rng.random() < 0.5
                else gen_func_program(rng))
        text, muts = mutate(rng, base, rng.randint(1, 3))
        return "random+" + ",".join(muts), text, False
    s = pick_seed(rng, seeds)
    text, muts = mutate(rng, s["text"], rng.randint(1, 4))
    return s["name"] + "+" + ",".join(muts), text, s["expected_invalid"]

# ---------------------------------------------------------------------------
# Running hspmd-opt
# ---------------------------------------------------------------------------


class Result:
    def __init__(self, rc, out, err, timeout, secs, binary):
        self.rc, self.out, self.err = rc, out, err
        self.timeout, self.secs = timeout, secs
        self.binary = binary   # (mtime, size) of hspmd-opt when it started


class Runner:
    def __init__(self, opt, timeout):
        self.opt, self.timeout = opt, timeout
        self.invocations = 0
        self.lock = threading.Lock()

    def wait_for_binary(self):
        waited = 0
        while not os.access(self.opt, os.X_OK):
            if waited >= 900:
                sys.exit(f"pass-fuzz: {self.opt} missing for 15 minutes")
            if waited == 0:
                print(f"pass-fuzz: waiting for {self.opt}", file=sys.stderr)
            time.sleep(5)
            waited += 5

    def run(self, args, cwd, timeout=None, symbolize=True):
        timeout = timeout or self.timeout
        env = dict(os.environ)
        env.setdefault("LLVM_SYMBOLIZER_PATH",
                       "/usr/lib/llvm-22/bin/llvm-symbolizer")
        if not symbolize:   # a stack we do not need costs a second or more
            env["LLVM_DISABLE_SYMBOLIZATION"] = "1"
        for attempt in range(30):
            self.wait_for_binary()
            start = time.time()
            try:
                st = os.stat(self.opt)
                binary = (st.st_mtime, st.st_size)
            except OSError:
                continue
            try:
                p = subprocess.Popen([self.opt] + args, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env,
                                     cwd=cwd, start_new_session=True)
            except OSError:  # being relinked right now
                time.sleep(5)
                continue
            with self.lock:
                self.invocations += 1
            try:
                out, err = p.communicate(timeout=timeout)
                timed_out = False
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except OSError:
                    pass
                out, err = p.communicate()
                timed_out = True
            return Result(p.returncode, out.decode("utf-8", "replace"),
                          err.decode("utf-8", "replace"), timed_out,
                          time.time() - start, binary)
        sys.exit(f"pass-fuzz: cannot run {self.opt}")

# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------

LOCATED = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<sev>error|warning|remark|note): (?P<msg>.*)$")
OTHER = re.compile(r"^(?P<pre>(?:\S.*?: )?)(?P<sev>error|warning|note): (?P<msg>.*)$")


def diagnostics(err):
    """(severity, location or None, line, message) of every diagnostic
    header in stderr, skipping the source lines MLIR echoes after one."""
    out = []
    ls = err.split("\n")
    i = 0
    while i < len(ls):
        l = ls[i]
        m = LOCATED.match(l)
        if m:
            out.append((m.group("sev"), m.group("file"), int(m.group("line")),
                        int(m.group("col")), m.group("msg")))
            # The echoed source line and the caret line.
            if i + 2 < len(ls) and re.match(r"^\s*\^[~\s]*$", ls[i + 2]):
                i += 3
                continue
            i += 1
            continue
        m = OTHER.match(l)
        if m and not l.startswith(" "):
            out.append((m.group("sev"), m.group("pre").rstrip(": ") or None,
                        None, None, m.group("msg")))
        i += 1
    return out


def first_error(err):
    for sev, f, line, col, msg in diagnostics(err):
        if sev == "error":
            return msg
    for l in err.split("\n"):
        if l.strip():
            return l.strip()
    return ""


def replace_balanced(s, head, rep):
    while True:
        i = s.find(head)
        if i < 0:
            return s
        depth, j = 1, i + len(head)
        while j < len(s) and depth:
            depth += {"<": 1, ">": -1}.get(s[j], 0)
            j += 1
        s = s[:i] + rep + s[j:]


def normalize(msg):
    s = replace_balanced(msg, "#hspmd.sharding<", "#S")
    for head in ("tensor<", "memref<", "vector<", "!llvm.", "complex<"):
        s = replace_balanced(s, head, "T") if head.endswith("<") else s
    s = re.sub(r"%[A-Za-z0-9_$.-]+", "%V", s)
    s = re.sub(r"@[A-Za-z0-9_$.-]+", "@F", s)
    s = re.sub(r"\b(bf16|f16|f32|f64|i\d+|index)\b", "TY", s)
    s = re.sub(r"-?\d+", "N", s)
    return s.strip()[:240]


FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-fA-F]+ (?P<sym>.*)$", re.M)
BORING = re.compile(r"llvm::sys::|SignalHandler|__restore_rt|raise|abort|"
                    r"__assert_fail|__libc|libc\.so|_start|\(/lib|"
                    r"llvm::report_fatal_error|llvm::llvm_unreachable|"
                    r"PrintStackTrace|RunSignalHandlers|^0x|__pthread|"
                    r"pthread_kill|gsignal|^\(/")


def frame_name(sym):
    sym = re.sub(r"\s+\S+:\d+(:\d+)?\s*$", "", sym)       # source location
    sym = re.sub(r"\s*\([^()]*\+0x[0-9a-f]+\)\s*$", "", sym)  # (lib+0x..)
    sym = sym.replace("(anonymous namespace)::", "")
    depth, out = 0, []
    for c in sym:                                          # drop arguments
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            out.append(c)
    return "".join(out).strip()


def crash_signature(res):
    err = res.err
    m = re.search(r"Assertion `(.*?)' failed", err)
    if m:
        return "assertion: " + m.group(1)
    m = re.search(r"LLVM ERROR: (.*)(\n\S.*)?", err)
    if m:
        # The message (and its second line: "Failed to infer result type(s)"
        # names the op there), and where in hspmd it came from.
        sig = "LLVM ERROR: " + normalize(m.group(1) + " " + (m.group(2) or "").strip())
        frames = [f for f in FRAME.findall(err) if "hspmd" in f]
        return sig + (" in " + frame_name(frames[0]) if frames else "")
    m = re.search(r"UNREACHABLE executed at (\S+)", err)
    if m:
        return "unreachable: " + re.sub(r":\d+!?$", "", m.group(1))
    frames = [f for f in FRAME.findall(err) if not BORING.search(f)]
    hspmd = [f for f in frames if "hspmd" in f]
    if hspmd or frames:
        return "frame: " + frame_name((hspmd or frames)[0])
    if res.rc and res.rc < 0:
        try:
            return "signal " + signal.Signals(-res.rc).name
        except ValueError:
            return f"signal {-res.rc}"
    return f"exit status {res.rc}"


def crash_message(res):
    """The line of stderr that says most about a crash."""
    for pat in (r"Assertion `.*", r"LLVM ERROR: .*", r"UNREACHABLE executed.*",
                r"terminate called.*"):
        m = re.search(pat, res.err)
        if m:
            return m.group(0)
    frames = [f for f in FRAME.findall(res.err) if not BORING.search(f)]
    if frames:
        return "#" + frames[0]
    return crash_signature(res)


def upstream_parse_crash(res, cfg_name):
    """A crash of MLIR's own parser on the input text (`parse`: no hspmd
    pass runs) whose stack has no frame in hspmd-opt but `main`: upstream's
    bug, which hspmd cannot intercept (tensor.from_elements of more than
    2^32 elements aborts in FromElementsOp::parse). Reported apart, not
    failing."""
    if cfg_name != "parse":
        return False
    frames = [l for l in res.err.splitlines() if re.match(r"\s*#\d+ 0x", l)]
    if not any("::parse" in l for l in frames):
        return False
    ours = [l for l in frames if "hspmd" in l and
            not re.search(r" (main|_start) \(", l)]
    return not ours


def is_crash(res):
    if res.timeout:
        return False
    return res.rc not in (0, 1) or any(k in res.err for k in CRASH_MARKERS)


def unlocated(err, text):
    """(signature, diagnostic) of the first error without a real location,
    or None."""
    if "loc(" in text:   # the input chooses its own locations
        return None
    for sev, f, line, col, msg in diagnostics(err):
        if sev != "error":
            continue
        if line is None:
            where = f or "no location"
            return (f"[{normalize(where)}] {normalize(msg)}",
                    f"{f + ': ' if f else ''}error: {msg}")
        if line == 0 or f.startswith("<unknown>") or f.startswith("loc("):
            return (f"[line {line}] {normalize(msg)}",
                    f"{f}:{line}:{col}: error: {msg}")
    return None


def json_report_ok(err):
    ls = err.split("\n")
    for i, l in enumerate(ls):
        if l in ("[", "{", "[]", "{}") or l.startswith("[{") or l.startswith('{"'):
            try:
                json.JSONDecoder().raw_decode("\n".join(ls[i:]))
                return True
            except ValueError:
                return False
    return False

# ---------------------------------------------------------------------------
# The fuzzer
# ---------------------------------------------------------------------------


class Fuzzer:
    def __init__(self, args, runner, findings_dir):
        self.args, self.runner, self.dir = args, runner, findings_dir
        self.findings = {}          # key -> info
        self.lock = threading.Lock()
        self.stats = dict(inputs=0, valid=0, invalid=0, expected_invalid=0,
                          config_runs=0, skipped=0)
        # (configuration, normalized error) already shown to be the pass's
        # own error, not the verifier's: not checked again.
        self.pass_errors = set()

    # -- recording ---------------------------------------------------------
    def known(self, kind, sig):
        with self.lock:
            return f"{kind}: {sig}" in self.findings

    def record(self, kind, sig, cfg_name, args, text, res, src, extra=None):
        key = f"{kind}: {sig}"
        h = hashlib.sha1(key.encode()).hexdigest()[:10]
        extra = dict(extra or {})
        no_verify_err = extra.pop("stderr_no_verify", None)
        with self.lock:
            if key in self.findings:
                f = self.findings[key]
                f["hits"] += 1
                if cfg_name not in f["configs"]:
                    f["configs"].append(cfg_name)
                return
            d = os.path.join(self.dir, f"{kind}-{h}")
            then = extra.pop("then", None)   # a second command, on out.mlir
            cmd = shlex.join([self.runner.opt] + args +
                             ["-o", "out.mlir" if then else "/dev/null"])
            if then:
                cmd += " &&\n" + shlex.join([self.runner.opt] + then)
            f = dict(kind=kind, signature=sig, config=cfg_name,
                     configs=[cfg_name], hits=1, dir=d, command=cmd,
                     message=(crash_message(res) if kind == "CRASH"
                              else first_error(res.err)),
                     input_source=src["name"], input_index=src["index"],
                     seed=self.args.seed,
                     expected_invalid=src["expected_invalid"])
            f.update(extra)
            self.findings[key] = f
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "input.mlir"), "w") as fh:
            fh.write(text)
        with open(os.path.join(d, "repro.sh"), "w") as fh:
            fh.write("#!/bin/sh\n# %s: %s\n# input: %s (input %d of seed %d)\n"
                     "cd \"$(dirname \"$0\")\"\n%s\n" %
                     (kind, sig, src["name"], src["index"], self.args.seed, cmd))
        os.chmod(os.path.join(d, "repro.sh"), 0o755)
        with open(os.path.join(d, "stderr.txt"), "w") as fh:
            fh.write(res.err)
            if no_verify_err is not None:
                fh.write("\n--- the same with --verify-each=false ---\n")
                fh.write(no_verify_err)
        with open(os.path.join(d, "info.json"), "w") as fh:
            json.dump(f, fh, indent=2)
        print(f"pass-fuzz: {kind} [{cfg_name}] {sig}\n  input {src['index']}: "
              f"{src['name']} -> {d}", file=sys.stderr, flush=True)

    def check_common(self, res, cfg_name, args, text, src, cwd):
        """CRASH, HANG and UNLOCATED, for any run. True for a crash or a hang
        (nothing more to learn from the run)."""
        if res.timeout:
            again = self.runner.run(args + ["-o", os.devnull], cwd)
            if again.timeout:
                self.record("HANG", f"{cfg_name} > {self.runner.timeout:g} s",
                            cfg_name, args, text, res, src)
                return True
            res = again
        if is_crash(res):
            sig = crash_signature(res)
            if self.known("CRASH", sig):
                self.record("CRASH", sig, cfg_name, args, text, res, src)
                return True
            # A stack the symbolizer missed (a binary relinked meanwhile):
            # take the second run's if it names more.
            unsymbolized = "hspmd-opt+0x" in res.err
            again = self.runner.run(args + ["-o", os.devnull], cwd,
                                    symbolize=unsymbolized)
            if not is_crash(again) and again.binary != res.binary:
                # hspmd-opt was relinked in between: the first run may have
                # started a half-written file. Not a finding.
                print(f"pass-fuzz: a crash not reproduced across a relink "
                      f"of hspmd-opt, ignored: [{cfg_name}] {sig}",
                      file=sys.stderr, flush=True)
                return True
            if (unsymbolized and is_crash(again) and
                    "hspmd-opt+0x" not in again.err):
                res, sig = again, crash_signature(again)
            if upstream_parse_crash(res, cfg_name) or (
                    is_crash(again) and upstream_parse_crash(again, cfg_name)):
                self.record("UPSTREAM", sig, cfg_name, args, text, res, src)
                return True
            self.record("CRASH", sig, cfg_name, args, text, res, src,
                        dict(reproduced=is_crash(again), exit_status=res.rc))
            return True
        u = unlocated(res.err, text)
        if u:
            self.record("UNLOCATED", u[0], cfg_name, args, text, res, src,
                        dict(diagnostic=u[1]))
        return False

    # -- one input ---------------------------------------------------------
    def run_input(self, index, seeds, workdir, given=None):
        name, text, expected_invalid = (
            given or make_input(self.args.seed, index, seeds))
        src = dict(name=name, index=index, expected_invalid=expected_invalid)
        cfg_rng = random.Random(f"{self.args.seed}:{index}:configs")
        os.makedirs(workdir, exist_ok=True)
        for f in ("input.mlir", "out.mlir", "noverify.mlir"):
            if os.path.exists(os.path.join(workdir, f)):
                os.unlink(os.path.join(workdir, f))
        with open(os.path.join(workdir, "input.mlir"), "w") as fh:
            fh.write(text)
        with self.lock:
            self.stats["inputs"] += 1
            if expected_invalid:
                self.stats["expected_invalid"] += 1
        # Is the input valid? Parse, verify and round-trip it, no pass.
        a = ["--verify-roundtrip", "input.mlir"]
        res = self.runner.run(a + ["-o", os.devnull], workdir)
        if self.check_common(res, "parse", a, text, src, workdir):
            return
        if res.rc != 0 and not re.search(r"(?i)round-?trip", res.err):
            with self.lock:
                self.stats["invalid"] += 1
            return
        if res.rc != 0:
            plain = self.runner.run(["input.mlir", "-o", os.devnull], workdir)
            if plain.rc != 0 or plain.timeout or is_crash(plain):
                if not self.check_common(plain, "parse", ["input.mlir"], text,
                                         src, workdir):
                    with self.lock:
                        self.stats["invalid"] += 1
                return
            self.record("ROUNDTRIP", "input: " + normalize(first_error(res.err)),
                        "parse --verify-roundtrip", a, text, res, src,
                        dict(note="the input parses and verifies but does not "
                                  "round-trip"))
        with self.lock:
            self.stats["valid"] += 1
        failed = []
        for cfg in CONFIGS:
            a = cfg["args"](cfg_rng) if callable(cfg["args"]) else cfg["args"]
            if cfg.get("when") and cfg["when"] not in text:
                continue
            if any(a[:len(f)] == f for f in failed):
                with self.lock:
                    self.stats["skipped"] += 1
                continue
            with self.lock:
                self.stats["config_runs"] += 1
            out = os.path.join(workdir, "out.mlir")
            if os.path.exists(out):
                os.unlink(out)
            argv = a + ["input.mlir"]
            res = self.runner.run(argv + ["-o", "out.mlir"], workdir)
            if self.check_common(res, cfg["name"], argv, text, src, workdir):
                failed.append(a)
                continue
            if res.rc != 0:
                failed.append(a)
                self.check_invalid_ir(cfg["name"], argv, res, text, src,
                                      workdir)
                continue
            if any("format=json" in x for x in a) and not json_report_ok(res.err):
                self.record("ROUNDTRIP", f"{cfg['name']}: the report is not JSON",
                            cfg["name"], argv, text, res, src)
            if cfg.get("reparse") and os.path.exists(out):
                rp = self.runner.run(["--verify-roundtrip", "out.mlir", "-o",
                                      os.devnull], workdir)
                if rp.timeout or is_crash(rp) or rp.rc != 0:
                    self.record(
                        "ROUNDTRIP",
                        f"{cfg['name']} output: " + normalize(first_error(rp.err)),
                        cfg["name"], argv, text, rp, src,
                        dict(note="the command succeeds; its output fails "
                                  "`hspmd-opt --verify-roundtrip`",
                             then=["--verify-roundtrip", "out.mlir", "-o",
                                   "/dev/null"]))

    def check_invalid_ir(self, cfg_name, argv, res, text, src, workdir):
        """A run on a valid input failed: did a pass fail, or did the verifier
        reject what a pass produced? Without the verifier, the same run stops
        at the same error in the first case and gets further in the second."""
        e1 = first_error(res.err)
        cached = (cfg_name, normalize(e1))
        with self.lock:
            if cached in self.pass_errors:
                return
        nv = self.runner.run(["--verify-each=false"] + argv +
                             ["-o", "noverify.mlir"], workdir)
        if not nv.timeout and nv.rc == 1 and first_error(nv.err) == e1:
            with self.lock:
                self.pass_errors.add(cached)
            return
        # Which pass failed (or left IR the verifier rejects)?
        pf = self.runner.run(["--mlir-print-ir-after-failure"] + argv +
                             ["-o", os.devnull], workdir)
        m = re.search(r"IR Dump After (\S+) Failed(?: \(([^)]*)\))?", pf.err)
        after = m.group(1) if m else "?"
        failed_arg = (m.group(2) or "") if m else ""
        last = [x for x in argv if x.startswith("--")][-1][2:].split("=")[0]
        if pf.timeout or is_crash(pf) or first_error(pf.err) != e1:
            # The same command did not fail the same way twice: the pass
            # behaves differently from run to run (uninitialized or
            # out-of-bounds memory, say). A crash among the runs is the
            # finding; the verifier has nothing to do with it.
            for r in (nv, pf):
                if r.timeout or is_crash(r):
                    self.record("CRASH", crash_signature(r), cfg_name, argv,
                                text, r, src,
                                dict(reproduced=False, exit_status=r.rc,
                                     note="nondeterministic: the same "
                                          "command also failed with: " + e1))
                    break
            return
        if nv.rc != 0 and failed_arg == last:
            # The failing pass is the last one: only the verifier after it can
            # differ, and the run without it would succeed. It did not: the
            # pass itself behaves differently from run to run.
            if nv.timeout or is_crash(nv):
                self.record("CRASH", crash_signature(nv), cfg_name,
                            ["--verify-each=false"] + argv, text, nv, src,
                            dict(reproduced=False, exit_status=nv.rc,
                                 note="nondeterministic: the same command "
                                      "with the verifier on failed with: " + e1))
            return
        how = ("without the verifier the run succeeds" if nv.rc == 0 and not nv.timeout
               else "without the verifier it hangs" if nv.timeout
               else "without the verifier a later pass crashes: " +
               crash_signature(nv) if is_crash(nv)
               else "without the verifier it fails later: " + first_error(nv.err))
        self.record("INVALID-IR", f"after {after}: {normalize(e1)}", cfg_name,
                    argv, text, res, src,
                    dict(after_pass=after, without_verifier=how,
                         stderr_no_verify=nv.err))


def main():
    p = argparse.ArgumentParser(
        description="Pass-level fuzzer for hspmd-opt",
        epilog="Findings: " + ", ".join(SEVERITY) + ". Exit status 1 if any.")
    p.add_argument("--time", type=float, help="run until this many seconds pass")
    p.add_argument("--count", type=int, help="number of inputs")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--findings", default="/tmp/pass-fuzz-findings")
    p.add_argument("--timeout", type=float, default=20.0,
                   help="seconds per hspmd-opt run (a HANG beyond)")
    p.add_argument("--mem-mb", type=int, default=4096,
                   help="address-space limit of each hspmd-opt run")
    p.add_argument("--first", type=int, default=0,
                   help="index of the first input (to replay one: "
                        "--first I --count 1)")
    p.add_argument("--dump", metavar="DIR",
                   help="write the inputs to DIR instead of running them")
    p.add_argument("--replay", nargs="+", metavar="FILE",
                   help="run these files (e.g. a finding's input.mlir) through "
                        "every configuration instead of generated inputs")
    args = p.parse_args()
    if args.count is None and args.time is None:
        args.count = 100

    seeds = collect_seeds()
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
        for i in range(args.first, args.first + (args.count or 100)):
            name, text, _ = make_input(args.seed, i, seeds)
            with open(os.path.join(args.dump, f"{i:06d}.mlir"), "w") as fh:
                fh.write(f"// pass-fuzz input {i} (seed {args.seed}): {name}\n{text}")
        return 0

    opt = os.path.join(os.path.abspath(args.build), "bin", "hspmd-opt")
    # Inherited by every hspmd-opt: a huge tensor must not take the machine.
    lim = args.mem_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > lim:
        resource.setrlimit(resource.RLIMIT_AS, (lim, hard))
    runner = Runner(opt, args.timeout)
    os.makedirs(args.findings, exist_ok=True)
    fuzzer = Fuzzer(args, runner, args.findings)
    work = tempfile.mkdtemp(prefix="pass-fuzz-")
    start = time.time()
    deadline = start + args.time if args.time else None
    n_seeds = len(seeds)
    n_invalid_seeds = sum(s["expected_invalid"] for s in seeds)
    print(f"pass-fuzz: seed {args.seed}, {n_seeds} seed programs "
          f"({n_invalid_seeds} expected-invalid), {len(CONFIGS)} pass "
          f"configurations, {opt}", file=sys.stderr, flush=True)

    def more(i):
        if args.count is not None and i >= args.first + args.count:
            return False
        return deadline is None or time.time() < deadline

    try:
        if args.replay:
            for k, path in enumerate(args.replay):
                with open(path, encoding="utf-8", errors="replace") as fh:
                    given = (path, fh.read(), False)
                fuzzer.run_input(k, seeds, os.path.join(work, "0"), given)
        elif args.jobs <= 1:
            i = args.first
            while more(i):
                fuzzer.run_input(i, seeds, os.path.join(work, "0"))
                i += 1
                if (i - args.first) % 50 == 0:
                    print(f"pass-fuzz: {i - args.first} inputs, "
                          f"{runner.invocations} runs, {len(fuzzer.findings)} "
                          f"findings, {time.time() - start:.0f} s",
                          file=sys.stderr, flush=True)
        else:
            nxt = [args.first]
            nlock = threading.Lock()

            def worker(w):
                while True:
                    with nlock:
                        i = nxt[0]
                        if not more(i):
                            return
                        nxt[0] += 1
                    fuzzer.run_input(i, seeds, os.path.join(work, str(w)))
            with ThreadPoolExecutor(args.jobs) as ex:
                list(ex.map(worker, range(args.jobs)))
    except KeyboardInterrupt:
        print("pass-fuzz: interrupted", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    st = fuzzer.stats
    elapsed = time.time() - start
    by_kind = {k: [f for f in fuzzer.findings.values() if f["kind"] == k]
               for k in SEVERITY}
    print(f"\npass-fuzz summary (seed {args.seed}, {elapsed:.0f} s):")
    print(f"  inputs run:        {st['inputs']} ({st['valid']} valid, "
          f"{st['invalid']} invalid; {st['expected_invalid']} from "
          f"expected-invalid seeds)")
    print(f"  pass invocations:  {st['config_runs']} pass configurations on "
          f"valid inputs ({st['skipped']} skipped after a failed prefix); "
          f"{runner.invocations} hspmd-opt runs in all")
    print("  findings:          " + ", ".join(
        f"{k} {len(v)}" for k, v in by_kind.items()) +
        f" (distinct; {sum(f['hits'] for f in fuzzer.findings.values())} hits)")
    for k in SEVERITY:
        for f in by_kind[k]:
            print(f"  {k} [{f['config']}] x{f['hits']}: {f['signature']}")
            print(f"      {f['dir']}")
    with open(os.path.join(args.findings, "summary.json"), "w") as fh:
        json.dump(dict(seed=args.seed, seconds=round(elapsed, 1), stats=st,
                       runs=runner.invocations,
                       findings=sorted(fuzzer.findings.values(),
                                       key=lambda f: (SEVERITY + ["UPSTREAM"]).index(f["kind"]))),
                  fh, indent=2, default=str)
    upstream = [f for f in fuzzer.findings.values() if f["kind"] == "UPSTREAM"]
    print(f"  upstream:          {len(upstream)} crash(es) of MLIR's own parser "
          f"on the input, before any hspmd code runs (not failing)")
    for f in upstream:
        print(f"  UPSTREAM [{f['config']}] x{f['hits']}: {f['signature']}")
        print(f"      {f['dir']}")
    return 1 if any(f["kind"] != "UPSTREAM" for f in fuzzer.findings.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
