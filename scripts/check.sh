#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (lit and gtest).
# Ends with a line `N passed, N failed`; exits non-zero if anything failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HSPMD_BUILD_DIR:-$root/build}

"$root/scripts/install-deps.sh" || exit 1
"$root/scripts/build.sh" all mlir-doc || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
/usr/lib/llvm-22/bin/lit -sv "$build/test" "$build/test/Unit" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# (lit writes "Passed:" or, when some test is skipped, "Passed :".)
count() { grep -E "^\s*$1 *: +[0-9]+" "$log" | grep -oE '[0-9]+' | head -n1; }
passed=$(count Passed); passed=${passed:-0}
failed=0
for kind in Failed "Unresolved" "Timed Out" "Unexpectedly Passed"; do
  n=$(count "$kind"); failed=$((failed + ${n:-0}))
done
skipped=$(count Skipped); skipped=${skipped:-0}
unsupported=$(count Unsupported); unsupported=${unsupported:-0}
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
if ((skipped + unsupported)); then
  echo "($skipped skipped, $unsupported unsupported: see above)"
fi
echo "$passed passed, $failed failed"
exit "$status"
