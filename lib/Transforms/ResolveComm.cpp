//===- ResolveComm.cpp - Reshards into per-device communication -----------===//
//
// The planner works in global coordinates (every box is a box of the whole
// tensor); this pass replays a plan for each device, tracking which box the
// device's buffer covers after each step, and writes the device's part of
// every step as device-local ops whose offsets are relative to that buffer.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/Support/raw_ostream.h"

#include <complex>
#include <set>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDRESOLVECOMM
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;
namespace plan = ::hspmd::plan;
using plan::Box;

namespace {

SmallVector<int64_t> extents(const Box &box) {
  SmallVector<int64_t> out;
  for (const layout::Range &r : box)
    out.push_back(r.size());
  return out;
}

/// `inner`'s offsets within `outer`.
SmallVector<int64_t> offsetsIn(const Box &inner, const Box &outer) {
  SmallVector<int64_t> out;
  for (size_t k = 0; k < inner.size(); ++k)
    out.push_back(inner[k].lo - outer[k].lo);
  return out;
}

/// Per step, what each device takes part in: lookups by device instead of
/// scans of every group and transfer (plans over thousands of devices).
struct StepIndex {
  llvm::DenseMap<int64_t, SmallVector<const plan::DeviceUpdate *, 1>> updates;
  /// A device's groups, with its position in each.
  llvm::DenseMap<
      int64_t,
      SmallVector<std::pair<const plan::CollectiveGroup *, int64_t>, 1>>
      groups;
  llvm::DenseMap<int64_t, SmallVector<const plan::Transfer *>> sends, recvs;

  explicit StepIndex(const plan::Step &step) {
    for (const plan::DeviceUpdate &u : step.updates)
      updates[u.device].push_back(&u);
    for (const plan::CollectiveGroup &g : step.groups)
      for (auto [i, d] : llvm::enumerate(g.devices))
        groups[d].push_back({&g, static_cast<int64_t>(i)});
    for (const plan::Transfer &t : step.transfers) {
      sends[t.from].push_back(&t);
      recvs[t.to].push_back(&t);
    }
  }

  /// What `m` lists for device `d` (nothing if it lists nothing).
  template <typename Map>
  static ArrayRef<typename Map::mapped_type::value_type> of(const Map &m,
                                                            int64_t d) {
    auto it = m.find(d);
    if (it == m.end())
      return {};
    return it->second;
  }
};

/// What a device's program depends on beside its key: the offsets of its
/// slices and inserts and the groups of its collectives, in program order.
/// Devices whose keys are equal share one program, which reads the offsets
/// that differ by device id and lists all their groups.
struct Recorded {
  std::vector<SmallVector<int64_t>> offsets;
  std::vector<const plan::CollectiveGroup *> groups;
  /// Per send/recv op, the device's distinct peers: those it sends to, in
  /// order of their first block, then those it receives from.
  std::vector<SmallVector<int64_t>> peers;
};

/// How a key writes a point-to-point peer: its id, its distance from the
/// device, or its rank among the device's peers of the exchange (a column
/// of a table: the coarsest, any two devices exchanging the same blocks
/// with as many peers agree).
enum class PeerKey { Id, Distance, Column };

/// One device's program for one plan. It runs in two modes: recording a key
/// (every op it would create, with everything that op depends on, but no IR)
/// or building the ops. Devices with equal keys get the same program, so
/// the ops are built once per class of devices.
class DeviceProgram {
public:
  DeviceProgram(OpBuilder *b, Location loc, Type elementType, int64_t device,
                std::vector<int64_t> *key)
      : b(b), loc(loc), elementType(elementType), device(device), key(key) {}

  /// The device's buffer: its box and its local value (none if it holds
  /// nothing; never set while recording).
  std::optional<Box> box;
  Value value;

  RankedTensorType typeOf(const Box &box) {
    return RankedTensorType::get(extents(box), elementType);
  }

  /// The first token of each kind of step a key records: two devices share
  /// a program when their keys are equal, so each kind needs its own tag.
  struct Key {
    enum : int64_t {
      WholeSlice,  // the whole value is the part
      Slice,       // a part, then its offsets and extents
      WholeInsert, // the part is the whole destination
      Insert,      // a part written at offsets, then its offsets and extents
      Zeros,       // zeros of the extents that follow
      Collective,  // kind and group
      SendRecv,    // counts, accumulate, whether the device had a value
      EmptySlice,  // nothing to read: an empty tensor of the extents
      EmptyInsert, // nothing to write
    };
  };

  /// Records a token of the key (nothing when building).
  void note(ArrayRef<int64_t> tokens) {
    if (key)
      key->insert(key->end(), tokens.begin(), tokens.end());
  }
  /// A slice's or insert's box: its extents go in the key, its offsets in
  /// the device's parameters, so that devices whose programs differ only in
  /// offsets share one program (it reads them from a table indexed by the
  /// device id).
  void noteBox(const Box &part, const Box &whole) {
    if (recording)
      recording->offsets.push_back(offsetsIn(part, whole));
    note(extents(part));
  }

  /// How the key writes send/recv peers. However it does, a class's
  /// exchange names its peers by id where its members share them, by
  /// distance where they share those, or else by a table.
  PeerKey peerKey = PeerKey::Id;
  /// While recording: where the device's offsets and groups go.
  Recorded *recording = nullptr;
  /// While building: the class's devices and what each recorded.
  ArrayRef<int64_t> members;
  ArrayRef<Recorded> memberRecords;
  bool building() const { return b != nullptr; }

  /// Static offsets (of `part` within `whole`), sizes and unit strides.
  struct SliceParams {
    SmallVector<OpFoldResult> offsets, sizes, strides;
  };
  SliceParams sliceParams(const Box &part, const Box &whole) {
    SliceParams p;
    SmallVector<int64_t> mine = offsetsIn(part, whole);
    size_t k = nextParam++;
    for (auto [j, o] : llvm::enumerate(mine)) {
      bool shared =
          llvm::all_of(memberRecords, [&, j = j, o = o](const Recorded &r) {
            return r.offsets[k][j] == o;
          });
      p.offsets.push_back(shared ? OpFoldResult(b->getIndexAttr(o))
                                 : OpFoldResult(tableLookup(k, j)));
    }
    for (int64_t s : extents(part)) {
      p.sizes.push_back(b->getIndexAttr(s));
      p.strides.push_back(b->getIndexAttr(1));
    }
    return p;
  }

  Value slice(Value from, const Box &fromBox, const Box &part) {
    if (fromBox == part) {
      note({Key::WholeSlice});
      return from;
    }
    if (layout::volume(part) == 0) {
      // Nothing to read; upstream's slice verifier rejects any offset into a
      // dimension of size 0.
      note({Key::EmptySlice});
      note(extents(part));
      if (!building())
        return {};
      return tensor::EmptyOp::create(*b, loc, extents(part), elementType);
    }
    note({Key::Slice});
    noteBox(part, fromBox);
    if (!building())
      return {};
    SliceParams p = sliceParams(part, fromBox);
    return tensor::ExtractSliceOp::create(*b, loc, typeOf(part), from,
                                          p.offsets, p.sizes, p.strides);
  }

  Value insert(Value part, const Box &partBox, Value into, const Box &intoBox) {
    if (partBox == intoBox) {
      note({Key::WholeInsert});
      return part;
    }
    if (layout::volume(partBox) == 0) {
      note({Key::EmptyInsert}); // nothing to write
      return into;
    }
    note({Key::Insert});
    noteBox(partBox, intoBox);
    if (!building())
      return {};
    SliceParams p = sliceParams(partBox, intoBox);
    return tensor::InsertSliceOp::create(*b, loc, part, into, p.offsets,
                                         p.sizes, p.strides);
  }

  Value zeros(const Box &box) {
    note({Key::Zeros});
    note(extents(box));
    if (!building())
      return {};
    // Complex numbers have no scalar arith.constant: a splat of (0, 0).
    if (auto c = dyn_cast<ComplexType>(elementType)) {
      auto type = RankedTensorType::get(extents(box), elementType);
      DenseElementsAttr zero;
      if (auto f = dyn_cast<FloatType>(c.getElementType())) {
        APFloat z = APFloat::getZero(f.getFloatSemantics());
        zero = DenseElementsAttr::get(
            type, ArrayRef<std::complex<APFloat>>{std::complex<APFloat>(z, z)});
      } else {
        APInt z(c.getElementType().getIntOrFloatBitWidth(), 0);
        zero = DenseElementsAttr::get(
            type, ArrayRef<std::complex<APInt>>{std::complex<APInt>(z, z)});
      }
      return arith::ConstantOp::create(*b, loc, zero);
    }
    Value empty = tensor::EmptyOp::create(*b, loc, extents(box), elementType);
    Value zero =
        arith::ConstantOp::create(*b, loc, b->getZeroAttr(elementType));
    return linalg::FillOp::create(*b, loc, zero, empty).getResult(0);
  }

  /// The groups of the class's members at this collective, each once, in
  /// order of their devices.
  ArrayAttr groupsAttr(const plan::CollectiveGroup &g) {
    size_t q = nextGroup++;
    // The distinct lists in increasing order, compared in place (a group
    // may list thousands of devices).
    // (Members of one group share its record: distinct pointers first.)
    SmallVector<const std::vector<int64_t> *> lists{&g.devices};
    for (const Recorded &r : memberRecords)
      lists.push_back(&r.groups[q]->devices);
    llvm::sort(lists);
    lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
    auto less = [](const std::vector<int64_t> *x,
                   const std::vector<int64_t> *y) { return *x < *y; };
    llvm::sort(lists, less);
    SmallVector<Attribute> out;
    for (size_t i = 0; i < lists.size(); ++i)
      if (i == 0 || *lists[i] != *lists[i - 1])
        out.push_back(b->getDenseI64ArrayAttr(*lists[i]));
    return b->getArrayAttr(out);
  }

  ArrayAttr blocksAttr(ArrayRef<SmallVector<int64_t>> blocks) {
    SmallVector<Attribute> out;
    for (const auto &e : blocks)
      out.push_back(b->getDenseI64ArrayAttr(e));
    return b->getArrayAttr(out);
  }

  /// This device's part of `step`.
  void apply(const plan::Step &step, const StepIndex &index) {
    using plan::StepKind;
    switch (step.kind) {
    case StepKind::Slice:
      for (const plan::DeviceUpdate *u : StepIndex::of(index.updates, device)) {
        value = slice(value, *box, u->box);
        box = u->box;
      }
      return;
    case StepKind::KeepOrZero:
      for (const plan::DeviceUpdate *u : StepIndex::of(index.updates, device)) {
        value = u->keep ? slice(value, *box, u->box) : zeros(u->box);
        box = u->box;
      }
      return;
    case StepKind::SendRecv:
      return applySendRecv(step, index);
    default:
      break;
    }
    for (auto [gp, i] : StepIndex::of(index.groups, device)) {
      const plan::CollectiveGroup &g = *gp;
      int64_t n = static_cast<int64_t>(g.devices.size());
      // Block `i` of the region along `dim`.
      auto blockOf = [&, i = i](int64_t dim) {
        Box part = g.region;
        int64_t size = g.region[dim].size() / n;
        part[dim] = {g.region[dim].lo + size * i,
                     g.region[dim].lo + size * (i + 1)};
        return part;
      };
      // The group's size is part of the key, the group itself is recorded
      // beside it: devices of different groups doing the same share one op
      // listing all their groups (each takes part in its own).
      note({Key::Collective, static_cast<int64_t>(step.kind), n});
      if (recording)
        recording->groups.push_back(gp);
      switch (step.kind) {
      case StepKind::AllReduce: {
        Value part = slice(value, *box, g.region);
        Value sum;
        if (building())
          sum = AllReduceOp::create(*b, loc, typeOf(g.region), part,
                                    groupsAttr(g));
        value = insert(sum, g.region, value, *box);
        break;
      }
      case StepKind::AllGather: {
        Value part = slice(value, *box, blockOf(step.dim));
        if (building())
          value = AllGatherOp::create(*b, loc, typeOf(g.region), part,
                                      b->getI64IntegerAttr(step.dim),
                                      groupsAttr(g));
        box = g.region;
        break;
      }
      case StepKind::ReduceScatter: {
        Value whole = slice(value, *box, g.region);
        Box mine = blockOf(step.dim);
        if (building())
          value = ReduceScatterOp::create(*b, loc, typeOf(mine), whole,
                                          b->getI64IntegerAttr(step.dim),
                                          groupsAttr(g));
        box = mine;
        break;
      }
      case StepKind::AllToAll: {
        Value part = slice(value, *box, blockOf(step.concatDim));
        Box mine = blockOf(step.dim);
        if (building())
          value = AllToAllOp::create(
              *b, loc, typeOf(mine), part, b->getI64IntegerAttr(step.dim),
              b->getI64IntegerAttr(step.concatDim), groupsAttr(g));
        box = mine;
        break;
      }
      default:
        break;
      }
    }
  }

  void applySendRecv(const plan::Step &step, const StepIndex &index) {
    SmallVector<SmallVector<int64_t>> sends, recvs;
    // Distinct peers, sends' then receives' (the columns of a table).
    SmallVector<int64_t> peers, columns;
    auto field = [&](int64_t peer, size_t first) -> int64_t {
      auto *at = std::find(peers.begin() + first, peers.end(), peer);
      int64_t column = at - peers.begin();
      if (at == peers.end())
        peers.push_back(peer);
      columns.push_back(column);
      switch (peerKey) {
      case PeerKey::Id:
        return peer;
      case PeerKey::Distance:
        return peer - device;
      case PeerKey::Column:
        return column;
      }
      llvm_unreachable("peer key");
    };
    for (const plan::Transfer *t : StepIndex::of(index.sends, device)) {
      SmallVector<int64_t> e{field(t->to, 0)};
      llvm::append_range(e, offsetsIn(t->box, *box));
      llvm::append_range(e, extents(t->box));
      sends.push_back(e);
    }
    ArrayRef<const plan::DeviceUpdate *> updates =
        StepIndex::of(index.updates, device);
    const plan::DeviceUpdate *update =
        updates.empty() ? nullptr : updates.back();
    if (!update && sends.empty())
      return;
    Value init = value;
    bool hadValue = box.has_value();
    Box newBox = box ? *box : Box();
    if (update) {
      newBox = update->box;
      init = zeros(newBox);
      for (const Box &c : update->localCopies)
        init = insert(slice(value, *box, c), c, init, newBox);
      size_t firstRecv = peers.size();
      for (const plan::Transfer *t : StepIndex::of(index.recvs, device)) {
        SmallVector<int64_t> e{field(t->from, firstRecv)};
        llvm::append_range(e, offsetsIn(t->box, newBox));
        llvm::append_range(e, extents(t->box));
        recvs.push_back(e);
      }
    }
    // A device that only sends passes its own value as the (unchanged) init.
    bool accumulate = step.accumulate && update;
    note({Key::SendRecv, static_cast<int64_t>(sends.size()),
          static_cast<int64_t>(recvs.size()), accumulate, hadValue});
    for (const auto &e : sends)
      note(e);
    for (const auto &e : recvs)
      note(e);
    if (recording)
      recording->peers.push_back(std::move(peers));
    if (building())
      value = buildSendRecv(sends.empty() ? Value() : value, init, sends,
                            recvs, columns, accumulate);
    if (update)
      box = newBox;
  }

  /// The class's exchange: its entries name peers by id if its members
  /// share them, by distance if they share those, or else by columns of a
  /// table (the members and, per column, each one's peer). `columns` gives
  /// each entry's column, sends' then receives'.
  Value buildSendRecv(Value input, Value init,
                      SmallVector<SmallVector<int64_t>> &sends,
                      SmallVector<SmallVector<int64_t>> &recvs,
                      ArrayRef<int64_t> columns, bool accumulate) {
    size_t q = nextExchange++;
    ArrayRef<int64_t> mine = memberRecords.front().peers[q];
    int64_t self = members.front();
    auto shared = [&](bool distance) {
      for (auto [m, r] : llvm::zip(members, memberRecords))
        for (auto [p, own] : llvm::zip(r.peers[q], mine))
          if (distance ? p - m != own - self : p != own)
            return false;
      return true;
    };
    bool ids = shared(false), distances = !ids && shared(true);
    size_t k = 0;
    for (auto *entries : {&sends, &recvs})
      for (SmallVector<int64_t> &e : *entries) {
        int64_t column = columns[k++];
        e[0] = ids ? mine[column] : distances ? mine[column] - self : column;
      }
    DenseI64ArrayAttr tableDevices;
    ArrayAttr table;
    if (!ids && !distances) {
      tableDevices = b->getDenseI64ArrayAttr(members);
      SmallVector<Attribute> list;
      for (size_t c = 0; c < mine.size(); ++c) {
        SmallVector<int64_t> column;
        for (const Recorded &r : memberRecords)
          column.push_back(r.peers[q][c]);
        list.push_back(b->getDenseI64ArrayAttr(column));
      }
      table = b->getArrayAttr(list);
    }
    return SendRecvOp::create(*b, loc, init.getType(), input, init,
                              blocksAttr(sends), blocksAttr(recvs),
                              accumulate ? b->getUnitAttr() : UnitAttr(),
                              distances ? b->getUnitAttr() : UnitAttr(),
                              tableDevices, table);
  }

private:
  /// The class members' offsets `k`, dimension `j`, read by the device id.
  Value tableLookup(size_t k, size_t j) {
    if (!isDenseDeviceTable(members)) {
      if (!deviceId)
        deviceId = DeviceIdOp::create(*b, loc, b->getIndexType());
      SmallVector<int64_t> column;
      for (const Recorded &r : memberRecords)
        column.push_back(r.offsets[k][j]);
      return searchByDevice(*b, loc, deviceId, members, column, 0);
    }
    int64_t last = *llvm::max_element(members);
    SmallVector<int64_t> table(last + 1, 0);
    for (auto [m, r] : llvm::zip(members, memberRecords))
      table[m] = r.offsets[k][j];
    Value values =
        arith::ConstantOp::create(*b, loc, b->getIndexTensorAttr(table));
    if (!deviceId)
      deviceId = DeviceIdOp::create(*b, loc, b->getIndexType());
    return tensor::ExtractOp::create(*b, loc, values, deviceId);
  }

  OpBuilder *b;
  Location loc;
  Type elementType;
  int64_t device;
  std::vector<int64_t> *key;
  size_t nextParam = 0, nextGroup = 0, nextExchange = 0;
  Value deviceId;
};

struct ResolveCommPass
    : public mlir::hspmd::impl::HspmdResolveCommBase<ResolveCommPass> {
  using HspmdResolveCommBase::HspmdResolveCommBase;

  /// Resolved reshards by (source sharding, destination sharding, type):
  /// a model repeats the same reshard in every layer, and its plan and
  /// device programs depend on these alone.
  std::map<std::tuple<const void *, const void *, const void *>, PlanOp>
      resolved;

  void runOnOperation() override {
    resolved.clear();
    SmallVector<ReshardOp> reshards;
    getOperation()->walk([&](ReshardOp op) { reshards.push_back(op); });
    for (ReshardOp op : reshards)
      if (failed(resolve(op)))
        return signalPassFailure();
  }

  LogicalResult resolve(ReshardOp op) {
    ShardingAttr from = getPlacement(op.getInput());
    auto key = std::make_tuple(from.getAsOpaquePointer(),
                               op.getSharding().getAsOpaquePointer(),
                               op.getType().getAsOpaquePointer());
    if (from) {
      auto it = resolved.find(key);
      if (it != resolved.end()) {
        OpBuilder b(op);
        IRMapping map;
        map.map(it->second.getInput(), op.getInput());
        Operation *copy = b.clone(*it->second, map);
        copy->setLoc(op.getLoc());
        op.getResult().replaceAllUsesWith(copy->getResult(0));
        op.erase();
        return success();
      }
    }
    FailureOr<ReshardPlan> planned = planReshard(op, verifyPlans, checkUpTo);
    if (failed(planned))
      return failure();
    const layout::Layout &src = planned->src, &dst = planned->dst;
    const plan::Plan &p = planned->plan;
    auto type = cast<RankedTensorType>(op.getType());

    std::set<int64_t> devices(src.devices().begin(), src.devices().end());
    devices.insert(dst.devices().begin(), dst.devices().end());
    for (const plan::DeviceTraffic &t : plan::traffic(p, 1))
      devices.insert(t.device);
    std::vector<StepIndex> index;
    index.reserve(p.steps.size());
    for (const plan::Step &step : p.steps)
      index.emplace_back(step);

    // Runs the plan for device `d`: records its key, or builds its program
    // into `block`. Fails if the plan leaves the device without its block.
    // Recording fills `key` and `recording`; building reads what the
    // class's members recorded.
    struct Class {
      SmallVector<int64_t> members;
      std::vector<Recorded> records;
    };
    PeerKey peerKey = PeerKey::Id;
    auto run = [&](int64_t d, OpBuilder *rb, Block *block,
                   std::vector<int64_t> *key, Recorded *recording,
                   const Class *building) -> LogicalResult {
      DeviceProgram prog(rb, op.getLoc(), type.getElementType(), d, key);
      prog.peerKey = peerKey;
      prog.recording = recording;
      if (building) {
        prog.members = building->members;
        prog.memberRecords = building->records;
      }
      if (std::optional<layout::Placement> at = src.place(d)) {
        prog.box = at->box;
        prog.note(extents(at->box));
        if (block)
          prog.value = block->addArgument(prog.typeOf(at->box), op.getLoc());
      } else {
        prog.note({-1});
      }
      for (auto [step, stepIndex] : llvm::zip(p.steps, index))
        prog.apply(step, stepIndex);
      std::optional<layout::Placement> at = dst.place(d);
      if (at && (!prog.box || !(*prog.box == at->box)))
        return op.emitError() << "internal error: the plan leaves device " << d
                              << " without its destination block";
      prog.note({at ? 1 : 0});
      if (rb)
        YieldOp::create(*rb, op.getLoc(),
                        at ? ValueRange{prog.value} : ValueRange{});
      return success();
    };

    // Devices with equal keys run the same program: one region per class,
    // in the order of each class's first device. Keys write point-to-point
    // peers as ids or, where that makes fewer classes, as distances (a
    // pipeline boundary: every device sends to the one 32 ids on) or as
    // columns of a table (the halves of a split gathered two by two: each
    // device receives from two peers in no common pattern).
    auto classify = [&](std::vector<Class> &byKey) -> LogicalResult {
      std::map<std::vector<int64_t>, size_t> classOf;
      for (int64_t d : devices) {
        std::vector<int64_t> key;
        Recorded recorded;
        if (failed(run(d, nullptr, nullptr, &key, &recorded, nullptr)))
          return failure();
        auto [it, inserted] =
            classOf.try_emplace(std::move(key), byKey.size());
        if (inserted)
          byKey.emplace_back();
        byKey[it->second].members.push_back(d);
        byKey[it->second].records.push_back(std::move(recorded));
      }
      return success();
    };
    std::vector<Class> byKey;
    if (failed(classify(byKey)))
      return failure();
    bool exchanges = llvm::any_of(p.steps, [](const plan::Step &s) {
      return s.kind == plan::StepKind::SendRecv;
    });
    for (PeerKey coarser : {PeerKey::Distance, PeerKey::Column}) {
      if (!exchanges || byKey.size() == 1)
        break;
      peerKey = coarser;
      std::vector<Class> fewer;
      if (failed(classify(fewer)))
        return failure();
      if (fewer.size() < byKey.size())
        byKey = std::move(fewer);
    }
    // A class shares each collective op between its members' groups; where
    // two of those groups overlap without being one (a device in several
    // groups of a step), the op could not list both, and the class splits
    // by the groups its members use.
    auto disjointGroups = [](const Class &c) {
      for (size_t q = 0; q < c.records.front().groups.size(); ++q) {
        std::set<const plan::CollectiveGroup *> distinct;
        for (const Recorded &r : c.records)
          distinct.insert(r.groups[q]);
        std::set<int64_t> seen;
        for (const plan::CollectiveGroup *g : distinct)
          for (int64_t d : g->devices)
            if (!seen.insert(d).second)
              return false;
      }
      return true;
    };
    std::vector<Class> classes;
    for (Class &c : byKey) {
      if (disjointGroups(c)) {
        classes.push_back(std::move(c));
        continue;
      }
      std::map<std::vector<const plan::CollectiveGroup *>, size_t> split;
      for (auto [d, r] : llvm::zip(c.members, c.records)) {
        auto [it, inserted] = split.try_emplace(r.groups, classes.size());
        if (inserted)
          classes.emplace_back();
        classes[it->second].members.push_back(d);
        classes[it->second].records.push_back(std::move(r));
      }
    }
    llvm::sort(classes, [](const Class &x, const Class &y) {
      return x.members.front() < y.members.front();
    });
    OpBuilder b(op);
    SmallVector<std::pair<SmallVector<int64_t>, std::unique_ptr<Region>>>
        unique;
    for (Class &c : classes) {
      auto region = std::make_unique<Region>();
      Block *block = new Block();
      region->push_back(block);
      OpBuilder rb(op.getContext()); // the region has no op around it yet
      rb.setInsertionPointToEnd(block);
      if (failed(run(c.members.front(), &rb, block, nullptr, nullptr, &c)))
        return failure();
      unique.push_back({std::move(c.members), std::move(region)});
    }
    SmallVector<Attribute> deviceSets;
    for (auto &[list, program] : unique)
      deviceSets.push_back(b.getDenseI64ArrayAttr(list));
    OperationState state(op.getLoc(), PlanOp::getOperationName());
    state.addOperands(op.getInput());
    state.addTypes(type);
    state.addAttribute("sharding", op.getSharding());
    state.addAttribute("devices", b.getArrayAttr(deviceSets));
    for (auto &[list, program] : unique)
      state.addRegion()->takeBody(*program);
    Operation *result = b.create(state);
    if (from)
      resolved[key] = cast<PlanOp>(result);
    op.getResult().replaceAllUsesWith(result->getResult(0));
    op.erase();
    return success();
  }
};

} // namespace
