#!/usr/bin/env bash
# bench/gpu/bench.sh: the compiled GPU benchmarks of bench/gpu and their
# hand-written references, in two halves so that the GPU machine compiles
# nothing with hspmd:
#
#   bench/gpu/bench.sh build DIR   (any machine with the build and CUDA's
#                                   toolkit) gen.py --gpu into DIR/src, each
#                                   program through hspmd-compile
#                                   --target=cuda into DIR/bin, and
#                                   baselines.cu through nvcc into DIR/bin
#   bench/gpu/bench.sh run DIR     (the GPU machine) runs DIR/bin/* one by
#                                   one (each under `timeout`), then
#                                   torch_mlp_step.py where torch imports;
#                                   every `key value` line goes to stdout
#                                   and DIR/results.txt
#   bench/gpu/bench.sh smoke DIR   (CPU) gen.py --small into DIR/src and
#                                   `hspmd-run --reference` on each
#
# Environment: HSPMD_BUILD (default: <repo>/build), CUDA_HOME (default
# /usr/local/cuda), BENCH_TIMEOUT_S (default 60, per program).
# Never part of CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${HSPMD_BUILD:-$root/build}
cuda=${CUDA_HOME:-/usr/local/cuda}
limit=${BENCH_TIMEOUT_S:-60}

usage() {
  sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
[[ $# -eq 2 ]] || usage
cmd=$1 dir=$2

case "$cmd" in
  build)
    mkdir -p "$dir/src" "$dir/bin"
    python3 "$here/gen.py" --gpu "$dir/src"
    for src in "$dir"/src/*.mlir; do
      name=$(basename "$src" .mlir)
      echo "compiling $name" >&2
      "$build/bin/hspmd-compile" --reference --target=cuda "$src" -o "$dir/bin/$name"
    done
    echo "compiling baselines" >&2
    "$cuda/bin/nvcc" -O2 -arch=sm_90 -o "$dir/bin/baselines" "$here/baselines.cu" -lcublasLt
    ;;
  run)
    [[ -d "$dir/bin" ]] || { echo "bench.sh: no $dir/bin; run 'bench.sh build $dir' first" >&2; exit 2; }
    : > "$dir/results.txt"
    status=0
    for exe in "$dir"/bin/*; do
      [[ -x "$exe" && "$(basename "$exe")" != baselines ]] || continue
      echo "running $(basename "$exe")" >&2
      start=$(date +%s%N)
      timeout "$limit" "$exe" | tee -a "$dir/results.txt" || { echo "bench.sh: $(basename "$exe") failed ($?)" >&2; status=1; }
      ns=$(($(date +%s%N) - start))
      printf 'wall_%s_s %d.%03d\n' "$(basename "$exe")" $((ns / 1000000000)) $((ns % 1000000000 / 1000000)) | tee -a "$dir/results.txt"
    done
    if [[ -x "$dir/bin/baselines" ]]; then
      echo "running baselines" >&2
      timeout "$limit" "$dir/bin/baselines" | tee -a "$dir/results.txt" || { echo "bench.sh: baselines failed" >&2; status=1; }
    fi
    if python3 -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
      echo "running torch_mlp_step.py" >&2
      timeout "$limit" python3 "$here/torch_mlp_step.py" | tee -a "$dir/results.txt" || { echo "bench.sh: torch_mlp_step.py failed" >&2; status=1; }
    else
      echo "bench.sh: no torch with CUDA here; torch_mlp_step.py skipped" >&2
    fi
    exit $status
    ;;
  smoke)
    mkdir -p "$dir/src"
    python3 "$here/gen.py" --small "$dir/src"
    export PATH=/usr/lib/llvm-22/bin:$PATH
    for src in "$dir"/src/*.mlir; do
      echo "== $(basename "$src")"
      sed -n "s|^// expected[^:]*: |expected |p" "$src"
      "$build/bin/hspmd-run" --reference "$src"
    done
    ;;
  *) usage ;;
esac
