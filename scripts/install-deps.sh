#!/usr/bin/env bash
# Installs what hspmd needs on Debian 12 (as root), only what is missing.
# Usage: scripts/install-deps.sh [fuzz]
set -euo pipefail

# chromium renders the pictures in test/Pictures and scripts/screenshots.sh;
# fonts-liberation gives its labels the same font on every machine.
packages=(cmake ninja-build ccache g++ python3
          llvm-22-dev libmlir-22-dev mlir-22-tools
          libgtest-dev libopenmpi-dev openmpi-bin
          chromium fonts-liberation)
if [[ "${1:-}" == fuzz ]]; then
  packages+=(clang-22 lld-22 libclang-rt-22-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
