#!/usr/bin/env bash
# The main job: installs what is missing, builds hspmd, then takes the
# heterogeneous MLP example (devices in groups of 4, 2 and 1) through the
# compiler and runs it on 7 ranks:
#   1. each device's block and local shape of every tensor (after propagation),
#   2. the communication plan of every change of placement, with bytes per
#      device against the lower bound,
#   3. the run on 7 ranks against the single-device run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HSPMD_BUILD_DIR:-$root/build}
program=${1:-$root/examples/hetero-mlp.mlir}
ranks=${HSPMD_DEMO_RANKS:-7}

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" hspmd-opt hspmd_runtime

opt="$build/bin/hspmd-opt"
echo "== 1. Placement of every tensor, per device (after --hspmd-propagate)"
"$opt" --hspmd-propagate --hspmd-print-layout "$program" -o /dev/null 2>/dev/null

echo
echo "== 2. Communication plans (--hspmd-comm-report, bytes per device)"
"$opt" --hspmd-propagate --hspmd-comm-report="verify-plans=true" "$program" \
  -o /dev/null 2>&1 | grep -v 'remark:' | grep -v '^ *\^' | grep -v '^ *%' \
  | grep -v 'note: see current operation' || true

echo
echo "== 3. Run on $ranks ranks, and on one device"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/bin/hspmd-run" -n "$ranks" "$program" > "$tmp/distributed.txt"
"$build/bin/hspmd-run" --reference "$program" > "$tmp/reference.txt"
head -n 4 "$tmp/distributed.txt"
echo "..."
if cmp -s "$tmp/distributed.txt" "$tmp/reference.txt"; then
  echo "The $ranks-rank run prints exactly what the single-device run prints" \
       "($(wc -l < "$tmp/reference.txt") lines)."
else
  echo "MISMATCH between the $ranks-rank run and the single-device run:"
  diff "$tmp/reference.txt" "$tmp/distributed.txt" | head -n 20
  exit 1
fi
