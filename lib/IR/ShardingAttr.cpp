//===- ShardingAttr.cpp - #hspmd.sharding ---------------------------------===//
//
// Parsing, printing and verification of the sharding attribute. The meaning
// of a sharding is in hspmd::layout; this file only converts between the
// textual form, the uniqued storage and the layout model.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/HspmdDialect.h"
#include "ParseUtils.h"
#include "hspmd/Layout/Limits.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;

#define GET_ATTRDEF_CLASSES
#include "hspmd/IR/HspmdAttrs.cpp.inc"

void HspmdDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "hspmd/IR/HspmdAttrs.cpp.inc"
      >();
}

namespace {
/// Flat storage of a layout::Sharding, in the order of the attribute's
/// parameters.
struct FlatSharding {
  int64_t hetero = ShardingAttr::kNotHetero;
  /// Device lists as (first id, count) runs, and the runs of each group.
  SmallVector<int64_t> weights, deviceRuns, groupRuns, axisCounts, axisRoles,
      axisSizes;

  explicit FlatSharding(const layout::Sharding &s) {
    if (s.hetero)
      hetero = s.hetero->encode();
    weights.assign(s.weights.begin(), s.weights.end());
    for (const layout::Group &g : s.groups) {
      for (const layout::DeviceList::Run &r : g.devices.getRuns()) {
        deviceRuns.push_back(r.first);
        deviceRuns.push_back(r.count);
      }
      groupRuns.push_back(static_cast<int64_t>(g.devices.getRuns().size()));
      axisCounts.push_back(static_cast<int64_t>(g.axes.size()));
      for (const layout::Axis &a : g.axes) {
        axisRoles.push_back(a.role.encode());
        axisSizes.push_back(a.size);
      }
    }
  }
};

/// Rebuilds the model from flat storage; fails if the arrays disagree (which
/// only direct misuse of the storage builder can cause).
std::optional<layout::Sharding>
unflatten(int64_t hetero, ArrayRef<int64_t> weights,
          ArrayRef<int64_t> deviceRuns, ArrayRef<int64_t> groupRuns,
          ArrayRef<int64_t> axisCounts, ArrayRef<int64_t> axisRoles,
          ArrayRef<int64_t> axisSizes) {
  if (groupRuns.size() != axisCounts.size() ||
      axisRoles.size() != axisSizes.size() || deviceRuns.size() % 2)
    return std::nullopt;
  layout::Sharding s;
  if (hetero != ShardingAttr::kNotHetero) {
    if (hetero < -2)
      return std::nullopt;
    s.hetero = layout::Role::decode(hetero);
  }
  s.weights.assign(weights.begin(), weights.end());
  size_t run = 0, axis = 0;
  for (auto [runs, count] : llvm::zip_equal(groupRuns, axisCounts)) {
    if (runs < 0 || count < 0 || run + 2 * runs > deviceRuns.size() ||
        axis + count > axisRoles.size())
      return std::nullopt;
    layout::Group g;
    for (int64_t r = 0; r < runs; ++r, run += 2) {
      if (deviceRuns[run + 1] < 1)
        return std::nullopt;
      g.devices.appendRun(deviceRuns[run], deviceRuns[run + 1]);
    }
    for (int64_t i = 0; i < count; ++i)
      g.axes.push_back({layout::Role::decode(axisRoles[axis + i]),
                        axisSizes[axis + i]});
    axis += count;
    s.groups.push_back(std::move(g));
  }
  if (run != deviceRuns.size() || axis != axisRoles.size())
    return std::nullopt;
  return s;
}

/// The canonical form to store: weights are normalized only once the
/// structure is known to be valid, so that normalizing cannot hide an error.
layout::Sharding canonical(const layout::Sharding &s) {
  layout::Sharding c = s;
  if (!c.verifyStructure())
    c.normalizeWeights();
  return c;
}
} // namespace

ShardingAttr ShardingAttr::get(MLIRContext *context,
                               const layout::Sharding &sharding) {
  FlatSharding f(canonical(sharding));
  return Base::get(context, f.hetero, f.weights, f.deviceRuns, f.groupRuns,
                   f.axisCounts, f.axisRoles, f.axisSizes);
}

ShardingAttr
ShardingAttr::getChecked(function_ref<InFlightDiagnostic()> emitError,
                         MLIRContext *context,
                         const layout::Sharding &sharding) {
  FlatSharding f(canonical(sharding));
  return Base::getChecked(emitError, context, f.hetero, f.weights,
                          f.deviceRuns, f.groupRuns, f.axisCounts, f.axisRoles,
                          f.axisSizes);
}

LogicalResult
ShardingAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                     int64_t hetero, ArrayRef<int64_t> weights,
                     ArrayRef<int64_t> deviceRuns, ArrayRef<int64_t> groupRuns,
                     ArrayRef<int64_t> axisCounts, ArrayRef<int64_t> axisRoles,
                     ArrayRef<int64_t> axisSizes) {
  std::optional<layout::Sharding> s =
      unflatten(hetero, weights, deviceRuns, groupRuns, axisCounts, axisRoles,
                axisSizes);
  if (!s)
    return emitError() << "malformed #hspmd.sharding storage";
  if (std::optional<std::string> err = s->verifyStructure())
    return emitError() << "invalid #hspmd.sharding<" << s->str()
                       << ">: " << *err;
  return success();
}

layout::Sharding ShardingAttr::getLayout() const {
  // Attributes exist only once verified, so the storage is well formed.
  return *unflatten(getHetero(), getWeights(), getDeviceRuns(), getGroupRuns(),
                    getAxisCounts(), getAxisRoles(), getAxisSizes());
}

LogicalResult
ShardingAttr::verifyForType(Type type,
                            function_ref<InFlightDiagnostic()> emitError) const {
  layout::Sharding s = getLayout();
  auto describe = [&]() {
    InFlightDiagnostic diag = emitError();
    diag << "#hspmd.sharding<" << s.str() << "> on " << type << ": ";
    return diag;
  };
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return describe() << "a sharding applies to ranked tensors only";
  // What the communication ops move (and the runtime copies by bytes).
  if (!isa<IntegerType, IndexType, FloatType, ComplexType>(
          tensor.getElementType()))
    return describe() << "a sharding places tensors of integer, index, "
                         "floating-point or complex elements, got "
                      << tensor.getElementType();
  if (s.hasPartial()) {
    Type elt = tensor.getElementType();
    if (!elt.isF16() && !elt.isBF16() && !elt.isF32() && !elt.isF64() &&
        !elt.isSignlessInteger(32) && !elt.isSignlessInteger(64))
      return describe() << "`partial` needs f16, bf16, f32, f64, i32 or i64 "
                           "elements, got "
                        << elt;
  }
  if (std::optional<std::string> err = s.verifyShape(
          std::vector<int64_t>(tensor.getShape().begin(),
                               tensor.getShape().end())))
    return describe() << *err;
  return success();
}

//===----------------------------------------------------------------------===//
// Parsing and printing
//===----------------------------------------------------------------------===//

mlir::hspmd::detail::ShardingTypeSlot &mlir::hspmd::detail::shardingTypeSlot() {
  static thread_local ShardingTypeSlot slot;
  return slot;
}

ParseResult mlir::hspmd::detail::parseDecimal(AsmParser &parser, int64_t &value) {
  SMLoc loc = parser.getCurrentLocation();
  const char *p = loc.getPointer();
  if (*p == '-')
    ++p;
  if (!llvm::isDigit(*p) || (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')))
    return parser.emitError(loc, "expected a decimal integer");
  return parser.parseInteger(value);
}

/// role ::= `d<k>` | `dup` | `partial`
static ParseResult parseRole(AsmParser &parser, layout::Role &role) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef word;
  if (parser.parseKeyword(&word))
    return failure();
  if (word == "dup") {
    role = layout::Role::dup();
    return success();
  }
  if (word == "partial") {
    role = layout::Role::partial();
    return success();
  }
  StringRef digits = word.drop_front();
  bool wellFormed = word.starts_with("d") && !digits.empty() &&
                    llvm::all_of(digits, llvm::isDigit) &&
                    (digits == "0" || digits.front() != '0');
  int64_t dim;
  if (word == "d")
    return parser.emitError(loc)
           << "expected a role: `dup`, `partial` or `d<k>`, got `d` without "
              "a dimension right after it (dimensions are non-negative)";
  if (!wellFormed || digits.getAsInteger(10, dim))
    return parser.emitError(loc)
           << "expected a role: `dup`, `partial` or `d<k>` with k a "
              "dimension without leading zeros that fits in int64, got `"
           << word << "`";
  role = layout::Role::split(dim);
  return success();
}

/// int-list ::= `[` int (`,` int)* `]`
static ParseResult parseIntList(AsmParser &parser,
                                std::vector<int64_t> &values) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() {
    int64_t v;
    if (mlir::hspmd::detail::parseDecimal(parser, v))
      return failure();
    values.push_back(v);
    return success();
  });
}

ParseResult mlir::hspmd::detail::parseDeviceItem(AsmParser &parser,
                                                  int64_t listed,
                                                  int64_t &first,
                                                  int64_t &last) {
  SMLoc loc = parser.getCurrentLocation();
  if (parseDecimal(parser, first))
    return failure();
  last = first;
  if (succeeded(parser.parseOptionalKeyword("to"))) {
    if (parseDecimal(parser, last))
      return failure();
    if (first < 0 || last >= layout::kMaxDevice)
      return parser.emitError(loc)
             << "device ids are in [0, " << layout::kMaxDevice
             << "), got the range `" << first << " to " << last << "`";
    if (last < first)
      return parser.emitError(loc) << "a range `a to b` needs a <= b, got `"
                                   << first << " to " << last << "`";
  }
  if (listed + (last - first) >= layout::kMaxListedDevices)
    return parser.emitError(loc) << "a device list names at most "
                                 << layout::kMaxListedDevices << " devices";
  return success();
}

/// device-list ::= `[` item (`,` item)* `]`, item ::= int | int `to` int
static ParseResult parseDeviceList(AsmParser &parser,
                                   layout::DeviceList &devices) {
  return parser.parseCommaSeparatedList(
      AsmParser::Delimiter::Square, [&]() -> ParseResult {
        int64_t first, last;
        if (mlir::hspmd::detail::parseDeviceItem(
                parser, static_cast<int64_t>(devices.size()), first, last))
          return failure();
        devices.appendRun(first, last - first + 1);
        return success();
      });
}

/// group ::= device-list `:` `[` (axis (`,` axis)*)? `]`
static ParseResult parseGroup(AsmParser &parser, layout::Group &group) {
  SMLoc loc = parser.getCurrentLocation();
  if (parseDeviceList(parser, group.devices))
    return failure();
  if (group.devices.empty())
    return parser.emitError(loc, "a device list needs at least one device");
  if (parser.parseColon())
    return failure();
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() {
    layout::Axis axis;
    if (parseRole(parser, axis.role) || parser.parseEqual() ||
        mlir::hspmd::detail::parseDecimal(parser, axis.size))
      return failure();
    group.axes.push_back(axis);
    return success();
  });
}

Attribute ShardingAttr::parse(AsmParser &parser, Type type) {
  SMLoc start = parser.getCurrentLocation();
  if (type) {
    mlir::hspmd::detail::ShardingTypeSlot &slot = mlir::hspmd::detail::shardingTypeSlot();
    if (slot.anchor != start.getPointer())
      return parser.emitError(start, "#hspmd.sharding does not take a type"),
             Attribute();
    slot.type = type;
  }
  layout::Sharding s;
  if (parser.parseLess())
    return {};
  if (succeeded(parser.parseOptionalKeyword("hetero"))) {
    layout::Role role;
    if (parser.parseEqual() || parseRole(parser, role) || parser.parseComma())
      return {};
    s.hetero = role;
    if (succeeded(parser.parseOptionalKeyword("weights"))) {
      SMLoc wloc = parser.getCurrentLocation();
      if (parser.parseEqual() || parseIntList(parser, s.weights))
        return {};
      if (s.weights.empty())
        return parser.emitError(wloc, "`weights` needs at least one entry"),
               Attribute();
      if (parser.parseComma())
        return {};
    }
    if (parser.parseKeyword("groups") || parser.parseEqual() ||
        parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&]() {
          s.groups.emplace_back();
          return parseGroup(parser, s.groups.back());
        }))
      return {};
  } else {
    s.groups.emplace_back();
    if (parseGroup(parser, s.groups.back()))
      return {};
  }
  if (parser.parseGreater())
    return {};
  return parser.getChecked<ShardingAttr>(start, parser.getContext(), s);
}

void ShardingAttr::print(AsmPrinter &printer) const {
  printer << "<" << getLayout().str() << ">";
}
