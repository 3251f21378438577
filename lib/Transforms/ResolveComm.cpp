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
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/Support/raw_ostream.h"

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

/// Builds one device's program for one plan.
class DeviceProgram {
public:
  DeviceProgram(OpBuilder &b, Location loc, Type elementType, int64_t device)
      : b(b), loc(loc), elementType(elementType), device(device) {}

  /// The device's buffer: its box and its local value (none if it holds
  /// nothing).
  std::optional<Box> box;
  Value value;

  RankedTensorType typeOf(const Box &box) {
    return RankedTensorType::get(extents(box), elementType);
  }

  /// Static offsets (of `part` within `whole`), sizes and unit strides.
  struct SliceParams {
    SmallVector<OpFoldResult> offsets, sizes, strides;
  };
  SliceParams sliceParams(const Box &part, const Box &whole) {
    SliceParams p;
    for (int64_t o : offsetsIn(part, whole))
      p.offsets.push_back(b.getIndexAttr(o));
    for (int64_t s : extents(part)) {
      p.sizes.push_back(b.getIndexAttr(s));
      p.strides.push_back(b.getIndexAttr(1));
    }
    return p;
  }

  Value slice(Value from, const Box &fromBox, const Box &part) {
    if (fromBox == part)
      return from;
    SliceParams p = sliceParams(part, fromBox);
    return tensor::ExtractSliceOp::create(b, loc, typeOf(part), from,
                                          p.offsets, p.sizes, p.strides);
  }

  Value insert(Value part, const Box &partBox, Value into, const Box &intoBox) {
    if (partBox == intoBox)
      return part;
    SliceParams p = sliceParams(partBox, intoBox);
    return tensor::InsertSliceOp::create(b, loc, part, into, p.offsets,
                                         p.sizes, p.strides);
  }

  Value zeros(const Box &box) {
    Value empty = tensor::EmptyOp::create(b, loc, extents(box), elementType);
    Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(elementType));
    return linalg::FillOp::create(b, loc, zero, empty).getResult(0);
  }

  ArrayAttr groupsAttr(const plan::CollectiveGroup &g) {
    return b.getArrayAttr({b.getDenseI64ArrayAttr(g.devices)});
  }

  ArrayAttr blocksAttr(ArrayRef<SmallVector<int64_t>> blocks) {
    SmallVector<Attribute> out;
    for (const auto &e : blocks)
      out.push_back(b.getDenseI64ArrayAttr(e));
    return b.getArrayAttr(out);
  }

  /// This device's part of `step`.
  void apply(const plan::Step &step) {
    using plan::StepKind;
    switch (step.kind) {
    case StepKind::Slice:
      for (const plan::DeviceUpdate &u : step.updates)
        if (u.device == device) {
          value = slice(value, *box, u.box);
          box = u.box;
        }
      return;
    case StepKind::KeepOrZero:
      for (const plan::DeviceUpdate &u : step.updates)
        if (u.device == device) {
          value = u.keep ? slice(value, *box, u.box) : zeros(u.box);
          box = u.box;
        }
      return;
    case StepKind::SendRecv:
      return applySendRecv(step);
    default:
      break;
    }
    for (const plan::CollectiveGroup &g : step.groups) {
      auto it = llvm::find(g.devices, device);
      if (it == g.devices.end())
        continue;
      int64_t n = static_cast<int64_t>(g.devices.size());
      int64_t i = it - g.devices.begin();
      // Block `i` of the region along `dim`.
      auto blockOf = [&](int64_t dim) {
        Box part = g.region;
        int64_t size = g.region[dim].size() / n;
        part[dim] = {g.region[dim].lo + size * i,
                     g.region[dim].lo + size * (i + 1)};
        return part;
      };
      switch (step.kind) {
      case StepKind::AllReduce: {
        Value part = slice(value, *box, g.region);
        Value sum = AllReduceOp::create(b, loc, part.getType(), part,
                                        groupsAttr(g));
        value = insert(sum, g.region, value, *box);
        break;
      }
      case StepKind::AllGather: {
        Value part = slice(value, *box, blockOf(step.dim));
        value = AllGatherOp::create(b, loc, typeOf(g.region), part,
                                    b.getI64IntegerAttr(step.dim),
                                    groupsAttr(g));
        box = g.region;
        break;
      }
      case StepKind::ReduceScatter: {
        Value whole = slice(value, *box, g.region);
        Box mine = blockOf(step.dim);
        value = ReduceScatterOp::create(b, loc, typeOf(mine), whole,
                                        b.getI64IntegerAttr(step.dim),
                                        groupsAttr(g));
        box = mine;
        break;
      }
      case StepKind::AllToAll: {
        Value part = slice(value, *box, blockOf(step.concatDim));
        Box mine = blockOf(step.dim);
        value = AllToAllOp::create(b, loc, typeOf(mine), part,
                                   b.getI64IntegerAttr(step.dim),
                                   b.getI64IntegerAttr(step.concatDim),
                                   groupsAttr(g));
        box = mine;
        break;
      }
      default:
        break;
      }
    }
  }

  void applySendRecv(const plan::Step &step) {
    SmallVector<SmallVector<int64_t>> sends, recvs;
    for (const plan::Transfer &t : step.transfers) {
      if (t.from == device) {
        SmallVector<int64_t> e{t.to};
        llvm::append_range(e, offsetsIn(t.box, *box));
        llvm::append_range(e, extents(t.box));
        sends.push_back(e);
      }
    }
    const plan::DeviceUpdate *update = nullptr;
    for (const plan::DeviceUpdate &u : step.updates)
      if (u.device == device)
        update = &u;
    if (!update && sends.empty())
      return;
    Value init = value;
    Box newBox = box ? *box : Box();
    if (update) {
      newBox = update->box;
      init = zeros(newBox);
      for (const Box &c : update->localCopies)
        init = insert(slice(value, *box, c), c, init, newBox);
      for (const plan::Transfer &t : step.transfers)
        if (t.to == device) {
          SmallVector<int64_t> e{t.from};
          llvm::append_range(e, offsetsIn(t.box, newBox));
          llvm::append_range(e, extents(t.box));
          recvs.push_back(e);
        }
    }
    if (!init) // sends only, from a device that keeps nothing afterwards
      init = zeros(*box);
    bool accumulate = step.accumulate && update;
    value = SendRecvOp::create(b, loc, init.getType(),
                               sends.empty() ? Value() : value, init,
                               blocksAttr(sends), blocksAttr(recvs),
                               accumulate ? b.getUnitAttr() : UnitAttr());
    if (update)
      box = newBox;
  }

private:
  OpBuilder &b;
  Location loc;
  Type elementType;
  int64_t device;
};

struct ResolveCommPass
    : public mlir::hspmd::impl::HspmdResolveCommBase<ResolveCommPass> {
  using HspmdResolveCommBase::HspmdResolveCommBase;

  void runOnOperation() override {
    SmallVector<ReshardOp> reshards;
    getOperation()->walk([&](ReshardOp op) { reshards.push_back(op); });
    for (ReshardOp op : reshards)
      if (failed(resolve(op)))
        return signalPassFailure();
  }

  LogicalResult resolve(ReshardOp op) {
    FailureOr<ReshardPlan> planned = planReshard(op, verifyPlans);
    if (failed(planned))
      return failure();
    const layout::Layout &src = planned->src, &dst = planned->dst;
    const plan::Plan &p = planned->plan;
    auto type = cast<RankedTensorType>(op.getType());

    std::set<int64_t> devices(src.devices().begin(), src.devices().end());
    devices.insert(dst.devices().begin(), dst.devices().end());
    for (const plan::DeviceTraffic &t : plan::traffic(p, 1))
      devices.insert(t.device);

    // Build every device's program in a scratch hspmd.plan of its own, then
    // keep one region per distinct program.
    OpBuilder b(op);
    SmallVector<std::pair<SmallVector<int64_t>, PlanOp>> unique;
    SmallVector<PlanOp> scratch;
    for (int64_t d : devices) {
      OperationState tmp(op.getLoc(), PlanOp::getOperationName());
      tmp.addOperands(op.getInput());
      tmp.addTypes(type);
      tmp.addAttribute("sharding", op.getSharding());
      tmp.addAttribute("devices",
                       b.getArrayAttr({b.getDenseI64ArrayAttr({0})}));
      Block *block = new Block();
      tmp.addRegion()->push_back(block);
      auto scratchOp = cast<PlanOp>(b.create(tmp));
      scratch.push_back(scratchOp);
      OpBuilder rb = OpBuilder::atBlockEnd(block);
      DeviceProgram prog(rb, op.getLoc(), type.getElementType(), d);
      if (std::optional<layout::Placement> at = src.place(d)) {
        prog.box = at->box;
        prog.value = block->addArgument(prog.typeOf(at->box), op.getLoc());
      }
      for (const plan::Step &step : p.steps)
        prog.apply(step);
      if (std::optional<layout::Placement> at = dst.place(d)) {
        if (!prog.box || !(*prog.box == at->box)) {
          for (PlanOp s : scratch)
            s.erase();
          return op.emitError() << "internal error: the plan leaves device "
                                << d << " without its destination block";
        }
        YieldOp::create(rb, op.getLoc(), ValueRange{prog.value});
      } else {
        YieldOp::create(rb, op.getLoc(), ValueRange{});
      }
      // Devices whose programs are the same op for op share one region.
      auto same = llvm::find_if(unique, [&](auto &entry) {
        return OperationEquivalence::isRegionEquivalentTo(
            &entry.second.getPrograms().front(),
            &scratchOp.getPrograms().front(),
            OperationEquivalence::IgnoreLocations);
      });
      if (same == unique.end())
        unique.push_back({{d}, scratchOp});
      else
        same->first.push_back(d);
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
      state.addRegion()->takeBody(program.getPrograms().front());
    Operation *resolved = b.create(state);
    for (PlanOp s : scratch)
      s.erase();
    op.getResult().replaceAllUsesWith(resolved->getResult(0));
    op.erase();
    return success();
  }
};

} // namespace
