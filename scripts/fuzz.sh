#!/usr/bin/env bash
# Builds the libFuzzer target for the #hspmd.sharding parser and verifier in
# build-fuzz/ (clang-22, ASan + UBSan) and runs it for a bounded time.
# Usage: scripts/fuzz.sh [seconds=60] [extra libFuzzer flags...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
"$root/scripts/install-deps.sh" fuzz

build=$root/build-fuzz
if [[ ! -f $build/build.ninja ]]; then
  san="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
  cmake -G Ninja -S "$root" -B "$build" \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="$san" -DCMAKE_C_FLAGS="$san" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DHSPMD_ENABLE_FUZZERS=ON
fi
ninja -C "$build" -j"${HSPMD_JOBS:-2}" hspmd-sharding-fuzzer

# The working corpus grows outside the source tree; the seeds stay as they are.
corpus=$build/corpus
mkdir -p "$corpus" "$build/artifacts"
cp -n "$root"/fuzz/corpus/* "$corpus"/ 2>/dev/null || true
cd "$build"
# libMLIR.so is not instrumented, but LLVM's BumpPtrAllocator, inlined into
# our instrumented code, poisons the slabs it starts; uninstrumented MLIR code
# then allocates from them without unpoisoning. allow_user_poisoning=0 turns
# that annotation off (it is not a memory error) and keeps every real check.
ASAN_OPTIONS=detect_leaks=1:allow_user_poisoning=0 ./bin/hspmd-sharding-fuzzer "$corpus" \
  -max_total_time="$seconds" -max_len=1024 -timeout=10 -rss_limit_mb=4096 \
  -dict="$root/fuzz/sharding.dict" \
  -print_final_stats=1 -artifact_prefix="$build/artifacts/" "$@"
