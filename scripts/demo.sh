#!/usr/bin/env bash
# The main job: installs what is missing, builds hspmd, then reads a
# heterogeneous two-layer MLP and shows, for every annotated tensor, which
# block each device holds and its local shape.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HSPMD_BUILD_DIR:-$root/build}
program=${1:-$root/examples/hetero-mlp.mlir}

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" hspmd-opt

echo "== $program: placement of every annotated tensor, per device"
"$build/bin/hspmd-opt" --hspmd-print-layout "$program" -o /dev/null
