//===- Utils.cpp - Helpers shared by the hspmd passes ---------------------===//

#include "hspmd/Transforms/Utils.h"
#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Layout/Bounds.h"
#include "hspmd/Plan/Checker.h"
#include "hspmd/Plan/Planner.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Interfaces/CastInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;

ShardingAttr mlir::hspmd::getKnownSharding(Value value) {
  if (auto annotate = value.getDefiningOp<AnnotateOp>())
    return annotate.getSharding();
  if (auto reshard = value.getDefiningOp<ReshardOp>())
    return reshard.getSharding();
  if (auto plan = value.getDefiningOp<PlanOp>())
    return plan.getSharding();
  auto arg = dyn_cast<BlockArgument>(value);
  if (!arg)
    return {};
  auto fn = dyn_cast<FunctionOpInterface>(arg.getOwner()->getParentOp());
  if (!fn || arg.getOwner() != &fn.getFunctionBody().front())
    return {};
  return fn.getArgAttrOfType<ShardingAttr>(arg.getArgNumber(),
                                           HspmdDialect::getShardingAttrName());
}

bool mlir::hspmd::isPartitionedBlock(Block *block) {
  Operation *parent = block->getParentOp();
  if (!parent)
    return false;
  if (isa<FunctionOpInterface>(parent))
    return true;
  if (isa<scf::ForOp, scf::IfOp>(parent))
    return isPartitioned(parent);
  return false;
}

bool mlir::hspmd::hasVisibleEffects(Operation *op, bool countReads) {
  if (isMemoryEffectFree(op))
    return false;
  auto iface = dyn_cast<MemoryEffectOpInterface>(op);
  if (!iface || op->getNumRegions() != 0)
    return true;
  SmallVector<MemoryEffects::EffectInstance> effects;
  iface.getEffects(effects);
  return llvm::any_of(effects, [&](const MemoryEffects::EffectInstance &e) {
    if (!countReads && isa<MemoryEffects::Read>(e.getEffect()))
      return false;
    if (!isa<MemoryEffects::Allocate, MemoryEffects::Free>(e.getEffect()))
      return true;
    Value v = e.getValue();
    return !v || v.getDefiningOp() != op;
  });
}

bool mlir::hspmd::allDeclaredEffects(
    Operation *op,
    function_ref<bool(const MemoryEffects::EffectInstance &)> pred) {
  auto iface = dyn_cast<MemoryEffectOpInterface>(op);
  if (!iface)
    return false;
  SmallVector<MemoryEffects::EffectInstance> effects;
  iface.getEffects(effects);
  return llvm::all_of(effects, pred);
}

bool mlir::hspmd::isBufferFunction(Operation *fn) {
  auto f = dyn_cast_or_null<FunctionOpInterface>(fn);
  if (!f)
    return false;
  auto tensor = [](Type t) { return isa<TensorType>(t); };
  auto buffer = [](Type t) { return isa<BaseMemRefType>(t); };
  return llvm::none_of(f.getArgumentTypes(), tensor) &&
         llvm::none_of(f.getResultTypes(), tensor) &&
         (llvm::any_of(f.getArgumentTypes(), buffer) ||
          llvm::any_of(f.getResultTypes(), buffer));
}

/// Whether `op` calls a function of buffers (isBufferFunction).
static bool callsBufferFunction(Operation *op) {
  auto call = dyn_cast<func::CallOp>(op);
  return call && isBufferFunction(
                     SymbolTable::lookupNearestSymbolFrom<FunctionOpInterface>(
                         call, call.getCalleeAttr()));
}

/// The buffer `buffer` is a view or cast of (itself if none).
static Value viewBase(Value buffer) {
  while (Operation *def = buffer.getDefiningOp()) {
    if (auto view = dyn_cast<ViewLikeOpInterface>(def);
        view && view.getViewSource() != buffer)
      buffer = view.getViewSource();
    else if (isa<CastOpInterface>(def) && def->getNumOperands() == 1)
      buffer = def->getOperand(0);
    else
      break;
  }
  return buffer;
}

Operation *mlir::hspmd::bufferOrigin(Value buffer) {
  return viewBase(buffer).getDefiningOp();
}

/// The allocation a buffer is a view or cast of (or the call to a function
/// of buffers returning it), or null.
static Operation *allocationOf(Value value) {
  Operation *def = bufferOrigin(value);
  return def && (isa<memref::AllocOp, memref::AllocaOp, memref::GetGlobalOp>(
                     def) ||
                 callsBufferFunction(def))
             ? def
             : nullptr;
}

/// The values a buffer used by `use` also becomes where control flow joins
/// (a loop's iteration argument and result, a branch's result, a select's):
/// its uses there are uses of the same buffer.
static void joinedValues(OpOperand &use, SmallVectorImpl<Value> &out) {
  Operation *user = use.getOwner();
  unsigned k = use.getOperandNumber();
  if (auto select = dyn_cast<arith::SelectOp>(user)) {
    if (k > 0)
      out.push_back(select.getResult());
  } else if (auto loop = dyn_cast<scf::ForOp>(user)) {
    if (k >= loop.getNumControlOperands()) {
      unsigned i = k - loop.getNumControlOperands();
      out.push_back(loop.getRegionIterArgs()[i]);
      out.push_back(loop.getResult(i));
    }
  } else if (auto loop = dyn_cast<scf::WhileOp>(user)) {
    out.push_back(loop.getBeforeArguments()[k]);
  } else if (auto cond = dyn_cast<scf::ConditionOp>(user)) {
    if (k > 0) {
      auto loop = cast<scf::WhileOp>(cond->getParentOp());
      out.push_back(loop.getAfterArguments()[k - 1]);
      out.push_back(loop.getResult(k - 1));
    }
  } else if (isa<scf::YieldOp>(user)) {
    Operation *parent = user->getParentOp();
    if (auto loop = dyn_cast<scf::ForOp>(parent)) {
      out.push_back(loop.getRegionIterArgs()[k]);
      out.push_back(loop.getResult(k));
    } else if (auto loop = dyn_cast<scf::WhileOp>(parent)) {
      out.push_back(loop.getBeforeArguments()[k]);
    } else if (isa<scf::IfOp, scf::IndexSwitchOp, scf::ExecuteRegionOp>(
                   parent)) {
      out.push_back(parent->getResult(k));
    }
  }
}

/// The values flowing into `v` where control flow joins (joinedValues
/// backwards); false when `v` is no such join.
static bool joinSources(Value v, SmallVectorImpl<Value> &out) {
  auto yielded = [&](Region &region, unsigned i) {
    for (Block &block : region)
      if (auto yield = dyn_cast<scf::YieldOp>(block.getTerminator()))
        out.push_back(yield.getOperand(i));
  };
  if (auto result = dyn_cast<OpResult>(v)) {
    Operation *def = result.getOwner();
    unsigned i = result.getResultNumber();
    if (auto select = dyn_cast<arith::SelectOp>(def)) {
      out.append({select.getTrueValue(), select.getFalseValue()});
    } else if (auto loop = dyn_cast<scf::ForOp>(def)) {
      out.push_back(loop.getInitArgs()[i]);
      yielded(loop.getRegion(), i);
    } else if (auto loop = dyn_cast<scf::WhileOp>(def)) {
      out.push_back(loop.getConditionOp().getArgs()[i]);
    } else if (isa<scf::IfOp, scf::IndexSwitchOp, scf::ExecuteRegionOp>(def)) {
      for (Region &region : def->getRegions())
        yielded(region, i);
    } else {
      return false;
    }
    return true;
  }
  auto arg = cast<BlockArgument>(v);
  Operation *parent = arg.getOwner()->getParentOp();
  if (auto loop = dyn_cast<scf::ForOp>(parent)) {
    if (arg.getArgNumber() < loop.getNumInductionVars())
      return false;
    unsigned i = arg.getArgNumber() - loop.getNumInductionVars();
    out.push_back(loop.getInitArgs()[i]);
    yielded(loop.getRegion(), i);
    return true;
  }
  if (auto loop = dyn_cast<scf::WhileOp>(parent)) {
    unsigned i = arg.getArgNumber();
    if (arg.getOwner()->getParent() == &loop.getBefore()) {
      out.push_back(loop.getInits()[i]);
      yielded(loop.getAfter(), i);
    } else {
      out.push_back(loop.getConditionOp().getArgs()[i]);
    }
    return true;
  }
  return false;
}

/// The allocations `buffer` may be, through views, casts and control-flow
/// joins; a null entry for a source of unknown origin (a tensor's buffer,
/// a function argument, a call's result).
static void allocationsOf(Value buffer, SmallVectorImpl<Operation *> &out,
                          llvm::SmallPtrSetImpl<void *> &seen) {
  if (!seen.insert(buffer.getAsOpaquePointer()).second)
    return;
  Value base = viewBase(buffer);
  if (Operation *alloc = allocationOf(base))
    return out.push_back(alloc);
  SmallVector<Value> sources;
  if (!joinSources(base, sources))
    return out.push_back(nullptr);
  for (Value source : sources)
    allocationsOf(source, out, seen);
}

/// A call that only reads and prints its buffer: MLIR's runner utilities
/// (`printMemrefF32`, `printMemrefI32`, ...).
static bool isPrintCall(Operation *op) {
  auto call = dyn_cast<func::CallOp>(op);
  return call && call.getCallee().starts_with("printMemref");
}

/// Whether `user` is a load in the region of an op computing tensors (a
/// linalg payload), which runs where that op runs.
static bool readsInTensorOp(Operation *user) {
  if (!isa<memref::LoadOp>(user))
    return false;
  Operation *op = user->getParentOp();
  while (op && !isPartitioned(op))
    op = op->getParentOp();
  return op && llvm::any_of(op->getResultTypes(), [](Type t) {
           return isa<RankedTensorType>(t);
         });
}

/// The class an allocation's own uses give it, and the buffers it is
/// copied to or from or used with in one linalg op (its partners), null for
/// a partner of unknown origin.
static BufferPlaces::Class
ownClass(Operation *alloc, SmallVectorImpl<Operation *> &partners) {
  // A global is one buffer wherever it is named: module state, kept on
  // device 0 like the effects that change it.
  // So is a buffer a function of buffers returns: the call runs on device
  // 0.
  if (isa<memref::GetGlobalOp, func::CallOp>(alloc))
    return BufferPlaces::DeviceZero;
  BufferPlaces::Class result = BufferPlaces::Replicated;
  SmallVector<Value> worklist{alloc->getResult(0)};
  llvm::SmallPtrSet<void *, 8> visited{
      alloc->getResult(0).getAsOpaquePointer()};
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    for (OpOperand &use : v.getUses()) {
      Operation *user = use.getOwner();
      // Where control flow joins, the buffer's uses go on under the joined
      // values, and the other buffers that may flow there are partners
      // (their contents are one value's).
      SmallVector<Value> joined;
      joinedValues(use, joined);
      if (!joined.empty()) {
        // Through an op that runs as one, on device 0 (an scf.while, an
        // scf.index_switch or scf.execute_region): what it yields exists
        // there alone, so the buffer lives there too.
        Operation *join = isa<RegionBranchTerminatorOpInterface>(user)
                              ? user->getParentOp()
                              : user;
        if (!isa<arith::SelectOp, scf::ForOp, scf::IfOp>(join) ||
            !isPartitioned(join))
          result = BufferPlaces::DeviceZero;
        for (Value j : joined) {
          if (!visited.insert(j.getAsOpaquePointer()).second)
            continue;
          worklist.push_back(j);
          llvm::SmallPtrSet<void *, 8> seen;
          allocationsOf(j, partners, seen);
        }
        continue;
      }
      if (auto view = dyn_cast<ViewLikeOpInterface>(user);
          view && view.getViewSource() == v) {
        worklist.append(user->result_begin(), user->result_end());
        continue;
      }
      if (isa<CastOpInterface>(user) && user->getNumOperands() == 1) {
        worklist.append(user->result_begin(), user->result_end());
        continue;
      }
      // Handed to a function of buffers, which runs on device 0 (a helper
      // filling a table), or made a tensor's data (`to_tensor`, placed on
      // device 0 like any tensor made from no tensor): on device 0.
      if ((!isPrintCall(user) && callsBufferFunction(user)) ||
          isa<bufferization::ToTensorOp>(user)) {
        result = BufferPlaces::DeviceZero;
        continue;
      }
      bool handled =
          isPrintCall(user) ||
          isa<memref::LoadOp, memref::StoreOp, memref::DeallocOp,
              memref::CopyOp, memref::AtomicRMWOp, vector::LoadOp,
              vector::StoreOp, vector::TransferReadOp,
              vector::TransferWriteOp, linalg::LinalgOp>(user);
      if (!handled) {
        // Reading its sizes (`memref.dim`) changes nothing.
        if (isMemoryEffectFree(user))
          continue;
        // Handed where its uses are not known (returned, passed to a
        // function of tensors, an op declaring no effects).
        if (isa<func::ReturnOp, CallOpInterface>(user) ||
            !isa<MemoryEffectOpInterface>(user))
          return BufferPlaces::Shared;
        // Another op reading or writing it (an affine load or store, a
        // tensor materialized into it): one op on device 0, like the
        // buffer's data.
        result = BufferPlaces::DeviceZero;
        continue;
      }
      // Inside an op that runs as one (on device 0 when it has effects).
      // (A load in the payload of an op computing tensors, a lookup table,
      // runs where that op does: every device there holds the same copy.)
      if (!isPartitioned(user) && !readsInTensorOp(user))
        result = BufferPlaces::DeviceZero;
      if (!isa<memref::CopyOp, linalg::LinalgOp>(user))
        continue;
      for (Value w : user->getOperands())
        if (isa<BaseMemRefType>(w.getType()) && w != v)
          partners.push_back(allocationOf(w));
      // So are the buffers a linalg payload reads (a lookup table): what
      // they hold flows into the op's outputs.
      for (Region &region : user->getRegions())
        region.walk([&](Operation *inner) {
          for (Value w : inner->getOperands())
            if (isa<BaseMemRefType>(w.getType()) &&
                !user->isAncestor(w.getParentBlock()->getParentOp()))
              partners.push_back(allocationOf(w));
        });
    }
  }
  return result;
}

BufferPlaces::Class BufferPlaces::classOf(Value buffer) {
  Operation *alloc = allocationOf(buffer);
  if (alloc)
    return classOfAllocation(alloc);
  // A join of several buffers (a loop's iteration argument, a branch's or
  // a select's result): theirs, when all are allocations (linked as
  // partners, so of one class unless one is shared).
  SmallVector<Operation *> sources;
  llvm::SmallPtrSet<void *, 8> seen;
  allocationsOf(buffer, sources, seen);
  // One of them on device 0 (written there alone) makes the join device
  // 0's: reading device 0's copy is right for every source, the others'
  // copies being the same everywhere or made on device 0.
  bool shared = sources.empty(), deviceZero = false;
  for (Operation *source : sources) {
    Class c = source ? classOfAllocation(source) : Shared;
    shared |= c == Shared;
    deviceZero |= c == DeviceZero;
  }
  return deviceZero ? DeviceZero : shared ? Shared : Replicated;
}

BufferPlaces::Class BufferPlaces::classOfAllocation(Operation *alloc) {
  if (auto it = known.find(alloc); it != known.end())
    return it->second;
  // The buffers linked to `alloc` by copies and linalg ops, each classed by
  // its own uses: one that is not replicated (or a partner of unknown
  // origin) makes every replicated one of them live on device 0, since
  // their contents flow into each other. Decided for all at once, so the
  // answer does not depend on which is asked first.
  SmallVector<Operation *> component{alloc};
  llvm::SmallPtrSet<Operation *, 8> seen{alloc};
  bool tainted = false;
  for (size_t i = 0; i < component.size(); ++i) {
    SmallVector<Operation *> partners;
    Class own = ownClass(component[i], partners);
    known[component[i]] = own;
    tainted |= own != Replicated;
    for (Operation *p : partners) {
      if (!p)
        tainted = true;
      else if (seen.insert(p).second)
        component.push_back(p);
    }
  }
  if (tainted)
    for (Operation *member : component)
      if (known[member] == Replicated)
        known[member] = DeviceZero;
  return known[alloc];
}

bool BufferPlaces::usesTensorData(Operation *op) {
  return llvm::any_of(op->getOperands(), [&](Value v) {
    return isa<RankedTensorType>(v.getType()) ||
           (isa<BaseMemRefType>(v.getType()) && classOf(v) == Shared);
  });
}

/// Whether every effect of `op` is on replicated buffers.
bool BufferPlaces::onlyTouchesReplicatedBuffers(Operation *op) {
  for (Region &region : op->getRegions())
    for (Operation &inner : region.getOps())
      if (!inner.hasTrait<OpTrait::IsTerminator>() &&
          !isMemoryEffectFree(&inner))
        return false;
  return allDeclaredEffects(op, [&](const MemoryEffects::EffectInstance &e) {
    Value v = e.getValue();
    return v && isa<BaseMemRefType>(v.getType()) && classOf(v) == Replicated;
  });
}

bool BufferPlaces::runsOnDeviceZero(Operation *op) {
  if (op->hasAttr(kOnAllDevicesAttrName))
    return false;
  // A print is device 0's, whatever buffer it prints (each device's copy of
  // a shared buffer would print once per device).
  if (isPrintCall(op))
    return true;
  return hasVisibleEffects(op) && !usesTensorData(op) &&
         !onlyTouchesReplicatedBuffers(op);
}

bool mlir::hspmd::isDenseDeviceTable(ArrayRef<int64_t> ids) {
  if (ids.empty())
    return true;
  int64_t last = *llvm::max_element(ids);
  return last < 4 * static_cast<int64_t>(ids.size()) + 1024;
}

Value mlir::hspmd::searchByDevice(OpBuilder &b, Location loc, Value id,
                                  ArrayRef<int64_t> ids,
                                  ArrayRef<int64_t> values, int64_t fallback) {
  SmallVector<std::pair<int64_t, int64_t>> sorted;
  for (auto [d, v] : llvm::zip(ids, values))
    sorted.push_back({d, v});
  llvm::sort(sorted);
  // Padded to a power of two with ids above every device, so that every
  // probe is inside: pos ends at the last id <= the running one.
  size_t size = llvm::PowerOf2Ceil(std::max<size_t>(sorted.size(), 1));
  SmallVector<int64_t> keys(size, std::numeric_limits<int64_t>::max()),
      entries(size, fallback);
  for (auto [i, e] : llvm::enumerate(sorted)) {
    keys[i] = e.first;
    entries[i] = e.second;
  }
  auto table = [&](ArrayRef<int64_t> data) {
    return arith::ConstantOp::create(b, loc, b.getIndexTensorAttr(data))
        .getResult();
  };
  Value keyTable = table(keys), entryTable = table(entries);
  auto constant = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v).getResult();
  };
  Value pos = constant(0);
  for (size_t step = size / 2; step >= 1; step /= 2) {
    Value probe = arith::AddIOp::create(b, loc, pos, constant(step));
    Value key = tensor::ExtractOp::create(b, loc, keyTable, probe);
    Value below = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle,
                                        key, id);
    pos = arith::SelectOp::create(b, loc, below, probe, pos);
  }
  Value key = tensor::ExtractOp::create(b, loc, keyTable, pos);
  Value found =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, key, id);
  Value entry = tensor::ExtractOp::create(b, loc, entryTable, pos);
  return arith::SelectOp::create(b, loc, found, entry, constant(fallback));
}

bool mlir::hspmd::isPartitioned(Operation *op) {
  Block *block = op->getBlock();
  return block && isPartitionedBlock(block);
}

ShardingAttr mlir::hspmd::getPlacement(Value value) {
  if (ShardingAttr s = getKnownSharding(value))
    return s;
  for (Operation *user : value.getUsers())
    if (auto a = dyn_cast<AnnotateOp>(user))
      return a.getSharding();
  return {};
}

const ::hspmd::layout::Layout *LayoutCache::layoutOf(Value value) {
  auto [it, inserted] = byValue.try_emplace(value, nullptr);
  if (!inserted)
    return it->second;
  auto type = dyn_cast<RankedTensorType>(value.getType());
  ShardingAttr s = type ? getPlacement(value) : ShardingAttr();
  if (!type || !s || !type.hasStaticShape())
    return nullptr;
  std::shared_ptr<::hspmd::layout::Layout> &layout = byPlacement[{
      s.getAsOpaquePointer(), type.getAsOpaquePointer()}];
  if (!layout)
    layout = std::make_shared<::hspmd::layout::Layout>(
        s.getLayout(), std::vector<int64_t>(type.getShape().begin(),
                                            type.getShape().end()));
  return it->second = layout.get();
}

std::optional<::hspmd::layout::Placement>
LayoutCache::place(Value value, int64_t device) {
  const ::hspmd::layout::Layout *layout = layoutOf(value);
  if (!layout)
    return std::nullopt;
  return layout->place(device);
}

int64_t mlir::hspmd::getElementTypeBytes(Type t) {
  if (t.isIndex())
    return 8;
  if (auto complex = dyn_cast<ComplexType>(t))
    return 2 * getElementTypeBytes(complex.getElementType());
  if (!t.isIntOrFloat())
    return 8; // other element types: costs only; moving them is diagnosed
  unsigned bits = t.getIntOrFloatBitWidth();
  if (isa<FloatType>(t) && bits == 80)
    return 16; // x86_fp80: 10 bytes stored, aligned to 16
  // The store size, aligned as LLVM's 64-bit data layouts align integers:
  // to the next of 1, 2, 4, 8 and 16 bytes (16 beyond 128 bits).
  int64_t store = std::max<int64_t>(1, (bits + 7) / 8);
  int64_t align = std::min<int64_t>(16, llvm::PowerOf2Ceil(store));
  return llvm::alignTo(store, align);
}

int64_t mlir::hspmd::getElementBytes(ShapedType type) {
  return getElementTypeBytes(type.getElementType());
}

LogicalResult
mlir::hspmd::checkTensorBytes(ShapedType type,
                              function_ref<InFlightDiagnostic()> emitError) {
  if (!type.hasStaticShape() || llvm::is_contained(type.getShape(), 0))
    return success(); // nothing to count, or no elements at all
  int64_t bytes = getElementBytes(type);
  bool fits = true;
  for (int64_t size : type.getShape())
    fits = fits && !llvm::MulOverflow(bytes, size, bytes);
  if (fits)
    return success();
  InFlightDiagnostic diag = emitError();
  diag << "the bytes of " << type << " (";
  llvm::interleave(type.getShape(), diag, " x ");
  diag << " elements of " << getElementBytes(type)
       << " bytes) do not fit in 64 bits";
  return diag;
}

FailureOr<ReshardPlan> mlir::hspmd::planReshard(ReshardOp op, bool verify,
                                                int64_t checkUpTo) {
  ShardingAttr source = getPlacement(op.getInput());
  if (!source)
    return op.emitError()
           << "the placement of the operand is unknown: annotate it, or run "
              "--hspmd-propagate first";
  auto type = cast<RankedTensorType>(op.getType());
  if (failed(source.verifyForType(type, [&] { return op.emitError(); })))
    return failure();
  std::vector<int64_t> shape(type.getShape().begin(), type.getShape().end());
  if (failed(checkTensorBytes(type, [&] { return op.emitError(); })))
    return failure();
  ReshardPlan r{::hspmd::layout::Layout(source.getLayout(), shape),
                ::hspmd::layout::Layout(op.getSharding().getLayout(), shape),
                {},
                getElementBytes(type)};
  r.plan = ::hspmd::plan::planReshard(r.src, r.dst, r.elementBytes);
  if (r.plan.error)
    return op.emitError() << "cannot plan this reshard: " << *r.plan.error;
  if (!verify && checkUpTo > 0 &&
      !::hspmd::plan::checkerRefuses(r.src, r.dst, checkUpTo))
    verify = true;
  if (verify) {
    if (std::optional<std::string> err =
            ::hspmd::plan::checkerRefuses(r.src, r.dst))
      return op.emitError() << "cannot verify the plan of this reshard: "
                            << *err;
    if (std::optional<std::string> err =
            ::hspmd::plan::checkPlan(r.src, r.dst, r.plan))
      return op.emitError() << "internal error: the plan for this reshard "
                               "fails the plan checker: "
                            << *err;
  }
  return r;
}

std::string mlir::hspmd::locationText(Location loc) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto file = loc->findInstanceOf<FileLineColLoc>())
    os << file.getFilename().getValue() << ":" << file.getLine() << ":"
       << file.getColumn();
  else
    loc.print(os);
  return text;
}

std::optional<std::pair<int64_t, int64_t>>
mlir::hspmd::trafficTotals(ArrayRef<TrafficRow> rows) {
  int64_t received = 0, bound = 0;
  for (const TrafficRow &r : rows)
    if (llvm::AddOverflow(received, r.received, received) ||
        llvm::AddOverflow(bound, r.lowerBound, bound))
      return std::nullopt;
  return std::make_pair(received, bound);
}

void mlir::hspmd::printTrafficTable(llvm::raw_ostream &os,
                                    ArrayRef<TrafficRow> rows,
                                    int64_t totalReceived, int64_t totalBound) {
  os << llvm::formatv("  {0,7} {1,12} {2,12} {3,9} {4,12}\n", "device",
                      "sent", "received", "messages", "lower_bound");
  for (const TrafficRow &r : rows)
    os << llvm::formatv("  {0,7} {1,12} {2,12} {3,9} {4,12}\n", r.device,
                        r.sent, r.received, r.messages, r.lowerBound);
  os << "  total received " << totalReceived << " bytes, lower bound "
     << totalBound << " bytes";
  if (totalBound > 0)
    os << llvm::formatv(" (ratio {0:F2})",
                        double(totalReceived) / double(totalBound));
}

FailureOr<std::vector<TrafficRow>>
mlir::hspmd::reshardTraffic(ReshardOp op, const ReshardPlan &planned) {
  std::map<int64_t, TrafficRow> byDevice;
  for (int64_t d : planned.src.devices())
    byDevice[d].device = d;
  for (int64_t d : planned.dst.devices()) {
    byDevice[d].device = d;
    byDevice[d].lowerBound = ::hspmd::layout::lowerBoundBytes(
        planned.src, planned.dst, d, planned.elementBytes);
  }
  for (const ::hspmd::plan::DeviceTraffic &t :
       ::hspmd::plan::traffic(planned.plan, planned.elementBytes)) {
    if (t.overflow)
      return op.emitError() << "the bytes device " << t.device
                            << " sends or receives in this reshard do not "
                               "fit in 64 bits";
    TrafficRow &r = byDevice[t.device];
    r.device = t.device;
    r.sent = t.sent;
    r.received = t.received;
    r.messages = t.messages;
  }
  std::vector<TrafficRow> rows;
  for (auto &entry : byDevice)
    rows.push_back(entry.second);
  return rows;
}

std::string mlir::hspmd::boundsText(const ReshardPlan &planned,
                                     ArrayRef<TrafficRow> rows) {
  std::optional<::hspmd::layout::ReshardBounds> bounds =
      ::hspmd::layout::reshardBounds(planned.src, planned.dst,
                                     planned.elementBytes);
  if (!bounds)
    return "combining and busiest-device bounds not computed (the common "
           "grid has more than 2^22 regions)";
  int64_t received = 0, busiest = 0;
  for (const TrafficRow &r : rows) {
    received = r.received > INT64_MAX - received ? INT64_MAX
                                                 : received + r.received;
    busiest = std::max(busiest, r.received);
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "combining bound " << bounds->combining << " bytes"
     << (bounds->combines ? "" : " (the lower bounds summed)");
  if (bounds->combining > 0)
    os << llvm::formatv(" (ratio {0:F2})",
                        double(received) / double(bounds->combining));
  os << "; busiest device received " << busiest
     << " bytes, busiest-device bound " << bounds->busiest << " bytes";
  if (bounds->busiest > 0)
    os << llvm::formatv(" (ratio {0:F2})",
                        double(busiest) / double(bounds->busiest));
  return text;
}

ShardingAttr mlir::hspmd::strategySharding(Operation *annotate,
                                           StringAttr name) {
  auto op = cast<AnnotateOp>(annotate);
  if (auto d = op->getAttrOfType<DictionaryAttr>(kStrategyShardingsAttrName))
    if (auto s = d.getAs<ShardingAttr>(name))
      return s;
  return op.getShardingAttr();
}

void mlir::hspmd::applyStrategy(Operation *root, StringAttr name) {
  root->walk([&](AnnotateOp a) {
    a.setShardingAttr(strategySharding(a, name));
    a->removeAttr(kStrategyShardingsAttrName);
  });
}

void mlir::hspmd::inlineStrategyBody(WithStrategyOp op) {
  IRRewriter rewriter(op);
  Block &body = op.getBody().front();
  Operation *yield = body.getTerminator();
  rewriter.inlineBlockBefore(&body, op, op.getInputs());
  rewriter.replaceOp(op, yield->getOperands());
  rewriter.eraseOp(yield);
}

/// The function `call` calls, when the module defines it with a body.
static func::FuncOp definedCallee(ModuleOp module, Operation *op) {
  auto call = dyn_cast<func::CallOp>(op);
  if (!call)
    return {};
  auto fn = module.lookupSymbol<func::FuncOp>(call.getCalleeAttr());
  return fn && !fn.isExternal() ? fn : func::FuncOp();
}

ScalarFunctions::ScalarFunctions(ModuleOp module) : module(module) {
  // (Vectors are values like scalars: only tensors and buffers count.)
  auto shaped = [](Type t) { return isa<TensorType, BaseMemRefType>(t); };
  auto tensor = [](Type t) { return isa<TensorType>(t); };
  for (auto fn : module.getOps<func::FuncOp>()) {
    if (fn.isExternal() ||
        llvm::any_of(fn.getFunctionType().getInputs(), shaped) ||
        llvm::any_of(fn.getFunctionType().getResults(), shaped))
      continue;
    WalkResult r = fn.walk([&](Operation *op) {
      if (isa<HspmdDialect>(op->getDialect()) ||
          llvm::any_of(op->getResultTypes(), tensor) ||
          llvm::any_of(op->getOperandTypes(), tensor))
        return WalkResult::interrupt();
      for (Region &region : op->getRegions())
        for (Block &block : region)
          if (llvm::any_of(block.getArgumentTypes(), tensor))
            return WalkResult::interrupt();
      return WalkResult::advance();
    });
    if (!r.wasInterrupted())
      scalar.insert(fn);
  }
  // A function calling one that is not scalar is not scalar; a pure one
  // calls pure ones only. Both to a fixed point.
  for (bool changed = true; changed;) {
    changed = false;
    for (Operation *fn : SmallVector<Operation *>(scalar.begin(), scalar.end()))
      if (fn->walk([&](Operation *op) {
              func::FuncOp callee = definedCallee(module, op);
              return callee && !scalar.contains(callee)
                         ? WalkResult::interrupt()
                         : WalkResult::advance();
            }).wasInterrupted())
        changed |= scalar.erase(fn);
  }
  pure = scalar;
  // Effects on buffers the function allocates itself (scratch in an
  // alloca: a scalar function returns no buffer) are not seen outside.
  auto ownEffectsOnly = [](Operation *fn, Operation *op) {
    return op->getNumRegions() == 0 &&
           allDeclaredEffects(op, [&](const MemoryEffects::EffectInstance &e) {
             Value v = e.getValue();
             Operation *def = v ? viewBase(v).getDefiningOp() : nullptr;
             return def && isa<memref::AllocaOp, memref::AllocOp>(def) &&
                    fn->isAncestor(def);
           });
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (Operation *fn : SmallVector<Operation *>(pure.begin(), pure.end()))
      if (fn->walk([&](Operation *op) {
              if (op == fn || isa<func::ReturnOp>(op))
                return WalkResult::advance();
              if (func::FuncOp callee = definedCallee(module, op))
                return pure.contains(callee) ? WalkResult::advance()
                                             : WalkResult::interrupt();
              return isMemoryEffectFree(op) || ownEffectsOnly(fn, op)
                         ? WalkResult::advance()
                         : WalkResult::interrupt();
            }).wasInterrupted())
        changed |= pure.erase(fn);
  }
}

bool ScalarFunctions::isPureCall(Operation *op) const {
  func::FuncOp callee = definedCallee(module, op);
  return callee && pure.contains(callee);
}

namespace {
/// Per tensor dimension the number of blocks a single group's axes cut it
/// into, then the number of summand classes: equal layouts of one group
/// over one device list agree on these (axes may be factored or reordered
/// and still agree, so equal counts prove nothing).
std::vector<int64_t> blockCounts(const layout::Group &g, size_t rank) {
  std::vector<int64_t> counts(rank + 1, 1);
  for (const layout::Axis &axis : g.axes)
    if (axis.role.isSplit() && static_cast<size_t>(axis.role.dim) < rank)
      counts[axis.role.dim] *= axis.size;
    else if (axis.role.isPartial())
      counts[rank] *= axis.size;
  return counts;
}

}  // namespace

bool mlir::hspmd::sameLayout(const layout::Sharding &a,
                             const layout::Sharding &b,
                             const std::vector<int64_t> &shape) {
  if (a == b) // the common case, without building layouts of every device
    return true;
  // Differences visible without a layout of every device: other devices,
  // or one group over the same list cut into other numbers of blocks.
  if (!a.hetero && !b.hetero && a.groups.size() == 1 && b.groups.size() == 1) {
    if (a.groups[0].devices == b.groups[0].devices &&
        blockCounts(a.groups[0], shape.size()) !=
            blockCounts(b.groups[0], shape.size()))
      return false;
  }
  if (a.devices() != b.devices())
    return false;
  return layout::equivalent(layout::Layout(a, shape), layout::Layout(b, shape));
}

LogicalResult mlir::hspmd::checkOneBlock(func::FuncOp fn) {
  if (fn.isExternal() || fn.getBody().hasOneBlock())
    return success();
  return fn.getBody().front().getTerminator()->emitError()
         << "hspmd partitions functions of one block, with structured "
            "control flow (scf.for, scf.if); this branch gives @"
         << fn.getSymName() << " " << fn.getBody().getBlocks().size()
         << " blocks";
}

LogicalResult
mlir::hspmd::writeOutputFile(StringRef path, StringRef text,
                             function_ref<InFlightDiagnostic()> emitError) {
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> out = openOutputFile(path, &error);
  if (!out)
    return emitError() << "'" << path << "': " << error;
  out->os() << text;
  out->os().flush();
  if (out->os().has_error()) {
    error = out->os().error().message();
    out->os().clear_error();
    return emitError() << "'" << path << "': " << error;
  }
  out->keep();
  return success();
}
