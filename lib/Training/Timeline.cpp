//===- Timeline.cpp - A training plan's schedule as a picture -------------===//

#include "hspmd/Training/Timeline.h"

#include "hspmd/Training/Specs.h"
#include "hspmd/Training/TrainingPlanner.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>

using namespace hspmd;
using namespace hspmd::training;

std::string hspmd::training::xmlEscape(llvm::StringRef text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&apos;";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' &&
          c != '\r')
        out += '?';
      else
        out += c;
    }
  }
  return out;
}

llvm::StringRef hspmd::training::timelineClass(TimelineKind kind) {
  switch (kind) {
  case TimelineKind::Forward:
    return "fwd";
  case TimelineKind::Backward:
    return "bwd";
  case TimelineKind::Recompute:
    return "recompute";
  case TimelineKind::Send:
    return "comm send";
  case TimelineKind::ChunkSend:
    return "comm chunk-send";
  case TimelineKind::GradSync:
    return "comm dp";
  case TimelineKind::Optimizer:
    return "optimizer";
  }
  return "";
}

namespace {

/// What the legend says of each class, and its colour; the style sheet and
/// the legend both come from a table of these.
struct Look {
  const char *cls;    // the CSS class that is specific to it
  const char *fill;   // its colour
  const char *legend; // its legend entry
};

const Look kLooks[] = {
    {"fwd", "#4e79a7", "forward"},
    {"bwd", "#f28e2b", "backward"},
    {"recompute", "url(#hatch)", "recomputation (in the backward)"},
    {"chunk-send", "#76b7b2", "send between virtual stages"},
    {"send", "#59a14f", "pipeline send (thin lane)"},
    {"dp", "#e15759", "DP gradient reduction"},
    {"optimizer", "#b07aa1", "optimizer step"},
    {"idle", "#e6e6e6", "idle"},
};

/// The classes of a program's schedule (writeScheduleSvg).
const Look kScheduleLooks[] = {
    {"compute", "#4e79a7", "compute (an op)"},
    {"all_reduce", "#e15759", "all-reduce"},
    {"all_gather", "#f28e2b", "all-gather"},
    {"reduce_scatter", "#b07aa1", "reduce-scatter"},
    {"all_to_all", "#76b7b2", "all-to-all"},
    {"send_recv", "#59a14f", "send/receive"},
    {"idle", "#e6e6e6", "idle (waiting)"},
};

/// The look in `looks` of a box's class ("comm send" is styled as "send").
const Look &lookIn(llvm::ArrayRef<Look> looks, llvm::StringRef cls) {
  llvm::StringRef last = cls.rsplit(' ').second;
  if (last.empty())
    last = cls;
  for (const Look &l : looks)
    if (last == l.cls)
      return l;
  return looks.front();
}

std::string px(double v) { return llvm::formatv("{0:F2}", v).str(); }

/// Times in data- attributes: 12 significant digits, enough for a checker
/// to compare ends and starts.
std::string seconds(double v) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << llvm::format("%.12g", v);
  return s;
}

/// `text` cut to `chars` characters with an ellipsis (on a UTF-8 boundary).
std::string clip(const std::string &text, size_t chars) {
  if (text.size() <= chars)
    return text;
  size_t cut = chars - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return text.substr(0, cut) + "\u2026";
}

/// A tick step of 1, 2 or 5 times a power of ten giving at most about
/// `ticks` ticks over `span`.
double tickStep(double span, int ticks) {
  double raw = span / ticks;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw)
      return m * power;
  return 10 * power;
}

// Layout, in pixels.
constexpr double kMargin = 12, kLabelWidth = 300, kRightMargin = 24;
constexpr double kLaneHeight = 20, kLinkGap = 3, kLinkHeight = 6;
constexpr double kRowPitch = 36, kBlockHeader = 20, kBlockGap = 10;
constexpr double kLegendRow = 18;

/// Where times go: [0, total] onto the plot, right of the row labels.
struct Scale {
  double width, plotX, plotWidth, total;
  Scale(double requestedWidth, double total)
      : width(std::max(480.0, requestedWidth)), plotX(kMargin + kLabelWidth),
        plotWidth(width - plotX - kRightMargin), total(total > 0 ? total : 1) {}
  double x(double t) const { return plotX + t / total * plotWidth; }
};

/// The heights above the rows: the title, the notes, the axis.
struct Header {
  double titleY;
  std::vector<double> noteY;
  double tickLabelY, axisY, rowsTop;
  explicit Header(size_t notes) {
    double y = kMargin + 16;
    titleY = y;
    y += 6;
    for (size_t i = 0; i < notes; ++i)
      noteY.push_back(y += 15);
    tickLabelY = y += 22;
    axisY = y += 5;
    rowsTop = y += 6;
  }
};

/// The legend, laid out in rows that fit the width under the rows.
struct Legend {
  struct Item {
    const Look *look;
    double x, y;
  };
  std::vector<Item> items;
  double bottom; // the picture's height

  Legend(llvm::ArrayRef<Look> looks, const std::vector<bool> &shown,
         double width, double rowsBottom) {
    double lx = kMargin, ly = rowsBottom + 8;
    for (size_t i = 0; i < looks.size(); ++i) {
      if (!shown[i])
        continue;
      double w = 22 + 6.2 * std::string(looks[i].legend).size() + 18;
      if (lx + w > width - kRightMargin && lx > kMargin) {
        lx = kMargin;
        ly += kLegendRow;
      }
      items.push_back({&looks[i], lx, ly});
      lx += w;
    }
    bottom = ly + kLegendRow + kMargin;
  }

  void write(llvm::raw_ostream &os) const {
    os << "<g class=\"legend\">\n";
    for (const Item &item : items)
      os << llvm::formatv(
          "<rect class=\"swatch\" x=\"{0}\" y=\"{1}\" width=\"16\" "
          "height=\"10\" style=\"fill:{2}\"/><text class=\"legend-label\" "
          "x=\"{3}\" y=\"{4}\">{5}</text>\n",
          px(item.x), px(item.y), item.look->fill, px(item.x + 22),
          px(item.y + 9), xmlEscape(item.look->legend));
    os << "</g>\n</svg>\n";
  }
};

/// The document's start: the XML declaration, the <svg> root with `attrs`
/// (pre-formatted, each with its leading space) and its <title>.
void openSvg(llvm::raw_ostream &os, const Scale &scale, double height,
             llvm::StringRef attrs, llvm::StringRef title) {
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  os << llvm::formatv(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" "
      "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" "
      "font-size=\"11\"{2}>\n",
      px(scale.width), px(height), attrs);
  os << "<title>" << xmlEscape(title) << "</title>\n";
}

/// The inline style sheet: `rules`, then each look's fill.
void writeStyle(llvm::raw_ostream &os, llvm::StringRef rules,
                llvm::ArrayRef<Look> looks) {
  os << "<style>\n" << rules;
  for (const Look &l : looks)
    os << "." << l.cls << "{fill:" << l.fill << "}\n";
  os << "</style>\n";
}

/// The title and the note lines under it.
void writeTitle(llvm::raw_ostream &os, const Header &header,
                llvm::StringRef title, llvm::ArrayRef<std::string> notes) {
  os << llvm::formatv("<text class=\"title\" x=\"{0}\" y=\"{1}\">{2}</text>\n",
                      px(kMargin), px(header.titleY), xmlEscape(title));
  for (size_t i = 0; i < notes.size(); ++i)
    os << llvm::formatv("<text class=\"note\" x=\"{0}\" y=\"{1}\">{2}</text>\n",
                        px(kMargin), px(header.noteY[i]), xmlEscape(notes[i]));
}

/// The time axis: seconds, or milliseconds for spans under a second (and
/// microseconds under a millisecond); grid lines down to `rowsBottom` and
/// a dashed line at `stepSeconds`.
void writeAxis(llvm::raw_ostream &os, const Scale &scale, const Header &header,
               double rowsBottom, double stepSeconds) {
  double total = scale.total;
  bool ms = total < 1, us = total < 1e-3;
  double unit = us ? 1e-6 : ms ? 1e-3 : 1;
  const char *unitName = us ? "\u00b5s" : ms ? "ms" : "s";
  double step = tickStep(total / unit, 10) * unit;
  int decimals = std::max(
      0, -static_cast<int>(std::floor(std::log10(step / unit) + 1e-9)));
  os << "<g class=\"axis\">\n";
  os << llvm::formatv("<line class=\"axis-line\" x1=\"{0}\" y1=\"{1}\" "
                      "x2=\"{2}\" y2=\"{1}\"/>\n",
                      px(scale.plotX), px(header.axisY),
                      px(scale.plotX + scale.plotWidth));
  for (int64_t i = 0;; ++i) {
    double t = i * step;
    if (t > total * (1 + 1e-9))
      break;
    os << llvm::formatv(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>"
        "<text class=\"tick-label\" x=\"{0}\" y=\"{3}\" "
        "text-anchor=\"middle\" data-seconds=\"{4}\">{5} {6}</text>\n",
        px(scale.x(t)), px(header.axisY), px(rowsBottom), px(header.tickLabelY),
        seconds(t),
        llvm::formatv("{0}", llvm::format("%.*f", decimals, t / unit)).str(),
        unitName);
  }
  os << llvm::formatv("<line class=\"step-end\" x1=\"{0}\" y1=\"{1}\" "
                      "x2=\"{0}\" y2=\"{2}\" data-seconds=\"{3}\"/>\n",
                      px(scale.x(stepSeconds)), px(header.axisY - 4),
                      px(rowsBottom), seconds(stepSeconds));
  os << "</g>\n";
}

/// A box: its class, where it is drawn, `attrs` (pre-formatted, each with
/// its leading space), its times and, if any, a tooltip.
void writeBox(llvm::raw_ostream &os, const Scale &scale, llvm::StringRef cls,
              double start, double end, double top, double h,
              llvm::StringRef attrs = "", llvm::StringRef tooltip = "") {
  os << llvm::formatv("<rect class=\"{0}\" x=\"{1}\" y=\"{2}\" "
                      "width=\"{3}\" height=\"{4}\"",
                      cls, px(scale.x(start)), px(top),
                      px(std::max(0.0, scale.x(end) - scale.x(start))), px(h));
  os << attrs << " data-start=\"" << seconds(start) << "\" data-end=\""
     << seconds(end) << "\"";
  if (tooltip.empty())
    os << "/>\n";
  else
    os << "><title>" << xmlEscape(tooltip) << "</title></rect>\n";
}

/// Idle boxes for what `busy` (intervals in start order) leaves of the
/// lane [0, total] at height `top`.
void writeIdle(llvm::raw_ostream &os, const Scale &scale,
               llvm::ArrayRef<std::pair<double, double>> busy, double top) {
  double eps = scale.total * 1e-12;
  double cursor = 0;
  for (auto [start, end] : busy) {
    if (start > cursor + eps)
      writeBox(os, scale, "idle", cursor, start, top, kLaneHeight);
    cursor = std::max(cursor, end);
  }
  if (scale.total > cursor + eps)
    writeBox(os, scale, "idle", cursor, scale.total, top, kLaneHeight);
}

/// A row's label: two lines left of the lane.
void writeRowLabel(llvm::raw_ostream &os, double y, const std::string &line1,
                   const std::string &line2) {
  os << llvm::formatv(
      "<text class=\"stage-label\" x=\"{0}\" y=\"{1}\">{2}</text>\n"
      "<text class=\"stage-label\" x=\"{0}\" y=\"{3}\">{4}</text>\n",
      px(kMargin + 8), px(y + 10), xmlEscape(clip(line1, 48)), px(y + 22),
      xmlEscape(clip(line2, 48)));
}

bool onComputeLane(TimelineKind k) {
  return k != TimelineKind::Send && k != TimelineKind::Recompute;
}

/// A block of rows: the pipelines whose events are the same.
struct Block {
  std::vector<int64_t> pipelines;
  /// [stage] the events of the first pipeline's stage, in time order.
  std::vector<std::vector<const TimelineEvent *>> stages;
};

bool sameEvents(const std::vector<const TimelineEvent *> &a,
                const std::vector<const TimelineEvent *> &b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const TimelineEvent &x = *a[i], &y = *b[i];
    if (x.kind != y.kind || x.stage != y.stage ||
        x.microBatch != y.microBatch || x.chunk != y.chunk ||
        x.peer != y.peer || x.start != y.start || x.end != y.end)
      return false;
  }
  return true;
}

/// The kinds of a stage's devices, in device order, joined with '+'.
std::string kindsOf(const Cluster &cluster, const StagePlan &stage) {
  std::vector<std::string> names;
  for (int64_t d : stage.devices) {
    const std::string &n = cluster.kindOf(d).name;
    if (std::find(names.begin(), names.end(), n) == names.end())
      names.push_back(n);
  }
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : "+") + n;
  return out;
}

} // namespace

void hspmd::training::writeTimelineSvg(const Cluster &cluster,
                                       const TrainingPlan &plan,
                                       const StepReport &report,
                                       llvm::ArrayRef<TimelineEvent> events,
                                       const TimelineOptions &options,
                                       llvm::raw_ostream &os) {
  double latest = report.stepSeconds;
  for (const TimelineEvent &e : events)
    latest = std::max(latest, e.end);
  const Scale scale(options.width, latest);
  const double width = scale.width, total = scale.total;
  auto x = [&](double t) { return scale.x(t); };

  // Events by pipeline and stage (predictStep gives them in time order).
  size_t numPipelines = plan.pipelines.size();
  std::vector<std::vector<std::vector<const TimelineEvent *>>> byStage(
      numPipelines);
  for (size_t q = 0; q < numPipelines; ++q)
    byStage[q].resize(plan.pipelines[q].stages.size());
  for (const TimelineEvent &e : events)
    if (e.pipeline >= 0 && static_cast<size_t>(e.pipeline) < numPipelines &&
        e.stage >= 0 &&
        static_cast<size_t>(e.stage) < byStage[e.pipeline].size())
      byStage[e.pipeline][e.stage].push_back(&e);
  for (auto &pipeline : byStage)
    for (auto &stage : pipeline)
      std::stable_sort(stage.begin(), stage.end(),
                       [](const TimelineEvent *a, const TimelineEvent *b) {
                         return a->start < b->start;
                       });

  // Pipelines with the same shape, micro-batches and events share a block.
  std::vector<Block> blocks;
  for (size_t q = 0; q < numPipelines; ++q) {
    const PipelinePlan &pl = plan.pipelines[q];
    Block *same = nullptr;
    for (Block &b : blocks) {
      const PipelinePlan &other = plan.pipelines[b.pipelines.front()];
      if (other.microBatches != pl.microBatches ||
          other.stages.size() != pl.stages.size())
        continue;
      bool equal = true;
      for (size_t k = 0; k < pl.stages.size() && equal; ++k)
        equal = other.stages[k].layers == pl.stages[k].layers &&
                other.stages[k].devices.size() == pl.stages[k].devices.size() &&
                kindsOf(cluster, other.stages[k]) ==
                    kindsOf(cluster, pl.stages[k]) &&
                sameEvents(b.stages[k], byStage[q][k]);
      if (equal) {
        same = &b;
        break;
      }
    }
    if (same) {
      same->pipelines.push_back(static_cast<int64_t>(q));
      continue;
    }
    blocks.push_back({{static_cast<int64_t>(q)}, byStage[q]});
  }

  // What the legend lists: the classes that occur, and idle.
  std::vector<bool> shown(std::size(kLooks), false);
  for (const TimelineEvent &e : events)
    shown[&lookIn(kLooks, timelineClass(e.kind)) - kLooks] = true;
  shown[&lookIn(kLooks, "idle") - kLooks] = true;

  // Vertical layout.
  std::string title =
      llvm::formatv("predicted step: {0:F3} s \u00b7 {1}", report.stepSeconds,
                    describePlan(cluster, plan))
          .str();
  const Header header(options.notes.size());
  double y = header.rowsTop;
  double rowsHeight = 0;
  for (const Block &b : blocks)
    rowsHeight += kBlockHeader + b.stages.size() * kRowPitch + kBlockGap;
  const double rowsBottom = header.rowsTop + rowsHeight;
  const Legend legend(kLooks, shown, width, rowsBottom);

  std::string recompute = recomputeName(plan.recompute);
  openSvg(os, scale, legend.bottom,
          llvm::formatv(" data-step-seconds=\"{0}\" data-plot-x=\"{1}\" "
                        "data-plot-width=\"{2}\" data-time-span=\"{3}\" "
                        "data-virtual-stages=\"{4}\" data-recompute=\"{5}\" "
                        "data-pipelines=\"{6}\"",
                        seconds(report.stepSeconds), px(scale.plotX),
                        px(scale.plotWidth), seconds(total), plan.virtualStages,
                        xmlEscape(recompute), numPipelines)
              .str(),
          title);
  writeStyle(os,
             ".title{font-size:14px;font-weight:bold}\n"
             ".pipeline-label{font-weight:bold}\n"
             ".note,.stage-label,.pipeline-label,.tick-label,.legend-label"
             "{fill:#222}\n"
             ".mb{fill:#fff;font-size:9px;text-anchor:middle}\n"
             ".grid{stroke:#ddd;stroke-width:0.5}\n"
             ".axis-line{stroke:#444;stroke-width:1}\n"
             ".step-end{stroke:#000;stroke-width:1;stroke-dasharray:4 3}\n"
             ".fwd,.bwd,.chunk-send,.dp,.optimizer{stroke:#fff;"
             "stroke-width:0.5}\n"
             ".send{fill-opacity:0.7}\n",
             kLooks);
  // Recomputation: the backward's colour, hatched.
  os << "<defs><pattern id=\"hatch\" width=\"5\" height=\"5\" "
        "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        "<rect width=\"5\" height=\"5\" fill=\"#f28e2b\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#7f3b08\" "
        "stroke-width=\"2.5\"/></pattern></defs>\n";
  writeTitle(os, header, title, options.notes);
  writeAxis(os, scale, header, rowsBottom, report.stepSeconds);

  auto rect = [&](llvm::StringRef cls, const TimelineEvent *e, double start,
                  double end, double top, double h) {
    std::string attrs;
    if (e && e->microBatch >= 0)
      attrs += " data-mb=\"" + std::to_string(e->microBatch) + "\"";
    if (e && plan.virtualStages > 1 && e->microBatch >= 0)
      attrs += " data-chunk=\"" + std::to_string(e->chunk) + "\"";
    if (e && e->peer >= 0)
      attrs += " data-peer=\"" + std::to_string(e->peer) + "\"";
    writeBox(os, scale, cls, start, end, top, h, attrs);
  };

  y = header.rowsTop;
  int64_t v = plan.virtualStages;
  for (const Block &b : blocks) {
    const PipelinePlan &pl = plan.pipelines[b.pipelines.front()];
    std::string which = formatDeviceRanges(b.pipelines);
    const char *plural = pl.microBatches == 1 ? "" : "es";
    std::string header =
        b.pipelines.size() == 1
            ? llvm::formatv("pipeline {0} \u00b7 {1} micro-batch{2}", which,
                            pl.microBatches, plural)
                  .str()
            : llvm::formatv("pipelines {0} ({1} with this timeline) \u00b7 "
                            "{2} micro-batch{3} each",
                            which, b.pipelines.size(), pl.microBatches, plural)
                  .str();
    os << llvm::formatv("<g class=\"pipeline\" data-pipelines=\"{0}\" "
                        "data-micro-batches=\"{1}\" data-stages=\"{2}\">\n",
                        which, pl.microBatches, pl.stages.size());
    os << llvm::formatv(
        "<text class=\"pipeline-label\" x=\"{0}\" y=\"{1}\">{2}</text>\n",
        px(kMargin), px(y + 14), xmlEscape(header));
    y += kBlockHeader;
    int64_t firstLayer = 0;
    for (size_t k = 0; k < b.stages.size(); ++k) {
      const StagePlan &st = pl.stages[k];
      std::string kinds = kindsOf(cluster, st);
      std::string devices = formatDeviceRanges(st.devices);
      std::string layerText = llvm::formatv(
          "{0} layer{1} ({2}-{3})", st.layers, st.layers == 1 ? "" : "s",
          firstLayer, firstLayer + st.layers - 1);
      std::string line1 = llvm::formatv("stage {0} \u00b7 {1}", k, layerText);
      if (v > 1 && pl.stages.size() > 1)
        line1 += llvm::formatv(" \u00b7 {0} virtual stages", v).str();
      std::string line2 = llvm::formatv("{0} TP{1} \u00b7 devices {2}", kinds,
                                        st.devices.size(), devices);
      if (b.pipelines.size() > 1)
        line2 += llvm::formatv(" (+{0} replicas)", b.pipelines.size() - 1);
      // The tooltip lists every replica's devices.
      std::string tip =
          llvm::formatv("{0} {1}, stage {2}: {3}, TP {4}, {5}; devices",
                        b.pipelines.size() == 1 ? "pipeline" : "pipelines",
                        which, k, kinds, st.devices.size(), layerText)
              .str();
      for (size_t i = 0; i < b.pipelines.size(); ++i)
        tip += (i ? " | " : " ") +
               formatDeviceRanges(
                   plan.pipelines[b.pipelines[i]].stages[k].devices);
      const StageReport *sr = nullptr;
      for (const StageReport &s : report.stages)
        if (s.pipeline == b.pipelines.front() &&
            s.stage == static_cast<int64_t>(k))
          sr = &s;
      os << llvm::formatv(
          "<g class=\"stage\" data-pipeline=\"{0}\" data-stage=\"{1}\" "
          "data-kinds=\"{2}\" data-tp=\"{3}\" data-devices=\"{4}\" "
          "data-first-layer=\"{5}\" data-layers=\"{6}\" "
          "data-virtual-stages=\"{7}\" data-micro-batches=\"{8}\" "
          "data-end=\"{9}\">\n",
          b.pipelines.front(), k, xmlEscape(kinds), st.devices.size(), devices,
          firstLayer, st.layers, pl.stages.size() > 1 ? v : 1, pl.microBatches,
          seconds(sr ? sr->end : 0));
      os << "<title>" << xmlEscape(tip) << "</title>\n";
      writeRowLabel(os, y, line1, line2);
      firstLayer += st.layers;

      const std::vector<const TimelineEvent *> &row = b.stages[k];
      // Idle: what the compute lane leaves of [0, step], drawn first.
      std::vector<std::pair<double, double>> busy;
      for (const TimelineEvent *e : row)
        if (onComputeLane(e->kind))
          busy.push_back({e->start, e->end});
      writeIdle(os, scale, busy, y);
      for (const TimelineEvent *e : row)
        if (onComputeLane(e->kind))
          rect(timelineClass(e->kind), e, e->start, e->end, y, kLaneHeight);
      for (const TimelineEvent *e : row)
        if (e->kind == TimelineKind::Recompute)
          rect(timelineClass(e->kind), e, e->start, e->end, y, kLaneHeight);
      // Micro-batch numbers where they fit.
      for (const TimelineEvent *e : row) {
        if (e->kind != TimelineKind::Forward &&
            e->kind != TimelineKind::Backward)
          continue;
        std::string label = std::to_string(e->microBatch);
        double w = x(e->end) - x(e->start);
        if (w < 5.5 * label.size() + 3)
          continue;
        os << llvm::formatv("<text class=\"mb\" x=\"{0}\" y=\"{1}\">{2}"
                            "</text>\n",
                            px((x(e->start) + x(e->end)) / 2),
                            px(y + kLaneHeight / 2 + 3), label);
      }
      // Sends, on the thin lane under the row (the stage computes meanwhile).
      for (const TimelineEvent *e : row)
        if (e->kind == TimelineKind::Send)
          rect(timelineClass(e->kind), e, e->start, e->end,
               y + kLaneHeight + kLinkGap, kLinkHeight);
      os << "</g>\n";
      y += kRowPitch;
    }
    os << "</g>\n";
    y += kBlockGap;
  }

  legend.write(os);
}

namespace {

/// ` name="value"` for each attribute, values escaped.
std::string
attrsText(const std::vector<std::pair<std::string, std::string>> &attrs) {
  std::string out;
  for (const auto &[name, value] : attrs)
    out += " " + name + "=\"" + xmlEscape(value) + "\"";
  return out;
}

} // namespace

void hspmd::training::writeScheduleSvg(const Schedule &schedule,
                                       const TimelineOptions &options,
                                       llvm::raw_ostream &os) {
  double latest = schedule.stepSeconds;
  std::vector<bool> shown(std::size(kScheduleLooks), false);
  for (const ScheduleRow &row : schedule.rows)
    for (const ScheduleBox &b : row.boxes) {
      latest = std::max(latest, b.end);
      shown[&lookIn(kScheduleLooks, b.cls) - kScheduleLooks] = true;
    }
  shown[&lookIn(kScheduleLooks, "idle") - kScheduleLooks] = true;
  const Scale scale(options.width, latest);
  const Header header(options.notes.size());
  const double rowsBottom =
      header.rowsTop + schedule.rows.size() * kRowPitch + kBlockGap;
  const Legend legend(kScheduleLooks, shown, scale.width, rowsBottom);

  openSvg(os, scale, legend.bottom,
          llvm::formatv(" data-step-seconds=\"{0}\" data-plot-x=\"{1}\" "
                        "data-plot-width=\"{2}\" data-time-span=\"{3}\"",
                        seconds(schedule.stepSeconds), px(scale.plotX),
                        px(scale.plotWidth), seconds(scale.total))
                  .str() +
              attrsText(schedule.attrs),
          schedule.title);
  writeStyle(os,
             ".title{font-size:14px;font-weight:bold}\n"
             ".note,.stage-label,.tick-label,.legend-label{fill:#222}\n"
             ".grid{stroke:#ddd;stroke-width:0.5}\n"
             ".axis-line{stroke:#444;stroke-width:1}\n"
             ".step-end{stroke:#000;stroke-width:1;stroke-dasharray:4 3}\n"
             ".compute,.comm{stroke:#fff;stroke-width:0.5}\n",
             kScheduleLooks);
  writeTitle(os, header, schedule.title, options.notes);
  writeAxis(os, scale, header, rowsBottom, schedule.stepSeconds);

  double y = header.rowsTop;
  for (const ScheduleRow &row : schedule.rows) {
    os << "<g class=\"stage\"" << attrsText(row.attrs) << ">\n";
    if (!row.tooltip.empty())
      os << "<title>" << xmlEscape(row.tooltip) << "</title>\n";
    writeRowLabel(os, y, row.line1, row.line2);
    std::vector<std::pair<double, double>> busy;
    for (const ScheduleBox &b : row.boxes)
      busy.push_back({b.start, b.end});
    writeIdle(os, scale, busy, y);
    for (const ScheduleBox &b : row.boxes)
      writeBox(os, scale, b.cls, b.start, b.end, y, kLaneHeight,
               attrsText(b.attrs), b.tooltip);
    os << "</g>\n";
    y += kRowPitch;
  }
  legend.write(os);
}
