//===- DecomposeAggregates.cpp - Ops as what they stand for ---------------===//
//
// Ops that stand for others become those others, so that propagation places
// each and both the distributed and the reference pipelines lower them:
//   - linalg.softmax and every other op implementing AggregatedOpInterface;
//   - tensor.gather: a linalg.generic over the result reading the source
//     with tensor.extract (the way front ends write an embedding lookup),
//     the indices an input per gathered dimension, so that splitting their
//     batch splits the result;
//   - tensor.scatter: a loop over the indices' points inserting each slice
//     of the source (tensor.insert_slice at the point's coordinates);
//   - linalg.pack and linalg.unpack: pad, reshape and transpose (linalg's
//     own lowering);
//   - tensor.bitcast: an elementwise arith.bitcast.
//
//===----------------------------------------------------------------------===//

#include "hspmd/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDDECOMPOSEAGGREGATES
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;

namespace {

/// Coordinate `c` (an index or an integer, read as signed) as an index,
/// stopping the program with `message` unless 0 <= c < extent.
Value checkedIndex(OpBuilder &b, Location l, Value c, int64_t extent,
                   StringRef message) {
  if (!c.getType().isIndex())
    c = arith::IndexCastOp::create(b, l, b.getIndexType(), c);
  Value bound = arith::ConstantIndexOp::create(b, l, extent);
  Value inside =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult, c, bound);
  cf::AssertOp::create(b, l, inside, message);
  return c;
}

/// `tensor.gather %src[%idx] gather_dims(G)` as a linalg.generic over the
/// result: result dims [0, B) are the indices' batch dims, the rest are the
/// source's (those in G of size 1, or left out by the rank-reducing form).
/// An index outside the source is a runtime error (upstream leaves it
/// undefined; an embedding read past its table is a bug worth stopping on).
LogicalResult decomposeGather(tensor::GatherOp op, RewriterBase &rewriter) {
  RankedTensorType srcType = op.getSourceType();
  RankedTensorType idxType = op.getIndicesType();
  RankedTensorType resType = op.getResultType();
  if (!srcType.hasStaticShape() || !idxType.hasStaticShape() ||
      !resType.hasStaticShape())
    return op.emitError() << "cannot write 'tensor.gather' as a linalg.generic: "
                             "its shapes must be static, got "
                          << srcType << ", " << idxType << " and " << resType;
  ArrayRef<int64_t> gathered = op.getGatherDims();
  int64_t batch = idxType.getRank() - 1;
  int64_t srcRank = srcType.getRank();
  bool reduced = resType.getRank() == batch + srcRank -
                                          static_cast<int64_t>(gathered.size());
  Location loc = op.getLoc();

  MLIRContext *ctx = rewriter.getContext();
  int64_t rank = resType.getRank();
  SmallVector<AffineExpr> batchDims;
  for (int64_t d = 0; d < batch; ++d)
    batchDims.push_back(getAffineDimExpr(d, ctx));
  // The indices once per gathered dimension k, read at (batch..., k): a
  // split of the batch splits the result, the coordinates stay whole.
  SmallVector<Value> coords(gathered.size(), op.getIndices());
  SmallVector<AffineMap> maps;
  for (size_t k = 0; k < gathered.size(); ++k) {
    SmallVector<AffineExpr> at = batchDims;
    at.push_back(getAffineConstantExpr(k, ctx));
    maps.push_back(AffineMap::get(rank, 0, at, ctx));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = tensor::EmptyOp::create(rewriter, loc, resType.getShape(),
                                       resType.getElementType());
  Value source = op.getSource();
  auto generic = linalg::GenericOp::create(
      rewriter, loc, resType, coords, init, maps, iterators,
      [&](OpBuilder &b, Location l, ValueRange args) {
        SmallVector<Value> at(srcRank);
        int64_t next = batch; // the result dim of the next source dim
        for (int64_t d = 0; d < srcRank; ++d) {
          const int64_t *k = llvm::find(gathered, d);
          if (k == gathered.end()) {
            at[d] = linalg::IndexOp::create(b, l, next++);
            continue;
          }
          at[d] = checkedIndex(
              b, l, args[k - gathered.begin()], srcType.getDimSize(d),
              "tensor.gather: an index is outside the source tensor");
          if (!reduced)
            ++next;
        }
        Value v = tensor::ExtractOp::create(b, l, source, at);
        linalg::YieldOp::create(b, l, v);
      });
  rewriter.replaceOp(op, generic.getResults());
  return success();
}

/// `tensor.scatter %src into %dest[%idx] scatter_dims(S) unique` as an
/// scf.for over the indices' batch points carrying the destination: each
/// point reads its coordinates, checks them like a gather, and inserts its
/// slice of the source (dimensions in S of size 1, or left out by the
/// rank-reducing form) with tensor.insert_slice. The points are unique
/// (upstream requires `unique`), so their order does not matter.
LogicalResult decomposeScatter(tensor::ScatterOp op, RewriterBase &rewriter) {
  auto srcType = cast<RankedTensorType>(op.getSource().getType());
  auto destType = cast<RankedTensorType>(op.getDest().getType());
  auto idxType = cast<RankedTensorType>(op.getIndices().getType());
  if (!srcType.hasStaticShape() || !destType.hasStaticShape() ||
      !idxType.hasStaticShape())
    return op.emitError()
           << "cannot write 'tensor.scatter' as a loop of insert_slice: its "
              "shapes must be static, got "
           << srcType << ", " << destType << " and " << idxType;
  ArrayRef<int64_t> scattered = op.getScatterDims();
  int64_t batch = idxType.getRank() - 1;
  ArrayRef<int64_t> batchShape = idxType.getShape().drop_back();
  int64_t points = 1;
  for (int64_t d : batchShape)
    points *= d;
  Location loc = op.getLoc();
  Value lb = arith::ConstantIndexOp::create(rewriter, loc, 0);
  Value ub = arith::ConstantIndexOp::create(rewriter, loc, points);
  Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
  auto loop = scf::ForOp::create(
      rewriter, loc, lb, ub, one, ValueRange{op.getDest()},
      [&](OpBuilder &b, Location l, Value iv, ValueRange iters) {
        // The batch point's multi-index, row-major.
        SmallVector<Value> at(batch);
        Value rest = iv;
        for (int64_t d = batch - 1; d >= 0; --d) {
          Value extent = arith::ConstantIndexOp::create(b, l, batchShape[d]);
          at[d] = arith::RemUIOp::create(b, l, rest, extent);
          rest = arith::DivUIOp::create(b, l, rest, extent);
        }
        // Where its slice goes in the destination.
        SmallVector<OpFoldResult> offsets(destType.getRank(),
                                          b.getIndexAttr(0));
        SmallVector<OpFoldResult> sizes;
        for (int64_t d : destType.getShape())
          sizes.push_back(b.getIndexAttr(d));
        for (auto [k, d] : llvm::enumerate(scattered)) {
          SmallVector<Value> pos = at;
          pos.push_back(arith::ConstantIndexOp::create(b, l, k));
          offsets[d] = checkedIndex(
              b, l, tensor::ExtractOp::create(b, l, op.getIndices(), pos),
              destType.getDimSize(d),
              "tensor.scatter: an index is outside the destination tensor");
          sizes[d] = b.getIndexAttr(1);
        }
        // Its slice of the source: the point's batch position, every
        // trailing dimension whole.
        SmallVector<OpFoldResult> srcOffsets(srcType.getRank(),
                                             b.getIndexAttr(0));
        SmallVector<OpFoldResult> srcSizes;
        for (int64_t d = 0; d < srcType.getRank(); ++d) {
          if (d < batch) {
            srcOffsets[d] = at[d];
            srcSizes.push_back(b.getIndexAttr(1));
          } else {
            srcSizes.push_back(b.getIndexAttr(srcType.getDimSize(d)));
          }
        }
        SmallVector<OpFoldResult> unit(srcType.getRank(), b.getIndexAttr(1));
        auto sliceType = RankedTensorType::get(
            srcType.getShape().drop_front(batch), srcType.getElementType());
        Value slice = tensor::ExtractSliceOp::create(
            b, l, sliceType, op.getSource(), srcOffsets, srcSizes, unit);
        SmallVector<OpFoldResult> strides(destType.getRank(),
                                          b.getIndexAttr(1));
        Value next = tensor::InsertSliceOp::create(b, l, slice, iters[0],
                                                   offsets, sizes, strides);
        scf::YieldOp::create(b, l, next);
      });
  rewriter.replaceOp(op, loop.getResults());
  return success();
}

/// `tensor.bitcast` as an elementwise `arith.bitcast`.
void decomposeBitcast(tensor::BitcastOp op, RewriterBase &rewriter) {
  Location loc = op.getLoc();
  auto srcType = cast<RankedTensorType>(op.getSource().getType());
  auto resType = cast<RankedTensorType>(op.getType());
  Type elt = resType.getElementType();
  SmallVector<OpFoldResult> sizes =
      tensor::getMixedSizes(rewriter, loc, op.getSource());
  Value init = tensor::EmptyOp::create(rewriter, loc, sizes, elt);
  auto map = AffineMap::getMultiDimIdentityMap(srcType.getRank(),
                                               rewriter.getContext());
  SmallVector<utils::IteratorType> iterators(srcType.getRank(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      rewriter, loc, init.getType(), op.getSource(), init,
      SmallVector<AffineMap>{map, map}, iterators,
      [&](OpBuilder &b, Location l, ValueRange args) {
        Value v = arith::BitcastOp::create(b, l, elt, args[0]);
        linalg::YieldOp::create(b, l, v);
      });
  Value result = generic.getResult(0);
  if (result.getType() != resType)
    result = tensor::CastOp::create(rewriter, loc, resType, result);
  rewriter.replaceOp(op, result);
}

struct DecomposeAggregatesPass
    : public mlir::hspmd::impl::HspmdDecomposeAggregatesBase<
          DecomposeAggregatesPass> {
  void runOnOperation() override {
    foldCastRoundTrips();
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<linalg::AggregatedOpInterface, tensor::GatherOp,
              tensor::ScatterOp, linalg::PackOp, linalg::UnPackOp,
              tensor::BitcastOp>(op))
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (Operation *op : ops) {
      rewriter.setInsertionPoint(op);
      if (failed(decompose(op, rewriter)))
        return signalPassFailure();
    }
  }

  /// A `tensor.cast` to a dynamic shape and straight back (torch-mlir leaves
  /// such pairs) is the value itself: dropped, in both modes, so that the
  /// static shape reaches propagation (the reference folds it too).
  void foldCastRoundTrips() {
    SmallVector<tensor::CastOp> casts;
    getOperation().walk([&](tensor::CastOp cast) { casts.push_back(cast); });
    for (tensor::CastOp cast : casts) {
      auto inner = cast.getSource().getDefiningOp<tensor::CastOp>();
      if (!inner || inner.getSource().getType() != cast.getType())
        continue;
      cast.getResult().replaceAllUsesWith(inner.getSource());
    }
    for (tensor::CastOp cast : llvm::reverse(casts))
      if (cast->use_empty())
        cast->erase();
  }

  LogicalResult decompose(Operation *op, IRRewriter &rewriter) {
    if (auto gather = dyn_cast<tensor::GatherOp>(op))
      return decomposeGather(gather, rewriter);
    if (auto scatter = dyn_cast<tensor::ScatterOp>(op))
      return decomposeScatter(scatter, rewriter);
    if (auto bitcast = dyn_cast<tensor::BitcastOp>(op)) {
      decomposeBitcast(bitcast, rewriter);
      return success();
    }
    if (auto pack = dyn_cast<linalg::PackOp>(op)) {
      if (succeeded(linalg::lowerPack(rewriter, pack)))
        return success();
    } else if (auto unpack = dyn_cast<linalg::UnPackOp>(op)) {
      if (succeeded(linalg::lowerUnPack(rewriter, unpack)))
        return success();
    } else {
      auto aggregate = cast<linalg::AggregatedOpInterface>(op);
      FailureOr<SmallVector<Value>> parts =
          aggregate.decomposeOperation(rewriter);
      if (succeeded(parts)) {
        rewriter.replaceOp(op, *parts);
        return success();
      }
    }
    return op->emitError() << "cannot write '" << op->getName()
                           << "' as the ops it stands for";
  }
};
} // namespace
