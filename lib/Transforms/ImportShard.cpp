//===- ImportShard.cpp - Upstream shard dialect to #hspmd.sharding --------===//
//
// Converts the placements written with the upstream `shard` dialect
// (`shard.grid`, `shard.sharding`, `shard.shard`) into `#hspmd.sharding`:
//
//   shard.grid @g(shape = s0 x s1 x ...)   devices 0 .. N-1, row-major over the
//                                          grid: id = sum_i c_i * prod_{j>i} s_j
//   split_axes = [[a1, a2, ...], ...]      tensor dim k over grid axes a1
//                                          (outermost), a2, ...: one `d<k>`
//                                          axis of size s_a1 * s_a2 * ...
//   grid axes no dimension uses            one `dup` axis, their product
//   grid axes of size 1                    dropped
//
// The hspmd axes are ordered by their outermost grid axis; the device list
// enumerates, row-major, the grid with its axes permuted into the order the
// hspmd axes need (the members of each hspmd axis adjacent, outermost first)
// and writes each device's original row-major id. When the members already
// are adjacent and in order the list is 0 .. N-1.
//
// `sharded_dims_offsets` that are not the even split of one dimension k (the
// uneven shards upstream allows) become the weighted top tier: `hetero =
// d<k>` with one group per shard, in shard order, weighted by the shard's
// size; each group holds the devices of its shard, laid out by the other
// axes as above. A shard of size 0 holds nothing, so its devices are left
// out. Uneven offsets on two dimensions have no #hspmd.sharding (the top
// tier splits one dimension) and are a located error, as are halos.
//
// The upstream shard dialect of LLVM 22 has no partial axes in
// `shard.sharding`, so nothing here produces `partial`.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Layout/Sharding.h"
#include "hspmd/Transforms/Passes.h"

#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDIMPORTSHARD
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
namespace layout = ::hspmd::layout;

namespace {

/// The most devices a grid may have here. Device ids must be below 2^31
/// (Semantics.md); the lower bound keeps the expanded device list of an absurd
/// grid from exhausting memory.
constexpr int64_t kMaxGridDevices = int64_t(1) << 24;

/// `2x?x4`, the way `shard.grid` prints a shape.
std::string shapeString(ArrayRef<int64_t> shape) {
  std::string s;
  llvm::raw_string_ostream os(s);
  llvm::interleave(
      shape, os,
      [&](int64_t d) {
        if (ShapedType::isDynamic(d))
          os << "?";
        else
          os << d;
      },
      "x");
  return s;
}

/// `[0, 12, 24]`, with `?` for dynamic entries.
std::string listString(ArrayRef<int64_t> values) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "[";
  llvm::interleave(
      values, os,
      [&](int64_t v) {
        if (ShapedType::isDynamic(v))
          os << "?";
        else
          os << v;
      },
      ", ");
  os << "]";
  return s;
}

/// What a `shard.sharding` op says, once checked and converted.
/// One axis of the hspmd group under construction: its role and the grid
/// axes (outermost first) that merge into it.
struct MergedAxis {
  layout::Role role;
  SmallVector<int64_t> gridAxes;
};

struct ImportedSharding {
  /// The sharding with equal blocks (offsets not read).
  mlir::hspmd::ShardingAttr attr;
  /// The static shape of the grid it refers to.
  SmallVector<int64_t> gridShape;
  shard::GridOp grid;
  /// The hspmd axes, outermost first, and the grid axes each merges.
  SmallVector<MergedAxis> merged;
};

/// Row-major strides of a grid: a device's id is sum_i c_i * stride_i.
SmallVector<int64_t> rowMajorStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> stride(shape.size(), 1);
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i)
    stride[i] = stride[i + 1] * shape[i + 1];
  return stride;
}

/// The ids of the grid's devices whose coordinates on `fixed` axes are
/// `fixedCoords`, enumerated row-major over the grid axes `order` (the last
/// varies fastest).
std::vector<int64_t> enumerateDevices(ArrayRef<int64_t> shape,
                                      ArrayRef<int64_t> order,
                                      ArrayRef<int64_t> fixed,
                                      ArrayRef<int64_t> fixedCoords) {
  SmallVector<int64_t> stride = rowMajorStrides(shape);
  int64_t base = 0;
  for (auto [a, c] : llvm::zip_equal(fixed, fixedCoords))
    base += c * stride[a];
  int64_t count = 1;
  for (int64_t a : order)
    count *= shape[a];
  std::vector<int64_t> ids;
  ids.reserve(count);
  SmallVector<int64_t> coord(order.size(), 0);
  for (int64_t p = 0; p < count; ++p) {
    int64_t id = base;
    for (auto [a, c] : llvm::zip_equal(order, coord))
      id += c * stride[a];
    ids.push_back(id);
    for (int64_t j = static_cast<int64_t>(order.size()) - 1; j >= 0; --j) {
      if (++coord[j] < shape[order[j]])
        break;
      coord[j] = 0;
    }
  }
  return ids;
}

/// Converts the shard ops of one module; lives for one run of the pass.
class Importer {
public:
  explicit Importer(MLIRContext *context) : context(context) {}

  /// Converts every `shard.shard` op of `module`; fails, after reporting
  /// every problem and changing nothing, when one cannot be converted.
  LogicalResult run(ModuleOp module) {
    SmallVector<shard::ShardOp> shardOps;
    module.walk([&](shard::ShardOp op) { shardOps.push_back(op); });
    if (shardOps.empty())
      return success();

    // Check and convert everything first: on any error the module is left
    // untouched and the pass fails, with every problem reported.
    SmallVector<mlir::hspmd::ShardingAttr> attrs;
    bool failedAny = false;
    for (shard::ShardOp op : shardOps) {
      FailureOr<mlir::hspmd::ShardingAttr> attr = convert(op);
      if (failed(attr)) {
        failedAny = true;
        attrs.push_back(nullptr);
        continue;
      }
      attrs.push_back(*attr);
    }
    if (failedAny)
      return failure();

    IRRewriter rewriter(context);
    llvm::SetVector<Operation *> shardingOps;
    for (auto [op, attr] : llvm::zip_equal(shardOps, attrs)) {
      shardingOps.insert(op.getSharding().getDefiningOp());
      rewriter.setInsertionPoint(op);
      Value replacement;
      if (op.getAnnotateForUsers())
        replacement = mlir::hspmd::ReshardOp::create(
            rewriter, op.getLoc(), op.getType(), op.getSrc(), attr);
      else
        replacement = mlir::hspmd::AnnotateOp::create(
            rewriter, op.getLoc(), op.getType(), op.getSrc(), attr);
      rewriter.replaceOp(op, replacement);
    }

    // Erase the shard.sharding ops the conversion left unused, then the grids
    // nothing refers to any more.
    llvm::SetVector<Operation *> grids;
    for (Operation *op : shardingOps) {
      if (!op->use_empty())
        continue;
      auto it = imported.find(op);
      if (it != imported.end() && succeeded(it->second))
        grids.insert(it->second->grid);
      rewriter.eraseOp(op);
    }
    for (Operation *grid : grids)
      if (SymbolTable::symbolKnownUseEmpty(grid, module))
        rewriter.eraseOp(grid);
    return success();
  }

private:

  /// The #hspmd.sharding for one `shard.shard` op, or failure after a
  /// diagnostic.
  FailureOr<mlir::hspmd::ShardingAttr> convert(shard::ShardOp op) {
    auto shardingOp = op.getSharding().getDefiningOp<shard::ShardingOp>();
    if (!shardingOp)
      return op.emitError()
             << "the sharding operand must be defined by a `shard.sharding` "
                "op to be converted to #hspmd.sharding";
    FailureOr<ImportedSharding> imp = importSharding(shardingOp);
    if (failed(imp))
      return failure();

    auto type = cast<RankedTensorType>(op.getType());
    int64_t rank = type.getRank();
    for (int64_t k = 0; k < rank; ++k)
      if (type.isDynamicDim(k))
        return op.emitError()
               << "dimension " << k << " of " << type
               << " is dynamic: #hspmd.sharding needs a static shape";

    ArrayRef<shard::GridAxesAttr> splitAxes =
        shardingOp.getSplitAxes().getAxes();
    for (auto [k, axes] : llvm::enumerate(splitAxes)) {
      if (static_cast<int64_t>(k) >= rank && !axes.empty()) {
        InFlightDiagnostic diag =
            op.emitError() << "split_axes splits dimension " << k
                           << ", but the tensor " << type << " has rank "
                           << rank;
        diag.attachNote(shardingOp.getLoc()) << "sharding defined here";
        return diag;
      }
    }

    FailureOr<mlir::hspmd::ShardingAttr> attr =
        applyOffsets(op, shardingOp, type, *imp);
    if (failed(attr))
      return failure();
    if (failed(attr->verifyForType(type, [&] { return op.emitError(); })))
      return failure();
    return *attr;
  }

  /// The sharding `sharded_dims_offsets` describe: the equal-block sharding
  /// when they are absent or the even split of every split dimension, the
  /// weighted top tier when one dimension is split unevenly.
  FailureOr<mlir::hspmd::ShardingAttr>
  applyOffsets(shard::ShardOp op, shard::ShardingOp shardingOp,
               RankedTensorType type, const ImportedSharding &imp) {
    ArrayRef<int64_t> offsets = shardingOp.getStaticShardedDimsOffsets();
    if (offsets.empty())
      return imp.attr;
    ArrayRef<int64_t> gridShape = imp.gridShape;
    auto fail = [&]() {
      InFlightDiagnostic diag = op.emitError();
      diag.attachNote(shardingOp.getLoc()) << "sharding defined here";
      return diag;
    };
    size_t pos = 0;
    std::optional<int64_t> unevenDim;
    SmallVector<int64_t> unevenSizes;
    for (auto [k, axes] :
         llvm::enumerate(shardingOp.getSplitAxes().getAxes())) {
      if (axes.empty())
        continue;
      int64_t shards = 1;
      for (int16_t a : axes.asArrayRef())
        shards *= gridShape[a];
      int64_t size = type.getDimSize(k);
      if (pos + shards + 1 > offsets.size())
        return fail() << "sharded_dims_offsets " << listString(offsets)
                      << " is too short: dimension " << k << " is split into "
                      << shards << " shards, which needs " << shards + 1
                      << " offsets";
      ArrayRef<int64_t> dimOffsets = offsets.slice(pos, shards + 1);
      pos += shards + 1;
      if (dimOffsets.front() != 0 || dimOffsets.back() != size)
        return fail() << "sharded_dims_offsets " << listString(dimOffsets)
                      << " for dimension " << k << " of size " << size
                      << " must start at 0 and end at " << size;
      SmallVector<int64_t> sizes;
      for (int64_t i = 0; i < shards; ++i) {
        if (dimOffsets[i + 1] < dimOffsets[i])
          return fail() << "sharded_dims_offsets " << listString(dimOffsets)
                        << " for dimension " << k << " decrease";
        sizes.push_back(dimOffsets[i + 1] - dimOffsets[i]);
      }
      if (llvm::all_equal(sizes))
        continue;
      if (unevenDim)
        return fail() << "sharded_dims_offsets split dimensions " << *unevenDim
                      << " and " << k
                      << " unevenly; #hspmd.sharding splits one dimension "
                         "unevenly (its weighted top tier, hetero = d<k>)";
      unevenDim = static_cast<int64_t>(k);
      unevenSizes = std::move(sizes);
    }
    if (pos != offsets.size())
      return fail() << "sharded_dims_offsets " << listString(offsets) << " has "
                    << offsets.size() << " entries, expected " << pos
                    << " for the split dimensions";
    if (!unevenDim)
      return imp.attr;
    return weightedSharding(*unevenDim, unevenSizes, imp,
                            [&] { return fail(); });
  }

  /// One group per shard of dimension `dim` (shard sizes `sizes`, in shard
  /// order), each laid out by the other axes; empty shards are left out.
  FailureOr<mlir::hspmd::ShardingAttr>
  weightedSharding(int64_t dim, ArrayRef<int64_t> sizes,
                   const ImportedSharding &imp,
                   function_ref<InFlightDiagnostic()> emitError) {
    ArrayRef<int64_t> shape = imp.gridShape;
    const MergedAxis *split = nullptr;
    SmallVector<int64_t> otherOrder;
    std::vector<layout::Axis> otherAxes;
    for (const MergedAxis &m : imp.merged) {
      if (m.role == layout::Role::split(dim)) {
        split = &m;
        continue;
      }
      int64_t size = 1;
      for (int64_t a : m.gridAxes) {
        size *= shape[a];
        otherOrder.push_back(a);
      }
      otherAxes.push_back(layout::Axis{m.role, size});
    }
    layout::Sharding sharding;
    SmallVector<int64_t> shardCoords(split ? split->gridAxes.size() : 0, 0);
    for (int64_t shard = 0; shard < static_cast<int64_t>(sizes.size());
         ++shard) {
      // Shard `shard` is at mixed-radix coordinates over the split's grid
      // axes, the first outermost.
      int64_t rest = shard;
      for (int64_t j = static_cast<int64_t>(shardCoords.size()) - 1; j >= 0;
           --j) {
        int64_t extent = shape[split->gridAxes[j]];
        shardCoords[j] = rest % extent;
        rest /= extent;
      }
      if (sizes[shard] == 0)
        continue;
      layout::Group group;
      group.devices = layout::DeviceList(enumerateDevices(
          shape, otherOrder, split ? ArrayRef<int64_t>(split->gridAxes)
                                   : ArrayRef<int64_t>(),
          shardCoords));
      group.axes = otherAxes;
      sharding.groups.push_back(std::move(group));
      sharding.weights.push_back(sizes[shard]);
    }
    if (sharding.groups.size() == 1) {
      sharding.weights.clear();
    } else {
      sharding.hetero = layout::Role::split(dim);
      sharding.normalizeWeights();
    }
    auto attr =
        mlir::hspmd::ShardingAttr::getChecked(emitError, context, sharding);
    if (!attr)
      return failure();
    return attr;
  }

  /// Checks and converts one `shard.sharding` op (once; later calls return
  /// the cached result, so each problem is reported once).
  FailureOr<ImportedSharding> importSharding(shard::ShardingOp op) {
    auto [it, inserted] = imported.try_emplace(op.getOperation(), failure());
    if (inserted)
      it->second = doImportSharding(op);
    return it->second;
  }

  FailureOr<ImportedSharding> doImportSharding(shard::ShardingOp op) {
    auto grid =
        symbolTables.lookupNearestSymbolFrom<shard::GridOp>(op, op.getGridAttr());
    if (!grid)
      return op.emitError() << "refers to " << op.getGridAttr()
                            << ", which is not a `shard.grid`";
    ArrayRef<int64_t> shape = grid.getShape();
    if (ShapedType::isDynamicShape(shape)) {
      InFlightDiagnostic diag =
          op.emitError() << "grid @" << grid.getSymName()
                         << " has the dynamic shape " << shapeString(shape)
                         << ": #hspmd.sharding needs a static device count";
      diag.attachNote(grid.getLoc()) << "grid defined here";
      return diag;
    }
    int64_t numDevices = 1;
    for (int64_t s : shape) {
      if (s <= 0) {
        InFlightDiagnostic diag = op.emitError()
                                  << "grid @" << grid.getSymName()
                                  << " of shape " << shapeString(shape)
                                  << " has no devices";
        diag.attachNote(grid.getLoc()) << "grid defined here";
        return diag;
      }
      if (llvm::MulOverflow(numDevices, s, numDevices) ||
          numDevices > kMaxGridDevices) {
        InFlightDiagnostic diag = op.emitError()
                                  << "grid @" << grid.getSymName()
                                  << " of shape " << shapeString(shape)
                                  << " has more than " << kMaxGridDevices
                                  << " devices, more than can be imported";
        diag.attachNote(grid.getLoc()) << "grid defined here";
        return diag;
      }
    }

    ArrayRef<int64_t> halos = op.getStaticHaloSizes();
    if (!op.getDynamicHaloSizes().empty() ||
        llvm::any_of(halos, [](int64_t h) { return h != 0; }))
      return op.emitError()
             << "halo sizes " << listString(halos)
             << " are not representable in #hspmd.sharding, whose blocks do "
                "not overlap";
    ArrayRef<int64_t> offsets = op.getStaticShardedDimsOffsets();
    if (!op.getDynamicShardedDimsOffsets().empty() ||
        llvm::any_of(offsets, ShapedType::isDynamic))
      return op.emitError()
             << "dynamic sharded_dims_offsets " << listString(offsets)
             << " are not representable in #hspmd.sharding, whose blocks are "
                "static and equal";

    // Which grid axes each hspmd axis merges.
    int64_t gridRank = shape.size();
    SmallVector<bool> used(gridRank, false);
    SmallVector<MergedAxis> merged;
    for (auto [k, axes] : llvm::enumerate(op.getSplitAxes().getAxes())) {
      MergedAxis m{layout::Role::split(static_cast<int64_t>(k)), {}};
      for (int16_t a : axes.asArrayRef()) {
        if (a < 0 || a >= gridRank)
          return op.emitError()
                 << "split_axes names grid axis " << a << ", but grid @"
                 << grid.getSymName() << " has rank " << gridRank;
        if (used[a])
          return op.emitError() << "split_axes names grid axis " << a
                                << " more than once";
        used[a] = true;
        if (shape[a] != 1)
          m.gridAxes.push_back(a);
      }
      if (!m.gridAxes.empty())
        merged.push_back(std::move(m));
    }
    MergedAxis dup{layout::Role::dup(), {}};
    for (int64_t a = 0; a < gridRank; ++a)
      if (!used[a] && shape[a] != 1)
        dup.gridAxes.push_back(a);
    if (!dup.gridAxes.empty())
      merged.push_back(std::move(dup));
    // Order the hspmd axes by their outermost grid axis: when every merged
    // axis is a run of adjacent grid axes in increasing order, the permuted
    // grid is the grid itself and the device list is 0 .. N-1.
    llvm::stable_sort(merged, [](const MergedAxis &x, const MergedAxis &y) {
      return x.gridAxes.front() < y.gridAxes.front();
    });

    layout::Group group;
    SmallVector<int64_t> order; // grid axes, outermost first, as hspmd needs
    for (const MergedAxis &m : merged) {
      int64_t size = 1;
      for (int64_t a : m.gridAxes) {
        size *= shape[a];
        order.push_back(a);
      }
      group.axes.push_back(layout::Axis{m.role, size});
    }

    group.devices = layout::DeviceList(
        enumerateDevices(shape, order, /*fixed=*/{}, /*fixedCoords=*/{}));

    layout::Sharding sharding;
    sharding.groups.push_back(std::move(group));
    auto attr = mlir::hspmd::ShardingAttr::getChecked(
        [&] { return op.emitError(); }, context, sharding);
    if (!attr)
      return failure();
    return ImportedSharding{attr, SmallVector<int64_t>(shape), grid,
                            std::move(merged)};
  }

  MLIRContext *context;
  SymbolTableCollection symbolTables;
  llvm::DenseMap<Operation *, FailureOr<ImportedSharding>> imported;
};

struct ImportShardPass
    : public mlir::hspmd::impl::HspmdImportShardBase<ImportShardPass> {
  void runOnOperation() override {
    Importer importer(&getContext());
    if (failed(importer.run(getOperation())))
      signalPassFailure();
  }
};

} // namespace
