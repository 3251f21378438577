#!/usr/bin/env bash
# bench/gpu/check.sh [BUNDLE_DIR]: the GPU check, run on a machine with an
# NVIDIA GPU (no LLVM/MLIR needed) inside a bundle made by
# scripts/gpu-bundle.sh. Prints what it found, then:
#   1. the runtime's GPU test (kernels, cuBLASLt, managed memory);
#   2. every end-to-end program, single-device and distributed, against
#      the answer the CPU reference printed where the bundle was made:
#      one rank on the GPU; then all the program's ranks sharing the GPU
#      (MPI backend on device-accessible buffers; NCCL refuses two ranks
#      on one GPU) where mpirun exists, reported as not run otherwise;
#   3. the NCCL backend on one rank (device buffers);
#   4. benchmarks: matmul against cuBLASLt called directly, the elementwise
#      kernel against a device-to-device copy, one MLP training step against
#      PyTorch eager.
# Exit status 0 when every correctness check passed. A summary goes to
# standard output; logs to $LOGDIR (default: a temporary directory).
set -u
bundle=$(cd "${1:-$(dirname "$0")}" && pwd)
cd "$bundle" || exit 2
logs=${LOGDIR:-$(mktemp -d)}
mkdir -p "$logs"
export HSPMD_TIMEOUT_S=${HSPMD_TIMEOUT_S:-60}
export LD_LIBRARY_PATH="$bundle/bin${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
failed=0

section() { echo; echo "== $*"; }
section "what this machine has"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm \
  --format=csv,noheader 2>&1 | sed 's/^/gpu: /'
for lib in libcuda.so.1 libcublasLt.so.13 libnccl.so.2 libmpi.so.40; do
  where=$(ldconfig -p 2>/dev/null | awk -v l="$lib" '$1 == l { print $NF; exit }')
  echo "library $lib: ${where:-not in the loader cache}"
done
mpirun=""
if command -v mpirun >/dev/null 2>&1; then
  mpirun="mpirun --oversubscribe"
  [ "$(id -u)" = 0 ] && mpirun="$mpirun --allow-run-as-root"
  echo "mpirun: $(command -v mpirun) ($(mpirun --version 2>&1 | head -1))"
else
  echo "mpirun: none (distributed runs are not run)"
fi
python3 -c 'import torch; print("torch:", torch.__version__, torch.cuda.get_device_name(0))' 2>&1 | tail -1

# run NAME LOG COMMAND...: runs with a time limit and prints the exit
# status; the output goes to LOG with memref addresses written `<addr>`, as
# hspmd-run writes them (the expected answers were printed by it).
run() {
  name=$1 log=$2
  shift 2
  timeout 300 "$@" < /dev/null 2> "$log.err" | sed -E 's/base@ = 0x[0-9a-fA-F]+/base@ = <addr>/g' > "$log"
  echo "${PIPESTATUS[0]}"
}

section "1. runtime GPU test"
if [ -x bin/hspmd-runtime-gpu-test ]; then
  rc=$(run gpu-test "$logs/gpu-test.out" bin/hspmd-runtime-gpu-test)
  if [ "$rc" = 0 ]; then echo "PASS runtime GPU test: $(tail -1 "$logs/gpu-test.out")"
  else echo "FAIL runtime GPU test (status $rc)"; tail -20 "$logs/gpu-test.out" "$logs/gpu-test.out.err"; failed=1; fi
else
  echo "not run: bin/hspmd-runtime-gpu-test is not in the bundle"
fi

# Equal up to the sign of zero: another summation order may turn -0 into +0
# (IEEE), the only difference it can make on exact data (scripts/random-diff.sh
# compares the CPU runs the same way).
same() {
  norm='s/(^|[^0-9.])-0([^0-9.]|$)/\10\2/g; s/(^|[^0-9.])-0([^0-9.]|$)/\10\2/g'
  cmp -s <(sed -E "$norm" "$1") <(sed -E "$norm" "$2")
}

section "2. end-to-end programs against the CPU reference"
# check_program NAME RANKS: both runs of one program; prints PASS/FAIL lines
# and, on failure, the start of the difference and of standard error.
check_program() {
  name=$1 ranks=$2
  rc=$(run "$name.ref" "$logs/$name.ref.out" "programs/$name.ref")
  if [ "$rc" = 0 ] && same "$logs/$name.ref.out" "programs/$name.expected"; then
    echo "PASS $name: single device on the GPU equals the reference ($(wc -l < "$logs/$name.ref.out") lines)"
  else
    echo "FAIL $name: single device on the GPU (status $rc)"
    diff "programs/$name.expected" "$logs/$name.ref.out" | head -10
    tail -5 "$logs/$name.ref.out.err"
  fi
  if [ -z "$mpirun" ]; then
    echo "not run: $name on $ranks ranks (no mpirun)"
    return
  fi
  # shellcheck disable=SC2086
  rc=$(run "$name" "$logs/$name.out" $mpirun -x HSPMD_TIMEOUT_S -n "$ranks" "programs/$name")
  if [ "$rc" = 0 ] && same "$logs/$name.out" "programs/$name.expected"; then
    echo "PASS $name: $ranks ranks sharing the GPU equal the reference ($(wc -l < "$logs/$name.out") lines)"
  else
    echo "FAIL $name: $ranks ranks sharing the GPU (status $rc)"
    diff "programs/$name.expected" "$logs/$name.out" | head -10
    tail -5 "$logs/$name.out.err"
  fi
}
# Several programs at once (JOBS, default 6): each is small, and the GPU
# and the machine's cores are shared. Each program's lines come together.
export -f check_program run same
export logs mpirun
jobs=${JOBS:-6}
mkdir -p "$logs/results"
xargs -P "$jobs" -L 1 bash -c 'check_program "$0" "$1" > "$logs/results/$0.txt" 2>&1' \
  < programs/list
while read -r name ranks; do
  cat "$logs/results/$name.txt"
done < programs/list
if grep -q "^FAIL" "$logs"/results/*.txt; then failed=1; fi
echo "programs: $(cat "$logs"/results/*.txt | grep -c '^PASS') runs passed, $(cat "$logs"/results/*.txt | grep -c '^FAIL') failed"

section "3. NCCL backend, one rank"
for t in hspmd-runtime-test hspmd-runtime-device-test; do
  [ -x "bin/$t" ] || { echo "not run: bin/$t is not in the bundle"; continue; }
  rc=$(run "$t" "$logs/$t.out" env HSPMD_BACKEND=nccl "bin/$t")
  if [ "$rc" = 0 ]; then echo "PASS $t (nccl, 1 rank): $(tail -1 "$logs/$t.out")"
  else echo "FAIL $t (nccl, 1 rank; status $rc)"; tail -8 "$logs/$t.out" "$logs/$t.out.err"; failed=1; fi
done

section "4. benchmarks"
benchmarks() {
  if [ -x bench/baselines ]; then
    timeout 120 bench/baselines 2>&1 | tee "$logs/baselines.out"
  fi
  for b in bench/matmul-bf16 bench/matmul-f32 bench/elementwise bench/mlp-step; do
    [ -x "$b" ] || continue
    echo "-- $(basename "$b")"
    timeout 120 "$b" 2>&1 | tee "$logs/$(basename "$b").out" | tail -12
  done
  if [ -f bench/torch_mlp_step.py ]; then
    timeout 120 python3 bench/torch_mlp_step.py 2>&1 | tee "$logs/torch.out" | tail -12
  fi
}
if [ "${SKIP_BENCH:-0}" = 1 ]; then echo "not run: SKIP_BENCH=1"; else benchmarks; fi

section "summary"
if [ $failed = 0 ]; then echo "gpu check: all correctness checks passed"
else echo "gpu check: FAILED"; fi
exit $failed
