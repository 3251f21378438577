//===- ExpandStrategies.cpp - Every strategy in one program ---------------===//
//
// An hspmd.with_strategy becomes a chain of scf.if on its selector, one copy
// of its body per strategy. In a step loop, the values that flow only
// through the op are carried once per strategy with the index of the
// strategy that ran last, so that a step moves them only when the strategy
// changes.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDEXPANDSTRATEGIES
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;

namespace {

using CaseBuilder = function_ref<SmallVector<Value>(OpBuilder &, unsigned)>;

/// `if k == first {case(first)} else if k == first + 1 {...} else
/// {case(0)}`: one scf.if per strategy after the first; returns what the
/// chain yields.
SmallVector<Value> buildChain(OpBuilder &b, Location loc, Value k,
                              unsigned count, CaseBuilder makeCase,
                              unsigned first = 1) {
  if (first >= count)
    return makeCase(b, 0);
  Value index = arith::ConstantIndexOp::create(b, loc, first);
  Value cond =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, k, index);
  auto ifOp = scf::IfOp::create(
      b, loc, cond,
      [&](OpBuilder &then, Location l) {
        scf::YieldOp::create(then, l, makeCase(then, first));
      },
      [&](OpBuilder &other, Location l) {
        scf::YieldOp::create(
            other, l, buildChain(other, l, k, count, makeCase, first + 1));
      });
  return SmallVector<Value>(ifOp.getResults());
}

/// The body of `op` cloned at `b` with strategy `name`'s placements, its
/// block's arguments being `inputs`; returns the values it yields.
SmallVector<Value> cloneBody(OpBuilder &b, WithStrategyOp op,
                             ValueRange inputs, StringAttr name) {
  Block &body = op.getBody().front();
  IRMapping map;
  map.map(body.getArguments(), inputs);
  for (Operation &o : body.without_terminator())
    applyStrategy(b.clone(o, map), name);
  return llvm::map_to_vector(body.getTerminator()->getOperands(),
                             [&](Value v) { return map.lookupOrDefault(v); });
}

/// The placement strategy `name`'s body states for its argument `arg`: that
/// of the first annotation of it, or null.
ShardingAttr statedPlacement(BlockArgument arg, StringAttr name) {
  for (Operation *user : arg.getUsers())
    if (auto a = dyn_cast<AnnotateOp>(user))
      return strategySharding(a, name);
  return {};
}

Value annotated(OpBuilder &b, Location loc, Value v, ShardingAttr s) {
  return s ? AnnotateOp::create(b, loc, v.getType(), v, s).getResult() : v;
}

/// An iteration argument carried through the op: the loop's argument
/// `iterArg` is the op's operand `index` and nothing else, and the op's
/// result `index` goes straight back to the loop's yield at `iterArg`.
struct Carried {
  unsigned iterArg, index;
};

SmallVector<Carried> carriedThrough(scf::ForOp loop, WithStrategyOp op) {
  SmallVector<Carried> carried;
  if (op->getBlock() != loop.getBody())
    return carried;
  Operation *yield = loop.getBody()->getTerminator();
  for (auto [index, input] : llvm::enumerate(op.getInputs())) {
    auto arg = dyn_cast<BlockArgument>(input);
    if (!arg || arg.getOwner() != loop.getBody() || arg.getArgNumber() == 0 ||
        !arg.hasOneUse() || !isa<RankedTensorType>(arg.getType()))
      continue;
    unsigned iterArg = arg.getArgNumber() - 1;
    Value result = op.getResult(index);
    if (!result.hasOneUse())
      continue;
    OpOperand &use = *result.getUses().begin();
    if (use.getOwner() != yield || use.getOperandNumber() != iterArg)
      continue;
    carried.push_back({iterArg, unsigned(index)});
  }
  return carried;
}

struct ExpandStrategiesPass
    : public mlir::hspmd::impl::HspmdExpandStrategiesBase<
          ExpandStrategiesPass> {
  SmallVector<StringAttr> names;

  /// The selector as a strategy's position: out of range means the first.
  Value clampedSelector(OpBuilder &b, WithStrategyOp op) {
    Location loc = op.getLoc();
    Value count = arith::ConstantIndexOp::create(b, loc, names.size());
    Value inRange = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                          op.getSelector(), count);
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    return arith::SelectOp::create(b, loc, inRange, op.getSelector(), zero);
  }

  /// A function the body calls, directly or not, that carries per-strategy
  /// placements: it would keep its default ones in every strategy.
  LogicalResult checkCallees(WithStrategyOp op, SymbolTableCollection &symbols) {
    // (the call in the body, a call it leads to)
    SmallVector<std::pair<Operation *, Operation *>> work;
    op.getBody().walk([&](CallOpInterface call) {
      work.push_back({call, call});
    });
    llvm::SmallPtrSet<Operation *, 8> seen;
    while (!work.empty()) {
      auto [site, call] = work.pop_back_val();
      auto callee = dyn_cast_or_null<FunctionOpInterface>(
          cast<CallOpInterface>(call).resolveCallableInTable(&symbols));
      if (!callee || !seen.insert(callee).second)
        continue;
      bool perStrategy = false;
      for (unsigned i = 0, e = callee.getNumArguments(); i < e; ++i)
        perStrategy |= bool(callee.getArgAttr(i, kStrategyShardingsAttrName));
      for (unsigned i = 0, e = callee.getNumResults(); i < e; ++i)
        perStrategy |=
            bool(callee.getResultAttr(i, kStrategyShardingsAttrName));
      callee->walk([&](Operation *inner) {
        if (isa<AnnotateOp>(inner) &&
            inner->hasAttr(kStrategyShardingsAttrName))
          perStrategy = true;
        if (isa<CallOpInterface>(inner))
          work.push_back({site, inner});
      });
      if (perStrategy)
        return site->emitError()
               << "calls @" << SymbolTable::getSymbolName(callee).getValue()
               << ", which carries per-strategy placements, from inside "
                  "hspmd.with_strategy: a called function keeps its default "
                  "placements in every strategy; annotate in the strategy's "
                  "body instead";
    }
    return success();
  }

  /// The op alone: each strategy's body in its branch.
  void expandAlone(WithStrategyOp op) {
    OpBuilder b(op);
    Value k = clampedSelector(b, op);
    SmallVector<Value> results = buildChain(
        b, op.getLoc(), k, names.size(), [&](OpBuilder &cb, unsigned s) {
          return cloneBody(cb, op, op.getInputs(), names[s]);
        });
    op->replaceAllUsesWith(results);
    op->erase();
  }

  /// The op in a step loop, with the values in `carried` carried once per
  /// strategy.
  LogicalResult expandInLoop(scf::ForOp loop, WithStrategyOp op,
                             ArrayRef<Carried> carried) {
    unsigned count = names.size(), width = carried.size();
    unsigned oldArgs = loop.getNumRegionIterArgs();
    Location loc = op.getLoc();
    IRRewriter rewriter(loop);
    // Copies for strategies 1.. start empty; the loop's own argument is
    // strategy 0's, and the last strategy to run is 0 on entry.
    SmallVector<Value> inits;
    for (unsigned s = 1; s < count; ++s)
      for (const Carried &c : carried) {
        Value init = loop.getInitArgs()[c.iterArg];
        auto type = cast<RankedTensorType>(init.getType());
        inits.push_back(tensor::EmptyOp::create(
            rewriter, loop.getLoc(),
            tensor::getMixedSizes(rewriter, loop.getLoc(), init),
            type.getElementType(), type.getEncoding()));
      }
    inits.push_back(arith::ConstantIndexOp::create(rewriter, loop.getLoc(), 0));
    auto oldRoles = loop->getAttrOfType<ArrayAttr>(kCarriedAsAttrName);
    FailureOr<LoopLikeOpInterface> replaced = loop.replaceWithAdditionalYields(
        rewriter, inits, /*replaceInitOperandUsesInLoop=*/false,
        [](OpBuilder &, Location, ArrayRef<BlockArgument> args) {
          return SmallVector<Value>(args.begin(), args.end());
        });
    if (failed(replaced))
      return op.emitError("cannot add the per-strategy copies to the loop");
    auto newLoop = cast<scf::ForOp>(replaced->getOperation());
    Block *body = newLoop.getBody();
    // Where the loop carries value c's copy for strategy s, and the
    // strategy that ran last: iteration arguments, yields and results alike.
    auto position = [&](unsigned c, unsigned s) {
      return s == 0 ? carried[c].iterArg : oldArgs + (s - 1) * width + c;
    };
    unsigned lastSlot = oldArgs + (count - 1) * width;
    BlockArgument last = newLoop.getRegionIterArg(lastSlot);
    // What each iteration argument stands for, for diagnostics of later
    // passes (--hspmd-check-removal): the user's own arguments say nothing,
    // a copy names the argument and the strategy it is kept for.
    {
      SmallVector<Attribute> roles(newLoop.getNumRegionIterArgs(),
                                   rewriter.getStringAttr(""));
      if (oldRoles)
        for (auto [i, a] : llvm::enumerate(oldRoles))
          if (i < roles.size())
            roles[i] = a;
      for (unsigned c = 0; c < width; ++c) {
        unsigned source = carried[c].iterArg;
        std::string own = cast<StringAttr>(roles[source]).getValue().str();
        for (unsigned s = 0; s < count; ++s) {
          roles[position(c, s)] = rewriter.getStringAttr(
              "the copy of #" + std::to_string(source) + " that strategy '" +
              names[s].getValue().str() + "' places" +
              (own.empty() ? "" : ", " + own));
        }
      }
      roles[lastSlot] = rewriter.getStringAttr(
          "the index of the strategy that ran last");
      newLoop->setAttr(kCarriedAsAttrName, rewriter.getArrayAttr(roles));
    }
    Block &opBody = op.getBody().front();

    // Each copy, annotated with its strategy's placement where the body
    // states one.
    rewriter.setInsertionPoint(op);
    SmallVector<SmallVector<Value>> slot(width);
    for (unsigned c = 0; c < width; ++c)
      for (unsigned s = 0; s < count; ++s)
        slot[c].push_back(annotated(
            rewriter, loc, newLoop.getRegionIterArg(position(c, s)),
            statedPlacement(opBody.getArgument(carried[c].index), names[s])));

    llvm::SmallDenseMap<unsigned, unsigned> carriedOf; // op index -> c
    for (auto [c, entry] : llvm::enumerate(carried))
      carriedOf[entry.index] = c;
    Value k = clampedSelector(rewriter, op);
    // Each branch yields the op's other results, then every copy.
    SmallVector<Value> chain = buildChain(
        rewriter, loc, k, count, [&](OpBuilder &b, unsigned s) {
          // The switch: every carried value's copy of the strategy that ran
          // last, moved into this strategy's placement, all in one branch
          // per strategy that could have run last (one branch moves
          // nothing: this strategy's own copies).
          SmallVector<ShardingAttr> placement;
          for (const Carried &entry : carried)
            placement.push_back(
                statedPlacement(opBody.getArgument(entry.index), names[s]));
          SmallVector<Value> switched = buildChain(
              b, loc, last, count, [&](OpBuilder &fb, unsigned from) {
                SmallVector<Value> moved;
                for (unsigned c = 0; c < width; ++c)
                  moved.push_back(
                      annotated(fb, loc, slot[c][from], placement[c]));
                return moved;
              });
          SmallVector<Value> inputs;
          for (auto [index, input] : llvm::enumerate(op.getInputs())) {
            auto it = carriedOf.find(index);
            if (it == carriedOf.end()) {
              inputs.push_back(input);
              continue;
            }
            unsigned c = it->second;
            inputs.push_back(annotated(b, loc, switched[c], placement[c]));
          }
          SmallVector<Value> results = cloneBody(b, op, inputs, names[s]);
          SmallVector<Value> yielded;
          for (auto [index, r] : llvm::enumerate(results))
            if (!carriedOf.count(index))
              yielded.push_back(r);
          for (unsigned c = 0; c < width; ++c)
            for (unsigned t = 0; t < count; ++t)
              yielded.push_back(t == s ? results[carried[c].index]
                                       : slot[c][t]);
          return yielded;
        });

    auto yield = cast<scf::YieldOp>(body->getTerminator());
    unsigned next = 0;
    for (auto [index, r] : llvm::enumerate(op.getResults()))
      if (!carriedOf.count(index))
        r.replaceAllUsesWith(chain[next++]);
    for (unsigned c = 0; c < width; ++c)
      for (unsigned s = 0; s < count; ++s)
        yield->setOperand(position(c, s), chain[next++]);
    yield->setOperand(lastSlot, k);
    op->erase();

    // After the loop, the copy of the strategy that ran last.
    rewriter.setInsertionPointAfter(newLoop);
    Value lastRun = newLoop.getResult(lastSlot);
    for (unsigned c = 0; c < width; ++c) {
      Value result = newLoop.getResult(carried[c].iterArg);
      if (result.use_empty())
        continue;
      SmallVector<Operation *> users(result.getUsers());
      Value final = buildChain(rewriter, loc, lastRun, count,
                               [&](OpBuilder &, unsigned s) {
                                 return SmallVector<Value>{
                                     newLoop.getResult(position(c, s))};
                               })[0];
      result.replaceUsesWithIf(final, [&](OpOperand &use) {
        return llvm::is_contained(users, use.getOwner());
      });
    }
    return success();
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<WithStrategyOp> ops;
    module.walk([&](WithStrategyOp op) { ops.push_back(op); });
    if (ops.empty())
      return;
    names.clear();
    for (Attribute a :
         module->getAttrOfType<ArrayAttr>(kStrategiesAttrName).getValue())
      names.push_back(cast<StringAttr>(a));
    SymbolTableCollection symbols;
    for (WithStrategyOp op : ops)
      if (failed(checkCallees(op, symbols)))
        return signalPassFailure();
    for (WithStrategyOp op : ops) {
      auto loop = dyn_cast<scf::ForOp>(op->getParentOp());
      SmallVector<Carried> carried =
          loop ? carriedThrough(loop, op) : SmallVector<Carried>();
      if (carried.empty() || names.size() == 1) {
        expandAlone(op);
        continue;
      }
      if (failed(expandInLoop(loop, op, carried)))
        return signalPassFailure();
    }
  }
};

} // namespace
