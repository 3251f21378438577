//===- Propagate.cpp - Deduce the sharding of every tensor value ----------===//
//
// Deduces every tensor's placement from the annotated ones and inserts
// reshards where placements conflict. Shardings are carried through ops in
// their loop space (the algebra is hspmd/Layout/LoopSpace.h, plain C++): the
// pass is the driver that asks each op for its ShardingRule, runs deduction
// to a fixed point, materializes each op with the cheapest anchor, and
// handles what the algebra does not see: calls, ops without rules, reads of
// whole tensors, and reductions split in two.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Interfaces/ShardingRule.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"

#include <functional>
#include <map>
#include <tuple>
#include <set>


namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDPROPAGATE
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;
using LSharding = layout::Sharding;
using layout::lift;
using layout::merge;
using layout::project;
using layout::reduced;
using layout::replicated;
using layout::replicatedOn;

namespace {

std::vector<int64_t> shapeOf(Value v) {
  auto t = cast<RankedTensorType>(v.getType());
  return {t.getShape().begin(), t.getShape().end()};
}

bool isStaticTensor(Value v) {
  auto t = dyn_cast<RankedTensorType>(v.getType());
  return t && t.hasStaticShape();
}

/// Whether `op`'s results are all values (scalars, vectors), none a tensor
/// or a buffer: what the rules for scalar ops apply to.
bool hasValueResults(Operation *op) {
  return llvm::none_of(op->getResultTypes(), [](Type t) {
    return isa<TensorType, BaseMemRefType>(t);
  });
}


int64_t moveCost(const LSharding &from, const LSharding &to, Value v) {
  std::vector<int64_t> shape = shapeOf(v);
  layout::Layout a(from, shape), b(to, shape);
  int64_t bytes = getElementBytes(cast<ShapedType>(v.getType())), sum = 0;
  for (int64_t d : b.devices())
    sum += layout::lowerBoundBytes(a, b, d, bytes);
  return sum;
}

/// Whether `s` is a valid placement of `v` (shape and element type).
bool fits(const LSharding &s, Value v) {
  if (s.verifyStructure() || s.verifyShape(shapeOf(v)))
    return false;
  if (!s.hasPartial())
    return true;
  Type elt = cast<ShapedType>(v.getType()).getElementType();
  return elt.isF16() || elt.isBF16() || elt.isF32() || elt.isF64() ||
         elt.isSignlessInteger(32) || elt.isSignlessInteger(64);
}

LSharding deviceZero() { return replicatedOn({0}); }

/// Whether `op` has no effect but reads of tensors it takes (a
/// `vector.gather` or `vector.transfer_read` from a tensor).
static bool onlyReadsTensors(Operation *op) {
  return isMemoryEffectFree(op) ||
         allDeclaredEffects(op, [](const MemoryEffects::EffectInstance &e) {
           Value v = e.getValue();
           return isa<MemoryEffects::Read>(e.getEffect()) && v &&
                  isa<TensorType>(v.getType());
         });
}

struct PropagatePass
    : public mlir::hspmd::impl::HspmdPropagateBase<PropagatePass> {
  using HspmdPropagateBase::HspmdPropagateBase;
  llvm::DenseMap<Value, LSharding> placed;
  /// Values whose placement a user stated; never changed.
  llvm::DenseSet<Value> stated;
  /// The reshards propagation inserted, by the value they move.
  llvm::DenseMap<Value, SmallVector<ReshardOp>> reshardsOf;

  ShardingAttr attr(const LSharding &s) {
    return ShardingAttr::get(&getContext(), s);
  }

  void runOnOperation() override {
    // Callees first, so that a call meets its callee's deduced signature;
    // recursion falls back to module order.
    ModuleOp module = getOperation();
    if (failed(checkStructure()))
      return signalPassFailure();
    shareDeviceZeroScalars();
    collectModuleDevices();
    recordUnstated();
    SmallVector<func::FuncOp> order;
    llvm::DenseSet<Operation *> visited, called;
    std::function<void(func::FuncOp)> visit = [&](func::FuncOp fn) {
      if (!visited.insert(fn).second)
        return;
      fn.walk([&](func::CallOp call) {
        if (auto callee =
                module.lookupSymbol<func::FuncOp>(call.getCalleeAttr())) {
          called.insert(callee);
          visit(callee);
        }
      });
      order.push_back(fn);
    };
    for (auto fn : module.getOps<func::FuncOp>())
      visit(fn);
    for (func::FuncOp fn : order) {
      if (fn.isExternal())
        continue;
      placed.clear();
      stated.clear();
      reshardsOf.clear();
      early.clear();
      if (failed(runOnFunction(fn)))
        return signalPassFailure();
      recordEarlyCalls();
      if (called.count(fn))
        writeSignature(fn);
      finished.insert(fn);
    }
    if (failed(checkEarlyCalls()))
      return signalPassFailure();
  }

  /// Functions already placed, whose signatures their callers read.
  llvm::DenseSet<Operation *> finished;
  /// Calls in the function being placed whose callee is not placed yet
  /// (recursion): they were placed without the callee's signature.
  SmallVector<func::CallOp> early;
  /// What such calls gave their tensor operands and results.
  struct EarlyCall {
    func::CallOp call;
    SmallVector<std::optional<LSharding>> operands, results;
  };
  SmallVector<EarlyCall> earlyCalls;

  void recordEarlyCalls() {
    for (func::CallOp call : early) {
      EarlyCall record{call, {}, {}};
      auto layoutOf = [&](Value v) -> std::optional<LSharding> {
        if (!isStaticTensor(v) || !placed.count(v))
          return std::nullopt;
        return placed[v];
      };
      for (Value v : call.getOperands())
        record.operands.push_back(layoutOf(v));
      for (Value v : call.getResults())
        record.results.push_back(layoutOf(v));
      earlyCalls.push_back(std::move(record));
    }
  }

  /// Per function whose signature states some placements, the first static
  /// tensor argument or result (result: true) it does not, as written: the
  /// pass writes every one it deduces.
  llvm::DenseMap<Operation *, std::optional<std::pair<bool, size_t>>>
      firstUnstated;
  void recordUnstated() {
    StringRef name = HspmdDialect::getShardingAttrName();
    for (auto fn : getOperation().getOps<func::FuncOp>()) {
      std::optional<std::pair<bool, size_t>> first;
      bool anyStated = false;
      for (bool result : {false, true})
        for (auto [i, t] :
             llvm::enumerate(result ? fn.getResultTypes()
                                    : fn.getArgumentTypes())) {
          auto type = dyn_cast<RankedTensorType>(t);
          if (!type || !type.hasStaticShape())
            continue;
          bool stated = static_cast<bool>(
              result ? fn.getResultAttrOfType<ShardingAttr>(i, name)
                     : fn.getArgAttrOfType<ShardingAttr>(i, name));
          anyStated |= stated;
          if (!first && !stated)
            first = std::make_pair(result, i);
        }
      // (Nothing stated: the disagreement itself says more.)
      if (anyStated)
        firstUnstated[fn] = first;
    }
  }

  /// A call placed before its callee must agree with the signature the
  /// callee got: otherwise the two sides would read one block differently
  /// (a replicated copy taken for a summand, say). Stating the callee's
  /// placements on its signature makes them agree.
  LogicalResult checkEarlyCalls() {
    StringRef name = HspmdDialect::getShardingAttrName();
    for (EarlyCall &record : earlyCalls) {
      auto callee = getOperation().lookupSymbol<func::FuncOp>(
          record.call.getCalleeAttr());
      if (!callee)
        continue;
      // A call without every placement stated runs like an op without a
      // rule (its tensors whole), whatever the stated ones say: a
      // disagreement then names the first one missing.
      std::optional<std::pair<bool, size_t>> unstated =
          firstUnstated.lookup(callee);
      for (bool result : {false, true}) {
        auto &given = result ? record.results : record.operands;
        for (auto [i, layout] : llvm::enumerate(given)) {
          if (!layout)
            continue;
          ShardingAttr s =
              result ? callee.getResultAttrOfType<ShardingAttr>(i, name)
                     : callee.getArgAttrOfType<ShardingAttr>(i, name);
          Value v = result ? Value(record.call.getResult(i))
                           : record.call.getOperand(i);
          if (s && sameLayout(*layout, s.getLayout(), shapeOf(v)))
            continue;
          if (unstated)
            return record.call.emitError()
                   << "this call is placed before @" << callee.getSymName()
                   << " itself (recursion), and @" << callee.getSymName()
                   << "'s " << (unstated->first ? "result #" : "argument #")
                   << unstated->second
                   << " has no stated placement, so the call holds its "
                      "tensors whole; state @"
                   << callee.getSymName()
                   << "'s argument and result placements with '" << name
                   << "' attributes on its signature (all of them: the "
                      "call reads them together)";
          InFlightDiagnostic diag = record.call.emitError();
          diag << "this call is placed before @" << callee.getSymName()
               << " itself (recursion), so it "
               << (result ? "takes result #" : "passes argument #") << i
               << " as " << attr(*layout) << ", but @" << callee.getSymName()
               << (result ? " returns it as " : " takes it as ");
          if (s)
            diag << s;
          else
            diag << "unplaced";
          diag << "; state @" << callee.getSymName()
               << "'s argument and result placements with '" << name
               << "' attributes on its signature";
          return failure();
        }
      }
    }
    return success();
  }

  /// Records a callee's deduced argument and result placements on its
  /// signature, where its callers read them.
  void writeSignature(func::FuncOp fn) {
    StringRef name = HspmdDialect::getShardingAttrName();
    for (BlockArgument arg : fn.getArguments())
      if (!fn.getArgAttr(arg.getArgNumber(), name) && placed.count(arg))
        fn.setArgAttr(arg.getArgNumber(), name, attr(placed[arg]));
    // Returned values are annotated by now: their placement is the
    // annotation's.
    fn.walk([&](func::ReturnOp ret) {
      for (auto [i, v] : llvm::enumerate(ret.getOperands())) {
        if (fn.getResultAttr(i, name))
          continue;
        if (auto a = v.getDefiningOp<AnnotateOp>())
          fn.setResultAttr(i, name, a.getSharding());
        else if (placed.count(v))
          fn.setResultAttr(i, name, attr(placed[v]));
      }
    });
  }

  /// The placement a callee's signature gives its argument or result.
  std::optional<LSharding> calleePlacement(func::CallOp call, bool result,
                                           unsigned i) {
    auto callee =
        getOperation().lookupSymbol<func::FuncOp>(call.getCalleeAttr());
    if (!callee)
      return std::nullopt;
    StringRef name = HspmdDialect::getShardingAttrName();
    ShardingAttr s = result ? callee.getResultAttrOfType<ShardingAttr>(i, name)
                            : callee.getArgAttrOfType<ShardingAttr>(i, name);
    if (!s)
      return std::nullopt;
    return s.getLayout();
  }

  /// The operands an op's rule merges (its tensor inputs), with the
  /// placement each must first have: partial values are reduced unless the
  /// op is additive in them.
  /// (With `reduceFirst`, every partial input is reduced.)
  LSharding effective(const LSharding &s, const ShardingRule &rule,
                      bool reduceFirst = false) {
    return rule.linearity == Linearity::Additive && !reduceFirst ? s
                                                                 : reduced(s);
  }

  /// The loop sharding an op runs with, anchored on input `anchor`; the
  /// inputs that do not fit it are listed in `moved`.
  LSharding loopsFrom(Operation *op, const ShardingRule &rule, unsigned anchor,
                      SmallVectorImpl<unsigned> &moved,
                      bool reduceFirst = false) {
    LSharding loops =
        lift(effective(placed[op->getOperand(anchor)], rule, reduceFirst),
             *rule.operandLoops[anchor], rule);
    for (unsigned i = 0; i < op->getNumOperands(); ++i) {
      if (i == anchor || !rule.operandLoops[i] || rule.initOperands[i])
        continue;
      Value v = op->getOperand(i);
      auto known = placed.find(v);
      if (known == placed.end())
        continue; // not placed yet: it will follow the op
      LSharding eff = effective(known->second, rule, reduceFirst);
      LSharding want = project(loops, *rule.operandLoops[i], rule, false);
      if (fits(want, v) && sameLayout(want, eff, shapeOf(v)))
        continue;
      if (!merge(loops, lift(eff, *rule.operandLoops[i], rule), rule.linearity))
        moved.push_back(i);
    }
    return loops;
  }

  /// Deduction to a fixed point: every value nothing placed yet takes the
  /// placement its producer's or users' rules give it.
  void deduce(func::FuncOp fn) {
    bool changed = true;
    // (`s` by value: callers may pass a placement held in `placed`, which
    // the insertion below may move.)
    auto assign = [&](Value v, LSharding s) {
      if (placed.count(v) || !isStaticTensor(v) || !fits(s, v))
        return;
      placed[v] = s;
      changed = true;
    };
    // Each op's rule once: the walk below repeats until nothing changes,
    // and deducing leaves the IR as it is.
    llvm::DenseMap<Operation *, FailureOr<ShardingRule>> rules;
    for (int iteration = 0; changed && iteration < 1000; ++iteration) {
      changed = false;
      fn.walk([&](Operation *op) {
        if (!isPartitioned(op))
          return; // inside a region that runs as written (materialization)
        // A loop carries each value with one placement: its init, the
        // block argument, the value yielded back and the result. A branch's
        // result is what either branch yields.
        auto tie = [&](ArrayRef<Value> values) {
          for (Value v : values)
            if (placed.count(v)) {
              LSharding s = placed[v];
              for (Value w : values)
                assign(w, s);
              return;
            }
        };
        if (auto loop = dyn_cast<scf::ForOp>(op)) {
          for (unsigned i = 0; i < loop.getNumResults(); ++i)
            tie({loop.getInitArgs()[i], loop.getRegionIterArgs()[i],
                 loop.getYieldedValues()[i], loop.getResult(i)});
          return;
        }
        if (auto branch = dyn_cast<scf::IfOp>(op)) {
          for (unsigned i = 0; i < branch.getNumResults(); ++i) {
            SmallVector<Value> values{branch.getResult(i),
                                      branch.thenYield().getOperand(i)};
            if (!branch.getElseRegion().empty())
              values.push_back(branch.elseYield().getOperand(i));
            tie(values);
          }
          return;
        }
        if (auto annotate = dyn_cast<AnnotateOp>(op)) {
          assign(annotate.getInput(), annotate.getSharding().getLayout());
          return;
        }
        if (auto ret = dyn_cast<func::ReturnOp>(op)) {
          for (auto [i, v] : llvm::enumerate(ret.getOperands()))
            if (auto s = fn.getResultAttrOfType<ShardingAttr>(
                    i, HspmdDialect::getShardingAttrName()))
              assign(v, s.getLayout());
          return;
        }
        if (auto call = dyn_cast<func::CallOp>(op)) {
          for (auto [i, v] : llvm::enumerate(call.getOperands()))
            if (auto s = calleePlacement(call, /*result=*/false, i))
              assign(v, *s);
          for (auto [i, v] : llvm::enumerate(call.getResults()))
            if (auto s = calleePlacement(call, /*result=*/true, i))
              assign(v, *s);
          return;
        }
        auto ruleOp = dyn_cast<ShardingRuleOpInterface>(op);
        if (!ruleOp)
          return;
        auto known = rules.find(op);
        if (known == rules.end())
          known = rules.try_emplace(op, ruleOp.getShardingRule()).first;
        const FailureOr<ShardingRule> &rule = known->second;
        if (failed(rule))
          return;
        std::optional<LSharding> loops;
        for (unsigned i = 0; i < op->getNumOperands() && !loops; ++i)
          if (rule->operandLoops[i] && !rule->initOperands[i] &&
              placed.count(op->getOperand(i))) {
            SmallVector<unsigned> moved;
            loops = loopsFrom(op, *rule, i, moved);
          }
        // Backward: from a placed result. A partial result says nothing
        // about which reduction loop was split, so inputs get the reduced
        // placement; inits take the result's, partial included.
        bool fromResult = false;
        for (unsigned r = 0; r < op->getNumResults() && !loops; ++r)
          if (placed.count(op->getResult(r))) {
            loops = lift(placed[op->getResult(r)], rule->resultLoops[r], *rule);
            fromResult = true;
          }
        if (!loops)
          return;
        for (unsigned i = 0; i < op->getNumOperands(); ++i) {
          if (!rule->operandLoops[i])
            continue;
          bool init = rule->initOperands[i];
          LSharding want = project(*loops, *rule->operandLoops[i], *rule, init);
          assign(op->getOperand(i), fromResult && !init ? reduced(want) : want);
        }
        for (unsigned r = 0; r < op->getNumResults(); ++r)
          assign(op->getResult(r),
                 project(*loops, rule->resultLoops[r], *rule, true));
      });
    }
  }

  /// Inserts `hspmd.reshard` of operand `i` of `op` to `to`, with a remark
  /// saying why.
  /// (`to` is a copy: callers pass placements held in `placed`, which the
  /// insertion below may move.)
  void reshardOperand(Operation *op, unsigned i, LSharding to,
                      const Twine &why) {
    Value v = op->getOperand(i);
    // A reshard of this value to this placement earlier in the block serves
    // again: the data moves once.
    for (ReshardOp earlier : reshardsOf[v])
      if (earlier->getBlock() == op->getBlock() &&
          earlier->isBeforeInBlock(op) &&
          sameLayout(earlier.getSharding().getLayout(), to, shapeOf(v))) {
        op->setOperand(i, earlier);
        return;
      }
    OpBuilder b(op);
    auto reshard = ReshardOp::create(b, op->getLoc(), v.getType(), v, attr(to));
    reshardsOf[v].push_back(reshard);
    op->setOperand(i, reshard);
    mlir::emitRemark(op->getLoc())
        << "operand #" << i << " moves from " << attr(placed[v]) << " to "
        << attr(to) << ": " << why;
    placed[reshard] = to;
  }

  /// Values nothing placed go to device 0.
  void placeDefault(Value v, Operation *where) {
    if (placed.count(v) || !isStaticTensor(v))
      return;
    placed[v] = deviceZero();
    mlir::emitRemark(where->getLoc())
        << "no annotation determines the placement of this "
           "value; it is placed on "
        << attr(deviceZero());
  }

  /// A loop carries each tensor with one placement, the one deduction gave
  /// its block argument: its init moves there first if it is elsewhere, and
  /// its result has it.
  void materializeLoop(scf::ForOp loop) {
    for (unsigned i = 0; i < loop.getNumResults(); ++i) {
      Value arg = loop.getRegionIterArgs()[i], init = loop.getInitArgs()[i];
      if (!isStaticTensor(arg))
        continue;
      placeDefault(init, loop);
      LSharding carried = placed.count(arg) ? placed[arg] : placed[init];
      if (!sameLayout(placed[init], carried, shapeOf(init)))
        reshardOperand(loop, loop.getNumControlOperands() + i, carried,
                       "the loop carries this value with the placement its "
                       "body gives it");
      placed[arg] = carried;
      placed[loop.getResult(i)] = carried;
    }
  }

  /// What a loop's iteration yields moves to the placement the loop carries
  /// (the next iteration starts from it); what a branch yields moves to the
  /// placement of the branch's result.
  void materializeYield(scf::YieldOp yield) {
    Operation *parent = yield->getParentOp();
    if (!isa<scf::ForOp, scf::IfOp>(parent))
      return;
    for (auto [i, v] : llvm::enumerate(yield.getOperands())) {
      if (!isStaticTensor(v))
        continue;
      placeDefault(v, yield);
      Value result = parent->getResult(i);
      if (!placed.count(result)) {
        LSharding mine = placed[v]; // a copy: inserting may move the map
        placed[result] = mine;
      }
      if (!sameLayout(placed[v], placed[result], shapeOf(v)))
        reshardOperand(yield, i, placed[result],
                       isa<scf::ForOp>(parent)
                           ? "the loop carries this value with one placement, "
                             "and the next iteration starts from it"
                           : "both branches yield the placement of the "
                             "branch's result");
    }
  }

  LogicalResult runOnFunction(func::FuncOp fn) {
    StringRef name = HspmdDialect::getShardingAttrName();
    // The size of a static dimension is a constant of the global program; in
    // a device program the tensor may be a smaller block.
    fn.walk([](tensor::DimOp dim) {
      auto type = dyn_cast<RankedTensorType>(dim.getSource().getType());
      std::optional<int64_t> k = getConstantIntValue(dim.getIndex());
      if (!type || !k || *k < 0 || *k >= type.getRank() ||
          type.isDynamicDim(*k))
        return;
      OpBuilder b(dim);
      dim.replaceAllUsesWith(arith::ConstantIndexOp::create(
                                 b, dim.getLoc(), type.getDimSize(*k))
                                 .getResult());
      dim.erase();
    });
    // Sizes that are constants (such folded sizes, as torch-mlir writes
    // `tensor.empty(tensor.dim ...)`) make static tensors, and a cast back
    // to the type a value came from is that value: a tensor of static
    // shape is partitioned, one of dynamic shape is not.
    fn.walk([](tensor::EmptyOp empty) {
      RankedTensorType type = empty.getType();
      if (type.hasStaticShape())
        return;
      SmallVector<int64_t> shape(type.getShape());
      auto sizes = empty.getDynamicSizes().begin();
      for (int64_t &size : shape) {
        if (!ShapedType::isDynamic(size))
          continue;
        std::optional<int64_t> c = getConstantIntValue(*sizes++);
        if (!c || *c < 0)
          return;
        size = *c;
      }
      OpBuilder b(empty);
      Value known = tensor::EmptyOp::create(b, empty.getLoc(), shape,
                                            type.getElementType(),
                                            type.getEncoding());
      empty.replaceAllUsesWith(
          tensor::CastOp::create(b, empty.getLoc(), type, known).getResult());
      empty.erase();
    });
    fn.walk([](tensor::CastOp cast) {
      auto inner = cast.getSource().getDefiningOp<tensor::CastOp>();
      if (!inner || inner.getSource().getType() != cast.getType())
        return;
      Value source = inner.getSource();
      cast.replaceAllUsesWith(source);
      cast.erase();
      if (inner.use_empty()) {
        Operation *def = source.getDefiningOp();
        inner.erase();
        if (isa_and_nonnull<tensor::EmptyOp>(def) && def->use_empty())
          def->erase();
      }
    });
    auto seedAndDeduce = [&] {
      placed.clear();
      stated.clear();
      for (BlockArgument arg : fn.getArguments())
        if (auto s =
                fn.getArgAttrOfType<ShardingAttr>(arg.getArgNumber(), name)) {
          placed[arg] = s.getLayout();
          stated.insert(arg);
        }
      fn.walk([&](Operation *op) {
        if (auto a = dyn_cast<AnnotateOp>(op)) {
          placed[a.getResult()] = a.getSharding().getLayout();
          stated.insert(a.getResult());
        } else if (auto r = dyn_cast<ReshardOp>(op)) {
          placed[r.getResult()] = r.getSharding().getLayout();
          stated.insert(r.getResult());
        }
      });
      deduce(fn);
    };
    seedAndDeduce();
    if (splitReductions(fn))
      seedAndDeduce();

    for (BlockArgument arg : fn.getArguments())
      placeDefault(arg, fn);

    // Materialize: every op runs with one placement of its operands. A loop
    // or branch comes before its body, which sees the placements it carries.
    SmallVector<Operation *> ops;
    fn.walk<WalkOrder::PreOrder>([&](Operation *op) { ops.push_back(op); });
    for (Operation *op : ops) {
      // Only the ops of the function's body, and of the loops and branches
      // in it, are partitioned (isPartitioned). A region of another op (a
      // linalg payload, a pad value) runs as written, on whole tensors, where
      // its op runs; the tensors it captures are placed there
      // (placeWholeReads).
      if (!isPartitioned(op))
        continue;
      if (auto loop = dyn_cast<scf::ForOp>(op)) {
        materializeLoop(loop);
        continue;
      }
      if (auto branch = dyn_cast<scf::IfOp>(op)) {
        for (Value r : branch.getResults())
          placeDefault(r, op);
        continue;
      }
      if (auto yield = dyn_cast<scf::YieldOp>(op)) {
        materializeYield(yield);
        continue;
      }
      if (auto annotate = dyn_cast<AnnotateOp>(op)) {
        Value in = annotate.getInput();
        LSharding want = annotate.getSharding().getLayout();
        placeDefault(in, op);
        if (!sameLayout(placed[in], want, shapeOf(in)))
          reshardOperand(op, 0, want,
                         "the annotation fixes the placement and the producer "
                         "cannot provide it");
        continue;
      }
      if (isa<ReshardOp>(op)) {
        placeDefault(op->getOperand(0), op);
        continue;
      }
      if (auto ret = dyn_cast<func::ReturnOp>(op)) {
        for (auto [i, v] : llvm::enumerate(ret.getOperands())) {
          placeDefault(v, op);
          if (auto s = fn.getResultAttrOfType<ShardingAttr>(i, name))
            if (isStaticTensor(v) &&
                !sameLayout(placed[v], s.getLayout(), shapeOf(v)))
              reshardOperand(op, i, s.getLayout(),
                             "the function result's sharding fixes it");
        }
        continue;
      }
      if (auto call = dyn_cast<func::CallOp>(op)) {
        if (failed(materializeCall(call)))
          return failure();
        continue;
      }
      if (failed(materialize(op)))
        return failure();
    }

    placeWholeReads(fn);
    mergeReshards(fn);
    annotateAll(fn);
    return success();
  }

  /// Reshards of one value to one placement in one block move the data
  /// once: the first serves the later ones (materialization and the whole
  /// reads each insert their own, in different orders).
  void mergeReshards(func::FuncOp fn) {
    std::map<std::tuple<void *, const void *, Block *>, ReshardOp> first;
    SmallVector<ReshardOp> reshards;
    fn.walk<WalkOrder::PreOrder>([&](ReshardOp r) { reshards.push_back(r); });
    for (ReshardOp r : reshards) {
      auto key = std::make_tuple(r.getInput().getAsOpaquePointer(),
                                 r.getSharding().getAsOpaquePointer(),
                                 r->getBlock());
      auto [it, inserted] = first.try_emplace(key, r);
      if (inserted || !it->second->isBeforeInBlock(r) ||
          stated.count(r.getResult()))
        continue;
      r.getResult().replaceAllUsesWith(it->second.getResult());
      placed.erase(r.getResult());
      r.erase();
    }
  }

  /// A reduction whose combiner is not a sum (max, min, a product, and/or)
  /// may not be split over its reduction loop, so an input split along it
  /// would be gathered whole. When the input is split evenly along that loop
  /// inside one group, the op is split in two instead (upstream
  /// linalg::splitReduction): an expand_shape cuts the reduced dimension into
  /// (devices, block), a first op reduces each block from the combiner's
  /// neutral element into an intermediate tensor with one slice per device,
  /// split like the input, and the original combiner then reduces the slices
  /// (from the original init). Only the slices move. Returns whether any op
  /// was split (placements are then deduced again).
  bool splitReductions(func::FuncOp fn) {
    SmallVector<linalg::LinalgOp> candidates;
    SmallVector<int64_t> ratios;
    fn.walk([&](linalg::LinalgOp op) {
      // (Upstream's split expects maps that only pick loops: a constant
      // result, as in torch-mlir's keepdim reductions `(d0, d1) -> (d0, 0)`,
      // is rewritten wrongly.)
      if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 1 ||
          op.getNumDpsInits() != 1 || op.getNumReductionLoops() != 1 ||
          op.hasIndexSemantics() ||
          !llvm::all_of(op.getIndexingMapsArray(), [](AffineMap m) {
            return m.isProjectedPermutation(/*allowZeroInResults=*/false);
          }))
        return;
      auto ruleOp = dyn_cast<ShardingRuleOpInterface>(op.getOperation());
      FailureOr<ShardingRule> rule =
          ruleOp ? ruleOp.getShardingRule() : FailureOr<ShardingRule>();
      if (failed(rule))
        return;
      SmallVector<unsigned> reductions;
      op.getReductionDims(reductions);
      unsigned loop = reductions.front();
      if (!rule->combinerNotSum)
        return; // a sum: split into summands already, or held whole
      // The first op starts from the combiner's neutral element, which
      // upstream builds from the element's bit width (none for `index`: a
      // huge constant) and which for floats may be NaN (maxnumf, minnumf)
      // or an infinity (maximumf...): a payload promising neither (`nnan`,
      // `ninf`, `fast`) would combine it as poison.
      Type element = getElementTypeOrSelf(op.getDpsInits().front().getType());
      if (!isa<IntegerType, FloatType>(element))
        return;
      WalkResult promises = op.getBlock()->walk([](Operation *inner) {
        auto fm = dyn_cast<arith::ArithFastMathInterface>(inner);
        if (fm && fm.getFastMathFlagsAttr() &&
            arith::bitEnumContainsAny(fm.getFastMathFlagsAttr().getValue(),
                                      arith::FastMathFlags::nnan |
                                          arith::FastMathFlags::ninf))
          return WalkResult::interrupt();
        return WalkResult::advance();
      });
      if (promises.wasInterrupted())
        return;
      // (A loop labelled "reduction" that the result follows is not one.)
      if (op.getMatchingIndexingMap(op.getDpsInitOperand(0))
              .isFunctionOfDim(loop))
        return;
      // The loop must index the input once, as a plain dimension, and
      // nothing else may block it (a diagonal, a convolution window).
      if (llvm::count(*rule->operandLoops[0], static_cast<int64_t>(loop)) != 1)
        return;
      Value in = op.getDpsInputs().front();
      auto found = placed.find(in);
      if (found == placed.end() || found->second.hetero ||
          found->second.groups.size() != 1 || !rule->operandLoops[0])
        return;
      const std::vector<int64_t> &dims = *rule->operandLoops[0];
      for (const layout::Axis &a : found->second.groups.front().axes)
        if (a.role.isSplit() && a.role.dim < static_cast<int64_t>(dims.size()) &&
            dims[a.role.dim] == static_cast<int64_t>(loop) &&
            rule->loopSizes[loop] % a.size == 0) {
          candidates.push_back(op);
          ratios.push_back(a.size);
        }
    });
    bool changed = false;
    IRRewriter rewriter(fn.getContext());
    for (auto [op, ratio] : llvm::zip(candidates, ratios)) {
      rewriter.setInsertionPoint(op);
      Location loc = op->getLoc();
      int64_t n = ratio;
      FailureOr<linalg::SplitReductionResult> split = linalg::splitReduction(
          rewriter, op, [n](linalg::LinalgOp) {
            linalg::SplitReductionOptions options;
            options.ratio = n;
            options.index = 0;
            options.innerParallel = false;
            return options;
          });
      if (failed(split))
        continue; // no neutral element known: gathered whole
      changed = true;
      mlir::emitRemark(loc)
          << "the reduction's combiner is not a sum, so it is split in two: "
             "each of the "
          << n << " devices reduces its block, and only the " << n
          << " partial results move";
    }
    return changed;
  }

  /// What hspmd partitions: function bodies of one block with structured
  /// control flow (scf.for, scf.if), strategies already compiled.
  /// Annotations, reshards and calls to functions handling tensors
  /// elsewhere (an scf.while, an scf.index_switch, a block of unstructured
  /// control flow) would be left behind unplaced: each is an error at the
  /// op, saying why.
  LogicalResult checkStructure() {
    ModuleOp module = getOperation();
    WalkResult unexpanded = module.walk([](WithStrategyOp op) {
      op.emitError("hspmd.with_strategy is compiled by "
                   "--hspmd-expand-strategies (or one strategy kept by "
                   "--hspmd-select-strategy) before --hspmd-propagate");
      return WalkResult::interrupt();
    });
    if (unexpanded.wasInterrupted())
      return failure();
    // A function value of a function of tensors (a table of layers called
    // with func.call_indirect): the call's operands could not meet the
    // placements of the callee's arguments, which only direct calls see.
    WalkResult indirect = module.walk([&](func::ConstantOp op) {
      auto callee = module.lookupSymbol<func::FuncOp>(op.getValueAttr());
      auto tensor = [](Type t) { return isa<TensorType>(t); };
      if (!callee || (llvm::none_of(callee.getArgumentTypes(), tensor) &&
                      llvm::none_of(callee.getResultTypes(), tensor)))
        return WalkResult::advance();
      op.emitError() << "@" << callee.getSymName()
                     << " takes or returns tensors, and hspmd places the "
                        "tensors of direct calls only: call it with "
                        "func.call, not through a function value";
      return WalkResult::interrupt();
    });
    if (indirect.wasInterrupted())
      return failure();
    ScalarFunctions scalars(module);
    for (auto fn : module.getOps<func::FuncOp>()) {
      if (fn.isExternal() || scalars.isScalar(fn))
        continue;
      if (failed(checkOneBlock(fn)))
        return failure();
      WalkResult r = fn.walk([&](Operation *op) {
        if (isPartitioned(op))
          return WalkResult::advance();
        bool placement = isa<AnnotateOp, ReshardOp>(op);
        auto call = dyn_cast<func::CallOp>(op);
        auto callee =
            call ? module.lookupSymbol<func::FuncOp>(call.getCalleeAttr())
                 : func::FuncOp();
        bool tensorCall = callee && !callee.isExternal() &&
                          !scalars.isScalar(callee);
        if (!placement && !tensorCall)
          return WalkResult::advance();
        Operation *region = op->getParentOp();
        while (region && !isPartitioned(region))
          region = region->getParentOp();
        InFlightDiagnostic diag = op->emitError();
        if (placement)
          diag << "'" << op->getName() << "'";
        else
          diag << "a call to @" << callee.getSymName()
               << (isBufferFunction(callee)
                       ? ", a function of buffers (which runs on device 0),"
                       : ", a function handling tensors,");
        diag << " inside '" << (region ? region->getName().getStringRef()
                                       : StringRef("?"))
             << "', whose regions hspmd does not partition (it partitions "
                "function bodies and the regions of scf.for and scf.if); "
                "move it out of the region";
        return WalkResult::interrupt();
      });
      if (r.wasInterrupted())
        return failure();
      // A buffer the program allocates, handed to a function of buffers
      // (which runs on device 0) and also yielded or passed on otherwise
      // (so every device keeps a copy): the copies would differ.
      BufferPlaces places;
      WalkResult mixed = fn.walk([&](func::CallOp call) {
        if (!isBufferFunction(
                module.lookupSymbol<func::FuncOp>(call.getCalleeAttr())))
          return WalkResult::advance();
        for (Value v : call.getOperands()) {
          Operation *origin = isa<BaseMemRefType>(v.getType())
                                  ? bufferOrigin(v)
                                  : nullptr;
          if (isa_and_nonnull<memref::AllocOp, memref::AllocaOp>(origin) &&
              places.classOf(v) == BufferPlaces::Shared) {
            call.emitError()
                << "a buffer this function allocates is handed to @"
                << call.getCallee()
                << ", a function of buffers, which runs on device 0, and is "
                   "also yielded, returned or passed to a function of "
                   "tensors, where every device keeps its own copy: the "
                   "copies would differ; copy it into another buffer first";
            return WalkResult::interrupt();
          }
        }
        return WalkResult::advance();
      });
      if (mixed.wasInterrupted())
        return failure();
    }
    return success();
  }

  /// Where a scalar needed "everywhere" goes: every device of the program
  /// (device 0 and every device a placement in the module names), not only
  /// those of this function. A function's scalar results are used by its
  /// callers, on their devices, which may be ones this function's tensors
  /// never touch; devices running a caller run its callees too
  /// (--hspmd-specialize).
  std::set<int64_t> moduleDevices;

  /// Every device of the program, and any this function's values live on.
  std::set<int64_t> devicesOfFunction() {
    std::set<int64_t> out = moduleDevices;
    for (auto &[v, s] : placed)
      for (int64_t d : s.devices())
        out.insert(d);
    return out;
  }

  void collectModuleDevices() {
    moduleDevices = {0};
    llvm::DenseSet<Attribute> seen;
    auto add = [&](Attribute a) {
      if (auto s = dyn_cast_or_null<ShardingAttr>(a))
        if (seen.insert(s).second)
          for (int64_t d : s.getLayout().devices())
            moduleDevices.insert(d);
    };
    StringRef name = HspmdDialect::getShardingAttrName();
    getOperation().walk([&](Operation *op) {
      if (auto a = dyn_cast<AnnotateOp>(op))
        add(a.getShardingAttr());
      else if (auto r = dyn_cast<ReshardOp>(op))
        add(r.getShardingAttr());
      else if (auto fn = dyn_cast<FunctionOpInterface>(op)) {
        for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i)
          add(fn.getArgAttr(i, name));
        for (unsigned i = 0, e = fn.getNumResults(); i < e; ++i)
          add(fn.getResultAttr(i, name));
      }
    });
  }

  /// Whether `op` reads a buffer that lives on device 0 and no tensor: one
  /// made of a tensor (`bufferization.to_buffer`, which runs on device 0, or
  /// a view or cast of one) or of the device-0 class (a buffer a function
  /// of buffers returns). A `memref.load` or `memref.dim` of it, pure or
  /// not, runs on device 0 alone.
  static bool readsDeviceZeroBuffer(Operation *op, BufferPlaces &places) {
    if (llvm::any_of(op->getOperandTypes(),
                     [](Type t) { return isa<TensorType>(t); }))
      return false;
    return llvm::any_of(op->getOperands(), [&](Value v) {
      return isa<BaseMemRefType>(v.getType()) &&
             (isTensorBuffer(v) ||
              places.classOf(v) == BufferPlaces::DeviceZero);
    });
  }

  /// Whether `buffer` is (a view or cast of) a tensor's buffer, or picks or
  /// copies one: an `arith.select` of which an operand is one, a
  /// `bufferization.clone` of one.
  static bool isTensorBuffer(Value buffer) {
    Operation *def = bufferOrigin(buffer);
    if (isa_and_nonnull<bufferization::ToBufferOp>(def))
      return true;
    if (auto select = dyn_cast_or_null<arith::SelectOp>(def))
      return isTensorBuffer(select.getTrueValue()) ||
             isTensorBuffer(select.getFalseValue());
    if (auto clone = dyn_cast_or_null<bufferization::CloneOp>(def))
      return isTensorBuffer(clone.getInput());
    return false;
  }

  /// An op with visible effects and no tensor operands runs on device 0
  /// only (a print, a call of unknown effects such as an external `sqrtf`,
  /// a scalar helper that prints): its scalar results exist there alone.
  /// Each used one goes through a one-element tensor made on device 0 and
  /// read back (`tensor.from_elements`, `tensor.extract`), which the scalar
  /// read rule below replicates on the devices using it: a broadcast from
  /// device 0, nothing where only device 0 uses it.
  void shareDeviceZeroScalars() {
    ModuleOp module = getOperation();
    ScalarFunctions scalars(module);
    BufferPlaces places;
    SmallVector<Operation *> ops;
    module.walk([&](Operation *op) {
      // (A loop or branch runs everywhere, its body partitioned; another
      // op with regions, such as an scf.while whose body prints, is one op
      // on device 0.)
      if (!isPartitioned(op) || isa<scf::ForOp, scf::IfOp>(op) ||
          op->hasTrait<OpTrait::IsTerminator>() ||
          isa<HspmdDialect>(op->getDialect()) ||
          !(places.runsOnDeviceZero(op) || readsDeviceZeroBuffer(op, places)) ||
          scalars.isPureCall(op))
        return;
      auto fn = op->getParentOfType<func::FuncOp>();
      if (!fn || scalars.isScalar(fn))
        return;
      if (auto call = dyn_cast<func::CallOp>(op))
        if (auto callee =
                module.lookupSymbol<func::FuncOp>(call.getCalleeAttr()))
          if (!callee.isExternal() && !scalars.isScalar(callee) &&
              !isBufferFunction(callee))
            return; // a tensor function: its results follow its signature
      ops.push_back(op);
    });
    for (Operation *op : ops)
      for (Value r : op->getResults()) {
        if (auto vector = dyn_cast<VectorType>(r.getType())) {
          if (!r.use_empty() && !vector.isScalable())
            shareVector(op, r, vector);
          continue;
        }
        if (!r.getType().isIntOrIndexOrFloat() || r.use_empty())
          continue;
        // Already shared (the pass run before).
        if (llvm::all_of(r.getUsers(), [](Operation *u) {
              return isa<tensor::FromElementsOp>(u) && u->getNumOperands() == 1;
            }))
          continue;
        OpBuilder b(op->getContext());
        b.setInsertionPointAfter(op);
        Location loc = op->getLoc();
        Value one = tensor::FromElementsOp::create(b, loc, ValueRange{r});
        Value zero = arith::ConstantIndexOp::create(b, loc, 0);
        Value read = tensor::ExtractOp::create(b, loc, one, ValueRange{zero});
        r.replaceAllUsesExcept(read, one.getDefiningOp());
      }
  }

  /// A vector made on device 0 goes the way of a scalar: written into a
  /// tensor there and read back whole (`vector.transfer_write`, then
  /// `vector.transfer_read`, a read that runs where its result is used).
  static void shareVector(Operation *op, Value r, VectorType type) {
    // Already shared (the pass run before).
    if (llvm::all_of(r.getUsers(), [&](Operation *u) {
          auto write = dyn_cast<vector::TransferWriteOp>(u);
          return write && write.getVector() == r &&
                 write.getBase().getDefiningOp<tensor::EmptyOp>();
        }))
      return;
    OpBuilder b(op->getContext());
    b.setInsertionPointAfter(op);
    Location loc = op->getLoc();
    Value empty = tensor::EmptyOp::create(b, loc, type.getShape(),
                                          type.getElementType());
    SmallVector<Value> zeros(type.getRank(),
                             arith::ConstantIndexOp::create(b, loc, 0));
    SmallVector<bool> inBounds(type.getRank(), true);
    auto write =
        vector::TransferWriteOp::create(b, loc, r, empty, zeros, inBounds);
    Value pad = arith::ConstantOp::create(
        b, loc, b.getZeroAttr(type.getElementType()));
    Value read = vector::TransferReadOp::create(b, loc, type,
                                                write.getResult(), zeros, pad,
                                                inBounds);
    r.replaceAllUsesExcept(read, write);
  }

  /// The devices that need the scalars `values` (results of a partitioned
  /// op): where the ops using them run. Ops using a scalar run where their
  /// tensor results live; scalar ops where their own results are used;
  /// effects without tensor results on device 0 (Semantics.md "Where ops
  /// run"); anything else (a call, a return, a loop's bounds or a branch's
  /// condition, a value a loop or branch yields, another region) possibly
  /// everywhere.
  void scalarUsers(func::FuncOp fn, ValueRange values, std::set<int64_t> &out,
                   llvm::DenseSet<Operation *> &visited,
                   BufferPlaces &places) {
    for (Value v : values)
      for (Operation *user : v.getUsers()) {
        Operation *a = user;
        while (a && !isPartitioned(a))
          a = a->getParentOp();
        if (!a || !visited.insert(a).second)
          continue;
        // (A call: its callee runs wherever its caller does, whatever its
        // results' placement.)
        if (isa<scf::ForOp, scf::IfOp, func::CallOp>(a) ||
            a->hasTrait<OpTrait::IsTerminator>()) {
          std::set<int64_t> all = devicesOfFunction();
          out.insert(all.begin(), all.end());
          continue;
        }
        bool tensorResults = false;
        for (Value r : a->getResults())
          if (isStaticTensor(r) && placed.count(r)) {
            tensorResults = true;
            for (int64_t d : placed[r].devices())
              out.insert(d);
          }
        if (tensorResults)
          continue;
        bool plainScalar =
            a->getNumRegions() == 0 && !isa<func::CallOp, func::ReturnOp>(a) &&
            hasValueResults(a);
        if (plainScalar && isMemoryEffectFree(a)) {
          scalarUsers(fn, a->getResults(), out, visited, places);
          continue;
        }
        if (plainScalar && places.runsOnDeviceZero(a)) {
          out.insert(0);
          continue;
        }
        std::set<int64_t> all = devicesOfFunction();
        out.insert(all.begin(), all.end());
      }
  }

  /// Ops that read elements of a tensor at global positions need the whole
  /// tensor where they run, since a device program holds only its block:
  /// a scalar read (`tensor.extract` and any other pure op with tensor
  /// operands and scalar results) runs on the devices using its result, and
  /// a tensor captured by a region (an embedding table read by a generic's
  /// body) is needed on the devices running the op. Both get their tensor
  /// replicated on exactly those devices (a reduced, whole copy), so device
  /// programs index it as the single-device program does.
  void placeWholeReads(func::FuncOp fn) {
    SmallVector<Operation *> ops;
    fn.walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (isPartitioned(op))
        ops.push_back(op);
    });
    // Dead scalar code first (a read whose result only dead ops use, as
    // front ends leave before canonicalizing): users before producers, so
    // that a read erased below for nothing has no user left.
    llvm::DenseSet<Operation *> erased;
    for (Operation *op : llvm::reverse(ops))
      if (op->getNumRegions() == 0 && op->getNumResults() != 0 &&
          !isa<HspmdDialect>(op->getDialect()) &&
          llvm::none_of(op->getResultTypes(),
                        [](Type t) { return isa<ShapedType>(t); }) &&
          isOpTriviallyDead(op)) {
        erased.insert(op);
        op->erase();
      }
    llvm::erase_if(ops, [&](Operation *op) { return erased.contains(op); });
    BufferPlaces places;
    for (Operation *op : ops) {
      // (The bodies of loops and branches are partitioned: their ops are
      // visited themselves.)
      if (isa<AnnotateOp, ReshardOp, func::ReturnOp, func::CallOp, scf::ForOp,
              scf::IfOp, scf::YieldOp>(op))
        continue;
      bool tensorResults = llvm::any_of(op->getResultTypes(), [](Type t) {
        return isa<RankedTensorType>(t);
      });
      bool tensorOperands = llvm::any_of(op->getOperands(), isStaticTensor);
      // (A vector result is a value like a scalar's; a gather from a tensor
      // declares a read of it, which is no effect.)
      if (!tensorResults && tensorOperands && op->getNumRegions() == 0 &&
          onlyReadsTensors(op) && hasValueResults(op)) {
        std::set<int64_t> users;
        llvm::DenseSet<Operation *> visited;
        scalarUsers(fn, op->getResults(), users, visited, places);
        if (users.empty() && op->use_empty()) {
          op->erase(); // read for nothing
          continue;
        }
        if (users.empty())
          users = devicesOfFunction();
        LSharding want = replicatedOn(users);
        for (unsigned i = 0; i < op->getNumOperands(); ++i) {
          Value v = op->getOperand(i);
          if (isStaticTensor(v) &&
              !sameLayout(placed[v], want, shapeOf(v)))
            reshardOperand(op, i, want,
                           "the op reads elements at global positions, so "
                           "the devices using its result hold the whole "
                           "tensor");
        }
        continue;
      }
      if (op->getNumRegions() == 0)
        continue;
      // Tensors captured by the op's regions.
      llvm::SetVector<Value> captured;
      for (Region &region : op->getRegions())
        region.walk([&](Operation *inner) {
          for (Value v : inner->getOperands())
            if (isStaticTensor(v) &&
                !op->isAncestor(v.getParentBlock()->getParentOp()))
              captured.insert(v);
        });
      if (captured.empty())
        continue;
      // Where the op runs: where its tensor results live; an op with
      // effects and no tensor results on device 0 (Semantics.md "Where ops run"); a pure one
      // wherever its operands are, which for scalars is everywhere.
      std::set<int64_t> runs;
      for (Value r : op->getResults())
        if (isStaticTensor(r) && placed.count(r))
          for (int64_t d : placed[r].devices())
            runs.insert(d);
      // (An op whose only effects are on replicated buffers runs on every
      // device, each updating its own copy: specialization clones it
      // everywhere, so the tensors it reads must be there.)
      if (runs.empty() && hasVisibleEffects(op) &&
          !op->hasAttr(kOnAllDevicesAttrName) &&
          (places.runsOnDeviceZero(op) || places.usesTensorData(op)))
        runs.insert(0);
      if (runs.empty())
        runs = devicesOfFunction();
      LSharding want = replicatedOn(runs);
      for (Value v : captured) {
        if (!placed.count(v))
          placed[v] = deviceZero();
        if (sameLayout(placed[v], want, shapeOf(v)))
          continue;
        OpBuilder b(op);
        auto reshard =
            ReshardOp::create(b, op->getLoc(), v.getType(), v, attr(want));
        mlir::emitRemark(op->getLoc())
            << "a tensor its region reads moves from " << attr(placed[v])
            << " to " << attr(want)
            << ": the region reads elements at global positions, so the "
               "devices running the op hold the whole tensor";
        placed[reshard] = want;
        v.replaceUsesWithIf(reshard, [&](OpOperand &use) {
          return op->isProperAncestor(use.getOwner());
        });
      }
    }
  }

  /// The placement operand `i` of `op` takes when the op runs with loop
  /// placement `loops`; with a `carrier`, only that operand keeps the
  /// loops' partial roles (the op is linear in it), the others are whole.
  LSharding operandPlacement(Operation *op, const ShardingRule &rule,
                             const LSharding &loops,
                             std::optional<unsigned> carrier, unsigned i) {
    Value v = op->getOperand(i);
    bool init = rule.initOperands[i];
    LSharding want = project(loops, *rule.operandLoops[i], rule, init);
    if (carrier && !init && i != *carrier)
      want = reduced(want);
    if (!fits(want, v))
      want = reduced(want);
    if (!fits(want, v))
      want = replicated(want);
    return want;
  }

  /// Bytes the tensor inputs (not the inits) of `op` move to run with
  /// `loops` (see operandPlacement).
  int64_t operandMoveBytes(Operation *op, const ShardingRule &rule,
                           const LSharding &loops,
                           std::optional<unsigned> carrier) {
    int64_t bytes = 0;
    for (unsigned i = 0; i < op->getNumOperands(); ++i) {
      if (!rule.operandLoops[i] || rule.initOperands[i])
        continue;
      Value v = op->getOperand(i);
      LSharding want = operandPlacement(op, rule, loops, carrier, i);
      if (!sameLayout(placed[v], want, shapeOf(v)))
        bytes += moveCost(placed[v], want, v);
    }
    return bytes;
  }

  /// Bytes of running `op` with `loops` (summands kept by `carrier`, or by
  /// every partial input of an additive op) and reducing its partial results
  /// afterwards.
  int64_t carryBytes(Operation *op, const ShardingRule &rule,
                     const LSharding &loops,
                     std::optional<unsigned> carrier) {
    int64_t bytes = operandMoveBytes(op, rule, loops, carrier);
    for (unsigned r = 0; r < op->getNumResults(); ++r) {
      LSharding got = project(loops, rule.resultLoops[r], rule, true);
      bytes += moveCost(got, reduced(got), op->getResult(r));
    }
    return bytes;
  }

  /// Why a partial input is reduced first although the op could carry its
  /// summands (`how`: "additive" or "linear").
  static std::string reduceFirstWhy(int64_t now, int64_t later,
                                    StringRef how) {
    return ("reducing it first moves " + Twine(now) +
            " bytes; carrying its summands through the op (" + how +
            " in it) and reducing the result would move " + Twine(later) +
            " bytes")
        .str();
  }

  /// For an op linear in each tensor input separately (Multiplicative): when
  /// exactly one input is partial and every other input's placement merges
  /// with its summands (whole along their axes), the operand and the loop
  /// placement that computes summands of the results from it without moving
  /// anything but inits.
  std::optional<std::pair<unsigned, LSharding>>
  carriedLoops(Operation *op, const ShardingRule &rule) {
    if (rule.linearity != Linearity::Multiplicative)
      return std::nullopt;
    std::optional<unsigned> carrier;
    for (unsigned i = 0; i < op->getNumOperands(); ++i) {
      if (!rule.operandLoops[i] || rule.initOperands[i])
        continue;
      auto known = placed.find(op->getOperand(i));
      if (known == placed.end())
        return std::nullopt;
      if (known->second.hasPartial()) {
        if (carrier)
          return std::nullopt; // a product of summands is not linear
        carrier = i;
      }
    }
    if (!carrier)
      return std::nullopt;
    LSharding loops = lift(placed[op->getOperand(*carrier)],
                           *rule.operandLoops[*carrier], rule);
    for (unsigned i = 0; i < op->getNumOperands(); ++i)
      if (rule.operandLoops[i] && !rule.initOperands[i] && i != *carrier &&
          !merge(loops,
                 lift(placed[op->getOperand(i)], *rule.operandLoops[i], rule),
                 rule.linearity))
        return std::nullopt;
    for (unsigned r = 0; r < op->getNumResults(); ++r)
      if (!fits(project(loops, rule.resultLoops[r], rule, true),
                op->getResult(r)))
        return std::nullopt;
    for (unsigned i = 0; i < op->getNumOperands(); ++i)
      if (rule.operandLoops[i] && rule.initOperands[i] &&
          !fits(project(loops, *rule.operandLoops[i], rule, true),
                op->getOperand(i)))
        return std::nullopt;
    return std::make_pair(*carrier, loops);
  }

  /// Whether `inner` has an effect that may not run once per device or in
  /// another order: a write, or an effect it does not declare (a call). A
  /// read may (the buffer or table read is the same everywhere), and so may
  /// an assertion (it fails on some device if it fails at all).
  static bool repeatsBadly(Operation *inner,
                           function_ref<bool(Operation *)> isPureCall) {
    if (isa<linalg::LinalgOp>(inner) ||
        inner->getName().getStringRef() == "cf.assert" || isPureCall(inner))
      return false;
    return hasVisibleEffects(inner, /*countReads=*/false);
  }

  /// An op on tensors whose region has visible effects (a print of each
  /// element in a linalg payload) would repeat them on every device holding
  /// a block, each in its own order: refused, with the effect named; so is a
  /// read of a buffer that is not replicated. (The
  /// bodies of scf.for and scf.if are partitioned op by op instead.)
  LogicalResult checkPayloadEffects(Operation *op) {
    // (A loop carrying tensors through its region is refused for that.)
    if (isa<scf::ForOp, scf::IfOp>(op) || op->getNumRegions() == 0 ||
        carriedTensors(op))
      return success();
    std::optional<ScalarFunctions> scalars; // (only for a call)
    auto isPureCall = [&](Operation *inner) {
      if (!isa<func::CallOp>(inner))
        return false;
      if (!scalars)
        scalars.emplace(getOperation());
      return scalars->isPureCall(inner);
    };
    for (Region &region : op->getRegions()) {
      Operation *effect = nullptr;
      region.walk([&](Operation *inner) {
        if (repeatsBadly(inner, isPureCall)) {
          effect = inner;
          return WalkResult::interrupt();
        }
        return WalkResult::advance();
      });
      // A read of a buffer that is not the same on every device (a global,
      // a buffer a function of buffers fills, a tensor's buffer: they live
      // on device 0) would read another device's stale copy.
      Operation *read = nullptr;
      BufferPlaces places;
      BufferPlaces::Class readClass = BufferPlaces::Replicated;
      region.walk([&](Operation *inner) {
        for (Value v : inner->getOperands())
          if (isa<BaseMemRefType>(v.getType()) &&
              !region.isAncestor(v.getParentRegion()) &&
              (readClass = places.classOf(v)) != BufferPlaces::Replicated) {
            read = inner;
            return WalkResult::interrupt();
          }
        return WalkResult::advance();
      });
      if (read && !effect) {
        InFlightDiagnostic diag = op->emitError()
            << "'" << op->getName() << "' reads in its region a buffer that "
            << (readClass == BufferPlaces::DeviceZero
                    ? "lives on device 0 only (a global, a buffer a "
                      "function of buffers fills or returns, a buffer "
                      "written from a tensor)"
                    : "is not known to be the same on every device (a "
                      "tensor's buffer, a function's argument or a call's "
                      "result)")
            << ", but computes its blocks on other devices too, which may "
               "hold no such copy: make the buffer a tensor "
               "(bufferization.to_tensor) and read that, which is moved "
               "where the op runs";
        diag.attachNote(read->getLoc()) << "the read";
        return diag;
      }
      if (effect) {
        InFlightDiagnostic diag = op->emitError()
            << "'" << op->getName() << "' computes tensors with an op that "
            << "has side effects in its region ('" << effect->getName()
            << "'); every device computing a block would repeat it, in "
               "another order, so hspmd cannot partition it: compute the "
               "values first, then print or call with them after the op";
        diag.attachNote(effect->getLoc()) << "the op with side effects";
        return diag;
      }
    }
    return success();
  }

  LogicalResult materialize(Operation *op) {
    FailureOr<ShardingRule> rule = failure();
    if (auto ruleOp = dyn_cast<ShardingRuleOpInterface>(op))
      rule = ruleOp.getShardingRule();
    bool hasTensors =
        llvm::any_of(op->getOperandTypes(),
                     [](Type t) { return isa<RankedTensorType>(t); }) ||
        llvm::any_of(op->getResultTypes(),
                     [](Type t) { return isa<RankedTensorType>(t); });
    if (!hasTensors)
      return success();
    if (failed(checkPayloadEffects(op)))
      return failure();
    for (Value v : op->getOperands())
      if (isStaticTensor(v))
        if (!placed.count(v)) {
          placed[v] = deviceZero();
          mlir::emitRemark(op->getLoc())
              << "no annotation determines the placement of an "
                 "operand; it is placed on "
              << attr(deviceZero());
        }
    if (failed(rule))
      return materializeWithoutRule(op);

    // Choose the anchor whose placement makes the others move the fewest
    // bytes; on a tie the earlier anchor wins, so the later operand moves.
    std::optional<unsigned> best;
    int64_t bestCost = 0;
    SmallVector<unsigned> bestMoved;
    LSharding bestLoops;
    SmallVector<int64_t> costs(op->getNumOperands(), -1);
    for (unsigned a = 0; a < op->getNumOperands(); ++a) {
      if (!rule->operandLoops[a] || rule->initOperands[a])
        continue;
      SmallVector<unsigned> moved;
      LSharding loops = loopsFrom(op, *rule, a, moved);
      int64_t cost = 0;
      for (unsigned i : moved) {
        Value v = op->getOperand(i);
        LSharding want = project(loops, *rule->operandLoops[i], *rule, false);
        cost += fits(want, v) ? moveCost(placed[v], want, v) : INT64_MAX / 4;
      }
      costs[a] = cost;
      if (!best || cost < bestCost) {
        best = a;
        bestCost = cost;
        bestMoved = moved;
        bestLoops = loops;
      }
    }
    if (!best) {
      // Only inits or no tensor inputs (fill, empty, constants): the
      // placement comes from the results.
      for (unsigned r = 0; r < op->getNumResults() && !best; ++r)
        if (placed.count(op->getResult(r))) {
          bestLoops =
              lift(placed[op->getResult(r)], rule->resultLoops[r], *rule);
          best = 0;
        }
      if (!best)
        bestLoops = deviceZero();
    }

    // A result that cannot hold summands (an element type `partial` does not
    // allow, such as i8) is not computed as summands: the reduction loops
    // stay whole and partial operands are reduced first.
    for (unsigned r = 0; r < op->getNumResults(); ++r) {
      LSharding got = project(bestLoops, rule->resultLoops[r], *rule, true);
      if (got.hasPartial() && !fits(got, op->getResult(r)))
        bestLoops = reduced(layout::mapRoles(bestLoops, [&](layout::Role x) {
          return x.isSplit() && rule->reductionLoops[x.dim]
                     ? layout::Role::dup()
                     : x;
        }));
    }
    // An op that reads a partial init without being linear in it (`out + 1`
    // on summands would add 1 once per summand) works on the reduced value.
    // (A sum accumulating over a split reduction loop reads its init too, but
    // its summands come from the split loop, which reducing the loop space's
    // partial roles leaves as it is.)
    for (unsigned r = 0; r < op->getNumResults(); ++r)
      if (project(bestLoops, rule->resultLoops[r], *rule, true).hasPartial() &&
          rule->linearity == Linearity::None &&
          llvm::any_of(llvm::seq<unsigned>(0, op->getNumOperands()),
                       [&](unsigned i) {
                         return rule->initOperands[i] && rule->initsRead[i];
                       }))
        bestLoops = reduced(bestLoops);
    // A result or init that cannot take the placement (e.g. a reshape that
    // cannot keep a split): the op runs replicated, operands included.
    bool replicate = false;
    for (unsigned r = 0; r < op->getNumResults(); ++r)
      if (!fits(project(bestLoops, rule->resultLoops[r], *rule, true),
                op->getResult(r)))
        replicate = true;
    if (replicate)
      bestLoops = replicated(bestLoops);

    // An op linear in its one partial operand (a matmul, a product with a
    // value) may compute summands of its result instead: chosen when
    // reducing the result later moves fewer bytes than reducing the operand
    // now (on a tie the operand is reduced first).
    std::optional<unsigned> carrier;
    std::string carryWhy;
    int64_t partialInputs =
        llvm::count_if(llvm::seq<unsigned>(0, op->getNumOperands()),
                       [&](unsigned i) {
                         auto known = placed.find(op->getOperand(i));
                         return rule->operandLoops[i] &&
                                !rule->initOperands[i] &&
                                known != placed.end() &&
                                known->second.hasPartial();
                       });
    // (An op the option carried summands through is marked so, and a
    // program propagated with the option carries them again when it is
    // compiled.)
    bool floatResults = llvm::any_of(op->getResultTypes(), [](Type t) {
      return isa<FloatType, ComplexType>(getElementTypeOrSelf(t));
    });
    bool floatProduct = rule->linearity == Linearity::Multiplicative &&
                        floatResults && !carryFloatProducts &&
                        !op->hasAttr(kCarriedSummandsAttrName);
    if (rule->linearity == Linearity::Multiplicative && partialInputs > 1)
      carryWhy = "the op multiplies partial values, and a product of "
                 "summands is not the product of their sums, so each is "
                 "reduced first";
    else if (floatProduct)
      carryWhy = "the op multiplies it, and a floating-point product of a "
                 "summand can overflow or meet an infinity (0 * inf is NaN) "
                 "where the product of the sum does not, so it is reduced "
                 "first (carry-float-products=true carries it)";
    else if (rule->linearity == Linearity::Multiplicative)
      carryWhy = "the op is linear in it, but its other inputs are not held "
                 "whole on each summand's devices (or the result cannot be "
                 "partial), so it is reduced first";
    // An op additive in its partial inputs (a copy, transpose, broadcast,
    // slice, pad, sum) carries their summands, unless reducing them first
    // moves fewer bytes than reducing the result later (a broadcast or a
    // pad makes the result larger); on a tie the summands are carried.
    auto resultsPartial = [&](const LSharding &loops) {
      return llvm::any_of(llvm::seq<unsigned>(0, op->getNumResults()),
                          [&](unsigned r) {
                            return project(loops, rule->resultLoops[r], *rule,
                                           true)
                                .hasPartial();
                          });
    };
    if (rule->linearity == Linearity::Additive && partialInputs > 0 && best &&
        rule->operandLoops[*best] && !rule->initOperands[*best] &&
        resultsPartial(bestLoops)) {
      SmallVector<unsigned> ignored;
      LSharding first =
          loopsFrom(op, *rule, *best, ignored, /*reduceFirst=*/true);
      bool valid = !resultsPartial(first);
      for (unsigned r = 0; r < op->getNumResults(); ++r)
        valid &= fits(project(first, rule->resultLoops[r], *rule, true),
                      op->getResult(r));
      if (valid) {
        int64_t now = operandMoveBytes(op, *rule, first, std::nullopt);
        int64_t later = carryBytes(op, *rule, bestLoops, std::nullopt);
        if (now < later) {
          bestLoops = first;
          bestMoved.clear();
          carryWhy = reduceFirstWhy(now, later, "additive");
        }
      }
    }
    if (std::optional<std::pair<unsigned, LSharding>> carry =
            floatProduct ? std::nullopt : carriedLoops(op, *rule)) {
      int64_t now = operandMoveBytes(op, *rule, bestLoops, std::nullopt);
      int64_t later = carryBytes(op, *rule, carry->second, carry->first);
      if (later >= now)
        carryWhy = reduceFirstWhy(now, later, "linear");
      else {
        carrier = carry->first;
        bestLoops = carry->second;
        bestMoved.clear();
        if (rule->linearity == Linearity::Multiplicative && floatResults)
          op->setAttr(kCarriedSummandsAttrName, UnitAttr::get(op->getContext()));
        mlir::emitRemark(op->getLoc())
            << "the summands of operand #" << carry->first
            << " go through the op, which is linear in it, and its result "
               "is partial: reducing the result moves "
            << later << " bytes, reducing the operand first would move "
            << now << " bytes";
      }
    }
    for (unsigned i = 0; i < op->getNumOperands(); ++i) {
      if (!rule->operandLoops[i])
        continue;
      Value v = op->getOperand(i);
      bool init = rule->initOperands[i];
      LSharding want = operandPlacement(op, *rule, bestLoops, carrier, i);
      if (sameLayout(placed[v], want, shapeOf(v)))
        continue;
      // An init the op only takes the shape of, made by tensor.empty for
      // this op alone, is made where the op needs it: nothing moves.
      if (init && !rule->initsRead[i] && v.hasOneUse() &&
          v.getDefiningOp<tensor::EmptyOp>() && !stated.count(v)) {
        placed[v] = want;
        continue;
      }
      std::string why;
      llvm::raw_string_ostream os(why);
      if (init)
        os << "an init takes the placement of the result";
      else if (placed[v].hasPartial() && !want.hasPartial() &&
               !carryWhy.empty())
        os << carryWhy;
      else if (llvm::is_contained(bestMoved, i)) {
        os << "its placement conflicts with operand #" << *best
           << "'s; moving it costs " << bestCost << " bytes";
        for (unsigned a = 0; a < costs.size(); ++a)
          if (a != *best && costs[a] >= 0)
            os << ", keeping it and moving the others would cost " << costs[a]
               << " bytes (anchor operand #" << a << ")";
        os << "; on a tie the later operand moves";
      } else if (placed[v].hasPartial() && !want.hasPartial())
        os << "the op is not linear in it, so the partial value is reduced "
              "first";
      else
        os << "the op runs with a placement its sharding rule allows (its "
              "other operands', without splits it cannot keep, such as a "
              "reshape's inner or a sliced dimension)";
      reshardOperand(op, i, want, why);
    }
    for (unsigned r = 0; r < op->getNumResults(); ++r) {
      Value res = op->getResult(r);
      LSharding got = project(bestLoops, rule->resultLoops[r], *rule, true);
      if (!fits(got, res))
        got = reduced(got);
      if (!fits(got, res))
        got = replicated(got);
      placed[res] = got;
    }
    return success();
  }

  /// A call passes its operands as the callee's signature says and gets its
  /// results placed the same way; without a signature placement it is
  /// treated like an op without a rule.
  LogicalResult materializeCall(func::CallOp call) {
    if (auto callee =
            getOperation().lookupSymbol<func::FuncOp>(call.getCalleeAttr()))
      if (!callee.isExternal() && !finished.count(callee))
        early.push_back(call);
    // A callee whose signature places every tensor (every callee with a
    // body, once propagated) fixes the call's placements; any other call
    // (an external function) runs like an op without a rule.
    for (auto [i, v] : llvm::enumerate(call.getOperands()))
      if (isStaticTensor(v) && !calleePlacement(call, false, i))
        return materializeWithoutRule(call);
    for (auto [i, v] : llvm::enumerate(call.getResults()))
      if (isStaticTensor(v) && !calleePlacement(call, true, i))
        return materializeWithoutRule(call);
    for (auto [i, v] : llvm::enumerate(call.getOperands())) {
      if (!isStaticTensor(v))
        continue;
      std::optional<LSharding> want = calleePlacement(call, false, i);
      if (!placed.count(v))
        placed[v] = *want;
      else if (!sameLayout(placed[v], *want, shapeOf(v)))
        reshardOperand(call, i, *want,
                       "the callee's argument sharding fixes it");
    }
    for (auto [i, v] : llvm::enumerate(call.getResults()))
      if (auto s = calleePlacement(call, true, i))
        placed[v] = *s;
    return success();
  }

  /// Whether a block of `op`'s regions takes tensors as arguments and
  /// whether one yields tensors, when either does (an scf.while, an
  /// scf.forall's shared outputs): such loops are not partitioned.
  static std::optional<std::pair<bool, bool>> carriedTensors(Operation *op) {
    bool args = false, yields = false;
    for (Region &region : op->getRegions())
      for (Block &block : region) {
        args |= llvm::any_of(block.getArgumentTypes(),
                             [](Type t) { return isa<TensorType>(t); });
        yields |= !block.empty() &&
                  block.back().hasTrait<OpTrait::IsTerminator>() &&
                  llvm::any_of(block.back().getOperandTypes(),
                               [](Type t) { return isa<TensorType>(t); });
        if (args || yields)
          return std::make_pair(args, yields);
      }
    return std::nullopt;
  }

  /// No rule: operands replicated on their devices (an op with no tensor
  /// results runs on device 0, Semantics.md "Where ops run"), results replicated likewise.
  LogicalResult materializeWithoutRule(Operation *op) {
    bool tensorResults = llvm::any_of(
        op->getResultTypes(), [](Type t) { return isa<RankedTensorType>(t); });
    // Other loops and branches whose regions take or yield tensors
    // (scf.while, scf.forall, scf.index_switch) are not partitioned: say so
    // rather than place their bodies wrongly. (Regions
    // that compute scalars, such as a pad value, run like the op's other
    // scalar work; tensors they capture are replicated where the op runs.)
    if (std::optional<std::pair<bool, bool>> carried = carriedTensors(op)) {
      auto [tensorArgs, tensorYields] = *carried;
      return op->emitError()
             << "'" << op->getName() << "' carries tensors through its "
             << "region (" << (tensorArgs ? "as block arguments" : "")
             << (tensorArgs && tensorYields ? " and " : "")
             << (tensorYields ? "as yielded values" : "")
             << "); hspmd partitions loops and branches over tensors "
                "written as scf.for and scf.if only";
    }
    // A pure op with scalar (or vector) results (tensor.extract,
    // tensor.dim, vector.transfer_read) runs where its operands are. One
    // with effects, or one making a buffer of a tensor (which printing and
    // other effects then use), runs on device 0.
    bool scalarResults = hasValueResults(op);
    if (!tensorResults && scalarResults && isMemoryEffectFree(op))
      return success();
    // Replicated on every device any tensor operand lives on.
    std::set<int64_t> devices;
    for (Value v : op->getOperands())
      if (isStaticTensor(v))
        for (int64_t d : placed[v].devices())
          devices.insert(d);
    LSharding all = devices.empty() ? deviceZero() : replicatedOn(devices);
    std::optional<LSharding> resultPlacement;
    for (unsigned i = 0; i < op->getNumOperands(); ++i) {
      Value v = op->getOperand(i);
      if (!isStaticTensor(v))
        continue;
      LSharding want = tensorResults ? all : deviceZero();
      if (!resultPlacement)
        resultPlacement = want;
      if (!sameLayout(placed[v], want, shapeOf(v)))
        reshardOperand(op, i, want,
                       tensorResults
                           ? "the op has no sharding rule, so it runs on "
                             "replicated operands"
                           : "an op without tensor results runs on device 0");
    }
    // The results are where the op runs, whatever an annotation of them
    // asks (the annotation then gets its reshard).
    for (Value res : op->getResults())
      if (isStaticTensor(res))
        placed[res] = resultPlacement ? *resultPlacement : deviceZero();
    return success();
  }

  /// Writes every deduced placement as an annotate after the value's
  /// producer (or at the top of the function for an argument).
  void annotateAll(func::FuncOp fn) {
    auto annotate = [&](Value v, OpBuilder &b, Location loc) {
      if (!isStaticTensor(v) || !placed.count(v) || stated.count(v))
        return;
      for (Operation *user : v.getUsers())
        if (auto a = dyn_cast<AnnotateOp>(user))
          if (sameLayout(a.getSharding().getLayout(), placed[v], shapeOf(v)))
            return;
      auto a = AnnotateOp::create(b, loc, v.getType(), v, attr(placed[v]));
      v.replaceAllUsesExcept(a, a);
    };
    OpBuilder b(fn.getContext());
    b.setInsertionPointToStart(&fn.getBody().front());
    for (BlockArgument arg : fn.getArguments())
      annotate(arg, b, fn.getLoc());
    SmallVector<Operation *> ops;
    fn.walk([&](Operation *op) {
      if (!isa<AnnotateOp, ReshardOp>(op) && isPartitioned(op))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      // A loop's carried values inside its body, as they enter each
      // iteration.
      if (auto loop = dyn_cast<scf::ForOp>(op)) {
        b.setInsertionPointToStart(loop.getBody());
        for (BlockArgument arg : loop.getRegionIterArgs())
          annotate(arg, b, loop.getLoc());
      }
      b.setInsertionPointAfter(op);
      for (Value r : op->getResults())
        annotate(r, b, op->getLoc());
    }
  }
};

} // namespace
