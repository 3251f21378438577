//===- HspmdOps.cpp - hspmd operations ------------------------------------===//

#include "hspmd/IR/HspmdOps.h"
#include "hspmd/IR/AttrNames.h"
#include "hspmd/Layout/Limits.h"
#include "hspmd/Layout/Sharding.h"
#include "ParseUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;
using namespace mlir::hspmd;

using ::hspmd::layout::kMaxDevice;

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

static ParseResult parseIntArray(OpAsmParser &parser,
                                 SmallVectorImpl<int64_t> &values) {
  return parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square, [&]() {
    return mlir::hspmd::detail::parseDecimal(parser, values.emplace_back());
  });
}

static void printIntArray(OpAsmPrinter &printer, ArrayRef<int64_t> values) {
  printer << "[";
  llvm::interleaveComma(values, printer);
  printer << "]";
}

/// `#hspmd.sharding<...> : tensor<...>` of annotate and reshard. The
/// attribute is always printed with its prefix so that aliases parse and
/// print. MLIR consumes the `: type` after a dialect attribute itself and hands
/// it to the attribute parser (see mlir::hspmd::detail::ShardingTypeSlot); after an alias
/// the `: type` is still there to parse.
static ParseResult parseShardingAndType(OpAsmParser &parser,
                                        ShardingAttr &sharding, Type &type) {
  SMLoc loc = parser.getCurrentLocation();
  static constexpr llvm::StringLiteral prefix = "#hspmd.sharding";
  mlir::hspmd::detail::ShardingTypeSlot &slot = mlir::hspmd::detail::shardingTypeSlot();
  mlir::hspmd::detail::ShardingTypeSlot saved = slot;
  slot = {};
  if (StringRef(loc.getPointer()).starts_with(prefix))
    slot.anchor = loc.getPointer() + prefix.size();
  Attribute attr;
  ParseResult parsed = parser.parseAttribute(attr);
  type = slot.type;
  slot = saved;
  if (failed(parsed))
    return failure();
  sharding = dyn_cast<ShardingAttr>(attr);
  if (!sharding)
    return parser.emitError(loc) << "expected a #hspmd.sharding, got " << attr;
  if (!type && (parser.parseColon() || parser.parseType(type)))
    return failure();
  return success();
}

static void printShardingAndType(OpAsmPrinter &printer, Operation *,
                                 ShardingAttr sharding, Type type) {
  printer.printAttributeWithoutType(sharding);
  printer << " : " << type;
}

/// The names of the hspmd ops' inherent attributes, which the attribute
/// dictionary must not repeat: by default it would silently replace what the
/// custom syntax said (`{sharding = ...}` after `as #hspmd.sharding<...>`).
static constexpr llvm::StringLiteral kInherentNames[] = {
    "sharding", "groups", "dim", "split_dim", "concat_dim",
    "keep",     "sends",  "recvs", "accumulate", "relative",
    "table_devices", "peer_table"};

static ParseResult parseDiscardableAttrs(OpAsmParser &parser,
                                         NamedAttrList &attrs) {
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseOptionalAttrDict(attrs))
    return failure();
  for (const NamedAttribute &attr : attrs)
    if (llvm::is_contained(kInherentNames, attr.getName().getValue()))
      return parser.emitError(loc)
             << "'" << attr.getName().getValue()
             << "' is given by the op's syntax and may not appear in its "
                "attribute dictionary";
  return success();
}

static void printDiscardableAttrs(OpAsmPrinter &printer, Operation *,
                                  DictionaryAttr attrs) {
  SmallVector<StringRef> elided(std::begin(kInherentNames),
                                std::end(kInherentNames));
  printer.printOptionalAttrDict(attrs.getValue(), elided);
}

/// The same at the end of an op, where the printer owes the leading space.
static ParseResult parseTrailingDiscardableAttrs(OpAsmParser &parser,
                                                 NamedAttrList &attrs) {
  return parseDiscardableAttrs(parser, attrs);
}

static void printTrailingDiscardableAttrs(OpAsmPrinter &printer, Operation *op,
                                          DictionaryAttr attrs) {
  if (llvm::any_of(attrs, [](NamedAttribute a) {
        return !llvm::is_contained(kInherentNames, a.getName().getValue());
      }))
    printer << " ";
  printDiscardableAttrs(printer, op, attrs);
}

/// ids ::= `[` item (`,` item)* `]`, item ::= int | int `to` int, as in a
/// sharding's device list.
static ParseResult parseDeviceIds(OpAsmParser &parser,
                                  SmallVectorImpl<int64_t> &devices) {
  return parser.parseCommaSeparatedList(
      OpAsmParser::Delimiter::Square, [&]() -> ParseResult {
        int64_t first, last;
        if (mlir::hspmd::detail::parseDeviceItem(
                parser, static_cast<int64_t>(devices.size()), first, last))
          return failure();
        for (int64_t d = first; d <= last; ++d)
          devices.push_back(d);
        return success();
      });
}

/// `[` list (`,` list)* `]`, each list read by `parseList`, as an array of
/// dense integer arrays.
static ParseResult
parseListOfLists(OpAsmParser &parser,
                 function_ref<ParseResult(SmallVectorImpl<int64_t> &)> parseList,
                 ArrayAttr &lists) {
  SmallVector<Attribute> out;
  if (parser.parseCommaSeparatedList(
          OpAsmParser::Delimiter::Square, [&]() -> ParseResult {
            SmallVector<int64_t> values;
            if (parseList(values))
              return failure();
            out.push_back(parser.getBuilder().getDenseI64ArrayAttr(values));
            return success();
          }))
    return failure();
  lists = parser.getBuilder().getArrayAttr(out);
  return success();
}

/// groups ::= `[` ids (`,` ids)* `]`
static ParseResult parseDeviceGroups(OpAsmParser &parser, ArrayAttr &groups) {
  return parseListOfLists(
      parser,
      [&](SmallVectorImpl<int64_t> &ids) { return parseDeviceIds(parser, ids); },
      groups);
}

/// Device ids printed by the rule of a sharding's device lists (runs of
/// eight or more as ranges), so that parseDeviceIds reads them back.
static void printDeviceIds(OpAsmPrinter &printer, ArrayRef<int64_t> ids) {
  ::hspmd::layout::DeviceList list;
  list.assign(ids.begin(), ids.end());
  printer << ::hspmd::layout::formatDeviceList(list);
}

static void printDeviceGroups(OpAsmPrinter &printer, Operation *,
                              ArrayAttr groups) {
  printer << "[";
  llvm::interleaveComma(groups, printer, [&](Attribute g) {
    printDeviceIds(printer, cast<DenseI64ArrayAttr>(g).asArrayRef());
  });
  printer << "]";
}

/// blocks ::= `[` (int `:` int-list int-list (`,` ...)*)? `]`, each entry
/// stored as [peer, offsets..., sizes...].
static ParseResult parseBlocks(OpAsmParser &parser, ArrayAttr &blocks) {
  SmallVector<Attribute> list;
  if (parser.parseCommaSeparatedList(
          OpAsmParser::Delimiter::Square, [&]() -> ParseResult {
        SmallVector<int64_t> entry(1), offsets, sizes;
        SMLoc loc = parser.getCurrentLocation();
        if (mlir::hspmd::detail::parseDecimal(parser, entry[0]) || parser.parseColon() ||
            parseIntArray(parser, offsets) || parseIntArray(parser, sizes))
          return failure();
        if (offsets.size() != sizes.size())
          return parser.emitError(loc)
                 << "a block needs as many offsets as sizes, got "
                 << offsets.size() << " and " << sizes.size();
        entry.append(offsets);
        entry.append(sizes);
        list.push_back(parser.getBuilder().getDenseI64ArrayAttr(entry));
        return success();
      }))
    return failure();
  blocks = parser.getBuilder().getArrayAttr(list);
  return success();
}

static void printBlocks(OpAsmPrinter &printer, Operation *, ArrayAttr blocks) {
  printer << "[";
  llvm::interleaveComma(blocks, printer, [&](Attribute b) {
    ArrayRef<int64_t> e = cast<DenseI64ArrayAttr>(b).asArrayRef();
    size_t rank = (e.size() - 1) / 2;
    printer << e[0] << " : ";
    printIntArray(printer, e.slice(1, rank));
    printer << " ";
    printIntArray(printer, e.slice(1 + rank, rank));
  });
  printer << "]";
}

/// table ::= ids `[` (int-list (`,` int-list)*)? `]`: the devices running
/// a send/recv op and, per column, the peer of each.
static ParseResult parsePeerTable(OpAsmParser &parser,
                                  DenseI64ArrayAttr &devices,
                                  ArrayAttr &columns) {
  SmallVector<int64_t> ids;
  if (parseDeviceIds(parser, ids) ||
      parseListOfLists(
          parser,
          [&](SmallVectorImpl<int64_t> &column) {
            return parseIntArray(parser, column);
          },
          columns))
    return failure();
  devices = parser.getBuilder().getDenseI64ArrayAttr(ids);
  return success();
}

static void printPeerTable(OpAsmPrinter &printer, Operation *,
                           DenseI64ArrayAttr devices, ArrayAttr columns) {
  printDeviceIds(printer, devices.asArrayRef());
  printer << " [";
  llvm::interleaveComma(columns, printer, [&](Attribute c) {
    printIntArray(printer, cast<DenseI64ArrayAttr>(c).asArrayRef());
  });
  printer << "]";
}

//===----------------------------------------------------------------------===//
// Placement ops
//===----------------------------------------------------------------------===//

LogicalResult AnnotateOp::verify() {
  return getSharding().verifyForType(getType(),
                                     [&]() { return emitOpError(); });
}

LogicalResult ReshardOp::verify() {
  return getSharding().verifyForType(getType(),
                                     [&]() { return emitOpError(); });
}

//===----------------------------------------------------------------------===//
// Communication ops
//===----------------------------------------------------------------------===//

static LogicalResult checkDevice(Operation *op, int64_t device) {
  if (device < 0 || device >= kMaxDevice)
    return op->emitOpError() << "device id " << device
                             << " is out of range: ids must be in [0, 2^31)";
  return success();
}

/// Every id of `lists` (an array of DenseI64ArrayAttr) is a valid device
/// and none repeats; `repeated` reports a repeated id. One pass over the ids
/// settles the usual case (ids increasing through all the lists, all in
/// range); the per-id checks and the set run only otherwise.
static LogicalResult
checkDistinctDevices(Operation *op, ArrayAttr lists,
                     llvm::function_ref<InFlightDiagnostic(int64_t)> repeated) {
  bool increasing = true, inRange = true;
  int64_t previous = -1;
  for (Attribute attr : lists)
    for (int64_t d : cast<DenseI64ArrayAttr>(attr).asArrayRef()) {
      increasing &= d > previous;
      inRange &= d >= 0 && d < kMaxDevice;
      previous = d;
    }
  if (increasing && inRange)
    return success();
  llvm::DenseSet<int64_t> seen;
  for (Attribute attr : lists)
    for (int64_t d : cast<DenseI64ArrayAttr>(attr).asArrayRef()) {
      if (failed(checkDevice(op, d)))
        return failure();
      if (!seen.insert(d).second)
        return repeated(d);
    }
  return success();
}

/// Groups are non-empty, of one size, and no device is in two of them.
static LogicalResult verifyGroups(Operation *op, ArrayAttr groups) {
  if (groups.empty())
    return op->emitOpError("needs at least one device group");
  int64_t size = -1;
  for (auto [i, attr] : llvm::enumerate(groups)) {
    int64_t n = cast<DenseI64ArrayAttr>(attr).size();
    if (n == 0)
      return op->emitOpError() << "device group #" << i << " is empty";
    if (size >= 0 && n != size)
      return op->emitOpError()
             << "device groups must have one size: group #0 has " << size
             << " devices, group #" << i << " has " << n;
    size = n;
  }
  return checkDistinctDevices(op, groups, [&](int64_t d) {
    return op->emitOpError() << "device " << d
                             << " appears in more than one place of "
                             << "the device groups";
  });
}

/// Checks that `dim` is in range and that `result`'s shape equals `input`'s
/// with dimension `dim` multiplied (`grow`) or divided by the group size.
static LogicalResult verifyResized(Operation *op, ShapedType input,
                                   ShapedType result, int64_t dim,
                                   int64_t groupSize, bool grow,
                                   StringRef dimName = "dim") {
  if (dim >= input.getRank())
    return op->emitOpError() << "`" << dimName << "` " << dim
                             << " is out of range for a rank-"
                             << input.getRank() << " tensor";
  int64_t in = input.getDimSize(dim);
  if (!grow && in % groupSize != 0)
    return op->emitOpError()
           << "dimension " << dim << " of size " << in
           << " cannot be cut into " << groupSize << " equal blocks";
  int64_t expected = in / groupSize;
  if (grow && __builtin_mul_overflow(in, groupSize, &expected))
    return op->emitOpError() << "dimension " << dim << " of size " << in
                             << " times " << groupSize
                             << " devices overflows int64";
  for (int64_t k = 0; k < input.getRank(); ++k) {
    int64_t want = k == dim ? expected : input.getDimSize(k);
    if (result.getDimSize(k) != want)
      return op->emitOpError()
             << "result dimension " << k << " must be " << want << ", got "
             << result.getDimSize(k);
  }
  return success();
}

LogicalResult AllReduceOp::verify() { return verifyGroups(*this, getGroups()); }

LogicalResult AllGatherOp::verify() {
  if (failed(verifyGroups(*this, getGroups())))
    return failure();
  return verifyResized(*this, getInput().getType(), getType(), getDim(),
                       getGroupSize(), /*grow=*/true);
}

LogicalResult ReduceScatterOp::verify() {
  if (failed(verifyGroups(*this, getGroups())))
    return failure();
  return verifyResized(*this, getInput().getType(), getType(), getDim(),
                       getGroupSize(), /*grow=*/false);
}

LogicalResult AllToAllOp::verify() {
  if (failed(verifyGroups(*this, getGroups())))
    return failure();
  auto input = getInput().getType();
  int64_t rank = input.getRank(), n = getGroupSize();
  int64_t split = getSplitDim(), concat = getConcatDim();
  for (auto [name, dim] : {std::pair<StringRef, int64_t>{"split_dim", split},
                           {"concat_dim", concat}})
    if (dim >= rank)
      return emitOpError() << "`" << name << "` " << dim
                           << " is out of range for a rank-" << rank
                           << " tensor";
  if (split == concat)
    return emitOpError("`split_dim` and `concat_dim` must differ");
  if (input.getDimSize(split) % n != 0)
    return emitOpError() << "dimension " << split << " of size "
                         << input.getDimSize(split) << " cannot be cut into "
                         << n << " equal blocks";
  for (int64_t k = 0; k < rank; ++k) {
    int64_t want = input.getDimSize(k);
    if (k == split)
      want /= n;
    else if (k == concat && __builtin_mul_overflow(want, n, &want))
      return emitOpError() << "dimension " << k << " of size "
                           << input.getDimSize(k) << " times " << n
                           << " devices overflows int64";
    if (getType().getDimSize(k) != want)
      return emitOpError() << "result dimension " << k << " must be " << want
                           << ", got " << getType().getDimSize(k);
  }
  return success();
}

/// Every block lies inside `type` and names a valid peer.
static LogicalResult verifyBlocks(Operation *op, StringRef what,
                                  ArrayAttr blocks, ShapedType type,
                                  bool relative, int64_t columns) {
  for (auto [i, attr] : llvm::enumerate(blocks)) {
    ArrayRef<int64_t> e = cast<DenseI64ArrayAttr>(attr).asArrayRef();
    int64_t rank = type.getRank();
    if (static_cast<int64_t>(e.size()) != 1 + 2 * rank)
      return op->emitOpError() << what << " block #" << i << " has "
                               << (static_cast<int64_t>(e.size()) - 1) / 2
                               << " dimensions, the tensor has " << rank;
    if (columns >= 0) {
      if (e[0] < 0 || e[0] >= columns)
        return op->emitOpError()
               << what << " block #" << i << " names peer column " << e[0]
               << ", the table has " << columns;
    } else if (relative ? e[0] == 0 || e[0] <= -kMaxDevice ||
                              e[0] >= kMaxDevice
                        : failed(checkDevice(op, e[0]))) {
      if (!relative)
        return failure();
      return op->emitOpError()
             << what << " block #" << i << ": a relative peer " << e[0]
             << " must be a non-zero distance between ids in [0, 2^31)";
    }
    for (int64_t k = 0; k < rank; ++k) {
      int64_t off = e[1 + k], size = e[1 + rank + k];
      if (off < 0 || size < 0 || off > type.getDimSize(k) - size)
        return op->emitOpError()
               << what << " block #" << i << " (peer " << e[0]
               << ") does not fit dimension " << k << " of size "
               << type.getDimSize(k) << ": offset " << off << ", size "
               << size;
    }
  }
  return success();
}

LogicalResult SendRecvOp::verify() {
  Type elt = getType().getElementType();
  if (getAccumulate() && !elt.isF16() && !elt.isBF16() && !elt.isF32() &&
      !elt.isF64() && !elt.isSignlessInteger(32) && !elt.isSignlessInteger(64))
    return emitOpError() << "`accumulate` adds received blocks and needs f16, "
                            "bf16, f32, f64, i32 or i64 elements, got "
                         << elt;
  if (!getSends().empty() && !getInput())
    return emitOpError("has blocks to send but no tensor to send from");
  int64_t columns = -1;
  if (std::optional<ArrayRef<int64_t>> ids = getTableDevices()) {
    if (getRelative())
      return emitOpError("peers are either `relative` or a `table`, not both");
    ArrayAttr table = *getPeerTable();
    columns = static_cast<int64_t>(table.size());
    if (failed(checkDistinctDevices(
            *this, ArrayAttr::get(getContext(), {Attribute(getTableDevicesAttr())}),
            [&](int64_t d) {
              return emitOpError()
                     << "device " << d << " appears twice in the peer table";
            })))
      return failure();
    if (!llvm::is_sorted(*ids))
      return emitOpError("lists the peer table's devices out of order: they "
                         "must increase");
    for (auto [c, attr] : llvm::enumerate(table)) {
      ArrayRef<int64_t> peers = cast<DenseI64ArrayAttr>(attr).asArrayRef();
      if (peers.size() != ids->size())
        return emitOpError() << "peer column #" << c << " has "
                             << peers.size() << " entries for "
                             << ids->size() << " devices";
      for (int64_t p : peers)
        if (failed(checkDevice(*this, p)))
          return failure();
    }
    // A device's blocks for one peer travel as one message each way: the
    // columns its sends name must name distinct peers, and so must those
    // its receives name.
    for (bool sending : {true, false}) {
      ArrayAttr blocks = sending ? getSends() : getRecvs();
      llvm::SmallSetVector<int64_t, 8> used;
      for (Attribute attr : blocks) {
        int64_t c = cast<DenseI64ArrayAttr>(attr)[0];
        if (c >= 0 && c < columns)
          used.insert(c);
      }
      for (size_t i = 0; i < ids->size(); ++i) {
        llvm::SmallDenseSet<int64_t, 8> seen;
        for (int64_t c : used) {
          int64_t peer = cast<DenseI64ArrayAttr>(table[c])[i];
          if (!seen.insert(peer).second)
            return emitOpError()
                   << "device " << (*ids)[i] << " has two peer columns "
                   << (sending ? "to send to" : "to receive from")
                   << " naming device " << peer;
        }
      }
    }
  } else if (getPeerTable()) {
    return emitOpError("has peer columns but no table devices");
  }
  if (getInput() &&
      failed(verifyBlocks(*this, "send", getSends(), getInput().getType(),
                          getRelative(), columns)))
    return failure();
  return verifyBlocks(*this, "receive", getRecvs(), getType(), getRelative(),
                      columns);
}

/// The peer of the device `device` for an entry naming `field` (an id, a
/// distance, or a column of the table), or -1 if the table lacks the device.
int64_t SendRecvOp::peerOf(int64_t field, int64_t device) {
  if (getRelative())
    return device + field;
  std::optional<ArrayRef<int64_t>> ids = getTableDevices();
  if (!ids)
    return field;
  const int64_t *at = llvm::lower_bound(*ids, device);
  if (at == ids->end() || *at != device)
    return -1;
  return cast<DenseI64ArrayAttr>((*getPeerTable())[field])[at - ids->begin()];
}

//===----------------------------------------------------------------------===//
// PlanOp
//===----------------------------------------------------------------------===//

RegionKind PlanOp::getRegionKind(unsigned) { return RegionKind::SSACFG; }

ParseResult PlanOp::parse(OpAsmParser &parser, OperationState &result) {
  OpAsmParser::UnresolvedOperand input;
  ShardingAttr sharding;
  Type type;
  if (parser.parseOperand(input) || parser.parseKeyword("to") ||
      parseShardingAndType(parser, sharding, type) ||
      parser.resolveOperand(input, type, result.operands))
    return failure();
  result.addTypes(type);
  result.addAttribute("sharding", sharding);
  SmallVector<Attribute> devices;
  while (succeeded(parser.parseOptionalKeyword("devices"))) {
    SmallVector<int64_t> list;
    if (parseDeviceIds(parser, list))
      return failure();
    devices.push_back(parser.getBuilder().getDenseI64ArrayAttr(list));
    Region *region = result.addRegion();
    if (parser.parseRegion(*region, /*arguments=*/{}))
      return failure();
    if (region->empty())
      region->emplaceBlock();
    PlanOp::ensureTerminator(*region, parser.getBuilder(), result.location);
  }
  result.addAttribute("devices", parser.getBuilder().getArrayAttr(devices));
  return parser.parseOptionalAttrDict(result.attributes);
}

void PlanOp::print(OpAsmPrinter &printer) {
  printer << " " << getInput() << " to ";
  printShardingAndType(printer, *this, getSharding(), getType());
  for (auto [attr, region] : llvm::zip(getDevices(), getPrograms())) {
    printer.printNewline();
    printer << "devices ";
    printDeviceIds(printer, cast<DenseI64ArrayAttr>(attr).asArrayRef());
    printer << " ";
    printer.printRegion(region, /*printEntryBlockArgs=*/true,
                        /*printBlockTerminators=*/true);
  }
  printer.printOptionalAttrDict((*this)->getAttrs(), {"devices", "sharding"});
}

LogicalResult PlanOp::verify() {
  if (getDevices().size() != getPrograms().size())
    return emitOpError() << "has " << getDevices().size()
                         << " device sets but " << getPrograms().size()
                         << " regions";
  if (llvm::any_of(getDevices(), [](Attribute attr) {
        return cast<DenseI64ArrayAttr>(attr).empty();
      }))
    return emitOpError("has an empty device set");
  if (failed(checkDistinctDevices(*this, getDevices(), [&](int64_t d) {
        return emitOpError() << "lists device " << d << " twice";
      })))
    return failure();
  auto type = cast<RankedTensorType>(getType());
  for (Region &region : getPrograms()) {
    Block &block = region.front();
    if (block.getNumArguments() > 1)
      return emitOpError("a device program takes at most one argument");
    for (Type t : llvm::concat<Type>(block.getArgumentTypes(),
                                     block.getTerminator()->getOperandTypes())) {
      auto local = dyn_cast<RankedTensorType>(t);
      if (!local || local.getRank() != type.getRank() ||
          local.getElementType() != type.getElementType())
        return emitOpError() << "device program types must be tensors of the "
                                "rank and element type of "
                             << type << ", got " << t;
    }
    if (block.getTerminator()->getNumOperands() > 1)
      return emitOpError("a device program yields at most one value");
    // A device program is copied into each device's function alone: it
    // may read its argument and what it defines, nothing from around it.
    Operation *bad = nullptr;
    region.walk([&](Operation *inner) {
      bool outside = llvm::any_of(inner->getOperands(), [&](Value v) {
        return !region.isAncestor(v.getParentRegion());
      });
      if (outside || isa<PlanOp>(inner)) {
        bad = inner;
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (bad) {
      InFlightDiagnostic diag =
          emitOpError() << (isa<PlanOp>(bad)
                                ? "a device program may not hold another "
                                  "hspmd.plan"
                                : "a device program may use only its "
                                  "argument and the values it defines, "
                                  "not one defined around the plan");
      diag.attachNote(bad->getLoc()) << "here";
      return diag;
    }
  }
  // Each device set yields its members' block under the destination
  // sharding (nothing where the value does not live), so the set's members
  // must hold blocks of one shape or none.
  if (!type.hasStaticShape())
    return success();
  if (failed(getSharding().verifyForType(type, [&]() { return emitOpError(); })))
    return failure();
  ::hspmd::layout::Layout layout(getSharding().getLayout(),
                                 std::vector<int64_t>(type.getShape().begin(),
                                                      type.getShape().end()));
  for (auto [set, region] : llvm::zip(getDevices(), getPrograms())) {
    ArrayRef<int64_t> members = cast<DenseI64ArrayAttr>(set).asArrayRef();
    std::optional<::hspmd::layout::Placement> first =
        layout.place(members.front());
    TypeRange yielded = region.front().getTerminator()->getOperandTypes();
    auto text = [](auto &&print) {
      std::string out;
      llvm::raw_string_ostream os(out);
      print(os);
      return out;
    };
    auto shapeText = [&](const std::optional<::hspmd::layout::Placement> &p) {
      return text([&](llvm::raw_ostream &os) {
        if (!p)
          os << "nothing (the value does not live there)";
        else
          os << RankedTensorType::get(p->localShape, type.getElementType());
      });
    };
    std::string setText = text([&](llvm::raw_ostream &os) {
      ::hspmd::layout::DeviceList list;
      list.assign(members.begin(), members.end());
      os << ::hspmd::layout::formatDeviceList(list);
    });
    for (int64_t d : members) {
      std::optional<::hspmd::layout::Placement> at =
          d == members.front() ? first : layout.place(d);
      bool same = at.has_value() == first.has_value() &&
                  (!at || at->localShape == first->localShape);
      if (!same)
        return emitOpError()
               << "device set " << setText << " mixes devices holding different "
               << "blocks of the result: device " << members.front()
               << " holds " << shapeText(first) << ", device " << d
               << " holds " << shapeText(at);
    }
    bool yieldsBlock =
        first && yielded.size() == 1 &&
        cast<RankedTensorType>(yielded.front()).getShape() ==
            ArrayRef<int64_t>(first->localShape);
    if (first ? !yieldsBlock : !yielded.empty())
      return emitOpError()
             << "the device program of " << setText << " must yield "
             << shapeText(first) << " under " << getSharding() << ", got "
             << (yielded.empty() ? std::string("nothing")
                                 : text([&](llvm::raw_ostream &os) {
                                     os << yielded.front();
                                   }));
  }
  return success();
}

LogicalResult WithStrategyOp::verify() {
  auto module = (*this)->getParentOfType<ModuleOp>();
  auto strategies =
      module ? module->getAttrOfType<ArrayAttr>(kStrategiesAttrName) : nullptr;
  if (!strategies)
    return emitOpError() << "needs an enclosing module that declares its "
                            "strategies ('"
                         << kStrategiesAttrName << "')";
  Block &block = getBody().front();
  if (block.getArgumentTypes() != getInputs().getTypes())
    return emitOpError() << "body takes " << block.getArgumentTypes()
                         << " but the op passes " << getInputs().getTypes();
  TypeRange yielded = block.getTerminator()->getOperandTypes();
  if (yielded != getResultTypes())
    return emitOpError() << "body yields " << yielded
                         << " but the op returns " << getResultTypes();
  WalkResult nested = getBody().walk([](WithStrategyOp inner) {
    inner.emitOpError("is inside another hspmd.with_strategy: the outer "
                      "one already chooses the strategy");
    return WalkResult::interrupt();
  });
  return failure(nested.wasInterrupted());
}

#define GET_OP_CLASSES
#include "hspmd/IR/HspmdOps.cpp.inc"
