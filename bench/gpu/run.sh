#!/usr/bin/env bash
# bench/gpu/run.sh: builds and runs the GPU calibration (bench/gpu/calibrate.cu)
# on a machine with an NVIDIA GPU and CUDA at /usr/local/cuda; writes
# data/calibration/h800-measured.calib (or $1). Never part of CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/data/calibration/h800-measured.calib}
cuda=${CUDA_HOME:-/usr/local/cuda}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cuda/bin/nvcc" -O2 -std=c++17 -o "$tmp/calibrate" "$here/calibrate.cu" -lcublas
mkdir -p "$(dirname "$out")"
timeout 480 "$tmp/calibrate" --kind H800 --out "$out"
