//===- ShardingRuleModels.cpp - Sharding rules of upstream ops ------------===//
//
// External models of ShardingRuleOpInterface for linalg structured ops (read
// from their indexing maps and iterator types), elementwise arith and math
// ops on tensors, dense constants and tensor.empty.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Interfaces/ShardingRule.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinTypes.h"

#include <set>

using namespace mlir;
using namespace mlir::hspmd;

#include "hspmd/Interfaces/ShardingRuleInterface.cpp.inc"

ShardingRule ShardingRule::elementwise(int64_t rank, ArrayRef<int64_t> shape,
                                       unsigned numOperands,
                                       Linearity linearity) {
  ShardingRule rule;
  rule.loopSizes.assign(shape.begin(), shape.end());
  rule.reductionLoops.assign(rank, false);
  rule.blockedLoops.assign(rank, false);
  std::vector<int64_t> identity;
  for (int64_t i = 0; i < rank; ++i)
    identity.push_back(i);
  rule.operandLoops.assign(numOperands, identity);
  rule.resultLoops.push_back(identity);
  rule.initOperands.assign(numOperands, false);
  rule.initsRead.assign(numOperands, false);
  rule.linearity = linearity;
  return rule;
}

namespace {

/// How a linalg payload uses its inputs: a copy, sum or difference of the
/// block arguments of tensor operands is additive; a product of two inputs,
/// or a contraction (product accumulated into the init), multiplicative;
/// anything else not linear. A scalar operand is the same on every device:
/// added to (or copied into) a partial value's summands it would count once
/// per summand, so a payload adding or yielding one is not additive (a
/// product with one is still linear).
/// Whether `v` is the block argument of an input of `op`. (Not through a
/// conversion: a sum that wraps in a narrow integer type does not in a wide
/// one, and summands widened from bf16 add up to another value than their
/// bf16 sum widened.)
bool isInputArgument(linalg::LinalgOp op, Value v) {
  auto arg = dyn_cast<BlockArgument>(v);
  return arg && arg.getOwner() == &op->getRegion(0).front() &&
         op.isDpsInput(&op->getOpOperand(arg.getArgNumber()));
}

/// Whether the payload of the contraction `op` is exactly
/// `out + in0 * in1`: upstream's contraction test looks through any unary
/// op (conversions included) (`abs(a) * b`, `fptosi(a) * fptosi(b)`,
/// `out + abs(a * b)`), which is not linear in the inputs.
bool isLinearContraction(linalg::LinalgOp op) {
  Block &body = op->getRegion(0).front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (yield.getNumOperands() != 1 || op.getNumDpsInits() != 1)
    return false;
  Operation *add = yield.getOperand(0).getDefiningOp();
  if (!add || !isa<arith::AddFOp, arith::AddIOp>(add))
    return false;
  BlockArgument out = op.getMatchingBlockArgument(op.getDpsInitOperand(0));
  for (int k = 0; k < 2; ++k) {
    if (add->getOperand(k) != out)
      continue;
    Operation *mul = add->getOperand(1 - k).getDefiningOp();
    return mul && isa<arith::MulFOp, arith::MulIOp>(mul) &&
           isInputArgument(op, mul->getOperand(0)) &&
           isInputArgument(op, mul->getOperand(1));
  }
  return false;
}

Linearity classifyPayload(linalg::LinalgOp op) {
  // An input the payload never reads: the result is constant in it, so
  // summands of it carried through would make the result once per summand
  // holder. Such an op is linear in nothing.
  for (OpOperand *in : op.getDpsInputOperands())
    if (isa<ShapedType>(in->get().getType()) &&
        op.getMatchingBlockArgument(in).use_empty())
      return Linearity::None;
  if (linalg::isaContractionOpInterface(op))
    return isLinearContraction(op) ? Linearity::Multiplicative
                                   : Linearity::None;
  Block &body = op->getRegion(0).front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (yield.getNumOperands() != 1)
    return Linearity::None;
  auto tensorArg = [&](Value v) {
    auto arg = dyn_cast<BlockArgument>(v);
    return arg && arg.getOwner() == &body &&
           isa<ShapedType>(op->getOperand(arg.getArgNumber()).getType());
  };
  Value v = yield.getOperand(0);
  if (isa<BlockArgument>(v))
    return tensorArg(v) ? Linearity::Additive // copy, transpose, broadcast
                        : Linearity::None;
  Operation *def = v.getDefiningOp();
  if (!def || def->getBlock() != &body || body.getOperations().size() != 2)
    return Linearity::None;
  if (!llvm::all_of(def->getOperands(),
                    [](Value o) { return isa<BlockArgument>(o); }))
    return Linearity::None;
  if (!llvm::all_of(def->getOperands(), tensorArg) &&
      !isa<arith::MulFOp, arith::MulIOp>(def))
    return Linearity::None;
  if (isa<arith::AddFOp, arith::AddIOp, arith::SubFOp, arith::SubIOp,
          arith::NegFOp>(def))
    return Linearity::Additive;
  // A product of two different operands is linear in each; a square
  // (`out * out`) is not linear in anything. A product with the init it
  // writes (`out * in`) is linear in each too, but a partial result would
  // make the init partial as well, a product of summands: not carried.
  if (isa<arith::MulFOp, arith::MulIOp>(def)) {
    bool readsInit = llvm::any_of(def->getOperands(), [&](Value o) {
      auto arg = cast<BlockArgument>(o);
      return op.isDpsInit(&op->getOpOperand(arg.getArgNumber()));
    });
    return def->getOperand(0) == def->getOperand(1) || readsInit
               ? Linearity::None
               : Linearity::Multiplicative;
  }
  return Linearity::None;
}

/// Whether `v`, computed in `body`, reads any of `args`.
bool dependsOn(Value v, Block &body, const llvm::SmallPtrSetImpl<Value> &args) {
  SmallVector<Value> work{v};
  llvm::SmallPtrSet<Value, 8> seen;
  while (!work.empty()) {
    Value x = work.pop_back_val();
    if (!seen.insert(x).second)
      continue;
    if (args.contains(x))
      return true;
    Operation *def = x.getDefiningOp();
    if (!def || !body.getParentOp()->isAncestor(def))
      continue; // a value from outside the op: the same for every iteration
    llvm::append_range(work, def->getOperands());
    // Values used inside nested regions count too.
    def->walk([&](Operation *nested) {
      if (nested != def)
        llvm::append_range(work, nested->getOperands());
    });
  }
  return false;
}

/// Whether every result of `op` is accumulated by a sum: result `i` yields
/// `add(out_i, e)` (either order), where `out_i` is read nowhere else and `e`
/// reads no accumulator. Only then may a reduction loop be split, the pieces
/// being summands (`partial`); any other combiner (a product, max, min,
/// and/or/xor, an argmax's select, an overwrite) needs the loop whole.
bool accumulatesBySum(linalg::LinalgOp op) {
  Block &body = op->getRegion(0).front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  llvm::SmallPtrSet<Value, 4> accumulators;
  for (OpOperand &init : op.getDpsInitsMutable())
    accumulators.insert(op.getMatchingBlockArgument(&init));
  for (OpOperand &init : op.getDpsInitsMutable()) {
    BlockArgument out = op.getMatchingBlockArgument(&init);
    Value y = yield.getOperand(op.getIndexingMapIndex(&init) -
                               op.getNumDpsInputs());
    Operation *add = y.getDefiningOp();
    if (!add || add->getBlock() != &body ||
        !isa<arith::AddFOp, arith::AddIOp>(add) || !out.hasOneUse() ||
        *out.getUsers().begin() != add)
      return false;
    Value other = add->getOperand(0) == out ? add->getOperand(1)
                                            : add->getOperand(0);
    if (other == out || dependsOn(other, body, accumulators))
      return false;
  }
  return true;
}

template <typename OpTy>
struct LinalgRule
    : public ShardingRuleOpInterface::ExternalModel<LinalgRule<OpTy>, OpTy> {
  FailureOr<ShardingRule> getShardingRule(Operation *op) const {
    auto linalgOp = cast<linalg::LinalgOp>(op);
    if (!linalgOp.hasPureTensorSemantics())
      return failure();
    ShardingRule rule;
    for (int64_t size : linalgOp.getStaticLoopRanges()) {
      if (ShapedType::isDynamic(size))
        return failure();
      rule.loopSizes.push_back(size);
    }
    for (utils::IteratorType it : linalgOp.getIteratorTypesArray())
      rule.reductionLoops.push_back(it == utils::IteratorType::reduction);
    rule.blockedLoops.assign(rule.loopSizes.size(), false);
    std::set<int64_t> blockedByAccess;
    for (OpOperand &operand : op->getOpOperands()) {
      rule.initOperands.push_back(linalgOp.isDpsInit(&operand));
      rule.initsRead.push_back(linalgOp.isDpsInit(&operand) &&
                               linalgOp.payloadUsesValueFromOperand(&operand));
      if (!isa<RankedTensorType>(operand.get().getType())) {
        rule.operandLoops.push_back(std::nullopt);
        continue;
      }
      // A dimension indexed by one loop follows it. One indexed by a
      // constant (a broadcast unit dimension) or by several loops (a
      // convolution's window `oh + kh`) follows none and is held whole; the
      // loops of such an expression may not be split, since a device's
      // block of them would index the operand at local positions. Nor may a
      // loop indexing two dimensions of one operand (a diagonal).
      AffineMap map = linalgOp.getMatchingIndexingMap(&operand);
      std::vector<int64_t> loops;
      for (AffineExpr e : map.getResults()) {
        if (auto dim = dyn_cast<AffineDimExpr>(e)) {
          int64_t l = dim.getPosition();
          if (llvm::is_contained(loops, l))
            blockedByAccess.insert(l);
          loops.push_back(l);
          continue;
        }
        loops.push_back(ShardingRule::kNoLoop);
        e.walk([&](AffineExpr inner) {
          if (auto dim = dyn_cast<AffineDimExpr>(inner))
            blockedByAccess.insert(dim.getPosition());
        });
      }
      rule.operandLoops.push_back(loops);
      if (linalgOp.isDpsInit(&operand))
        rule.resultLoops.push_back(loops);
    }
    for (int64_t l : blockedByAccess)
      rule.blockedLoops[l] = true;
    // A parallel loop that a result does not follow writes each of that
    // result's elements once per iteration (the last iteration's value
    // staying, or, where the payload reads the init, combining over the
    // loop as a reduction would): split, each device would keep or combine
    // its own block's only, so it stays whole. So does a loop labelled
    // "reduction" that a result follows (the labels are the writer's, the
    // maps what the op computes). With several results, a loop is split
    // only where every result agrees with its label.
    for (size_t l = 0; l < rule.loopSizes.size(); ++l) {
      auto follows = [&](const std::vector<int64_t> &r) {
        return llvm::is_contained(r, static_cast<int64_t>(l));
      };
      bool byAll = llvm::all_of(rule.resultLoops, follows);
      bool byAny = llvm::any_of(rule.resultLoops, follows);
      if (rule.reductionLoops[l] ? byAny : !byAll)
        rule.blockedLoops[l] = true;
    }
    rule.linearity = classifyPayload(linalgOp);
    // Only a sum may be split over a reduction loop (the pieces are then
    // summands); any other combiner (max, a product...) needs the loop whole,
    // and is not linear in a partial operand either.
    if (llvm::is_contained(rule.reductionLoops, true) &&
        !accumulatesBySum(linalgOp)) {
      rule.linearity = Linearity::None;
      rule.combinerNotSum = true;
      for (size_t l = 0; l < rule.reductionLoops.size(); ++l)
        if (rule.reductionLoops[l])
          rule.blockedLoops[l] = true;
    }
    return rule;
  }
};

template <typename OpTy>
struct ElementwiseRule
    : public ShardingRuleOpInterface::ExternalModel<ElementwiseRule<OpTy>,
                                                    OpTy> {
  FailureOr<ShardingRule> getShardingRule(Operation *op) const {
    if (op->getNumResults() != 1)
      return failure();
    auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
    if (!type || !type.hasStaticShape())
      return failure();
    // Tensor operands have the result's shape; a scalar operand (the
    // condition of a select on tensors) is the same on every device.
    for (Value operand : op->getOperands()) {
      auto t = dyn_cast<RankedTensorType>(operand.getType());
      if (t ? t.getShape() != type.getShape() : isa<ShapedType>(operand.getType()))
        return failure();
    }
    Linearity linearity = Linearity::None;
    if (isa<arith::AddFOp, arith::AddIOp, arith::SubFOp, arith::SubIOp,
            arith::NegFOp>(op))
      linearity = Linearity::Additive;
    else if (isa<arith::MulFOp, arith::MulIOp>(op) &&
             op->getOperand(0) != op->getOperand(1))
      linearity = Linearity::Multiplicative;
    ShardingRule rule = ShardingRule::elementwise(
        type.getRank(), type.getShape(), op->getNumOperands(), linearity);
    for (auto [i, operand] : llvm::enumerate(op->getOperands()))
      if (!isa<RankedTensorType>(operand.getType())) {
        rule.operandLoops[i] = std::nullopt;
        rule.linearity = Linearity::None;
      }
    return rule;
  }
};

/// Ops producing a tensor from nothing (tensor.empty, dense constants): any
/// placement; a partial one holds the value on the keepers (Semantics.md).
template <typename OpTy>
struct SourceRule
    : public ShardingRuleOpInterface::ExternalModel<SourceRule<OpTy>, OpTy> {
  FailureOr<ShardingRule> getShardingRule(Operation *op) const {
    if (op->getNumResults() != 1)
      return failure();
    auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
    if (!type || !type.hasStaticShape())
      return failure();
    // Only dense elements are sliced for a device's block; others
    // (`dense_resource` weights as torch-mlir imports them, `sparse`) are
    // made whole where needed and moved.
    if constexpr (std::is_same_v<OpTy, arith::ConstantOp>)
      if (!isa<DenseElementsAttr>(cast<arith::ConstantOp>(op).getValue()))
        return failure();
    ShardingRule rule = ShardingRule::elementwise(
        type.getRank(), type.getShape(), /*numOperands=*/0, Linearity::None);
    // Index operands of tensor.empty (dynamic sizes) are not tensors.
    rule.operandLoops.assign(op->getNumOperands(), std::nullopt);
    rule.initOperands.assign(op->getNumOperands(), false);
    rule.initsRead.assign(op->getNumOperands(), false);
    return rule;
  }
};

/// expand_shape and collapse_shape: the loops are the expanded dimensions;
/// each collapsed dimension follows the outermost dimension of its group,
/// whose blocks are contiguous blocks of the collapsed one, and the group's
/// inner dimensions may not be split.
template <typename OpTy>
struct ReshapeRule
    : public ShardingRuleOpInterface::ExternalModel<ReshapeRule<OpTy>, OpTy> {
  FailureOr<ShardingRule> getShardingRule(Operation *op) const {
    auto reshape = cast<OpTy>(op);
    RankedTensorType expanded, collapsed;
    if constexpr (std::is_same_v<OpTy, tensor::ExpandShapeOp>) {
      expanded = reshape.getResultType();
      collapsed = reshape.getSrcType();
    } else {
      expanded = reshape.getSrcType();
      collapsed = reshape.getResultType();
    }
    if (!expanded.hasStaticShape() || !collapsed.hasStaticShape())
      return failure();
    ShardingRule rule;
    rule.loopSizes.assign(expanded.getShape().begin(),
                          expanded.getShape().end());
    rule.reductionLoops.assign(expanded.getRank(), false);
    rule.blockedLoops.assign(expanded.getRank(), false);
    std::vector<int64_t> expandedLoops, collapsedLoops;
    for (int64_t i = 0; i < expanded.getRank(); ++i)
      expandedLoops.push_back(i);
    for (const ReassociationIndices &group :
         reshape.getReassociationIndices()) {
      if (group.empty())
        return failure();
      collapsedLoops.push_back(group.front());
      for (int64_t inner : ArrayRef<int64_t>(group).drop_front())
        rule.blockedLoops[inner] = true;
    }
    bool expanding = std::is_same_v<OpTy, tensor::ExpandShapeOp>;
    rule.operandLoops.push_back(expanding ? collapsedLoops : expandedLoops);
    for (unsigned i = 1; i < op->getNumOperands(); ++i)
      rule.operandLoops.push_back(std::nullopt); // dynamic output sizes
    rule.resultLoops.push_back(expanding ? expandedLoops : collapsedLoops);
    rule.initOperands.assign(op->getNumOperands(), false);
    rule.initsRead.assign(op->getNumOperands(), false);
    rule.linearity = Linearity::Additive;
    return rule;
  }
};

/// Extends a rule written for an op's leading tensor operands to all `n` of
/// its operands: the rest (index operands of sizes and offsets) are scalars.
void coverScalarOperands(ShardingRule &rule, unsigned n) {
  rule.operandLoops.resize(n, std::nullopt);
  rule.initOperands.resize(n, false);
  rule.initsRead.resize(n, false);
}

/// extract_slice and insert_slice (not rank-reducing, static): the loops are
/// the dimensions of the larger tensor; a dimension the slice takes whole
/// keeps its split, a sliced one may not be split (it is gathered first).
/// `tensorOperands` lead the operand list (source; for insert_slice also the
/// destination, an init that is read).
static FailureOr<ShardingRule>
staticSliceRule(OffsetSizeAndStrideOpInterface slice, RankedTensorType large,
                RankedTensorType small, unsigned tensorOperands) {
  if (!large.hasStaticShape() || !small.hasStaticShape() ||
      large.getRank() != small.getRank() ||
      ShapedType::isDynamicShape(slice.getStaticOffsets()) ||
      ShapedType::isDynamicShape(slice.getStaticSizes()) ||
      ShapedType::isDynamicShape(slice.getStaticStrides()))
    return failure();
  ShardingRule rule = ShardingRule::elementwise(
      large.getRank(), large.getShape(), tensorOperands, Linearity::Additive);
  if (tensorOperands == 2) {
    rule.initOperands[1] = true;
    rule.initsRead[1] = true;
  }
  for (int64_t k = 0; k < large.getRank(); ++k)
    rule.blockedLoops[k] = slice.getStaticOffsets()[k] != 0 ||
                           slice.getStaticSizes()[k] != large.getDimSize(k) ||
                           slice.getStaticStrides()[k] != 1;
  coverScalarOperands(rule, slice->getNumOperands());
  return rule;
}

struct ExtractSliceRule
    : public ShardingRuleOpInterface::ExternalModel<ExtractSliceRule,
                                                    tensor::ExtractSliceOp> {
  FailureOr<ShardingRule> getShardingRule(Operation *op) const {
    auto slice = cast<tensor::ExtractSliceOp>(op);
    return staticSliceRule(slice, slice.getSourceType(), slice.getType(), 1);
  }
};

struct InsertSliceRule
    : public ShardingRuleOpInterface::ExternalModel<InsertSliceRule,
                                                    tensor::InsertSliceOp> {
  FailureOr<ShardingRule> getShardingRule(Operation *op) const {
    auto insert = cast<tensor::InsertSliceOp>(op);
    return staticSliceRule(insert, insert.getDestType(),
                           insert.getSourceType(), 2);
  }
};

/// Appends a loop of `size` that may not be split; returns its index.
int64_t addBlockedLoop(ShardingRule &rule, int64_t size) {
  rule.loopSizes.push_back(size);
  rule.reductionLoops.push_back(false);
  rule.blockedLoops.push_back(true);
  return static_cast<int64_t>(rule.loopSizes.size()) - 1;
}

/// tensor.pad with static padding: an unpadded dimension is one loop of
/// source and result, which keeps its split; a padded one is a loop of each,
/// neither split (the source is gathered along it). Linear in the source
/// only when the padding value is zero, which this rule does not look at.
struct PadRule
    : public ShardingRuleOpInterface::ExternalModel<PadRule, tensor::PadOp> {
  FailureOr<ShardingRule> getShardingRule(Operation *op) const {
    auto pad = cast<tensor::PadOp>(op);
    RankedTensorType src = pad.getSourceType(), res = pad.getResultType();
    if (!src.hasStaticShape() || !res.hasStaticShape() ||
        ShapedType::isDynamicShape(pad.getStaticLow()) ||
        ShapedType::isDynamicShape(pad.getStaticHigh()))
      return failure();
    // A padding value computed from its position reads global indices,
    // which a device's block would not give: such a pad runs on the whole
    // tensor (no rule).
    if (llvm::any_of(pad.getRegion().getArguments(),
                     [](BlockArgument a) { return !a.use_empty(); }))
      return failure();
    ShardingRule rule = ShardingRule::elementwise(
        src.getRank(), src.getShape(), /*numOperands=*/1, Linearity::None);
    for (int64_t k = 0; k < src.getRank(); ++k)
      if (pad.getStaticLow()[k] != 0 || pad.getStaticHigh()[k] != 0) {
        rule.blockedLoops[k] = true;
        rule.resultLoops[0][k] = addBlockedLoop(rule, res.getDimSize(k));
      }
    coverScalarOperands(rule, op->getNumOperands());
    return rule;
  }
};

/// tensor.concat: every dimension but the concatenated one is a loop shared
/// by all operands and the result and keeps its split; along the
/// concatenated one each operand and the result have a loop of their own,
/// not split. A concatenation of summands is a summand of the concatenation.
struct ConcatRule
    : public ShardingRuleOpInterface::ExternalModel<ConcatRule,
                                                    tensor::ConcatOp> {
  FailureOr<ShardingRule> getShardingRule(Operation *op) const {
    auto concat = cast<tensor::ConcatOp>(op);
    RankedTensorType res = concat.getResultType();
    if (!res.hasStaticShape())
      return failure();
    for (Value v : concat.getInputs())
      if (!cast<RankedTensorType>(v.getType()).hasStaticShape())
        return failure();
    int64_t dim = static_cast<int64_t>(concat.getDim());
    ShardingRule rule =
        ShardingRule::elementwise(res.getRank(), res.getShape(),
                                  op->getNumOperands(), Linearity::Additive);
    rule.blockedLoops[dim] = true;
    for (auto [i, v] : llvm::enumerate(concat.getInputs()))
      (*rule.operandLoops[i])[dim] = addBlockedLoop(
          rule, cast<RankedTensorType>(v.getType()).getDimSize(dim));
    return rule;
  }
};

template <template <typename> class Model, typename... OpTys>
void attach(MLIRContext *ctx) {
  (OpTys::template attachInterface<Model<OpTys>>(*ctx), ...);
}

} // namespace

void mlir::hspmd::registerShardingRuleModels(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, linalg::LinalgDialect *) {
    attach<LinalgRule,
#define GET_OP_LIST
#include "mlir/Dialect/Linalg/IR/LinalgStructuredOps.cpp.inc"
           >(ctx);
  });
  registry.addExtension(+[](MLIRContext *ctx, arith::ArithDialect *) {
    attach<ElementwiseRule, arith::AddFOp, arith::AddIOp, arith::SubFOp,
           arith::SubIOp, arith::MulFOp, arith::MulIOp, arith::DivFOp,
           arith::DivSIOp, arith::DivUIOp, arith::CeilDivSIOp,
           arith::CeilDivUIOp, arith::FloorDivSIOp, arith::RemFOp,
           arith::RemSIOp, arith::RemUIOp, arith::NegFOp, arith::MaximumFOp,
           arith::MinimumFOp, arith::MaxNumFOp, arith::MinNumFOp,
           arith::MaxSIOp, arith::MinSIOp, arith::MaxUIOp, arith::MinUIOp,
           arith::AndIOp, arith::OrIOp, arith::XOrIOp, arith::ShLIOp,
           arith::ShRSIOp, arith::ShRUIOp, arith::SelectOp, arith::CmpFOp,
           arith::CmpIOp, arith::ExtFOp, arith::TruncFOp, arith::SIToFPOp,
           arith::UIToFPOp, arith::FPToSIOp, arith::FPToUIOp, arith::ExtSIOp,
           arith::ExtUIOp, arith::TruncIOp, arith::IndexCastOp,
           arith::IndexCastUIOp, arith::BitcastOp>(ctx);
    attach<SourceRule, arith::ConstantOp>(ctx);
  });
  registry.addExtension(+[](MLIRContext *ctx, math::MathDialect *) {
    attach<ElementwiseRule, math::AbsFOp, math::AbsIOp, math::AcosOp,
           math::AcoshOp, math::AsinOp, math::AsinhOp, math::Atan2Op,
           math::AtanOp, math::AtanhOp, math::CbrtOp, math::CeilOp,
           math::ClampFOp, math::CopySignOp, math::CosOp, math::CoshOp,
           math::CountLeadingZerosOp, math::CountTrailingZerosOp,
           math::CtPopOp, math::ErfOp, math::ErfcOp, math::Exp2Op,
           math::ExpM1Op, math::ExpOp, math::FPowIOp, math::FloorOp,
           math::FmaOp, math::IPowIOp, math::IsFiniteOp, math::IsInfOp,
           math::IsNaNOp, math::IsNormalOp, math::Log10Op, math::Log1pOp,
           math::Log2Op, math::LogOp, math::PowFOp, math::RoundEvenOp,
           math::RoundOp, math::RsqrtOp, math::SinOp, math::SinhOp,
           math::SqrtOp, math::TanOp, math::TanhOp, math::TruncOp>(ctx);
  });
  registry.addExtension(+[](MLIRContext *ctx, tensor::TensorDialect *) {
    attach<SourceRule, tensor::EmptyOp>(ctx);
    attach<ReshapeRule, tensor::ExpandShapeOp, tensor::CollapseShapeOp>(ctx);
    tensor::ExtractSliceOp::attachInterface<ExtractSliceRule>(*ctx);
    tensor::InsertSliceOp::attachInterface<InsertSliceRule>(*ctx);
    tensor::PadOp::attachInterface<PadRule>(*ctx);
    tensor::ConcatOp::attachInterface<ConcatRule>(*ctx);
  });
}
