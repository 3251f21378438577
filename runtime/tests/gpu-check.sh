#!/bin/sh
# $mpirun is split into words on purpose.
# shellcheck disable=SC2086
# The runtime's GPU part and NCCL backend on real GPUs. CI has none and never
# runs this; run it by hand on a machine with NVIDIA GPUs after building with
# them (CMake finds the CUDA and NCCL headers):
#
#   runtime/tests/gpu-check.sh [BUILD_DIR]      (default: build)
#
# Runs hspmd-runtime-gpu-test (managed memory, hspmd_rt_gpu_matmul in every
# element type and layout, a PTX kernel) once, then hspmd-runtime-test (every collective and element type, host buffers
# staged through the GPU) and hspmd-runtime-device-test (device and managed
# buffers used directly, host and GPU mixed, staging buffers that grow) under
# HSPMD_BACKEND=nccl on 1 rank, then on 2, 3 and all GPUs when there are that
# many (one GPU per rank), and checks that a peer that never arrives and more
# ranks than GPUs end with a message, not a hang. Exit status 0 when all pass.
set -u

build=${1:-build}
bin=$build/bin
for t in hspmd-runtime-test hspmd-runtime-device-test hspmd-runtime-gpu-test; do
  if [ ! -x "$bin/$t" ]; then
    echo "gpu-check: $bin/$t is missing (build with the GPU part and the" \
      "NCCL backend: cmake finds the CUDA and NCCL headers under" \
      "/usr/local/cuda)" >&2
    exit 2
  fi
done
if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "gpu-check: no nvidia-smi: this machine has no NVIDIA GPU" >&2
  exit 2
fi
gpus=$(nvidia-smi -L | grep -c '^GPU')
if [ "$gpus" -lt 1 ]; then
  echo "gpu-check: nvidia-smi lists no GPU" >&2
  exit 2
fi
echo "gpu-check: $gpus GPU(s)"

mpirun="mpirun --oversubscribe"
[ "$(id -u)" = 0 ] && mpirun="$mpirun --allow-run-as-root"
export HSPMD_BACKEND=nccl
export HSPMD_TIMEOUT_S="${HSPMD_TIMEOUT_S:-120}"
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run NAME EXPECT-STATUS(0|fail) GREP-PATTERN COMMAND...
run() {
  name=$1 want=$2 pattern=$3
  shift 3
  timeout 600 "$@" >"$log" 2>&1
  rc=$?
  if [ "$want" = 0 ]; then ok=$([ $rc = 0 ] && echo y); else
    ok=$([ $rc != 0 ] && [ $rc != 124 ] && echo y); fi
  if [ "$ok" = y ] && grep -q -- "$pattern" "$log"; then
    echo "PASS $name: $(grep -- "$pattern" "$log" | head -1)"
  else
    echo "FAIL $name (exit status $rc; 124 is a hang); output:"
    sed 's/^/  | /' "$log" | tail -40
    failed=1
  fi
}

run "GPU part (matmul, kernels, managed memory)" 0 \
  "gpu test: .* passed, 0 failed" "$bin/hspmd-runtime-gpu-test"

sizes=1
[ "$gpus" -ge 2 ] && sizes="$sizes 2"
[ "$gpus" -ge 3 ] && sizes="$sizes 3"
[ "$gpus" -gt 3 ] && sizes="$sizes $gpus"
for n in $sizes; do
  run "collectives on $n rank(s)" 0 "runtime test on $n ranks: .* 0 failed" \
    $mpirun -n "$n" "$bin/hspmd-runtime-test"
  run "device buffers on $n rank(s)" 0 \
    "device buffer test on $n ranks: .* 0 failed" \
    $mpirun -n "$n" "$bin/hspmd-runtime-device-test"
done

if [ "$gpus" -ge 2 ]; then
  run "a peer that never arrives" fail \
    "all_reduce over group {0, 1}: did not finish within 5 s" \
    env HSPMD_TIMEOUT_S=5 $mpirun -n 2 "$bin/hspmd-runtime-test" hang
fi
# One rank more than GPUs: two ranks of a communicator share a GPU, which
# NCCL refuses; the run must end with a message, not hang.
more=$((gpus + 1))
run "$more ranks on $gpus GPU(s)" fail "hspmd runtime: rank" \
  env HSPMD_TIMEOUT_S=30 $mpirun -n "$more" "$bin/hspmd-runtime-test"

if [ $failed = 0 ]; then echo "gpu-check: all passed"; else
  echo "gpu-check: FAILED"; fi
exit $failed
