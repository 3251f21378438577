#!/usr/bin/env python3
"""Checks a training-plan timeline written by `hspmd-plan --timeline`.

Usage: check_timeline.py FILE.svg

Prints "ok: ..." with what it counted and exits 0, or prints one line
"error: ..." per violation (the first 20) and exits 1. Standard library only.

What it checks (docs/CostModel.md, "Timelines"):
- the file is well-formed XML, its root an <svg> with width, height and a
  viewBox "0 0 width height";
- it is self-contained: no <script>, <foreignObject>, <iframe>, <image>,
  <use> or <a>, no on* event attributes, no href but to "#...", no url()
  but to "#...", no http(s) address but the SVG namespace;
- the title's "predicted step: X s" is the root's data-step-seconds,
  rounded to milliseconds, and the latest end of any box is that step;
- per stage row: the boxes of the main lane (fwd, bwd, chunk-send, dp,
  optimizer, idle) do not overlap and tile [0, step] exactly; every box is
  drawn where its data-start and data-end say; every recompute box lies at
  the start of the backward of its micro-batch (and chunk); there is one
  fwd and one bwd box per micro-batch and virtual stage; the passes run in
  1F1B order (min(p - k - 1, m) forwards first, then one forward and one
  backward in turn);
- across the rows of a pipeline without virtual stages, the 1F1B
  dependencies: the forward of micro-batch i on stage k starts after the
  forward of i on stage k - 1 ended and its activation arrived (the send
  box), the backward of i on stage k after the backward of i on stage
  k + 1 ended and its gradient arrived, and on the last stage after the
  forward of i. With virtual stages the model divides each stage's idle
  time instead of simulating the interleaved order, so these are not
  checked there.
"""

import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
MAIN_LANE = {"fwd", "bwd", "chunk-send", "dp", "optimizer", "idle"}
FORBIDDEN = {"script", "foreignObject", "iframe", "image", "use", "a"}


class Checker:
    def __init__(self):
        self.errors = []

    def error(self, message):
        self.errors.append(message)


def local(tag):
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


def classes(element):
    return set(element.get("class", "").split())


def number(element, name, checker):
    value = element.get(name)
    try:
        return float(value)
    except (TypeError, ValueError):
        checker.error("%s: attribute %s is %r, not a number"
                      % (describe(element), name, value))
        return 0.0


def describe(element):
    attrs = " ".join('%s="%s"' % (k, v) for k, v in element.attrib.items()
                     if k in ("class", "data-stage", "data-pipeline",
                              "data-mb", "data-chunk", "data-start"))
    return "<%s %s>" % (local(element.tag), attrs)


def check_self_contained(text, root, c):
    if re.search(r"<\s*script", text, re.IGNORECASE):
        c.error("the file contains a <script>")
    for address in re.findall(r"https?://[^\s\"'<>)]*", text):
        if address != "http://www.w3.org/2000/svg":
            c.error("the file refers to %s" % address)
    for element in root.iter():
        name = local(element.tag)
        if name in FORBIDDEN:
            c.error("the file contains a <%s> element" % name)
        for key, value in element.attrib.items():
            key = local(key)
            if key.lower().startswith("on"):
                c.error("%s has the event attribute %s" % (describe(element),
                                                          key))
            if key == "href" and not value.startswith("#"):
                c.error("%s refers to %s" % (describe(element), value))
        for value in list(element.attrib.values()) + [element.text or ""]:
            for target in re.findall(r"url\(\s*([^)]*)\)", value):
                if not target.strip("'\" ").startswith("#"):
                    c.error("%s refers to url(%s)" % (describe(element),
                                                     target))
            if "@import" in value:
                c.error("%s imports a style sheet" % describe(element))


def load(path):
    """The file's text and root, or None after printing why it is not a
    well-formed XML file."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return text, ET.fromstring(text)
    except (OSError, UnicodeDecodeError, ET.ParseError) as e:
        print("error: not a well-formed XML file: %s" % e)
        return None


class Scale:
    """The root's checks (an SVG root, self-contained, a viewBox that
    matches its size) and how its times map to x."""

    def __init__(self, text, root, c):
        if root.tag != SVG + "svg":
            c.error("the root is <%s>, not an SVG <svg>" % root.tag)
        check_self_contained(text, root, c)
        width = number(root, "width", c)
        height = number(root, "height", c)
        view_box = root.get("viewBox", "").split()
        if len(view_box) != 4 or [float(v) for v in view_box] != [
                0, 0, width, height]:
            c.error("viewBox %r is not '0 0 %g %g'" % (root.get("viewBox"),
                                                     width, height))
        self.step = number(root, "data-step-seconds", c)
        self.span = number(root, "data-time-span", c)
        self.plot_x = number(root, "data-plot-x", c)
        self.plot_width = number(root, "data-plot-width", c)

    def check_box(self, r, c):
        """The box's times, after checking that it is drawn where they
        say and does not end before it starts."""
        start = number(r, "data-start", c)
        end = number(r, "data-end", c)
        if end < start:
            c.error("%s ends before it starts" % describe(r))
        x = self.plot_x + start / self.span * self.plot_width
        w = (end - start) / self.span * self.plot_width
        if abs(number(r, "x", c) - x) > 0.011 or abs(
                number(r, "width", c) - w) > 0.011 + 0.01:
            c.error("%s is drawn at x=%s width=%s, its times give "
                    "x=%.2f width=%.2f" % (describe(r), r.get("x"),
                                           r.get("width"), x, w))
        return start, end


def check_tiles(lane, row, step, tol, c):
    """The boxes of a lane, (start, end, rect): no overlap, and with the
    idle boxes they tile [0, step]."""
    lane.sort(key=lambda t: (t[0], t[1]))
    cursor = 0.0
    for start, end, r in lane:
        if start < cursor - tol:
            c.error("%s overlaps the box before it on its row (it "
                    "starts at %.12g, that one ends at %.12g)"
                    % (describe(r), start, cursor))
        elif start > cursor + tol:
            c.error("%s leaves a gap on its row from %.12g that no "
                    "idle box fills" % (describe(r), cursor))
        cursor = max(cursor, end)
    if abs(cursor - step) > tol:
        c.error("%s: its row ends at %.12g, the step at %.12g"
                % (describe(row), cursor, step))


def finish(c, latest, step, tol):
    """Checks that the latest end is the step; prints the errors and
    returns 1 if there are any, else returns 0 (the caller prints ok)."""
    if abs(latest - step) > tol:
        c.error("the latest box ends at %.12g, the step is %.12g"
                % (latest, step))
    if not c.errors:
        return 0
    for e in c.errors[:20]:
        print("error: " + e)
    if len(c.errors) > 20:
        print("error: ... and %d more" % (len(c.errors) - 20))
    return 1


def one_f_one_b(stage, stages, micro_batches):
    """The pass order of Pipeline.cpp's oneFOneBOrder."""
    warmup = min(stages - stage - 1, micro_batches)
    order = [("fwd", i) for i in range(warmup)]
    for j in range(micro_batches - warmup):
        order += [("fwd", warmup + j), ("bwd", j)]
    order += [("bwd", i) for i in range(micro_batches - warmup, micro_batches)]
    return order


def open_timeline(argv, name):
    """(checker, root, scale) of the file named on the command line, or the
    exit status when there is none or it does not load."""
    if len(argv) != 2:
        print("usage: %s FILE.svg" % name)
        return 2
    c = Checker()
    loaded = load(argv[1])
    if not loaded:
        return 1
    text, root = loaded
    return c, root, Scale(text, root, c)


def main():
    opened = open_timeline(sys.argv, "check_timeline.py")
    if isinstance(opened, int):
        return opened
    c, root, scale = opened
    step = scale.step
    tol = 1e-9 * max(step, 1e-9)

    titles = [t for t in root.iter(SVG + "text") if "title" in classes(t)]
    if len(titles) != 1:
        c.error("%d title texts, expected 1" % len(titles))
    else:
        m = re.search(r"predicted step: ([0-9.]+) s", titles[0].text or "")
        if not m:
            c.error("the title %r gives no predicted step" % titles[0].text)
        elif abs(float(m.group(1)) - step) > 0.0005 + 1e-9:
            c.error("the title says %s s, the step is %.12g s"
                    % (m.group(1), step))
        elif "%.3f" % step != m.group(1):
            c.error("the title says %s s, the step rounds to %.3f s"
                    % (m.group(1), step))

    counts = {}
    latest = 0.0
    rows = 0
    for block in root.iter(SVG + "g"):
        if "pipeline" not in classes(block):
            continue
        stages = [g for g in block.findall(SVG + "g") if "stage" in
                  classes(g)]
        p = len(stages)
        if p != int(number(block, "data-stages", c)):
            c.error("%s has %d stage rows, data-stages says %s"
                    % (describe(block), p, block.get("data-stages")))
        passes = []  # per stage: {(kind, mb, chunk): (start, end)}
        sends = []  # per stage: {(mb, peer): (start, end)}
        virtual = 1
        for k, row in enumerate(stages):
            rows += 1
            if int(number(row, "data-stage", c)) != k:
                c.error("%s is row %d of its pipeline" % (describe(row), k))
            m = int(number(row, "data-micro-batches", c))
            v = int(number(row, "data-virtual-stages", c))
            virtual = max(virtual, v)
            lane, recompute, mine, out = [], [], {}, {}
            for r in row.iter(SVG + "rect"):
                cls = classes(r)
                start, end = scale.check_box(r, c)
                latest = max(latest, end)
                for name in cls:
                    counts[name] = counts.get(name, 0) + 1
                mb = int(r.get("data-mb", "-1"))
                chunk = int(r.get("data-chunk", "0"))
                if cls & MAIN_LANE:
                    lane.append((start, end, r))
                if cls & {"fwd", "bwd"}:
                    kind = "fwd" if "fwd" in cls else "bwd"
                    if (kind, mb, chunk) in mine:
                        c.error("%s is drawn twice" % describe(r))
                    mine[(kind, mb, chunk)] = (start, end)
                elif "recompute" in cls:
                    recompute.append((start, end, mb, chunk, r))
                elif "send" in cls:
                    out[(mb, int(r.get("data-peer", "-1")))] = (start, end)
            check_tiles(lane, row, step, tol, c)
            for start, end, mb, chunk, r in recompute:
                b = mine.get(("bwd", mb, chunk))
                if not b or abs(start - b[0]) > tol or end > b[1] + tol:
                    c.error("%s is not at the start of the backward of its "
                            "micro-batch" % describe(r))
            for kind in ("fwd", "bwd"):
                got = sorted(key[1:] for key in mine if key[0] == kind)
                want = [(i, j) for i in range(m) for j in range(v)]
                if got != want:
                    c.error("%s has %d %s boxes, expected one per "
                            "micro-batch and virtual stage (%d x %d)"
                            % (describe(row), len(got), kind, m, v))
            # 1F1B order: the passes by start, a pass's chunks as one.
            order = []
            for key, (start, end) in sorted(mine.items(),
                                            key=lambda t: t[1][0]):
                if not order or order[-1] != key[:2]:
                    order.append(key[:2])
            if order != one_f_one_b(k, p, m):
                c.error("%s does not run its passes in 1F1B order"
                        % describe(row))
            passes.append(mine)
            sends.append(out)

        if virtual > 1:
            continue
        # The 1F1B dependencies between neighbouring stages.
        for k in range(p):
            m = len([key for key in passes[k] if key[0] == "fwd"])
            for i in range(m):
                f = passes[k].get(("fwd", i, 0))
                b = passes[k].get(("bwd", i, 0))
                if not f or not b:
                    continue
                if k > 0:
                    up = passes[k - 1].get(("fwd", i, 0))
                    arrive = sends[k - 1].get((i, k), (0, up[1] if up else 0))
                    if up and f[0] < max(up[1], arrive[1]) - tol:
                        c.error("dependency: the forward of micro-batch %d on "
                                "stage %d starts at %.12g, before the forward "
                                "on stage %d and its send end (%.12g)"
                                % (i, k, f[0], k - 1, max(up[1], arrive[1])))
                if k + 1 < p:
                    down = passes[k + 1].get(("bwd", i, 0))
                    arrive = sends[k + 1].get((i, k),
                                              (0, down[1] if down else 0))
                    if down and b[0] < max(down[1], arrive[1]) - tol:
                        c.error("dependency: the backward of micro-batch %d "
                                "on stage %d starts at %.12g, before the "
                                "backward on stage %d and its send end "
                                "(%.12g)" % (i, k, b[0], k + 1,
                                             max(down[1], arrive[1])))
                elif b[0] < f[1] - tol:
                    c.error("dependency: the backward of micro-batch %d on "
                            "the last stage starts before its forward ends"
                            % i)

    if rows == 0:
        c.error("no stage rows")
    if finish(c, latest, step, tol):
        return 1
    print("ok: %d stage rows, %d fwd, %d bwd, %d recompute, %d send, "
          "%d chunk-send, %d dp, %d optimizer, %d idle; step %.3f s"
          % (rows, counts.get("fwd", 0), counts.get("bwd", 0),
             counts.get("recompute", 0), counts.get("send", 0),
             counts.get("chunk-send", 0), counts.get("dp", 0),
             counts.get("optimizer", 0), counts.get("idle", 0), step))
    return 0


if __name__ == "__main__":
    sys.exit(main())
