#!/usr/bin/env bash
# bench/switch: strategies chosen per step against one strategy throughout,
# on the same batches, in one run; the switch plan's bytes against the lower
# bound; and the time to plan and compile a switch for 32 devices x 60
# layers. bench/README.md explains the cases and quotes a run.
# Usage: bench/switch/run.sh [RANKS=4] [REPEATS=3]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${HSPMD_BUILD_DIR:-$root/build}
ranks=${1:-4} repeats=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root_flag=()
[[ $(id -u) -eq 0 ]] && root_flag=(--allow-run-as-root)
mpi=(mpirun "${root_flag[@]}" --oversubscribe -n "$ranks")
best() { sort -g | head -n 1; }
seconds() { # command... -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}

# 1. Step time: 24 steps in runs of four of one bucket (16 or 1024 tokens).
sched=0,0,0,0,1,1,1,1,0,0,0,0,1,1,1,1,0,0,0,0,1,1,1,1
sizes=(--devices "$ranks" --hidden 64 --ffn 256 --short 16 --long 1024 --schedule "$sched")
echo "step loop: $ranks ranks, 24 steps of 16 or 1024 tokens (runs of 4), H=64, F=256, i32"
printf "%-8s %12s %10s %10s\n" policy "loop (s)" "/best one" "corner"
declare -A time corner
for p in choice tp dp; do
  python3 "$here/gen.py" "${sizes[@]}" --policy "$p" --timed > "$tmp/$p.mlir"
  "$build/bin/hspmd-compile" -O3 "$tmp/$p.mlir" -o "$tmp/$p"
  for ((i = 0; i < repeats; ++i)); do
    "${mpi[@]}" "$tmp/$p" > "$tmp/$p.out.$i"
  done
  time[$p]=$(for ((i = 0; i < repeats; ++i)); do head -n 1 "$tmp/$p.out.$i"; done | best)
  corner[$p]=$(sed -n 2p "$tmp/$p.out.0")
done
one=$(python3 -c "print(min(${time[tp]}, ${time[dp]}))")
for p in choice tp dp; do
  printf "%-8s %12.4f %10.2f %10s\n" "$p" "${time[$p]}" \
    "$(python3 -c "print(${time[$p]} / $one)")" "${corner[$p]}"
done
[[ ${corner[choice]} == "${corner[tp]}" && ${corner[tp]} == "${corner[dp]}" ]] ||
  echo "ERROR: the policies ended with different weights"

# 2. The switch plan (tp -> dp and back) of the step loop's weights.
echo
for pair in "from=tp to=dp" "from=dp to=tp"; do
  "$build/bin/hspmd-opt" "--hspmd-switch-report=$pair" "$tmp/choice.mlir" \
    -o /dev/null 2>&1 | grep -E "^switch|total received"
done

# 3. Compile time of a switch for 32 devices x 60 layers (120 carried
# weights): planning it (the switch report: 120 point-to-point plans, each
# proved by the checker), and compiling the program with both strategies
# against the same program with one.
echo
python3 "$here/gen.py" --devices 32 --layers 60 --hidden 64 --ffn 128 \
  --short 32 --long 256 > "$tmp/big.mlir"
plan=$(seconds "$build/bin/hspmd-opt" "--hspmd-switch-report=from=tp to=dp" \
         "$tmp/big.mlir" -o /dev/null)
both=$(seconds "$build/bin/hspmd-opt" --hspmd-expand-strategies \
         --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize \
         "$tmp/big.mlir" -o /dev/null)
one=$(seconds "$build/bin/hspmd-opt" --hspmd-select-strategy=name=tp \
        --hspmd-propagate --hspmd-resolve-comm --hspmd-specialize \
        "$tmp/big.mlir" -o /dev/null)
echo "32 devices x 60 layers: switch planned and proved in $plan s;" \
     "propagate..specialize with both strategies $both s, with one $one s"
