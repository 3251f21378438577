#!/usr/bin/env bash
# bench/runtime: the time of a reshard through compiled hspmd code against
# the same data movement written by hand with MPI, in one run. Each case runs
# on the ranks its shardings use (4, or 7 for C8): a barrier over the world
# needs every rank to run the program.
# Usage: bench/runtime/run.sh [LOG2_ELEMENTS_PER_BLOCK=24 (64 MiB)] [REPEATS=3]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${HSPMD_BUILD_DIR:-$root/build}
log2=${1:-24} repeats=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root_flag=()
[[ $(id -u) -eq 0 ]] && root_flag=(--allow-run-as-root)
declare -A ranks=([C1]=4 [C3]=4 [C8]=7 [C13]=4)
mpicc -O2 -o "$tmp/hand" "$here/hand.c"
best() { sort -g | head -n 1; }
printf "%-5s %6s %12s %12s %8s\n" case ranks "hspmd (s)" "MPI (s)" ratio
for c in C1 C3 C8 C13; do
  python3 "$here/gen.py" "$c" "$log2" > "$tmp/$c.mlir"
  "$build/bin/hspmd-compile" -O3 "$tmp/$c.mlir" -o "$tmp/$c"
  mpi=(mpirun "${root_flag[@]}" --oversubscribe -n "${ranks[$c]}")
  h=$(for ((i = 0; i < repeats; ++i)); do
        "${mpi[@]}" "$tmp/$c"; done | best)
  m=$(for ((i = 0; i < repeats; ++i)); do "${mpi[@]}" "$tmp/hand" "$c" "$log2"; done | best)
  printf "%-5s %6s %12.4f %12.4f %8.2f\n" "$c" "${ranks[$c]}" "$h" "$m" \
    "$(python3 -c "print($h / $m)")"
done
