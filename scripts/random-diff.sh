#!/usr/bin/env bash
# Differential testing by hand: PROGRAMS random programs of CASES cases each
# (scripts/random-programs.py, seeds FIRST, FIRST+1, ...), each run on 8 ranks
# and on one device; the outputs must be equal. Signed zeros are normalized
# before comparing: a sum of summands turns -0 into +0 (IEEE), which is the
# only difference another summation order may make on exact data.
# FEATURES (a comma list or `all`, see random-programs.py --help) selects the
# case kinds beyond the default ones: gathers, reductions with every combiner,
# helpers, ops without rules, convolutions, pads, concats, zero sizes...
# Usage: scripts/random-diff.sh [PROGRAMS=20] [CASES=50] [FIRST=1000] [FEATURES]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HSPMD_BUILD_DIR:-$root/build}
programs=${1:-20} cases=${2:-50} first=${3:-1000} features=${4:-}
gen_args=()
[[ -z "$features" ]] || gen_args=(--features "$features")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
normalize() { sed -E 's/(^|[^0-9.])-0([^0-9.]|$)/\10\2/g; s/(^|[^0-9.])-0([^0-9.]|$)/\10\2/g' "$1"; }
failed=0
for ((seed = first; seed < first + programs; ++seed)); do
  python3 "$root/scripts/random-programs.py" --seed "$seed" --cases "$cases" "${gen_args[@]}" > "$tmp/p.mlir" ||
    exit 2
  if ! "$build/bin/hspmd-run" --reference "$tmp/p.mlir" > "$tmp/ref" 2> "$tmp/err" ||
     ! "$build/bin/hspmd-run" -n 8 "$tmp/p.mlir" > "$tmp/out" 2>> "$tmp/err" ||
     ! diff -q <(normalize "$tmp/ref") <(normalize "$tmp/out") > /dev/null; then
    echo "seed $seed: MISMATCH or failure (scripts/random-programs.py --seed $seed --cases $cases${features:+ --features $features})"
    tail -n 5 "$tmp/err"
    failed=$((failed + 1))
  fi
done
echo "$((programs * cases)) cases in $programs programs: $((programs - failed)) programs passed, $failed failed"
((failed == 0))
