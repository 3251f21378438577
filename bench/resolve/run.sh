#!/usr/bin/env bash
# bench/resolve: CPU time of --hspmd-resolve-comm on one reshard from one
# device to n devices (`[0] : []` to `[0, ..., n-1] : [d0 = n]`, "scatter",
# and to `[dup = n]`, "broadcast"), from n replicas to n other devices
# (`[dup = n]` to `[n, ..., 2n-1] : [d0 = n]`, "replicas") of a
# tensor<n x 8 x f32>, and on the
# contrived reshard of a tensor<2^41 x f32> whose common grid has 2^41 unit
# cells ("2^41 cells"). With --before BIN, the same programs are timed with
# another hspmd-opt (an older build) in the same run, and the ratio
# before / after is printed.
# Usage: bench/resolve/run.sh [--before HSPMD_OPT] [DEVICE COUNTS...=4096 16384 32768]
# A run that exceeds HSPMD_BENCH_TIMEOUT seconds (default 300) is reported so.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${HSPMD_BUILD_DIR:-$root/build}
limit=${HSPMD_BENCH_TIMEOUT:-300}
before=
if [[ ${1:-} == --before ]]; then
  before=$2
  shift 2
fi
counts=("$@")
((${#counts[@]})) || counts=(4096 16384 32768)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seconds() { # command... -> CPU seconds (user + system), or ">limit"
  # CPU time, not wall time: these machines are shared and often loaded
  # far beyond their cores, which stretches wall times by several times.
  if /usr/bin/time -f "%U %S" -o "$tmp/time" timeout "$limit" "$@" \
       > /dev/null 2> "$tmp/err"; then
    python3 -c "u, s = map(float, open('$tmp/time').read().split()[-2:]); print(f'{u + s:.2f}')"
  else
    echo ">$limit"
  fi
}
gen() { # n kind -> program
  python3 - "$1" "$2" <<'PY'
import sys
n, kind = int(sys.argv[1]), sys.argv[2]
if kind == "cells":
    t = "tensor<2199023255552xf32>"
    src = "hetero = d0, weights = [1, 2199023255551], groups = [[0] : [], [1] : []]"
    dst = "[0, 1] : [d0 = 2]"
elif kind == "replicas":
    t = f"tensor<{n}x8xf32>"
    src = "[" + ", ".join(str(d) for d in range(n)) + f"] : [dup = {n}]"
    dst = "[" + ", ".join(str(d) for d in range(n, 2 * n)) + f"] : [d0 = {n}]"
else:
    t = f"tensor<{n}x8xf32>"
    src = "[0] : []"
    devs = ", ".join(str(d) for d in range(n))
    dst = f"[{devs}] : [{'d0' if kind == 'scatter' else 'dup'} = {n}]"
print(f"func.func @f(%x: {t} {{hspmd.sharding = #hspmd.sharding<{src}>}}) -> {t} {{")
print(f"  %0 = hspmd.reshard %x to #hspmd.sharding<{dst}> : {t}")
print(f"  return %0 : {t}")
print("}")
PY
}
printf "%8s %-10s %11s %11s %8s\n" devices case "before (s)" "after (s)" ratio
run() { # n kind
  gen "$1" "$2" > "$tmp/x.mlir"
  local a b="-" r="-"
  a=$(seconds "$build/bin/hspmd-opt" --hspmd-resolve-comm "$tmp/x.mlir" -o /dev/null)
  if [[ -n $before ]]; then
    b=$(seconds "$before" --hspmd-resolve-comm "$tmp/x.mlir" -o /dev/null)
    r=$(python3 -c "
a, b = '$a', '$b'
print('-' if a.startswith('>') else (f'>{float(b[1:]) / max(float(a), 0.01):.0f}' if b.startswith('>') else f'{float(b) / max(float(a), 0.01):.1f}'))")
  fi
  printf "%8s %-10s %11s %11s %8s\n" "$1" "$3" "$b" "$a" "$r"
}
for n in "${counts[@]}"; do
  run "$n" scatter scatter
  run "$n" broadcast broadcast
  run "$n" replicas replicas
done
run 2 cells "2^41 cells"
