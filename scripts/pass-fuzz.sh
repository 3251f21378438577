#!/usr/bin/env bash
# The pass-level fuzzer (scripts/pass-fuzz.py) for a long run.
# Usage: scripts/pass-fuzz.sh [minutes=15] [more pass-fuzz.py flags...]
# Environment: PASS_FUZZ_SEED (default: the time, printed), HSPMD_BUILD_DIR
# (default build/), PASS_FUZZ_FINDINGS (default /tmp/pass-fuzz-findings).
# Exits 1 if there is a finding.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
minutes=${1:-15}
shift || true
seed=${PASS_FUZZ_SEED:-$(date +%s)}
echo "pass-fuzz.sh: $minutes minutes, seed $seed (PASS_FUZZ_SEED=$seed to repeat)" >&2
exec python3 "$root/scripts/pass-fuzz.py" --time $((minutes * 60)) \
  --seed "$seed" --jobs 1 --build "${HSPMD_BUILD_DIR:-$root/build}" \
  --findings "${PASS_FUZZ_FINDINGS:-/tmp/pass-fuzz-findings}" "$@"
