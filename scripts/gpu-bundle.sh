#!/usr/bin/env bash
# scripts/gpu-bundle.sh [BUILD_DIR] [OUT_DIR]: prepares, on a machine with
# the build (LLVM/MLIR, the CUDA toolkit, no GPU needed), everything the GPU
# check (bench/gpu/check.sh) runs on a machine with an NVIDIA GPU and no
# LLVM/MLIR: ahead-of-time CUDA executables of the end-to-end programs
# (distributed and single-device), the answers the CPU reference prints for
# them, the runtime's GPU tests, the benchmarks and their baselines.
# Defaults: build, gpubundle. The bundle stays under 64 MiB; the large
# libraries (cuBLASLt, NCCL) are found on the GPU machine, never carried.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out=${2:-$root/gpubundle}
export PATH="$build/bin:/usr/lib/llvm-22/bin:$PATH"
nvcc=${CUDA_HOME:-/usr/local/cuda}/bin/nvcc
rm -rf "$out"
mkdir -p "$out/programs" "$out/bin" "$out/bench"

# NAME RANKS PROGRAM: the end-to-end programs of test/Run and examples/.
programs=(
  "conformance 8 test/Run/conformance.mlir"
  "dp2-tp4 8 test/Run/dp2-tp4.mlir"
  "pipeline 5 test/Run/pipeline.mlir"
  "hetero-mlp 7 examples/hetero-mlp.mlir"
  "train-mlp 7 examples/train-mlp.mlir"
  "train-mlp-alternating 7 examples/train-mlp-alternating.mlir"
  "if-branches 3 test/Run/Inputs/loops/if-branches.mlir"
  "partial-carry 2 test/Run/Inputs/loops/partial-carry.mlir"
)
# With EXTRA=1, also every program the CPU end-to-end tests run from
# test/Run/Inputs (outside programs, regressions, loops) with the rank count
# its test gives, and random programs (scripts/random-programs.py, every
# feature, seeds from RANDOM_FIRST, RANDOM_PROGRAMS of them) on 8 ranks. A
# program the CUDA target fails to compile is reported and left out.
# EXTRA_MATCH (an extended regular expression) keeps only the programs of
# test/Run/Inputs whose names match.
if [[ "${EXTRA:-0}" == 1 ]]; then
  grep -h "RUN:" "$root"/test/Run/*.test | grep -v "not hspmd-run" |
    grep -o "hspmd-run -n [0-9]* %S/Inputs/[^ ]*" | sort -u | while read -r _ _ ranks path; do
    program="test/Run/${path#%S/}"
    name=$(echo "${program#test/Run/Inputs/}" | tr '/' '_' | sed 's/\.mlir$//')-n$ranks
    echo "$name $ranks $program"
  done | grep -E -- "${EXTRA_MATCH:-.}" > "$out/extra.txt" || true
  for ((seed = ${RANDOM_FIRST:-7000}; seed < ${RANDOM_FIRST:-7000} + ${RANDOM_PROGRAMS:-10}; ++seed)); do
    python3 "$root/scripts/random-programs.py" --seed "$seed" --cases 30 \
      --features all > "$out/programs/random-$seed.mlir"
    echo "random-$seed 8 $out/programs/random-$seed.mlir" >> "$out/extra.txt"
  done
  while read -r name ranks program; do
    programs+=("$name $ranks $program")
  done < "$out/extra.txt"
fi

: > "$out/programs/list"
for entry in "${programs[@]}"; do
  read -r name ranks program <<< "$entry"
  [[ "$program" == /* ]] || program="$root/$program"
  echo "gpu-bundle: $name"
  if ! hspmd-compile --target=cuda "$program" -o "$out/programs/$name" \
      2> "$out/programs/$name.err" ||
     ! hspmd-compile --target=cuda --reference "$program" \
      -o "$out/programs/$name.ref" 2>> "$out/programs/$name.err"; then
    echo "gpu-bundle: $name: the CUDA target did not compile it:" >&2
    grep -m3 error "$out/programs/$name.err" >&2
    continue
  fi
  rm -f "$out/programs/$name.err"
  # The answer: the single-device program on the CPU.
  hspmd-run --reference "$program" > "$out/programs/$name.expected"
  echo "$name $ranks" >> "$out/programs/list"
done

# The runtime's own tests.
for t in hspmd-runtime-test hspmd-runtime-device-test hspmd-runtime-gpu-test; do
  if [[ -x "$build/bin/$t" ]]; then cp "$build/bin/$t" "$out/bin/"; fi
done
# The runtime tests link the runtime's shared library.
cp "$build"/lib/libhspmd_runtime.so* "$out/bin/" 2>/dev/null || true
cp "$root/bench/gpu/check.sh" "$out/"

# Benchmarks: compiled programs at full size, and the baselines.
if [[ "${NO_BENCH:-0}" == 1 ]]; then du -sh "$out"; exit 0; fi
python3 "$root/bench/gpu/gen.py" --full "$out/bench/src"
for f in "$out"/bench/src/*.mlir; do
  name=$(basename "$f" .mlir)
  hspmd-compile --target=cuda --reference "$f" -o "$out/bench/$name"
done
"$nvcc" -O2 -arch=sm_90 -o "$out/bench/baselines" \
  "$root/bench/gpu/baselines.cu" -lcublasLt
cp "$root/bench/gpu/torch_mlp_step.py" "$out/bench/"
cp "$root/bench/gpu/check.sh" "$out/"
du -sh "$out"
