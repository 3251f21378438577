//===- Specialize.cpp - One program per device ----------------------------===//
//
// Every tensor value has a placement (its hspmd.annotate, the plan or reshard
// producing it, or its function argument's sharding); Layout gives each
// device its block. A device's program keeps the ops producing a tensor that
// lives on it, with local types, the ops deriving from values it has, its
// region of every hspmd.plan, slices of dense constants at its block, and
// global positions for ops that compute from indices.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"
#include "hspmd/Transforms/VerifyPrograms.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDSPECIALIZE
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;

namespace {

/// Per layout, the shape class of each group's devices: the first group
/// whose devices hold blocks of the same shape. Devices of one group hold
/// blocks of one shape; comparing classes is cheaper than placing blocks.
struct ShapeClasses {
  const layout::Layout *layout = nullptr;
  std::vector<int64_t> ofGroup;

  /// -1 when the value does not live on `device`.
  int64_t of(int64_t device) const {
    if (!layout)
      return -1;
    std::optional<int64_t> g = layout->groupOf(device);
    return g ? ofGroup[*g] : -1;
  }
};

RankedTensorType localType(Value v, const layout::Placement &p) {
  return RankedTensorType::get(
      p.localShape, cast<RankedTensorType>(v.getType()).getElementType());
}

/// The block of a dense constant a device holds.
DenseElementsAttr sliceConstant(DenseElementsAttr attr,
                                const layout::Placement &p,
                                RankedTensorType local) {
  if (attr.isSplat())
    return DenseElementsAttr::get(local, attr.getSplatValue<Attribute>());
  ArrayRef<int64_t> shape = attr.getType().getShape();
  SmallVector<Attribute> values;
  auto all = attr.getValues<Attribute>();
  int64_t rank = static_cast<int64_t>(shape.size());
  std::vector<int64_t> idx(rank);
  for (int64_t k = 0; k < rank; ++k)
    idx[k] = p.box[k].lo;
  if (layout::volume(p.box) == 0)
    return DenseElementsAttr::get(local, ArrayRef<Attribute>{});
  while (true) {
    int64_t linear = 0;
    for (int64_t k = 0; k < rank; ++k)
      linear = linear * shape[k] + idx[k];
    values.push_back(all[linear]);
    int64_t k = rank - 1;
    for (; k >= 0; --k) {
      if (++idx[k] < p.box[k].hi)
        break;
      idx[k] = p.box[k].lo;
    }
    if (k < 0)
      break;
  }
  return DenseElementsAttr::get(local, values);
}

struct SpecializePass
    : public mlir::hspmd::impl::HspmdSpecializeBase<SpecializePass> {
  using HspmdSpecializeBase::HspmdSpecializeBase;

  LayoutCache cache;
  std::optional<layout::Placement> placeOn(Value v, int64_t device) {
    return cache.place(v, device);
  }

  std::map<const layout::Layout *, ShapeClasses> shapeClasses;
  const ShapeClasses &shapeClassesOf(Value v) {
    const layout::Layout *l = cache.layoutOf(v);
    auto [it, inserted] = shapeClasses.try_emplace(l);
    if (inserted && l) {
      it->second.layout = l;
      std::vector<std::vector<int64_t>> shapes;
      for (const layout::Group &g : l->sharding().groups) {
        shapes.push_back(l->place(g.devices.front())->localShape);
        it->second.ofGroup.push_back(
            llvm::find(shapes, shapes.back()) - shapes.begin());
      }
    }
    return it->second;
  }

  /// The devices of each class, by (function, representative), and those of
  /// the program being written.
  std::map<std::pair<Operation *, int64_t>, std::vector<int64_t>> classMembers;
  std::vector<int64_t> members;
  /// Per result layout, the keepers among `members` (cleared with it).
  llvm::DenseMap<const layout::Layout *, SmallVector<int64_t>> keepersOf;

  /// Per function, the devices it has programs for.
  llvm::DenseMap<Operation *, std::set<int64_t>> programsOf;

  /// A device's program of a function, and which of the function's
  /// arguments and results it keeps (those living on the device).
  struct Program {
    func::FuncOp fn;
    SmallVector<unsigned> keptArgs, keptResults;
  };
  std::map<std::pair<Operation *, int64_t>, Program> programs;

  std::optional<ScalarFunctions> scalars;
  /// Classes of the source functions' buffers (which specializing leaves
  /// as they are).
  std::optional<BufferPlaces> places;

  /// Symbols of the module, and the names given to device programs: a
  /// program's name `<fn>_device<d>` gets a suffix where the user's module
  /// already has that name.
  llvm::StringSet<> takenNames;

  std::string programName(StringRef fn, int64_t d) {
    std::string base = (fn + "_device" + Twine(d)).str(), name = base;
    for (int k = 1; !takenNames.insert(name).second; ++k)
      name = base + "_" + std::to_string(k);
    return name;
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    cache = LayoutCache();
    shapeClasses.clear();
    // Functions without tensors stay as written: calls to them are scalar
    // ops. The entry point is specialized even without tensors, so that a
    // program of scalars alone runs (and prints) on device 0 only, as any
    // op with effects does.
    scalars.emplace(module);
    places.emplace();
    takenNames.clear();
    for (Operation &op : module.getBody()->getOperations())
      if (auto name = op.getAttrOfType<StringAttr>(
              SymbolTable::getSymbolAttrName()))
        takenNames.insert(name.getValue());
    SmallVector<func::FuncOp> functions;
    for (auto fn : module.getOps<func::FuncOp>())
      if (!fn.isExternal() && (!scalars->isScalar(fn) || isEntry(fn)))
        functions.push_back(fn);
    int64_t maxDevice = 0;
    std::map<Operation *, std::set<int64_t>> devicesOf;
    for (func::FuncOp fn : functions)
      if (failed(collectDevices(fn, devicesOf[fn])))
        return signalPassFailure();
    // A device running a callee runs its callers, which lead it to the call
    // (recursion included: to a fixed point over the call edges).
    // A callee returning a scalar runs on every device running its caller:
    // scalar code runs everywhere, and the caller's devices may need the
    // result (a helper that prints and returns a count) though they hold
    // none of the callee's tensors.
    std::vector<std::pair<Operation *, Operation *>> calls; // caller, callee
    for (func::FuncOp fn : functions)
      fn.walk([&](func::CallOp call) {
        auto callee = module.lookupSymbol<func::FuncOp>(call.getCalleeAttr());
        if (callee && devicesOf.count(callee) && callee != fn)
          calls.push_back({fn, callee});
      });
    auto returnsScalar = [](Operation *fn) {
      return llvm::any_of(cast<func::FuncOp>(fn).getResultTypes(),
                          [](Type t) { return !isa<ShapedType>(t); });
    };
    for (bool changed = true; changed;) {
      changed = false;
      for (auto [caller, callee] : calls) {
        for (int64_t d : devicesOf[callee])
          changed |= devicesOf[caller].insert(d).second;
        if (returnsScalar(callee) && !isBufferFunction(callee))
          for (int64_t d : devicesOf[caller])
            changed |= devicesOf[callee].insert(d).second;
      }
    }
    // The devices the program uses are those of the functions the entry
    // point reaches (a helper nobody calls may name any device).
    llvm::DenseSet<Operation *> reached;
    for (func::FuncOp fn : functions)
      if (isEntry(fn))
        reached.insert(fn);
    for (bool changed = !reached.empty(); changed;) {
      changed = false;
      for (auto [caller, callee] : calls)
        if (reached.contains(caller))
          changed |= reached.insert(callee).second;
    }
    // (Said at the entry point, or the first function specialized: the
    // option is about the program.)
    Operation *where = module;
    if (auto main = module.lookupSymbol<func::FuncOp>("main"))
      where = main;
    else if (!functions.empty())
      where = functions.front();
    if (device < -1) {
      where->emitError() << "--hspmd-specialize: device=" << int64_t(device)
                         << " is not a device id (-1 writes every device's "
                            "programs)";
      return signalPassFailure();
    }
    if (device >= 0 && !functions.empty() &&
        llvm::none_of(functions, [&](func::FuncOp fn) {
          return devicesOf[fn].count(device);
        })) {
      where->emitError() << "--hspmd-specialize: device " << int64_t(device)
                         << " runs no part of this program";
      return signalPassFailure();
    }
    for (func::FuncOp fn : functions) {
      std::set<int64_t> devices = devicesOf[fn];
      if (reached.empty() || reached.contains(fn))
        for (int64_t d : devices)
          maxDevice = std::max(maxDevice, d);
      if (device >= 0) {
        std::set<int64_t> only;
        if (devices.count(device))
          only.insert(device);
        devices = only;
      }
      programsOf[fn] = devices;
    }
    // Devices with equal keys get the same program: one function per class
    // of devices, its representative the class's first device. Signatures
    // first, so that calls between functions find their callee's programs;
    // then the bodies.
    std::map<Operation *, SmallVector<int64_t>> representatives;
    for (func::FuncOp fn : functions) {
      std::map<int64_t, int64_t> firstOfClass;
      for (int64_t d : programsOf[fn]) {
        auto [it, inserted] = firstOfClass.try_emplace(classOf(fn, d), d);
        classMembers[{fn, it->second}].push_back(d);
        if (inserted) {
          representatives[fn].push_back(d);
          declare(fn, d);
        } else {
          programs[{fn, d}] = programs[{fn, it->second}];
        }
      }
    }
    for (func::FuncOp fn : functions) {
      for (int64_t d : representatives[fn]) {
        members = classMembers[{fn, d}];
        keepersOf.clear();
        if (failed(specialize(fn, d)))
          return signalPassFailure();
      }
      size_t n = programsOf[fn].size(), distinct = representatives[fn].size();
      mlir::emitRemark(fn.getLoc())
          << "@" << fn.getName() << ": " << n << " device program"
          << (n == 1 ? "" : "s") << ", " << distinct << " distinct";
    }
    OpBuilder b(module.getContext());
    for (func::FuncOp fn : functions) {
      if (isEntry(fn))
        writeDispatch(fn);
      else
        fn.erase();
    }
    // A declaration's shardings describe the global program only (its
    // tensors become buffers later, which no sharding fits).
    StringAttr sharding = StringAttr::get(module.getContext(),
                                          HspmdDialect::getShardingAttrName());
    for (auto fn : module.getOps<func::FuncOp>())
      if (fn.isExternal()) {
        for (unsigned i = 0; i < fn.getNumArguments(); ++i)
          fn.removeArgAttr(i, sharding);
        for (unsigned i = 0; i < fn.getNumResults(); ++i)
          fn.removeResultAttr(i, sharding);
      }
    module->setAttr(kMaxDeviceAttrName, b.getI64IntegerAttr(maxDevice));
    if (failed(checkCommunication(module)))
      return signalPassFailure();
  }

  /// Class ids of device programs: devices whose programs would be the same
  /// op for op get the same id, computed from what the program depends on
  /// without building it (specializeOp reads exactly these).
  std::map<std::pair<Operation *, int64_t>, int64_t> classIds;
  struct KeyHash {
    size_t operator()(const std::vector<int64_t> &k) const {
      return llvm::hash_combine_range(k.begin(), k.end());
    }
  };
  std::map<Operation *,
           std::unordered_map<std::vector<int64_t>, int64_t, KeyHash>>
      keyIds;
  /// Per plan op, each device's region index: a table by device id when
  /// the ids are dense enough, a map otherwise.
  struct RegionTable {
    std::vector<int32_t> byId;
    llvm::DenseMap<int64_t, int64_t> sparse;
  };
  llvm::DenseMap<Operation *, RegionTable> planRegions;

  int64_t regionIndex(PlanOp plan, int64_t d) {
    auto [it, inserted] = planRegions.try_emplace(plan.getOperation());
    RegionTable &t = it->second;
    if (inserted) {
      int64_t count = 0, maxId = -1;
      for (Attribute attr : plan.getDevices())
        for (int64_t m : cast<DenseI64ArrayAttr>(attr).asArrayRef()) {
          ++count;
          maxId = std::max(maxId, m);
        }
      bool dense = maxId < 4 * count + 1024;
      if (dense)
        t.byId.assign(maxId + 1, -1);
      else
        t.sparse.reserve(count);
      for (auto [i, attr] : llvm::enumerate(plan.getDevices()))
        for (int64_t m : cast<DenseI64ArrayAttr>(attr).asArrayRef()) {
          if (dense && t.byId[m] < 0)
            t.byId[m] = static_cast<int32_t>(i);
          else if (!dense)
            t.sparse.try_emplace(m, static_cast<int64_t>(i));
        }
    }
    if (!t.byId.empty() || t.sparse.empty())
      return d >= 0 && d < static_cast<int64_t>(t.byId.size()) ? t.byId[d]
                                                               : -1;
    auto found = t.sparse.find(d);
    return found == t.sparse.end() ? -1 : found->second;
  }

  int64_t classOf(func::FuncOp fn, int64_t d) {
    auto [it, inserted] = classIds.try_emplace({fn.getOperation(), d}, -1);
    if (!inserted) // known, or in progress: a recursive call (-1, never shared)
      return it->second == -1 ? -2 - d : it->second;
    std::vector<int64_t> key = keyOf(fn, d);
    auto &ids = keyIds[fn.getOperation()];
    int64_t id = ids.try_emplace(std::move(key), ids.size()).first->second;
    classIds[{fn.getOperation(), d}] = id;
    return id;
  }

  /// Appends a placement's position and shape.
  void notePlacement(std::vector<int64_t> &key,
                     const std::optional<layout::Placement> &p) {
    if (!p) {
      key.push_back(-1);
      return;
    }
    key.insert(key.end(), p->localShape.begin(), p->localShape.end());
    for (const layout::Range &r : p->box)
      key.push_back(r.lo);
  }

  /// What a device's key is made of, per function, in program order: the
  /// key of a device is these items evaluated for it.
  struct KeyItem {
    /// Shape: the shape class of the value's block. Constant: a dense
    /// constant's block (its slice) and keeper role.
    enum Kind { Shape, Plan, Call, OnDeviceZero, Constant } kind;
    Value value;                          // Shape, Constant
    Operation *op = nullptr;              // Plan, Call (the callee)
    const ShapeClasses *shapes = nullptr; // Shape
  };
  llvm::DenseMap<Operation *, std::vector<KeyItem>> keyItems;

  const std::vector<KeyItem> &keyItemsOf(func::FuncOp fn) {
    auto [it, inserted] = keyItems.try_emplace(fn);
    if (!inserted)
      return it->second;
    std::vector<KeyItem> items;
    // Items that give every device the same token as an earlier item (the
    // same layout, the same plan devices, the same callee) are left out:
    // keys compare equal exactly when they did with them.
    std::set<std::pair<int, const void *>> seen;
    auto add = [&](KeyItem::Kind kind, Value v, Operation *op = nullptr) {
      const ShapeClasses *shapes = v ? &shapeClassesOf(v) : nullptr;
      const void *what = shapes ? shapes->layout : nullptr;
      if (kind == KeyItem::Plan)
        what = cast<PlanOp>(op).getDevices().getAsOpaquePointer();
      else if (kind == KeyItem::Call)
        what = op;
      if (!seen.insert({kind, what}).second)
        return;
      items.push_back({kind, v, op, shapes});
    };
    for (BlockArgument arg : fn.getArguments())
      if (isa<RankedTensorType>(arg.getType()))
        add(KeyItem::Shape, arg);
    std::function<void(Block &)> visit = [&](Block &block) {
    for (Operation &op : block) {
      if (isa<AnnotateOp, func::ReturnOp, scf::YieldOp>(op))
        continue;
      // A loop or branch: which carried values the device keeps, then its
      // body.
      if (isa<scf::ForOp, scf::IfOp>(op)) {
        for (Value r : op.getResults())
          if (isa<RankedTensorType>(r.getType()))
            add(KeyItem::Shape, r);
        for (Region &region : op.getRegions())
          for (Block &inner : region)
            visit(inner);
        continue;
      }
      if (isa<PlanOp>(op)) {
        add(KeyItem::Plan, {}, &op);
        continue;
      }
      if (auto call = dyn_cast<func::CallOp>(op))
        if (auto callee =
                getOperation().lookupSymbol<func::FuncOp>(call.getCalleeAttr()))
          if (programsOf.count(callee)) {
            add(KeyItem::Call, {}, callee);
            continue;
          }
      bool tensorResults = llvm::any_of(
          op.getResultTypes(), [](Type t) { return isa<RankedTensorType>(t); });
      if (!tensorResults) {
        if (places->runsOnDeviceZero(&op))
          add(KeyItem::OnDeviceZero, {});
        continue;
      }
      // A dense constant's slice depends on the device's offsets and keeper
      // role. (Index offsets and a fresh linalg op's keeper role are read at
      // run time by device id, so they do not split classes.)
      bool constant = isa<arith::ConstantOp>(op);
      for (Value r : op.getResults()) {
        add(KeyItem::Shape, r);
        if (constant && isa<RankedTensorType>(r.getType()))
          add(KeyItem::Constant, r);
      }
    }
    };
    visit(fn.getBody().front());
    auto ret = cast<func::ReturnOp>(fn.getBody().back().getTerminator());
    for (Value v : ret.getOperands())
      if (isa<RankedTensorType>(v.getType()))
        add(KeyItem::Shape, v);
    return it->second = std::move(items);
  }

  std::vector<int64_t> keyOf(func::FuncOp fn, int64_t d) {
    std::vector<int64_t> key;
    for (const KeyItem &item : keyItemsOf(fn)) {
      switch (item.kind) {
      case KeyItem::Shape:
        key.push_back(item.shapes->of(d));
        break;
      case KeyItem::Plan:
        key.push_back(regionIndex(cast<PlanOp>(item.op), d));
        break;
      case KeyItem::Call: {
        auto callee = cast<func::FuncOp>(item.op);
        key.push_back(programsOf[callee].count(d) ? classOf(callee, d) : -1);
        break;
      }
      case KeyItem::OnDeviceZero:
        key.push_back(d == 0);
        break;
      case KeyItem::Constant: {
        std::optional<layout::Placement> p = placeOn(item.value, d);
        notePlacement(key, p);
        if (p)
          key.push_back(p->summand && !p->keeper);
        break;
      }
      }
    }
    return key;
  }

  /// The post-pass check: in the device programs of every function, every
  /// device is a member of the groups it uses, each member of a group meets
  /// the same collectives on it, in the same order and with the same sizes,
  /// and every pair of devices that exchanges messages meets its shared
  /// communication (messages and common collectives) in the same order, what
  /// one sends being what the other receives. Fails loudly: a disagreement
  /// would hang or corrupt a run. (The order between two collectives of
  /// different groups is compared only for devices that also exchange
  /// messages; plans order their steps so that it agrees, Semantics.md "Changing a placement".)
  LogicalResult checkCommunication(ModuleOp module) {
    std::map<Operation *, std::map<int64_t, func::FuncOp>> byFunction;
    for (auto &[key, p] : programs)
      byFunction[key.first][key.second] = p.fn;
    for (auto &[fn, devices] : byFunction)
      if (failed(verifyDevicePrograms(module, devices,
                                      /*allPrograms=*/device < 0)))
        return failure();
    return success();
  }

  LogicalResult collectDevices(func::FuncOp fn, std::set<int64_t> &devices) {
    // What propagation guarantees, checked: one block, every tensor
    // argument placed, every annotation agreeing with its operand.
    if (failed(checkOneBlock(fn)))
      return failure();
    for (BlockArgument arg : fn.getArguments())
      if (auto type = dyn_cast<RankedTensorType>(arg.getType());
          type && !getPlacement(arg) && !type.hasStaticShape())
        return fn.emitError()
               << "hspmd partitions tensors of static shape only, and "
                  "argument #"
               << arg.getArgNumber() << " is a " << type
               << " (varying sizes take one static program per size)";
      else if (type && !getPlacement(arg))
        return fn.emitError()
               << "argument #" << arg.getArgNumber()
               << " has no placement: run --hspmd-propagate first";
    // Each distinct sharding once: values share a few long device lists.
    llvm::DenseSet<Attribute> seen;
    // Each run of device ids once: distinct shardings mostly share their
    // device lists ([0 to 4095] for every value of a symmetric program).
    std::set<std::pair<int64_t, int64_t>> seenRuns;
    auto addDevices = [&](ShardingAttr s) {
      if (!seen.insert(s).second)
        return;
      for (const layout::Group &g : s.getLayout().groups)
        for (const layout::DeviceList::Run &run : g.devices.getRuns())
          if (seenRuns.insert({run.first, run.count}).second)
            for (int64_t i = 0; i < run.count; ++i)
              devices.insert(run.first + i);
    };
    WalkResult r = fn.walk([&](Operation *op) {
      // Values inside regions (plans' device programs, linalg payloads,
      // regions run as written) are not placed.
      if (!isPartitioned(op))
        return WalkResult::advance();
      for (Value v : op->getResults()) {
        if (!isa<RankedTensorType>(v.getType()))
          continue;
        ShardingAttr s = getPlacement(v);
        if (!s && !cast<RankedTensorType>(v.getType()).hasStaticShape()) {
          op->emitError()
              << "hspmd partitions tensors of static shape only, and this "
                 "value is a "
              << v.getType()
              << " (varying sizes take one static program per size)";
          return WalkResult::interrupt();
        }
        if (!s) {
          if (isa<ReshardOp>(op))
            op->emitError("a reshard is left: run --hspmd-resolve-comm first");
          else
            op->emitError("this value has no placement: run "
                          "--hspmd-propagate first");
          return WalkResult::interrupt();
        }
        addDevices(s);
      }
      if (auto annotate = dyn_cast<AnnotateOp>(op)) {
        ShardingAttr in = getPlacement(annotate.getInput());
        auto type = cast<RankedTensorType>(annotate.getType());
        if (in && in != annotate.getSharding() &&
            !sameLayout(in.getLayout(), annotate.getSharding().getLayout(),
                        {type.getShape().begin(), type.getShape().end()})) {
          op->emitError() << "the annotation differs from its operand's "
                             "placement "
                          << in << ": run --hspmd-propagate first";
          return WalkResult::interrupt();
        }
      }
      // An op running on device 0 alone (a print, a store to a global, a
      // call of unknown effects) needs device 0's program, even where the
      // function's tensors all live on other devices.
      if (places->runsOnDeviceZero(op))
        devices.insert(0);
      if (auto plan = dyn_cast<PlanOp>(op))
        for (Attribute a : plan.getDevices())
          if (seen.insert(a).second) // device lists are uniqued attributes
            for (int64_t d : cast<DenseI64ArrayAttr>(a).asArrayRef())
              devices.insert(d);
      return WalkResult::advance();
    });
    for (BlockArgument arg : fn.getArguments())
      if (ShardingAttr s = getPlacement(arg))
        addDevices(s);
    if (devices.empty())
      devices.insert(0);
    return failure(r.wasInterrupted());
  }

  /// The program's entry point: `@main()` without results.
  static bool isEntry(func::FuncOp fn) {
    return fn.getName() == "main" && fn.getNumArguments() == 0 &&
           fn.getNumResults() == 0;
  }

  /// `@main` runs the program of the device it runs on.
  void writeDispatch(func::FuncOp fn) {
    fn.getBody().getBlocks().clear();
    Block *entry = fn.addEntryBlock();
    OpBuilder b = OpBuilder::atBlockEnd(entry);
    Location loc = fn.getLoc();
    Value id = DeviceIdOp::create(b, loc, b.getIndexType());
    SmallVector<int64_t> cases(programsOf[fn].begin(), programsOf[fn].end());
    auto sw = scf::IndexSwitchOp::create(b, loc, TypeRange{}, id, cases,
                                         cases.size());
    for (auto [i, d] : llvm::enumerate(cases)) {
      Block &block = sw.getCaseRegions()[i].emplaceBlock();
      OpBuilder cb = OpBuilder::atBlockEnd(&block);
      func::CallOp::create(cb, loc, programs[{fn, d}].fn.getSymName(),
                           TypeRange{}, ValueRange{});
      scf::YieldOp::create(cb, loc);
    }
    Block &defaultBlock = sw.getDefaultRegion().emplaceBlock();
    OpBuilder db = OpBuilder::atBlockEnd(&defaultBlock);
    scf::YieldOp::create(db, loc);
    func::ReturnOp::create(b, loc);
  }

  /// The device's program of `fn`: arguments and results it holds, local
  /// types.
  void declare(func::FuncOp fn, int64_t d) {
    OpBuilder b(fn);
    Program p;
    SmallVector<Type> argTypes, resultTypes;
    for (BlockArgument arg : fn.getArguments()) {
      if (!isa<RankedTensorType>(arg.getType())) {
        argTypes.push_back(arg.getType());
        p.keptArgs.push_back(arg.getArgNumber());
      } else if (std::optional<layout::Placement> at = placeOn(arg, d)) {
        argTypes.push_back(localType(arg, *at));
        p.keptArgs.push_back(arg.getArgNumber());
      }
    }
    auto ret = cast<func::ReturnOp>(fn.getBody().back().getTerminator());
    for (auto [i, v] : llvm::enumerate(ret.getOperands())) {
      if (!isa<RankedTensorType>(v.getType())) {
        resultTypes.push_back(v.getType());
        p.keptResults.push_back(i);
      } else if (std::optional<layout::Placement> at = placeOn(v, d)) {
        resultTypes.push_back(localType(v, *at));
        p.keptResults.push_back(i);
      }
    }
    p.fn = func::FuncOp::create(b, fn.getLoc(), programName(fn.getName(), d),
                                b.getFunctionType(argTypes, resultTypes));
    p.fn.setPrivate();
    if (fn.getName() != "main")
      p.fn.setVisibility(fn.getVisibility());
    programs[{fn, d}] = p;
  }

  LogicalResult specialize(func::FuncOp fn, int64_t d) {
    Program &p = programs[{fn, d}];
    IRMapping map;
    Block *entry = p.fn.addEntryBlock();
    for (auto [i, local] : llvm::zip(p.keptArgs, entry->getArguments()))
      map.map(fn.getArgument(i), local);
    OpBuilder body = OpBuilder::atBlockEnd(entry);
    for (Operation &op : fn.getBody().front())
      if (failed(specializeOp(&op, d, map, body)))
        return failure();
    return success();
  }

  /// A call to a function with device programs calls the device's program
  /// with the arguments it keeps and gets the results it keeps.
  LogicalResult specializeCall(func::CallOp call, int64_t d, IRMapping &map,
                               OpBuilder &b) {
    auto callee =
        getOperation().lookupSymbol<func::FuncOp>(call.getCalleeAttr());
    auto it = programs.find({callee.getOperation(), d});
    if (it == programs.end())
      return success(); // nothing of the callee runs on this device
    Program &p = it->second;
    SmallVector<Value> operands;
    for (unsigned i : p.keptArgs) {
      Value v = call.getOperand(i);
      if (!map.contains(v))
        return call.emitError()
               << "argument #" << i << " of the call does "
               << "not live on device " << d << ", where the callee needs it";
      operands.push_back(map.lookup(v));
    }
    auto newCall = func::CallOp::create(b, call.getLoc(), p.fn, operands);
    for (auto [i, r] : llvm::zip(p.keptResults, newCall.getResults()))
      map.map(call.getResult(i), r);
    return success();
  }

  LogicalResult specializeOp(Operation *op, int64_t d, IRMapping &map,
                             OpBuilder &b) {
    auto allPresent = [&]() {
      return llvm::all_of(op->getOperands(),
                          [&](Value v) { return map.contains(v); });
    };
    if (auto annotate = dyn_cast<AnnotateOp>(op)) {
      if (map.contains(annotate.getInput()))
        map.map(annotate.getResult(), map.lookup(annotate.getInput()));
      return success();
    }
    if (auto plan = dyn_cast<PlanOp>(op)) {
      int64_t index = regionIndex(plan, d);
      if (index < 0)
        return success();
      Block &block = plan.getPrograms()[index].front();
      IRMapping local;
      if (block.getNumArguments() == 1) {
        if (!map.contains(plan.getInput()))
          return op->emitError() << "device " << d
                                 << " runs a plan step on a tensor it does "
                                    "not hold";
        local.map(block.getArgument(0), map.lookup(plan.getInput()));
      }
      for (Operation &inner : block.without_terminator())
        b.clone(inner, local);
      Operation *yield = block.getTerminator();
      if (yield->getNumOperands() == 1)
        map.map(plan.getResult(), local.lookup(yield->getOperand(0)));
      return success();
    }
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      SmallVector<Value> values;
      for (Value v : ret.getOperands())
        if (map.contains(v))
          values.push_back(map.lookup(v));
      func::ReturnOp::create(b, op->getLoc(), values);
      return success();
    }
    if (isa<ReshardOp>(op))
      return op->emitError("a reshard is left: run --hspmd-resolve-comm first");
    if (isa<scf::ForOp, scf::IfOp>(op))
      return specializeRegions(op, d, map, b);
    if (auto call = dyn_cast<func::CallOp>(op))
      if (auto callee =
              getOperation().lookupSymbol<func::FuncOp>(call.getCalleeAttr()))
        if (programsOf.count(callee))
          return specializeCall(call, d, map, b);

    bool tensorResults = llvm::any_of(
        op->getResultTypes(), [](Type t) { return isa<RankedTensorType>(t); });
    if (tensorResults) {
      SmallVector<std::optional<layout::Placement>> places;
      bool lives = false;
      for (Value r : op->getResults()) {
        places.push_back(placeOn(r, d));
        lives |= places.back().has_value();
      }
      if (!lives)
        return success();
      for (auto [i, v] : llvm::enumerate(op->getOperands()))
        if (!map.contains(v) &&
            isa<RankedTensorType, BaseMemRefType>(v.getType()))
          return op->emitError()
                 << "operand #" << i << " does not live on device " << d
                 << ", where this op runs";
      // Scalars used here but defined nowhere on this device yet cannot
      // exist: every scalar op was cloned in program order.
      if (!allPresent())
        return op->emitError() << "an operand is missing on device " << d;
      if (auto constant = dyn_cast<arith::ConstantOp>(op))
        if (auto dense = dyn_cast<DenseElementsAttr>(constant.getValue())) {
          const layout::Placement &p = *places[0];
          auto local = localType(constant.getResult(), p);
          DenseElementsAttr value =
              p.summand && !p.keeper
                  ? DenseElementsAttr::get(
                        local, b.getZeroAttr(local.getElementType()))
                  : sliceConstant(dense, p, local);
          map.map(constant.getResult(),
                  arith::ConstantOp::create(b, op->getLoc(), local, value));
          return success();
        }
      Operation *clone = b.clone(*op, map);
      for (auto [r, p] : llvm::zip(clone->getResults(), places))
        if (p && isa<RankedTensorType>(r.getType()))
          r.setType(localType(r, *p));
      offsetIndices(clone, op, d);
      // Only ops whose blocks are smaller than the whole (they have sharding
      // rules) spell out sizes to localize; an op running on whole tensors
      // (a rank-reducing slice, which has no rule) keeps its sizes.
      if (clone->getResultTypes() != op->getResultTypes())
        localizeStaticSizes(clone);
      // A new partial value (computed from no tensor but its init: a fill, a
      // generic computing from indices) is held by the keepers; the others
      // hold zeros (Semantics.md). A class mixing both picks by device id.
      auto linalgOp = dyn_cast<linalg::LinalgOp>(clone);
      if (!linalgOp || !places[0] || !places[0]->summand ||
          llvm::any_of(
              linalgOp.getDpsInputs(),
              [](Value v) { return isa<RankedTensorType>(v.getType()); }) ||
          llvm::any_of(linalgOp.getDpsInitsMutable(), [&](OpOperand &init) {
            return linalgOp.payloadUsesValueFromOperand(&init);
          }))
        return success();
      const layout::Layout *resultLayout = cache.layoutOf(op->getResult(0));
      auto [known, inserted] = keepersOf.try_emplace(resultLayout);
      if (inserted && resultLayout)
        for (int64_t m : members)
          if (resultLayout->isKeeper(m))
            known->second.push_back(m);
      ArrayRef<int64_t> keepers = known->second;
      if (keepers.size() == members.size())
        return success();
      Location loc = clone->getLoc();
      b.setInsertionPointAfter(clone);
      SmallVector<Value> zeros;
      for (OpOperand &init : linalgOp.getDpsInitsMutable()) {
        Type elt = cast<ShapedType>(init.get().getType()).getElementType();
        Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(elt));
        zeros.push_back(
            linalg::FillOp::create(b, loc, zero, init.get()).getResult(0));
      }
      SmallVector<Value> results = zeros;
      if (!keepers.empty()) {
        Value keeper = isOneOf(b, loc, keepers);
        for (auto [i, r] : llvm::enumerate(clone->getResults()))
          results[i] = arith::SelectOp::create(b, loc, keeper, r, zeros[i]);
      } else {
        clone->replaceAllUsesWith(zeros);
        clone->erase();
      }
      for (auto [r, z] : llvm::zip(op->getResults(), results))
        map.map(r, z);
      return success();
    }
    // No tensor results: ops on values the device has (scalars, buffers of
    // its tensors). An effect without tensor operands runs on device 0.
    // An op missing an operand here is not run here; that is right for an
    // op on a tensor's buffer the device does not hold, but an op that must
    // run here (device 0's print, a write into a replicated buffer, whose
    // copies must stay the same) missing a value computed elsewhere would
    // silently leave the device's state behind: an error naming the value,
    // never a skipped effect.
    bool deviceZeroOnly =
        places->runsOnDeviceZero(op) && !scalars->isPureCall(op);
    if (!allPresent()) {
      bool mustRun =
          deviceZeroOnly
              ? d == 0
              : hasVisibleEffects(op, /*countReads=*/false) &&
                    llvm::any_of(op->getOperands(), [&](Value v) {
                      return isa<BaseMemRefType>(v.getType()) &&
                             map.contains(v) &&
                             places->classOf(v) == BufferPlaces::Replicated;
                    });
      if (!mustRun)
        return success();
      for (auto [i, v] : llvm::enumerate(op->getOperands()))
        if (!map.contains(v)) {
          InFlightDiagnostic diag =
              op->emitError()
              << "operand #" << i << " is not computed on device " << d
              << ", which runs this op: hspmd does not move a value of type "
              << v.getType()
              << " computed on other devices only (make it a tensor)";
          if (Operation *def = v.getDefiningOp())
            diag.attachNote(def->getLoc()) << "the operand's producer";
          return diag;
        }
    }
    if (d != 0 && deviceZeroOnly)
      return success();
    Operation *clone = b.clone(*op, map);
    if (auto toBuffer = dyn_cast<bufferization::ToBufferOp>(clone)) {
      // The local shape, with the layout and memory space the program gave
      // the buffer (views and calls are typed against them); a layout
      // stating strides of the global shape becomes a fully dynamic one.
      auto local = cast<RankedTensorType>(toBuffer.getTensor().getType());
      auto memref = cast<MemRefType>(toBuffer.getResult().getType());
      MemRefLayoutAttrInterface layout = memref.getLayout();
      if (memref.getShape() != local.getShape() && !layout.isIdentity()) {
        SmallVector<int64_t> strides(local.getRank(), ShapedType::kDynamic);
        layout = StridedLayoutAttr::get(clone->getContext(),
                                        ShapedType::kDynamic, strides);
      }
      Value buffer = toBuffer.getResult();
      buffer.setType(MemRefType::get(
          local.getShape(), memref.getElementType(), layout,
          memref.getMemorySpace()));
    }
    return success();
  }

  /// Says why `v`, which `what` needs on device `d`, is not there: a
  /// tensor's buffer lives where the tensor was made whole for it (device
  /// 0); other values where their producer ran.
  void missingValue(InFlightDiagnostic &diag, Value v, int64_t d,
                    const std::string &what) {
    Operation *origin = isa<BaseMemRefType>(v.getType()) ? bufferOrigin(v)
                                                         : v.getDefiningOp();
    diag << what << " a value of type " << v.getType()
         << " that device " << d << " does not have";
    if (isa_and_nonnull<bufferization::ToBufferOp>(origin))
      diag << ": it is a tensor's buffer, which lives on device 0 alone "
              "(where the tensor is made whole for it); carry or yield the "
              "tensor, and take its buffer after the loop or branch";
    else
      diag << ": it is made only where its producer runs";
    if (Operation *def = v.getDefiningOp())
      diag.attachNote(def->getLoc()) << "the value's producer";
  }

  /// A loop or branch runs on every device: it carries the values the
  /// device holds (with local types) and its body is the device's program
  /// of the body. A loop's result, block argument, init and yielded value
  /// share one placement; a branch's result and yielded values too.
  LogicalResult specializeRegions(Operation *op, int64_t d, IRMapping &map,
                                  OpBuilder &b) {
    auto loop = dyn_cast<scf::ForOp>(op);
    unsigned carriedFrom = loop ? loop.getNumControlOperands() : 0;
    SmallVector<unsigned> kept;
    SmallVector<Type> types;
    for (OpResult r : op->getResults()) {
      if (!isa<RankedTensorType>(r.getType())) {
        kept.push_back(r.getResultNumber());
        types.push_back(r.getType());
      } else if (std::optional<layout::Placement> p = placeOn(r, d)) {
        kept.push_back(r.getResultNumber());
        types.push_back(localType(r, *p));
      }
    }
    SmallVector<Value> operands;
    auto operand = [&](Value v) -> LogicalResult {
      if (!map.contains(v)) {
        InFlightDiagnostic diag = op->emitError();
        missingValue(diag, v, d, "the " + op->getName().getStringRef().str() +
                                     " runs on every device and carries");
        return diag;
      }
      operands.push_back(map.lookup(v));
      return success();
    };
    for (unsigned i = 0; i < carriedFrom; ++i)
      if (failed(operand(op->getOperand(i))))
        return failure();
    if (!loop && failed(operand(op->getOperand(0))))
      return failure();
    if (loop)
      for (unsigned i : kept)
        if (failed(operand(loop.getInitArgs()[i])))
          return failure();
    OperationState state(op->getLoc(), op->getName());
    state.addOperands(operands);
    state.addTypes(types);
    state.addAttributes(op->getAttrDictionary().getValue());
    for (unsigned i = 0; i < op->getNumRegions(); ++i)
      state.addRegion();
    Operation *clone = b.create(state);
    for (auto [i, r] : llvm::enumerate(kept))
      map.map(op->getResult(r), clone->getResult(i));
    for (auto [region, newRegion] :
         llvm::zip(op->getRegions(), clone->getRegions())) {
      if (region.empty())
        continue;
      Block &body = region.front();
      Block *newBody = &newRegion.emplaceBlock();
      if (loop) {
        map.map(loop.getInductionVar(),
                newBody->addArgument(loop.getInductionVar().getType(),
                                     loop.getLoc()));
        for (auto [i, r] : llvm::enumerate(kept))
          map.map(loop.getRegionIterArgs()[r],
                  newBody->addArgument(types[i], loop.getLoc()));
      }
      OpBuilder inner = OpBuilder::atBlockEnd(newBody);
      for (Operation &nested : body.without_terminator())
        if (failed(specializeOp(&nested, d, map, inner)))
          return failure();
      SmallVector<Value> yielded;
      for (unsigned r : kept) {
        Value v = body.getTerminator()->getOperand(r);
        if (!map.contains(v)) {
          InFlightDiagnostic diag = body.getTerminator()->emitError();
          missingValue(diag, v, d,
                       "result #" + std::to_string(r) + " of the " +
                           op->getName().getStringRef().str() +
                           ", which every device keeps, is");
          return diag;
        }
        yielded.push_back(map.lookup(v));
      }
      scf::YieldOp::create(inner, body.getTerminator()->getLoc(), yielded);
    }
    return success();
  }

  /// Whether the running device is one of `devices` (an i1): comparisons for
  /// a few, a constant table indexed by the device id for more.
  Value isOneOf(OpBuilder &b, Location loc, ArrayRef<int64_t> devices) {
    Value id = DeviceIdOp::create(b, loc, b.getIndexType());
    if (devices.size() <= 4) {
      Value any;
      for (int64_t d : devices) {
        Value eq = arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::eq, id,
            arith::ConstantIndexOp::create(b, loc, d));
        any = any ? arith::OrIOp::create(b, loc, any, eq).getResult() : eq;
      }
      return any;
    }
    if (!isDenseDeviceTable(devices)) {
      SmallVector<int64_t> ones(devices.size(), 1);
      Value entry = searchByDevice(b, loc, id, devices, ones, 0);
      return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, entry,
                                   arith::ConstantIndexOp::create(b, loc, 0));
    }
    int64_t size = *llvm::max_element(devices) + 1;
    SmallVector<bool> table(size, false);
    for (int64_t d : devices)
      table[d] = true;
    auto type = RankedTensorType::get({size}, b.getI1Type());
    Value constant = arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(type, ArrayRef<bool>(table)));
    // Devices above the table's end are not in it.
    Value inside = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ult, id,
        arith::ConstantIndexOp::create(b, loc, size));
    Value clamped = arith::SelectOp::create(
        b, loc, inside, id, arith::ConstantIndexOp::create(b, loc, 0));
    Value entry = tensor::ExtractOp::create(b, loc, constant, clamped);
    return arith::AndIOp::create(b, loc, inside, entry);
  }

  /// `linalg.index` in a device's program counts from the device's block:
  /// add the block's offset so the op sees global positions. A loop's offset
  /// is that of the dimension following it in any operand holding it.
  void offsetIndices(Operation *clone, Operation *original, int64_t d) {
    auto linalgOp = dyn_cast<linalg::LinalgOp>(clone);
    if (!linalgOp)
      return;
    // Only the op's own indices: a linalg op nested in its payload reads
    // its own loops, which are not split.
    SmallVector<linalg::IndexOp> indices;
    clone->walk([&](linalg::IndexOp index) {
      if (index->getParentOfType<linalg::LinalgOp>() == linalgOp)
        indices.push_back(index);
    });
    if (indices.empty())
      return;
    // Per device of the class, each loop's offset: that of the dimension
    // following it in any operand the device holds.
    unsigned numLoops = linalgOp.getNumLoops();
    auto offsetsOn = [&](int64_t m) {
      SmallVector<std::optional<int64_t>> loopOffset(numLoops);
      for (OpOperand &operand : original->getOpOperands()) {
        if (!isa<RankedTensorType>(operand.get().getType()))
          continue;
        std::optional<layout::Placement> p = placeOn(operand.get(), m);
        if (!p)
          continue;
        AffineMap map =
            cast<linalg::LinalgOp>(original).getMatchingIndexingMap(&operand);
        for (unsigned j = 0; j < map.getNumResults(); ++j)
          if (auto dim = dyn_cast<AffineDimExpr>(map.getResult(j)))
            if (!loopOffset[dim.getPosition()])
              loopOffset[dim.getPosition()] = p->box[j].lo;
      }
      SmallVector<int64_t> out;
      for (std::optional<int64_t> o : loopOffset)
        out.push_back(o.value_or(0));
      return out;
    };
    ArrayRef<int64_t> devices = members;
    SmallVector<int64_t> self{d};
    if (devices.empty())
      devices = self;
    std::vector<SmallVector<int64_t>> offsets;
    for (int64_t m : devices)
      offsets.push_back(offsetsOn(m));
    // A loop whose offset differs between the devices sharing this program
    // reads it from a table indexed by the device id, built before the op.
    SmallVector<Value> dynamicOffset(numLoops);
    OpBuilder outer(clone);
    Value id;
    for (unsigned l = 0; l < numLoops; ++l) {
      bool uniform = llvm::all_of(
          offsets, [&](const auto &o) { return o[l] == offsets[0][l]; });
      if (uniform)
        continue;
      if (!id)
        id = DeviceIdOp::create(outer, clone->getLoc(), outer.getIndexType());
      if (!isDenseDeviceTable(devices)) {
        SmallVector<int64_t> column;
        for (const auto &o : offsets)
          column.push_back(o[l]);
        dynamicOffset[l] =
            searchByDevice(outer, clone->getLoc(), id, devices, column, 0);
        continue;
      }
      int64_t size = *llvm::max_element(devices) + 1;
      SmallVector<int64_t> table(size, 0);
      for (auto [m, o] : llvm::zip(devices, offsets))
        table[m] = o[l];
      auto type = RankedTensorType::get({size}, outer.getIndexType());
      Value constant = arith::ConstantOp::create(
          outer, clone->getLoc(),
          DenseElementsAttr::get(type, ArrayRef<int64_t>(table)));
      dynamicOffset[l] =
          tensor::ExtractOp::create(outer, clone->getLoc(), constant, id);
    }
    for (linalg::IndexOp index : indices) {
      unsigned l = index.getDim();
      int64_t offset = offsets[0][l];
      if (!dynamicOffset[l] && offset == 0)
        continue;
      OpBuilder b(index);
      b.setInsertionPointAfter(index);
      Value c = dynamicOffset[l]
                    ? dynamicOffset[l]
                    : arith::ConstantIndexOp::create(b, index.getLoc(), offset)
                          .getResult();
      auto add = arith::AddIOp::create(b, index.getLoc(), index, c);
      index.getResult().replaceAllUsesExcept(add, add);
    }
  }

  /// Slices and reshapes spell their sizes out; in a device's program they
  /// are the local block's. (Only dimensions a slice takes whole can be split,
  /// so the offsets stay as written.)
  /// Sizes written as values (`output_shape [%c2, 4]` with a static result
  /// type, as front ends write before canonicalizing) become the static
  /// local sizes too: the values would still say the global ones.
  void localizeStaticSizes(Operation *clone) {
    auto localize = [](ArrayRef<int64_t> shape, MutableOperandRange sizes,
                       auto set) {
      if (!ShapedType::isStaticShape(shape))
        return;
      set(shape);
      sizes.clear();
    };
    if (auto slice = dyn_cast<tensor::ExtractSliceOp>(clone))
      localize(slice.getType().getShape(), slice.getSizesMutable(),
               [&](ArrayRef<int64_t> v) { slice.setStaticSizes(v); });
    else if (auto insert = dyn_cast<tensor::InsertSliceOp>(clone))
      localize(insert.getSourceType().getShape(), insert.getSizesMutable(),
               [&](ArrayRef<int64_t> v) { insert.setStaticSizes(v); });
    else if (auto expand = dyn_cast<tensor::ExpandShapeOp>(clone))
      localize(expand.getResultType().getShape(),
               expand.getOutputShapeMutable(),
               [&](ArrayRef<int64_t> v) { expand.setStaticOutputShape(v); });
  }
};

} // namespace
