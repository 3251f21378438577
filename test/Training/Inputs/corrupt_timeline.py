#!/usr/bin/env python3
"""Writes a broken copy of a timeline, so that a test can see
check_timeline.py fail on it.

Usage: corrupt_timeline.py MODE IN.svg OUT.svg

Modes:
  script      a <script> element before </svg>
  href        an <image> with an external href
  truncate    the first half of the file only
  step        the title's predicted step 1 s later
  overlap     the second forward of the first row moved onto the first
  dependency  on the second row, the first forward swapped with the idle
              box before it: the rows still tile, but that forward starts
              before the forward of its micro-batch on the first row ends
  comm-late   (a --hspmd-cost-report timeline) on the first row with a
              compute box that waits for a reshard step, that step's box
              moved after the boxes that follow it up to that compute box:
              the row still tiles, but the compute box starts before the
              communication it depends on ends
"""

import re
import sys

RECT = re.compile(r'<rect class="([^"]*)" x="[^"]*" y="([^"]*)" '
                  r'width="[^"]*"(.*?) data-start="([^"]*)" '
                  r'data-end="([^"]*)"(/>|>)')


def rewrite(match, start, end, root):
    """The rect `match` moved to [start, end] seconds, drawn there."""
    plot_x, plot_width, span = root
    x = plot_x + start / span * plot_width
    w = (end - start) / span * plot_width
    return ('<rect class="%s" x="%.2f" y="%s" width="%.2f"%s data-start="%r" '
            'data-end="%r"%s' % (match.group(1), x, match.group(2), w,
                                 match.group(3), start, end, match.group(6)))


def comm_late(row, root):
    """The row with the comm box a compute box waits for moved after it,
    or None when no compute box on it waits for communication."""
    rects = list(RECT.finditer(row))
    for late in rects:
        after = re.search(r'data-after="([^"]*)"', late.group(3))
        if late.group(1) != "compute" or not after:
            continue
        ids = [dep.split("@")[0] for dep in after.group(1).split()]
        comm = [m for m in rects if m.group(1).startswith("comm ")
                and re.search(r'data-id="([^"]*)"', m.group(3)).group(1)
                in ids]
        if not comm:
            continue
        comm = comm[0]
        a, b = float(comm.group(4)), float(comm.group(5))
        moved = [m for m in rects if m.group(1) != "idle"
                 and b <= float(m.group(4)) <= float(late.group(4))]
        for m in moved:
            row = row.replace(m.group(0), rewrite(
                m, float(m.group(4)) - (b - a),
                float(m.group(5)) - (b - a), root))
        end = float(late.group(5)) - (b - a)
        return row.replace(comm.group(0), rewrite(comm, end, end + b - a,
                                                  root))
    return None


def main():
    mode, source, target = sys.argv[1:4]
    text = open(source, encoding="utf-8").read()
    root = tuple(float(re.search(r'data-%s="([^"]*)"' % name, text).group(1))
                 for name in ("plot-x", "plot-width", "time-span"))
    if mode == "script":
        text = text.replace("</svg>", "<script>alert(1)</script></svg>")
    elif mode == "href":
        text = text.replace("</svg>", '<image href="https://example.com/x.png"'
                            ' width="1" height="1"/></svg>')
    elif mode == "truncate":
        text = text[:len(text) // 2]
    elif mode == "step":
        m = re.search(r"predicted step: ([0-9.]+) s", text)
        text = text.replace(m.group(0), "predicted step: %.3f s"
                            % (float(m.group(1)) + 1))
    elif mode in ("overlap", "dependency"):
        rows = text.split('<g class="stage"')
        row = rows[1] if mode == "overlap" else rows[2]
        rects = list(RECT.finditer(row))
        if mode == "overlap":
            fwd = [m for m in rects if m.group(1) == "fwd"]
            first, second = fwd[0], fwd[1]
            start = float(first.group(4))
            end = start + float(second.group(5)) - float(second.group(4))
            row = row.replace(second.group(0),
                              rewrite(second, start, end, root))
        else:
            idle = [m for m in rects if m.group(1) == "idle"][0]
            fwd = [m for m in rects if m.group(1) == "fwd"][0]
            a, b = float(idle.group(4)), float(idle.group(5))
            c = float(fwd.group(5))
            assert b == float(fwd.group(4)), "the idle box is not before"
            row = row.replace(fwd.group(0), rewrite(fwd, a, a + c - b, root))
            row = row.replace(idle.group(0), rewrite(idle, a + c - b, c, root))
        rows[1 if mode == "overlap" else 2] = row
        text = '<g class="stage"'.join(rows)
    elif mode == "comm-late":
        rows = text.split('<g class="stage"')
        for i in range(1, len(rows)):
            row = comm_late(rows[i], root)
            if row is not None:
                rows[i] = row
                break
        else:
            sys.exit("no compute box waits for communication")
        text = '<g class="stage"'.join(rows)
    else:
        sys.exit("unknown mode " + mode)
    open(target, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
