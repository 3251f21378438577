#!/usr/bin/env bash
# Regenerates docs/reference/ (op, attribute, dialect and pass reference) from
# the TableGen files; a test fails when the committed pages are stale.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" mlir-doc
mkdir -p "$root/docs/reference"
cp "${HSPMD_BUILD_DIR:-$root/build}"/docs/Hspmd/*.md "$root/docs/reference/"
ls "$root/docs/reference"
