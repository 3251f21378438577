#!/usr/bin/env bash
# bench/specialize: time of --hspmd-propagate, --hspmd-resolve-comm and
# --hspmd-specialize together on a generated 24-layer transformer-block program
# over heterogeneous groups (n/2, n/4, n/4 devices, tensor parallel inside),
# and, in the same run, of upstream sharding-propagation + shard-partition on
# the symmetric version of the program (one group, tensor parallel over all),
# and of hspmd's passes on that symmetric program written in hspmd's syntax;
# then a data-parallel x tensor-parallel MLP returning its result to device 0
# (dptp.py): time, distinct device programs and hspmd-opt's peak memory;
# then reshards that are not translations (pairs.py): time and programs.
# Usage: bench/specialize/run.sh [DEVICE COUNTS...=8 64 512 4096]
# A run that exceeds HSPMD_BENCH_TIMEOUT seconds (default 300) is reported so.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${HSPMD_BUILD_DIR:-$root/build}
limit=${HSPMD_BENCH_TIMEOUT:-300}
counts=("$@")
((${#counts[@]})) || counts=(8 64 512 4096)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seconds() { # command... -> wall seconds, or ">limit"
  local start end
  start=$(date +%s.%N)
  if timeout "$limit" "$@" > /dev/null 2> "$tmp/err"; then
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.2f}')"
  else
    echo ">$limit"
  fi
}
printf "%8s %11s %9s %15s %13s %10s %12s %9s %10s %11s %9s\n" devices "hspmd (s)" programs \
  "hspmd sym (s)" "upstream (s)" "sym/upstr" "dp x tp (s)" programs "peak (MB)" \
  "pairs (s)" programs
for n in "${counts[@]}"; do
  python3 "$here/gen.py" "$n" > "$tmp/h.mlir"
  python3 "$here/gen.py" "$n" --symmetric > "$tmp/s.mlir"
  python3 "$here/gen.py" "$n" --one-group > "$tmp/o.mlir"
  h=$(seconds "$build/bin/hspmd-opt" --hspmd-propagate --hspmd-resolve-comm \
        --hspmd-specialize "$tmp/h.mlir" -o /dev/null)
  programs=$(grep -o 'device programs, [0-9]* distinct' "$tmp/err" | grep -o '[0-9]*' | head -n1)
  o=$(seconds "$build/bin/hspmd-opt" --hspmd-propagate --hspmd-resolve-comm \
        --hspmd-specialize "$tmp/o.mlir" -o /dev/null)
  u=$(seconds /usr/lib/llvm-22/bin/mlir-opt \
        --pass-pipeline='builtin.module(func.func(sharding-propagation,shard-partition))' \
        "$tmp/s.mlir" -o /dev/null)
  ratio=$(python3 -c "
o, u = '$o', '$u'
print('-' if o.startswith('>') or u.startswith('>') else f'{float(o) / max(float(u), 1e-3):.2f}')")
  # The DP x TP MLP a new user writes (dptp.py), with hspmd-opt's peak memory.
  python3 "$here/dptp.py" "$n" > "$tmp/d.mlir"
  start=$(date +%s.%N)
  if timeout "$limit" /usr/bin/time -f "%M" -o "$tmp/mem" "$build/bin/hspmd-opt" \
       --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize "$tmp/d.mlir" \
       -o /dev/null 2> "$tmp/err"; then
    end=$(date +%s.%N)
    d=$(python3 -c "print(f'{$end - $start:.2f}')")
    dprograms=$(grep -o 'device programs, [0-9]* distinct' "$tmp/err" | grep -o '[0-9]*' | tail -n1)
    mem=$(python3 -c "print(round($(tail -n1 "$tmp/mem") / 1024))")
  else
    d=">$limit" dprograms=- mem=-
  fi
  # Reshards that are not translations (pairs.py): peers in no common
  # pattern, named by tables.
  python3 "$here/pairs.py" "$n" > "$tmp/p.mlir"
  pt=$(seconds "$build/bin/hspmd-opt" --hspmd-propagate --hspmd-resolve-comm \
        --hspmd-specialize "$tmp/p.mlir" -o /dev/null)
  pprograms=$(grep -o 'device programs, [0-9]* distinct' "$tmp/err" | grep -o '[0-9]*' | tail -n1)
  printf "%8s %11s %9s %15s %13s %10s %12s %9s %10s %11s %9s\n" "$n" "$h" "${programs:--}" "$o" "$u" "$ratio" \
    "$d" "$dprograms" "$mem" "$pt" "${pprograms:--}"
done
