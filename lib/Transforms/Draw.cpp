//===- Draw.cpp - Pictures of placed tensors and reshards -----------------===//
//
// --hspmd-draw writes one self-contained HTML page (inline style and SVG, no
// script) with a picture of every placed tensor and every reshard, or the
// terminal picture of one of them (format=text). Picture.h sorts a layout's
// blocks into panels and layers and draws the terminal picture; this file
// numbers the placed tensors and writes the SVG, the page, the reshards'
// traffic and plans, and the devices that share a device program.
//
//===----------------------------------------------------------------------===//

#include "Picture.h"

#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Layout/BoxText.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDDRAW
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
using namespace mlir::hspmd::draw;
namespace plan = ::hspmd::plan;

namespace {

template <typename T> std::string str(const T &x) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << x;
  return s;
}

//===----------------------------------------------------------------------===//
// The placed tensors
//===----------------------------------------------------------------------===//

/// A placed tensor as the page numbers it: a sharded function argument, an
/// `hspmd.annotate`, or an `hspmd.reshard` (drawn with its source).
struct Item {
  /// `@f argument #0`, `hspmd.annotate in @f`, `hspmd.reshard in @f`.
  std::string title;
  Location loc;
  Type type;
  ShardingAttr sharding;
  /// Set for a reshard; `sharding` is then its destination.
  ReshardOp reshard;
};

/// Per function in module order: its sharded arguments, then the
/// annotations and reshards of its body in the order they appear.
std::vector<Item> collectItems(ModuleOp module) {
  std::vector<Item> items;
  StringAttr name = StringAttr::get(module.getContext(),
                                    HspmdDialect::getShardingAttrName());
  module.walk<WalkOrder::PreOrder>([&](FunctionOpInterface fn) {
    std::string fnName = ("@" + fn.getNameAttr().getValue()).str();
    for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i)
      if (auto s = fn.getArgAttrOfType<ShardingAttr>(i, name))
        items.push_back(
            {fnName + " argument #" + std::to_string(i),
             fn.isExternal() ? fn.getLoc() : fn.getArgument(i).getLoc(),
             fn.getArgumentTypes()[i], s, ReshardOp()});
    fn->walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (auto a = dyn_cast<AnnotateOp>(op))
        items.push_back({"hspmd.annotate in " + fnName, op->getLoc(),
                         a.getType(), a.getSharding(), ReshardOp()});
      else if (auto r = dyn_cast<ReshardOp>(op))
        items.push_back({"hspmd.reshard in " + fnName, op->getLoc(),
                         r.getType(), r.getSharding(), r});
    });
  });
  return items;
}

/// The layout of `sharding` over `type`, or nothing, with the reason in
/// `problem`.
std::optional<layout::Layout> layoutOf(ShardingAttr sharding, Type type,
                                       std::string &problem) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!sharding) {
    problem = "its placement is unknown (run --hspmd-propagate first)";
    return std::nullopt;
  }
  if (!tensor || !tensor.hasStaticShape()) {
    problem = "not a tensor of static shape";
    return std::nullopt;
  }
  std::vector<int64_t> shape(tensor.getShape().begin(),
                             tensor.getShape().end());
  layout::Sharding s = sharding.getLayout();
  if (std::optional<std::string> err = s.verifyShape(shape)) {
    problem = *err;
    return std::nullopt;
  }
  return layout::Layout(std::move(s), std::move(shape));
}

/// The sharding a reshard starts from (null when unknown).
ShardingAttr sourceOf(const Item &item) {
  ReshardOp op = item.reshard;
  return getPlacement(op.getInput());
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

void writeTextPicture(raw_ostream &os, ShardingAttr sharding, Type type) {
  std::string problem;
  std::optional<layout::Layout> lay = layoutOf(sharding, type, problem);
  if (!lay) {
    os << "not drawn: " << problem << "\n";
    return;
  }
  Picture pic = buildPicture(*lay);
  if (!pic.fold.note.empty())
    os << pic.fold.note << "\n";
  os << textPicture(pic);
}

/// `#n title at loc: type`, then the picture of its placement (of its
/// source, then of its destination, for a reshard).
void writeText(raw_ostream &os, const Item &item, size_t n) {
  os << "#" << n << " " << item.title << " at " << locationText(item.loc)
     << ": " << item.type << "\n";
  if (item.reshard) {
    ShardingAttr source = sourceOf(item);
    os << "from " << (source ? str(source) : "an unknown placement") << "\n";
    writeTextPicture(os, source, item.type);
    os << "to " << item.sharding << "\n";
  } else {
    os << "placed " << item.sharding << "\n";
  }
  writeTextPicture(os, item.sharding, item.type);
}

//===----------------------------------------------------------------------===//
// SVG
//===----------------------------------------------------------------------===//

/// Text for HTML and SVG: & < > " ' as entities.
std::string escape(StringRef text) {
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::printHTMLEscaped(text, os);
  return out;
}

/// Group colours, in turn (ColorBrewer's Set3).
constexpr const char *kPalette[] = {"#8dd3c7", "#ffffb3", "#bebada",
                                    "#fb8072", "#80b1d3", "#fdb462",
                                    "#b3de69", "#fccde5", "#d9d9d9",
                                    "#bc80bd"};

const char *groupColor(int64_t group) {
  return kPalette[group % static_cast<int64_t>(std::size(kPalette))];
}

/// The longest side of a picture, the shortest, the most pixels per
/// element, and the margin around, in pixels.
constexpr double kMaxPx = 480, kMinPx = 24, kMaxPxPerElement = 40,
                 kMargin = 2;

/// Pixels per element along columns and rows and the picture's size: to
/// scale, unless the short side had to be stretched to kMinPx.
struct Scale {
  double sx, sy, width, height;
  bool stretched;
};

Scale scaleOf(const Fold &f) {
  double s = std::min(kMaxPxPerElement,
                      kMaxPx / double(std::max(f.rows, f.cols)));
  double w = double(f.cols) * s, h = double(f.rows) * s;
  bool stretched = w < kMinPx || h < kMinPx;
  w = std::max(w, kMinPx);
  h = std::max(h, kMinPx);
  return {w / double(f.cols), h / double(f.rows), w, h, stretched};
}

/// What a block's tooltip says.
std::string blockTitle(const DrawnBlock &b, size_t layer) {
  std::string t = "device" + std::string(b.devices.size() == 1 ? " " : "s ") +
                  deviceListText(b.devices) + ": " + layout::boxText(b.box) +
                  ", group " + std::to_string(b.group);
  if (b.summand)
    t += ", summand class " + std::to_string(layer) +
         (b.keeper ? " (keepers: they hold a new value placed this way)"
                   : " (zeros for a new value)");
  return t;
}

/// One `<g class="block">`: a rectangle per strip, the label and the
/// keeper's mark in the largest where they fit.
void writeBlock(raw_ostream &os, const DrawnBlock &b, size_t layer,
                double offset, const Scale &sc) {
  os << "<g class=\"block" << (b.summand ? " summand" : "")
     << (b.summand && b.keeper ? " keeper" : "") << "\" data-group=\""
     << b.group << "\" data-devices=\"" << deviceListText(b.devices)
     << "\"><title>" << escape(blockTitle(b, layer)) << "</title>";
  double bx = 0, by = 0, bw = -1, bh = -1;
  for (const Rect &r : b.rects) {
    double x = offset + double(r.left) * sc.sx;
    double y = offset + double(r.top) * sc.sy;
    double w = double(r.right - r.left) * sc.sx;
    double h = double(r.bottom - r.top) * sc.sy;
    os << llvm::formatv("<rect x=\"{0:F1}\" y=\"{1:F1}\" width=\"{2:F1}\" "
                        "height=\"{3:F1}\" fill=\"{4}\"/>",
                        x, y, w, h, groupColor(b.group));
    if (w * h > bw * bh)
      bx = x, by = y, bw = w, bh = h;
  }
  if (bw >= 7.0 * double(b.label.size()) + 4 && bh >= 14)
    os << llvm::formatv("<text class=\"label\" x=\"{0:F1}\" y=\"{1:F1}\">{2}"
                        "</text>",
                        bx + bw / 2, by + bh / 2, escape(b.label));
  if (b.summand && b.keeper && bw >= 14 && bh >= 14)
    os << llvm::formatv("<text class=\"keeper-mark\" x=\"{0:F1}\" "
                        "y=\"{1:F1}\">\u2605</text>",
                        bx + 2, by + 11);
  os << "</g>\n";
}

/// One panel as an `<svg>`: its layers stacked, the back ones offset down
/// and right, the front one (values, keepers) drawn last.
void writePanel(raw_ostream &os, const Picture &pic, const Panel &panel) {
  Scale sc = scaleOf(pic.fold);
  size_t layers = panel.layers.size();
  double step = layers > 1 ? std::min(8.0, 48.0 / double(layers - 1)) : 0;
  double extra = layers > 1 ? step * double(layers - 1) : 0;
  double w = sc.width + extra + 2 * kMargin;
  double h = sc.height + extra + 2 * kMargin;
  os << llvm::formatv("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                      "width=\"{0:F1}\" height=\"{1:F1}\" "
                      "viewBox=\"0 0 {0:F1} {1:F1}\">\n",
                      w, h);
  for (size_t l = layers; l-- > 0;)
    for (const DrawnBlock &b : panel.layers[l])
      writeBlock(os, b, l, kMargin + double(l) * step, sc);
  os << "</svg>\n";
}

//===----------------------------------------------------------------------===//
// HTML
//===----------------------------------------------------------------------===//

constexpr const char *kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>hspmd sharding pictures</title>
<style>
body{font:14px sans-serif;margin:1.5em;color:#222}
code,pre{font:12px monospace}
section{border-top:1px solid #ccc;padding:.5em 0}
.picture,.joined{display:flex;align-items:center;gap:1em}
.picture{flex-wrap:wrap}
.sides{display:flex;flex-wrap:wrap;align-items:flex-start;gap:2em}
.side{flex:1 1 0}
.side h3 code{overflow-wrap:anywhere}
figure{margin:0}
figcaption,.note,.legend{font-size:12px;color:#555}
.join{font-size:24px}
g.block rect{stroke:#333;stroke-width:1}
g.summand:not(.keeper) rect{stroke-dasharray:4 2}
text.label{font:11px sans-serif;text-anchor:middle;dominant-baseline:central}
text.keeper-mark{font:11px sans-serif}
.legend{list-style:none;padding:0}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.4em;
border:1px solid #333;vertical-align:middle}
table.traffic{border-collapse:collapse}
table.traffic td,table.traffic th{border:1px solid #ccc;padding:2px 8px;
text-align:right}
</style>
</head>
<body>
)";

void writeNote(raw_ostream &os, StringRef note) {
  os << "<p class=\"note\">" << escape(note) << "</p>\n";
}

/// A swatch and the devices and axes of every group.
void writeLegend(raw_ostream &os, const layout::Sharding &s) {
  os << "<ul class=\"legend\">\n";
  for (size_t g = 0; g < s.groups.size(); ++g) {
    const layout::Group &group = s.groups[g];
    os << "<li><span class=\"swatch\" style=\"background:"
       << groupColor(static_cast<int64_t>(g)) << "\"></span>group " << g
       << ": devices " << deviceListText(group.devices) << ", axes "
       << layout::formatAxes(group.axes) << "</li>\n";
  }
  os << "</ul>\n";
}

bool hasSummands(const Picture &pic) {
  for (const Panel &panel : pic.panels)
    for (const Layer &layer : panel.layers)
      for (const DrawnBlock &b : layer)
        if (b.summand)
          return true;
  return false;
}

/// The picture of a layout: notes, its panels side by side (joined by `+`
/// where they are summands), the legend.
void writePicture(raw_ostream &os, const layout::Layout &lay) {
  Picture pic = buildPicture(lay);
  if (!pic.fold.note.empty())
    writeNote(os, pic.fold.note);
  if (pic.skipped) {
    writeNote(os, *pic.skipped);
    writeLegend(os, lay.sharding());
    return;
  }
  if (scaleOf(pic.fold).stretched)
    writeNote(os, "not to scale: the short side is stretched to stay visible");
  os << "<div class=\"picture\">\n";
  for (size_t i = 0; i < pic.panels.size(); ++i) {
    const Panel &panel = pic.panels[i];
    // A joiner and the panel after it are one item of the wrapping row:
    // where the panels wrap, a line starts with "and" or "+", none ends
    // with one.
    if (i)
      os << "<div class=\"joined\"><span class=\"join\">"
         << (pic.panelsAreSummands ? "+" : "and") << "</span>\n";
    os << "<figure class=\"panel\">\n";
    writePanel(os, pic, panel);
    if (panel.group >= 0)
      os << "<figcaption>group " << panel.group
         << (pic.panelsAreSummands ? ": a summand of the value"
                                   : ": the whole tensor")
         << "</figcaption>\n";
    os << "</figure>\n";
    if (i)
      os << "</div>\n";
  }
  os << "</div>\n";
  if (hasSummands(pic))
    writeNote(os, "summands: the summand classes of a block are stacked "
                  "sheets, the keepers' class in front (\u2605): keepers hold "
                  "a new value placed this way, the others zeros; every "
                  "sheet's holders are in its tooltip");
  writeLegend(os, lay.sharding());
}

void writeHeading(raw_ostream &os, const Item &item, size_t n,
                  const char *cls) {
  os << "<section class=\"" << cls << "\" id=\"t" << n << "\">\n<h2>#" << n
     << " " << escape(item.title) << "</h2>\n<p class=\"where\">at "
     << escape(locationText(item.loc)) << ": <code>"
     << escape(str(item.type)) << "</code>";
}

void writeTensor(raw_ostream &os, const Item &item, size_t n) {
  writeHeading(os, item, n, "tensor");
  os << " placed <code>" << escape(str(item.sharding)) << "</code></p>\n";
  std::string problem;
  if (std::optional<layout::Layout> lay =
          layoutOf(item.sharding, item.type, problem))
    writePicture(os, *lay);
  else
    writeNote(os, "not drawn: " + problem);
  os << "</section>\n";
}

void writeTraffic(raw_ostream &os, const ReshardPlan &planned,
                  ArrayRef<TrafficRow> rows, int64_t totalReceived,
                  int64_t totalBound) {
  os << "<table class=\"traffic\">\n<tr><th>device</th><th>sent</th>"
        "<th>received</th><th>messages</th><th>lower bound</th></tr>\n";
  for (const TrafficRow &r : rows)
    os << "<tr><td>" << r.device << "</td><td>" << r.sent << "</td><td>"
       << r.received << "</td><td>" << r.messages << "</td><td>"
       << r.lowerBound << "</td></tr>\n";
  os << "</table>\n<p class=\"totals\">total received " << totalReceived
     << " bytes, lower bound " << totalBound << " bytes";
  if (totalBound > 0)
    os << llvm::formatv(" (ratio {0:F2})",
                        double(totalReceived) / double(totalBound));
  os << "</p>\n<p class=\"bounds\">" << escape(boundsText(planned, rows))
     << "</p>\n";
}

/// The most lines of a plan's listing a page shows.
constexpr size_t kMaxPlanLines = 200;

std::string shortened(const std::string &text) {
  size_t at = 0;
  for (size_t line = 0; line < kMaxPlanLines; ++line) {
    at = text.find('\n', at);
    if (at == std::string::npos)
      return text;
    ++at;
  }
  if (at >= text.size())
    return text;
  size_t rest = std::count(text.begin() + at, text.end(), '\n');
  return text.substr(0, at) + "... " + std::to_string(rest) +
         " more lines\n";
}

/// A reshard: source and destination side by side, per-device traffic and
/// the plan's steps. Fails, with an error at the reshard, where
/// --hspmd-comm-report would.
LogicalResult writeReshard(raw_ostream &os, const Item &item, size_t n) {
  ReshardOp op = item.reshard;
  FailureOr<ReshardPlan> planned = planReshard(op, false);
  if (failed(planned))
    return failure();
  FailureOr<std::vector<TrafficRow>> rows = reshardTraffic(op, *planned);
  if (failed(rows))
    return failure();
  std::optional<std::pair<int64_t, int64_t>> totals = trafficTotals(*rows);
  if (!totals)
    return op.emitError(
        "the total bytes received in this reshard do not fit in 64 bits");
  writeHeading(os, item, n, "reshard");
  os << "</p>\n<div class=\"sides\">\n<div class=\"side source\">\n<h3>from "
        "<code>"
     << escape(str(sourceOf(item))) << "</code></h3>\n";
  writePicture(os, planned->src);
  os << "</div>\n<div class=\"side destination\">\n<h3>to <code>"
     << escape(str(item.sharding)) << "</code></h3>\n";
  writePicture(os, planned->dst);
  os << "</div>\n</div>\n<h3>Bytes per device</h3>\n";
  writeTraffic(os, *planned, *rows, totals->first, totals->second);
  os << "<h3>Plan</h3>\n<pre class=\"plan\">"
     << escape(shortened(plan::describe(planned->plan))) << "</pre>\n"
     << "</section>\n";
  return success();
}

//===----------------------------------------------------------------------===//
// Device programs
//===----------------------------------------------------------------------===//

/// In a module --hspmd-specialize wrote, the program each case of `@main`'s
/// dispatch on `hspmd.device_id` calls and its devices, in order of their
/// first device; empty otherwise.
std::vector<std::pair<std::string, std::vector<int64_t>>>
dispatchClasses(ModuleOp module) {
  std::vector<std::pair<std::string, std::vector<int64_t>>> classes;
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (!main || main.isExternal())
    return classes;
  std::map<std::string, size_t> index;
  main.walk([&](scf::IndexSwitchOp sw) {
    if (!sw.getArg().getDefiningOp<DeviceIdOp>())
      return;
    for (auto [device, region] :
         llvm::zip(sw.getCases(), sw.getCaseRegions()))
      region.walk([&](func::CallOp call) {
        auto [it, inserted] =
            index.try_emplace(call.getCallee().str(), classes.size());
        if (inserted)
          classes.push_back({it->first, {}});
        classes[it->second].second.push_back(device);
      });
  });
  for (auto &entry : classes)
    llvm::sort(entry.second);
  return classes;
}

/// Devices grouped by the shape of the block they hold of every placed
/// tensor (holding none counts as a shape), in order of their first device.
std::vector<std::vector<int64_t>> shapeClasses(ArrayRef<Item> items) {
  std::map<int64_t, std::vector<int64_t>> signature;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string problem;
    std::optional<layout::Layout> lay =
        layoutOf(items[i].sharding, items[i].type, problem);
    if (!lay)
      continue;
    // Every device of a group holds a block of the same shape.
    std::map<std::vector<int64_t>, int64_t> ids;
    for (const layout::Group &g : lay->sharding().groups) {
      std::vector<int64_t> shape = lay->place(g.devices.front())->localShape;
      int64_t id = ids.try_emplace(shape, ids.size()).first->second;
      for (int64_t d : g.devices) {
        std::vector<int64_t> &sig = signature[d];
        sig.resize(items.size(), -1);
        sig[i] = id;
      }
    }
  }
  std::map<std::vector<int64_t>, size_t> index;
  std::vector<std::vector<int64_t>> classes;
  for (auto &[device, sig] : signature) {
    auto [it, inserted] = index.try_emplace(sig, classes.size());
    if (inserted)
      classes.emplace_back();
    classes[it->second].push_back(device);
  }
  return classes;
}

void writeDeviceClasses(raw_ostream &os, ModuleOp module,
                        ArrayRef<Item> items) {
  os << "<section class=\"device-classes\">\n<h2>Device programs</h2>\n";
  auto dispatch = dispatchClasses(module);
  if (!dispatch.empty()) {
    os << "<p>Device programs of <code>--hspmd-specialize</code>: "
          "<code>@main</code> runs on each device the program listed with "
          "it.</p>\n<ul>\n";
    for (auto &[callee, devices] : dispatch)
      os << "<li class=\"device-class\"><code>@" << escape(callee)
         << "</code>: devices " << deviceListText(devices) << "</li>\n";
    os << "</ul>\n</section>\n";
    return;
  }
  std::vector<std::vector<int64_t>> classes = shapeClasses(items);
  if (classes.empty()) {
    os << "<p>No device holds a placed tensor.</p>\n</section>\n";
    return;
  }
  os << "<p>Devices whose blocks have the same shape in every placed tensor, "
        "what sharing one device program needs; "
        "<code>--hspmd-specialize</code> decides which share one (it also "
        "compares what each program computes).</p>\n<ul>\n";
  for (const std::vector<int64_t> &devices : classes)
    os << "<li class=\"device-class\">devices " << deviceListText(devices)
       << "</li>\n";
  os << "</ul>\n</section>\n";
}

LogicalResult writePage(raw_ostream &os, ModuleOp module,
                        ArrayRef<Item> items) {
  os << kHead << "<h1>Sharding pictures</h1>\n<p>" << items.size()
     << " placed tensor" << (items.size() == 1 ? "" : "s")
     << ", numbered in the order they appear "
        "(<code>--hspmd-draw=\"format=text value=N\"</code> draws #N in a "
        "terminal).</p>\n";
  for (size_t n = 0; n < items.size(); ++n) {
    if (!items[n].reshard)
      writeTensor(os, items[n], n);
    else if (failed(writeReshard(os, items[n], n)))
      return failure();
  }
  writeDeviceClasses(os, module, items);
  os << "</body>\n</html>\n";
  return success();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct DrawPass : public mlir::hspmd::impl::HspmdDrawBase<DrawPass> {
  using HspmdDrawBase::HspmdDrawBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (format != "html" && format != "text") {
      module.emitError() << "--hspmd-draw: unknown format '" << format
                         << "', expected 'html' or 'text'";
      return signalPassFailure();
    }
    std::vector<Item> items = collectItems(module);
    std::string text;
    llvm::raw_string_ostream os(text);
    if (format == "text") {
      int64_t n = value;
      if (n < 0 || n >= static_cast<int64_t>(items.size())) {
        module.emitError() << "--hspmd-draw: value=" << n
                           << ", but the module has " << items.size()
                           << " placed tensor"
                           << (items.size() == 1 ? "" : "s")
                           << " (numbered from 0)";
        return signalPassFailure();
      }
      writeText(os, items[n], n);
    } else if (failed(writePage(os, module, items))) {
      return signalPassFailure();
    }
    // Written only once complete: a failed pass leaves no partial file.
    if (failed(writeOutputFile(file, text, [&] {
          return module.emitError() << "--hspmd-draw: cannot write ";
        })))
      return signalPassFailure();
    markAllAnalysesPreserved();
  }
};

} // namespace
