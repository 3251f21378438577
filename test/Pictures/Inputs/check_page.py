#!/usr/bin/env python3
"""Checks that an --hspmd-draw page renders in headless Chromium.

Usage: check_page.py --chromium PATH [--ir PLACED.mlir] [--width PX]
                     [--no-screenshot] PAGE

1. The file itself (Python's HTML tokenizer): every element closed in order,
   self-closing syntax only on SVG elements and HTML void elements, no
   script, no event handler, nothing fetched (src, href, url(), @import);
   the elements counted (sections, panels, blocks, rectangles, labels).
2. The page as Chromium lays it out: a wrapper page in a temporary folder
   holds PAGE in an iframe and measures it with a script (the page itself
   stays script-free): the same counts in the DOM; every <svg> in the SVG
   namespace at the size its attributes give; every block's rectangles
   where their attributes put them, filled, stroked by the page's style;
   the front sheets of every panel (plain blocks and keepers) tiling one
   rectangle at the margin without overlapping, each hit first at its
   centre (nothing covers it); the sheets behind inside the panel; every
   label inside its block; every joiner ("and", "+") between two panels
   and on one line with the panel after it, to its right (no line ends
   with a joiner); every reshard's source and destination side by side
   (tops level) where their box holds both at their min-content widths
   and the gap, one below the other where it does not; nothing wider than
   the page; no console message.
3. A screenshot of the page's top: a PNG of the window's size, not one flat
   colour, showing the first panel's fill colours.

With --ir (the placed program, --hspmd-propagate's output), the number of
tensor and reshard sections must be the number of placed arguments and
hspmd.annotate ops, and of hspmd.reshard ops, in it.

Prints one summary line (with the joiners, the pictures whose panels wrap
and the reshards side by side and stacked); exits 1 after listing what
failed.
"""
import argparse
import html
import html.parser
import json
import os
import re
import signal
import struct
import subprocess
import sys
import tempfile
import zlib

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
SVG_TAGS = {"svg", "g", "rect", "text", "title", "line", "path", "polygon",
            "polyline", "circle", "ellipse", "tspan", "defs", "use"}

# What is counted, as CSS selectors (the wrapper's script uses the same).
COUNTED = {
    "section.tensor": ("section", {"tensor"}),
    "section.reshard": ("section", {"reshard"}),
    "section.device-classes": ("section", {"device-classes"}),
    "figure.panel": ("figure", {"panel"}),
    "svg": ("svg", set()),
    "g.block": ("g", {"block"}),
    "g.block.summand": ("g", {"block", "summand"}),
    "g.block.keeper": ("g", {"block", "keeper"}),
    "g.block rect": None,  # rect inside a block
    "text.label": ("text", {"label"}),
    "table.traffic": ("table", {"traffic"}),
    "pre.plan": ("pre", {"plan"}),
    "script": ("script", set()),
}

errors = []


def fail(msg):
    errors.append(msg)


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, classes, line)
        self.counts = {k: 0 for k in COUNTED}
        self.doctype = False
        self.placed_line = None

    def decl_ok(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                fail(f"line {line}: event handler {name} on <{tag}>")
            if name in ("src", "href", "xlink:href", "srcset", "action"):
                fail(f"line {line}: <{tag} {name}=...> fetches something")
            if name == "style" and value and "url(" in value:
                fail(f"line {line}: style with url() on <{tag}>")

    def count(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        for key, sel in COUNTED.items():
            if sel is None:
                if tag == "rect" and any(
                        t == "g" and "block" in c for t, c, _ in self.stack):
                    self.counts[key] += 1
            elif sel[0] == tag and sel[1] <= classes:
                self.counts[key] += 1
        return classes

    def in_svg(self):
        return any(t == "svg" for t, _, _ in self.stack)

    def handle_decl(self, decl):
        if decl.lower() == "doctype html":
            self.doctype = True

    def handle_starttag(self, tag, attrs):
        self.decl_ok(tag, attrs)
        classes = self.count(tag, attrs)
        if tag == "script":
            fail(f"line {self.getpos()[0]}: a <script> in the page")
        if tag not in VOID:
            self.stack.append((tag, classes, self.getpos()[0]))

    def handle_startendtag(self, tag, attrs):
        self.decl_ok(tag, attrs)
        self.count(tag, attrs)
        if tag not in VOID and not (self.in_svg() or tag == "svg"):
            fail(f"line {self.getpos()[0]}: <{tag}/> is not self-closing "
                 "in HTML (a browser leaves it open)")

    def handle_endtag(self, tag):
        line = self.getpos()[0]
        if tag in VOID:
            return
        if not self.stack:
            fail(f"line {line}: </{tag}> closes nothing")
            return
        top, _, opened = self.stack[-1]
        if top != tag:
            fail(f"line {line}: </{tag}> closes <{top}> opened at line "
                 f"{opened}")
            # Resynchronise on the nearest matching open element, if any.
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i][0] == tag:
                    del self.stack[i:]
                    return
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            if "url(" in data or "@import" in data:
                fail("the style sheet fetches something (url() or @import)")
        m = re.search(r"(\d+) placed tensors?", data)
        if m and self.stack and self.stack[-1][0] == "p" and \
                self.placed_line is None:
            self.placed_line = int(m.group(1))


def static_check(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    p = PageParser()
    p.feed(text)
    p.close()
    for tag, _, line in p.stack:
        fail(f"<{tag}> opened at line {line} is never closed")
    if not p.doctype:
        fail("no <!DOCTYPE html>")
    return p


def placed_in_ir(path):
    """(placed tensors, reshards) of a placed program: arguments carrying
    hspmd.sharding, hspmd.annotate and hspmd.reshard ops."""
    with open(path, encoding="utf-8") as f:
        ir = f.read()
    annotates = len(re.findall(r"=\s*hspmd\.annotate\b", ir))
    reshards = len(re.findall(r"=\s*hspmd\.reshard\b", ir))
    args = 0
    for m in re.finditer(r"func\.func\b[^\n]*", ir):
        header = m.group(0).split("->")[0]
        args += header.count("hspmd.sharding =")
    return annotates + reshards + args, reshards


def run_chromium(exe, args, timeout=120):
    """Runs headless Chromium; returns (stdout, stderr). A browser that
    hangs is killed with its whole process group and fails the check."""
    with tempfile.TemporaryDirectory(prefix="hspmd-chromium-") as profile:
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-dev-shm-usage", f"--user-data-dir={profile}",
               "--no-first-run", "--no-default-browser-check",
               "--disable-extensions", "--disable-breakpad",
               "--hide-scrollbars", "--enable-logging=stderr", "--v=0"] + args
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE,
                                start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            sys.exit(f"error: chromium did not finish in {timeout} s: "
                     + " ".join(cmd))
        if proc.returncode != 0:
            sys.exit(f"error: chromium exited with {proc.returncode}:\n"
                     + err.decode(errors="replace")[-3000:])
        return out.decode(errors="replace"), err.decode(errors="replace")


def console_messages(stderr):
    return [l for l in stderr.splitlines() if ":CONSOLE" in l]


# The wrapper's script. It measures the page in the iframe and writes a
# JSON object into <pre id="result">; an exception is written there too.
MEASURE = r"""
var out = document.getElementById('result');
function done(r) { out.textContent = JSON.stringify(r); }
window.onerror = function (m) { done({exception: String(m)}); };
var frame = document.getElementById('page');
frame.addEventListener('load', function () {
  try { measure(); } catch (e) { done({exception: String(e && e.stack || e)}); }
});
function near(a, b, eps) { return Math.abs(a - b) <= eps; }
function measure() {
  var d = frame.contentDocument;
  if (!d || !d.documentElement) { done({exception: 'no access to the page'}); return; }
  var errors = [];
  function err(m) { if (errors.length < 40) errors.push(m); }
  // Make the frame as tall as the page: every element is in its viewport,
  // so hit testing reaches it.
  frame.style.height = (d.documentElement.scrollHeight + 50) + 'px';
  var vw = d.documentElement.clientWidth, vh = d.documentElement.clientHeight;
  var counts = {};
  COUNTED.forEach(function (s) { counts[s] = d.querySelectorAll(s).length; });
  d.querySelectorAll('g.block').forEach(function (g, gi) {
    if (g.namespaceURI !== 'http://www.w3.org/2000/svg' || !g.ownerSVGElement)
      err('block ' + gi + ' [' + g.getAttribute('data-devices') + '] is not in an svg');
  });
  var svgs = d.querySelectorAll('svg');
  var rectsChecked = 0, hits = 0, labels = 0;
  var firstPanel = {fills: {}};
  var win = frame.contentWindow;
  svgs.forEach(function (svg, si) {
    var where = 'svg #' + si + ' (in ' + (svg.closest('section') || {}).id + ')';
    if (svg.namespaceURI !== 'http://www.w3.org/2000/svg' || !svg.getBBox) {
      err(where + ': not an SVG element'); return;
    }
    var sr = svg.getBoundingClientRect();
    var aw = parseFloat(svg.getAttribute('width')), ah = parseFloat(svg.getAttribute('height'));
    if (!(sr.width > 0 && sr.height > 0)) err(where + ': drawn empty');
    if (!near(sr.width, aw, 0.6) || !near(sr.height, ah, 0.6))
      err(where + ': laid out ' + sr.width + 'x' + sr.height + ', attributes say ' + aw + 'x' + ah);
    if (sr.right > vw + 0.5) err(where + ': right edge ' + sr.right + ' beyond the page width ' + vw);
    var cs = win.getComputedStyle(svg);
    if (cs.display === 'none' || cs.visibility !== 'visible') err(where + ': hidden');
    var front = [];
    svg.querySelectorAll('g.block').forEach(function (g, gi) {
      var gw = where + ' block ' + gi + ' [' + g.getAttribute('data-devices') + ']';
      if (g.parentNode !== svg) err(gw + ': not a child of its svg');
      var bb = g.getBBox();
      if (!(bb.width > 0 && bb.height > 0)) err(gw + ': empty bounding box');
      if (bb.x < -0.05 || bb.y < -0.05 || bb.x + bb.width > aw + 0.05 || bb.y + bb.height > ah + 0.05)
        err(gw + ': bounding box ' + [bb.x, bb.y, bb.width, bb.height] + ' outside its svg');
      var isFront = !g.classList.contains('summand') || g.classList.contains('keeper');
      var largest = null;
      g.querySelectorAll('rect').forEach(function (r) {
        rectsChecked++;
        var x = +r.getAttribute('x'), y = +r.getAttribute('y');
        var w = +r.getAttribute('width'), h = +r.getAttribute('height');
        var cr = r.getBoundingClientRect();
        // Strokes are not in the client rectangle of an SVG shape.
        if (!near(cr.left - sr.left, x, 0.6) || !near(cr.top - sr.top, y, 0.6) ||
            !near(cr.width, w, 0.6) || !near(cr.height, h, 0.6) || !(w > 0 && h > 0))
          err(gw + ': rect drawn at ' + [cr.left - sr.left, cr.top - sr.top, cr.width, cr.height] +
              ', attributes ' + [x, y, w, h]);
        var rs = win.getComputedStyle(r);
        if (rs.fill === 'none' || /rgba\(.*, 0\)/.test(rs.fill)) err(gw + ': rect not filled');
        if (rs.stroke !== 'rgb(51, 51, 51)') err(gw + ': rect stroke ' + rs.stroke + ', not the style sheet\'s');
        if (!largest || w * h > largest.w * largest.h) largest = {x: x, y: y, w: w, h: h};
        if (isFront && si === 0) {
          firstPanel.fills[rs.fill] = (firstPanel.fills[rs.fill] || 0) + w * h;
          firstPanel.top = sr.top; firstPanel.bottom = sr.bottom;
        }
        if (isFront) {
          front.push({x: x, y: y, w: w, h: h, g: g, name: gw});
          // The rect's centre, in the page's viewport: hit first by the
          // block (its rect or its label), nothing in front of it.
          var e = d.elementFromPoint(cr.left + cr.width / 2, cr.top + cr.height / 2);
          if (!e || e.closest('g.block') !== g)
            err(gw + ': its centre shows ' + (e ? e.tagName + '.' + e.getAttribute('class') : 'nothing'));
          else hits++;
        }
      });
      g.querySelectorAll('text.label').forEach(function (t) {
        labels++;
        var tb = t.getBBox();
        if (!(tb.width > 0 && tb.height > 0)) err(gw + ': label "' + t.textContent + '" not drawn');
        else if (!largest || tb.x < largest.x - 1 || tb.y < largest.y - 1 ||
                 tb.x + tb.width > largest.x + largest.w + 1 ||
                 tb.y + tb.height > largest.y + largest.h + 1)
          err(gw + ': label "' + t.textContent + '" ' + [tb.x, tb.y, tb.width, tb.height] +
              ' sticks out of its rect');
      });
    });
    // The front sheets tile one rectangle from the margin, without overlap.
    if (front.length) {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, area = 0;
      front.forEach(function (r) {
        x0 = Math.min(x0, r.x); y0 = Math.min(y0, r.y);
        x1 = Math.max(x1, r.x + r.w); y1 = Math.max(y1, r.y + r.h);
        area += r.w * r.h;
      });
      if (!near(x0, 2, 0.05) || !near(y0, 2, 0.05)) err(where + ': the front sheets start at ' + x0 + ',' + y0);
      var box = (x1 - x0) * (y1 - y0);
      if (Math.abs(area - box) > 0.5 * front.length + 0.01 * box)
        err(where + ': the front sheets cover ' + area + ' of their box ' + box);
      for (var i = 0; i < front.length && i < 600; i++)
        for (var j = i + 1; j < front.length && j < 600; j++) {
          var a = front[i], b = front[j];
          var ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
          var oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
          if (ox > 0.5 && oy > 0.5) err(a.name + ' overlaps ' + b.name);
        }
    }
  });
  // The joiners ("and", "+") between a picture's panels: each between two
  // panels in the document, on one line with the panel after it, to its
  // right: where the panels wrap, no joiner ends a line.
  var joins = 0, wrapped = 0;
  d.querySelectorAll('.picture').forEach(function (pic) {
    var where = 'picture in ' + (pic.closest('section') || {}).id;
    var items = pic.querySelectorAll('.join, figure.panel'), left = -Infinity, wraps = false;
    for (var i = 0; i < items.length; i++) {
      var e = items[i], er = e.getBoundingClientRect();
      if (!e.classList.contains('join')) {
        // A panel left of the one before it starts a new line.
        if (er.left < left) wraps = true;
        left = er.left;
        continue;
      }
      joins++;
      var jw = where + ': joiner #' + i + ' "' + e.textContent + '"';
      var prev = items[i - 1], next = items[i + 1];
      if (!prev || !prev.matches('figure.panel') || !next || !next.matches('figure.panel')) {
        err(jw + ': not between two panels'); continue;
      }
      var nr = next.getBoundingClientRect();
      if (!(er.width > 0 && er.height > 0)) err(jw + ': drawn empty');
      else if (nr.left < er.right - 0.5 || nr.top >= er.bottom || nr.bottom <= er.top)
        err(jw + ' at ' + [er.left, er.top, er.right, er.bottom] + ' ends its line: ' +
            'the panel after it is at ' + [nr.left, nr.top, nr.right, nr.bottom]);
    }
    if (wraps) wrapped++;
  });
  // A reshard's source and destination: side by side (tops level, the
  // destination right of the source) where the box holding them is wide
  // enough for both at their narrowest (min-content) and the gap between,
  // one below the other where it is not.
  var beside = 0, stacked = 0;
  d.querySelectorAll('section.reshard').forEach(function (s) {
    var src = s.querySelector('.side.source'), dst = s.querySelector('.side.destination');
    if (!src || !dst || src.parentNode !== dst.parentNode) {
      err(s.id + ': no source and destination sides in one box'); return;
    }
    var box = src.parentNode, br = box.getBoundingClientRect();
    var sr = src.getBoundingClientRect(), dr = dst.getBoundingClientRect();
    var gap = parseFloat(win.getComputedStyle(box).columnGap) || 0;
    function narrowest(e) {
      var old = e.style.cssText;
      e.style.flex = 'none'; e.style.width = 'min-content';
      e.style.minWidth = '0'; e.style.maxWidth = 'none';
      var w = e.getBoundingClientRect().width;
      e.style.cssText = old;
      return w;
    }
    var need = narrowest(src) + gap + narrowest(dst);
    if (need <= br.width + 0.5) {
      if (!near(dr.top, sr.top, 0.5) || dr.left < sr.right - 0.5)
        err(s.id + ': source at ' + [sr.left, sr.top, sr.width] + ' and destination at ' +
            [dr.left, dr.top, dr.width] + ' not side by side, though ' + need +
            ' px of the ' + br.width + ' px box hold both');
      else beside++;
    } else if (dr.top < sr.bottom - 0.5) {
      err(s.id + ': source and destination overlap, ' + need + ' px in a ' + br.width + ' px box');
    } else stacked++;
  });
  if (d.documentElement.scrollWidth > vw + 0.5)
    err('the page is ' + d.documentElement.scrollWidth + ' px wide in a ' + vw + ' px frame');
  d.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 0.5 && !e.closest('svg'))
      err('<' + e.tagName.toLowerCase() + ' class="' + (e.getAttribute('class') || '') +
          '"> overflows: right edge ' + r.right + ' > ' + vw);
  });
  done({counts: counts, errors: errors, width: vw, height: vh,
        rects: rectsChecked, hits: hits, labels: labels, firstPanel: firstPanel,
        joins: joins, wrapped: wrapped, beside: beside, stacked: stacked,
        scripts: d.scripts.length, title: d.title});
}
"""


def wrapper(page_name, width):
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            "<title>measure</title></head><body style=\"margin:0\">\n"
            "<pre id=\"result\">no result</pre>\n"
            f"<iframe id=\"page\" src=\"{html.escape(page_name)}\" "
            f"style=\"width:{width}px;height:1000px;border:0;display:block\">"
            "</iframe>\n<script>\nvar COUNTED = "
            + json.dumps([k for k in COUNTED]) + ";\n" + MEASURE
            + "</script>\n</body></html>\n")


def browser_check(exe, page, width, static):
    with tempfile.TemporaryDirectory(prefix="hspmd-page-") as tmp:
        with open(page, "rb") as f, open(os.path.join(tmp, "page.html"),
                                         "wb") as g:
            g.write(f.read())
        w = os.path.join(tmp, "wrapper.html")
        with open(w, "w", encoding="utf-8") as f:
            f.write(wrapper("page.html", width))
        dom, log = run_chromium(exe, [
            "--allow-file-access-from-files", "--virtual-time-budget=5000",
            f"--window-size={width + 100},1000", "--dump-dom",
            "--force-device-scale-factor=1",
            "file://" + w])
    for line in console_messages(log):
        fail("console: " + line)
    m = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    if not m:
        fail("the wrapper's result is missing from the dumped DOM")
        return None
    try:
        r = json.loads(html.unescape(m.group(1)))
    except ValueError:
        fail("no measurement from the browser: " + m.group(1)[:300])
        return None
    if "exception" in r:
        fail("the measuring script failed: " + r["exception"])
        return None
    for e in r["errors"]:
        fail(e)
    for key in COUNTED:
        if r["counts"].get(key) != static.counts[key]:
            fail(f"{key}: {r['counts'].get(key)} in the browser's DOM, "
                 f"{static.counts[key]} in the file")
    if r["hits"] == 0:
        fail("no block was hit")
    return r


def png_pixels(path):
    """(width, height, rows of RGB(A) tuples) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"error: {path} is not a PNG")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    width, height, depth, ctype, _, _, interlace = ihdr
    if depth != 8 or ctype not in (2, 6) or interlace:
        sys.exit(f"error: {path}: PNG kind {depth}/{ctype}/{interlace} "
                 "not read here")
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def screenshot_check(exe, page, width, height, measured):
    with tempfile.TemporaryDirectory(prefix="hspmd-shot-") as tmp:
        png = os.path.join(tmp, "page.png")
        _, log = run_chromium(exe, [
            f"--window-size={width},{height}", f"--screenshot={png}",
            "--force-device-scale-factor=1",
            "file://" + os.path.abspath(page)])
        for line in console_messages(log):
            fail("console: " + line)
        if not os.path.exists(png):
            fail("no screenshot written")
            return None
        w, h, bpp, rows = png_pixels(png)
    if (w, h) != (width, height):
        fail(f"screenshot is {w}x{h}, the window {width}x{height}")
    colours = {}  # pixels per RGB colour; the commonest is the background
    for row in rows:
        for i in range(0, len(row), bpp):
            px = row[i:i + 3]
            colours[px] = colours.get(px, 0) + 1
    background = max(colours.values())
    share = 1 - background / (w * h)
    if len(colours) < 8 or share < 0.05:
        fail(f"screenshot nearly flat: {len(colours)} colours, "
             f"{share:.1%} off the background")
    # The first panel's front sheets, if the window shows it: each fill
    # colour on at least half the area its rects take (borders and labels
    # cover some).
    first = measured.get("firstPanel", {}) if measured else {}
    if first.get("fills") and first["bottom"] <= height:
        for fill, area in sorted(first["fills"].items()):
            m = re.fullmatch(r"rgb\((\d+), (\d+), (\d+)\)", fill)
            if not m:
                fail(f"the first panel's fill {fill} is not an rgb() colour")
                continue
            rgb = bytes(int(v) for v in m.groups())
            if colours.get(rgb, 0) < area / 2:
                fail(f"screenshot: the first panel's fill {fill} covers "
                     f"{colours.get(rgb, 0)} pixels, its rects {area:.0f}")
    elif first.get("fills"):
        fail("the first panel is not in the screenshot's window")
    return {"size": (w, h), "colours": len(colours), "share": share}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chromium", required=True)
    ap.add_argument("--ir", help="the placed program drawn")
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--no-screenshot", action="store_true",
                    help="skip step 3")
    ap.add_argument("page")
    a = ap.parse_args()

    static = static_check(a.page)
    c = static.counts
    sections = c["section.tensor"] + c["section.reshard"]
    if static.placed_line != sections:
        fail(f"the page says {static.placed_line} placed tensors, it has "
             f"{sections} sections")
    if c["section.device-classes"] != 1:
        fail(f"{c['section.device-classes']} device-classes sections")
    if a.ir:
        placed, reshards = placed_in_ir(a.ir)
        if (sections, c["section.reshard"]) != (placed, reshards):
            fail(f"{sections} sections ({c['section.reshard']} reshards); "
                 f"the program places {placed} ({reshards} reshards)")
    r = browser_check(a.chromium, a.page, a.width, static)
    s = None if a.no_screenshot else screenshot_check(
        a.chromium, a.page, a.width, 1000, r)

    if errors:
        for e in errors[:60]:
            print("error: " + e)
        if len(errors) > 60:
            print(f"error: ... and {len(errors) - 60} more")
        sys.exit(1)
    print(f"rendered: {c['section.tensor']} tensors, {c['section.reshard']} "
          f"reshards, {c['svg']} panels, {c['g.block']} blocks "
          f"({c['g.block.summand']} summand sheets, {c['g.block.keeper']} "
          f"keepers), {r['rects']} rects, {r['hits']} hit, {r['labels']} "
          f"labels; {r['joins']} joiners ({r['wrapped']} pictures "
          f"wrapped); reshards {r['beside']} side by side, {r['stacked']} "
          f"stacked" + (f"; screenshot {s['colours']} colours" if s else ""))


if __name__ == "__main__":
    main()
