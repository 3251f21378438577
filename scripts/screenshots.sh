#!/usr/bin/env bash
# Regenerates the pictures in docs/images with headless Chromium, from the
# tools already built in build/bin (it builds nothing):
#   docs/images/hetero-mlp.png  sections of the --hspmd-draw page of
#                               examples/hetero-mlp.mlir (docs/Pictures.md)
#   docs/images/timeline.png    hspmd-plan --timeline of a heterogeneous plan,
#                               when build/bin/hspmd-plan has that option
# Usage: scripts/screenshots.sh   (HSPMD_BUILD_DIR: another build folder;
#                                  CHROMIUM: another browser binary)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HSPMD_BUILD_DIR:-$root/build}
bin=$build/bin
images=$root/docs/images
chromium=${CHROMIUM:-chromium}

[[ -x $bin/hspmd-opt ]] || { echo "error: no $bin/hspmd-opt (scripts/build.sh first)" >&2; exit 1; }
command -v "$chromium" >/dev/null || { echo "error: no $chromium (scripts/install-deps.sh installs it)" >&2; exit 1; }
mkdir -p "$images"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A bounded headless run (a hung browser fails instead of waiting); as root
# Chromium needs --no-sandbox.
browser() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
    --disable-dev-shm-usage --user-data-dir="$tmp/profile" --no-first-run \
    --no-default-browser-check --hide-scrollbars --force-device-scale-factor=1 \
    "$@" 2>"$tmp/chromium.log" \
    || { cat "$tmp/chromium.log" >&2; echo "error: chromium failed: $*" >&2; exit 1; }
}
shoot() { # URL WIDTH HEIGHT PNG
  browser --window-size="$2,$3" --screenshot="$4" "$1" >/dev/null
  echo "wrote ${4#"$root"/} ($2x$3, $(( $(stat -c %s "$4") / 1024 )) KiB)"
}

# The MLP's page is 32 sections long; the picture shows one section of each
# kind: a weight whose groups are panels "and" (hetero = dup), a gradient
# whose groups are summands "+" (hetero = partial), and the first reshard of
# summand sheets (source and destination, bytes per device, the plan).
(cd "$root" && "$bin/hspmd-opt" --hspmd-propagate \
  --hspmd-draw="file=$tmp/hetero-mlp.html" examples/hetero-mlp.mlir \
  -o /dev/null 2>/dev/null)
python3 - "$tmp/hetero-mlp.html" "$tmp/excerpt.html" "$tmp/measure.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
sections = re.findall(r'<section class="[^"]*".*?</section>\n', page, re.S)
head = page[:page.index("<section")]
def first(pred):
    return next(s for s in sections if pred(s))
picked = [first(lambda s: 'class="join">and<' in s),
          first(lambda s: 'class="join">+<' in s),
          first(lambda s: 'class="reshard"' in s and "summand keeper" in s)]
picked.sort(key=sections.index)
excerpt = head + "".join(picked)
open(sys.argv[2], "w", encoding="utf-8").write(excerpt + "</body>\n</html>\n")
# A copy that writes its own height, to size the window (the excerpt
# itself stays script-free).
open(sys.argv[3], "w", encoding="utf-8").write(
    excerpt + '<script>document.body.insertAdjacentHTML("beforeend", '
    '"<p id=\\"height\\">" + document.documentElement.scrollHeight + "</p>")'
    "</script></body>\n</html>\n")
PY
width=1400
height=$(browser --window-size="$width,1000" --dump-dom "file://$tmp/measure.html" \
  | sed -n 's|.*<p id="height">\([0-9]*\)</p>.*|\1|p')
[[ -n $height ]] || { echo "error: chromium did not measure the page" >&2; exit 1; }
shoot "file://$tmp/excerpt.html" "$width" "$(( height < 4000 ? height : 4000 ))" \
  "$images/hetero-mlp.png"

# The pipeline timeline of the default heterogeneous plan (32 H20 + 16
# H800, Llama 32B), if hspmd-plan draws one.
if [[ -x $bin/hspmd-plan ]] && "$bin/hspmd-plan" --help 2>&1 | grep -q -- --timeline; then
  "$bin/hspmd-plan" --cluster 32xH20+16xH800 --batch 64 \
    --timeline "$tmp/timeline.svg" >/dev/null
  # The window is the drawing's size (its width and height attributes),
  # at most 1600 x 1200.
  read -r w h < <(python3 - "$tmp/timeline.svg" <<'EOF'
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
root = re.search(r"<svg\b[^>]*>", svg).group(0)
def size(name, default, cap):
    m = re.search(name + r'="([0-9.]+)(px)?"', root)
    return min(cap, int(float(m.group(1)) + 0.999)) if m else default
print(size("width", 1600, 1600), size("height", 900, 1200))
EOF
)
  shoot "file://$tmp/timeline.svg" "$w" "$h" "$images/timeline.png"
else
  echo "skipped docs/images/timeline.png: $bin/hspmd-plan has no --timeline"
fi
