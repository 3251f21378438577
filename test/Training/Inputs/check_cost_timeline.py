#!/usr/bin/env python3
"""Checks a program's timeline written by `--hspmd-cost-report=timeline=FILE`.

Usage: check_cost_timeline.py FILE.svg

Prints "ok: ..." with what it counted, then how the step with dependencies
compares with the rows' summed times, and exits 0; or prints one line
"error: ..." per violation (the first 20) and exits 1. Standard library
only; what it shares with check_timeline.py (well-formed, self-contained,
boxes drawn where their times say, rows that tile the step, the latest end
is the step) is imported from there.

What it checks (docs/CostModel.md, "A program's timeline"):
- the file is well-formed XML, its root an <svg> with a viewBox
  "0 0 width height", and it is self-contained;
- the title's "predicted step with dependencies: X s" is the root's
  data-step-seconds as the report prints it (%.3e), and the latest end of
  any box is that step;
- per row (<g class="stage">): its boxes (compute, comm, idle) do not
  overlap and tile [0, step]; each is drawn where its times say; the row's
  data-end is the end of its last compute or comm box;
- dependencies: every compute and comm box names in data-after the events
  it waited for, as ID@DEVICE; each must be a box (data-id ID on the row
  whose data-devices holds DEVICE) that ends no later than this one starts;
  a compute box starts as soon as it may: at the latest end of those and
  of the box before it on its row (or at 0);
- the step is not below any row's summed time (data-summed).
"""

import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_timeline import (SVG, check_tiles, classes,  # noqa: E402
                            describe, finish, number, open_timeline)

LANE = {"compute", "comm", "idle"}


def devices_of(text):
    """The devices of "0-3,8" as a list."""
    out = []
    for part in (text or "").split(","):
        part = part.strip()
        if part:
            first, _, last = part.partition("-")
            out += list(range(int(first), int(last or first) + 1))
    return out


def check_title(root, step, c):
    titles = [t for t in root.iter(SVG + "text") if "title" in classes(t)]
    if len(titles) != 1:
        c.error("%d title texts, expected 1" % len(titles))
        return
    m = re.search(r"predicted step with dependencies: ([-+0-9.e]+) s",
                  titles[0].text or "")
    if not m:
        c.error("the title %r gives no step with dependencies"
                % titles[0].text)
    elif "%.3e" % step != m.group(1):
        c.error("the title says %s s, the step is %.12g s" % (m.group(1),
                                                               step))


def check_dependencies(lanes, boxes, tol, c):
    """Returns how many dependencies there are, and how many of them are a
    compute box waiting for communication."""
    dependencies = waits = 0
    for lane in lanes:
        previous = 0.0
        for start, end, r in lane:
            cls = classes(r)
            if "idle" in cls:
                continue
            earliest = previous
            for dep in r.get("data-after", "").split():
                name, _, device = dep.partition("@")
                found = boxes.get((int(device or -1), name))
                if not found:
                    c.error("%s waits for %s, which is no box"
                            % (describe(r), dep))
                    continue
                dependencies += 1
                earliest = max(earliest, found[1])
                if start < found[1] - tol:
                    c.error("dependency: %s %s starts at %.12g, before %s "
                            "ends (%.12g)" % (describe(r), r.get("data-id"),
                                              start, dep, found[1]))
                elif "compute" in cls and "comm" in found[2]:
                    waits += 1
            if "compute" in cls and abs(start - earliest) > tol:
                c.error("%s %s starts at %.12g, not as soon as it may "
                        "(%.12g)" % (describe(r), r.get("data-id"), start,
                                     earliest))
            previous = end
    return dependencies, waits


def main():
    opened = open_timeline(sys.argv, "check_cost_timeline.py")
    if isinstance(opened, int):
        return opened
    c, root, scale = opened
    step = scale.step
    tol = 1e-9 * max(step, 1e-30)
    check_title(root, step, c)

    rows = [g for g in root.iter(SVG + "g") if "stage" in classes(g)]
    if not rows:
        c.error("no stage rows")
    boxes = {}  # (device, id) -> (start, end, classes)
    lanes = []  # per row: [(start, end, rect)], in start order
    latest = 0.0
    counts = {}
    for row in rows:
        lane = []
        busy_end = 0.0
        for r in row.iter(SVG + "rect"):
            cls = classes(r)
            if not cls & LANE:
                c.error("%s is not a compute, comm or idle box"
                        % describe(r))
                continue
            for name in cls:
                counts[name] = counts.get(name, 0) + 1
            start, end = scale.check_box(r, c)
            latest = max(latest, end)
            lane.append((start, end, r))
            if "idle" in cls:
                continue
            busy_end = max(busy_end, end)
            for d in devices_of(row.get("data-devices")):
                boxes[(d, r.get("data-id"))] = (start, end, cls)
        check_tiles(lane, row, step, tol, c)
        if abs(number(row, "data-end", c) - busy_end) > tol:
            c.error("%s: data-end is %s, its last box ends at %.12g"
                    % (describe(row), row.get("data-end"), busy_end))
        lanes.append(lane)
    dependencies, waits = check_dependencies(lanes, boxes, tol, c)
    summed = [number(row, "data-summed", c) for row in rows] or [0.0]
    if step < max(summed) - tol:
        c.error("the step with dependencies %.12g is less than a row's "
                "summed time %.12g" % (step, max(summed)))
    if finish(c, latest, step, tol):
        return 1

    print("ok: %d rows, %d compute, %d comm, %d idle, %d dependencies, %d "
          "compute after communication; step %.3e s"
          % (len(rows), counts.get("compute", 0), counts.get("comm", 0),
             counts.get("idle", 0), dependencies, waits, step))
    if abs(step - max(summed)) <= tol:
        print("step with dependencies = the largest summed time of a row")
    elif all(step > s + tol for s in summed):
        print("step with dependencies > every row's summed time")
    else:
        print("step with dependencies > some row's summed time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
