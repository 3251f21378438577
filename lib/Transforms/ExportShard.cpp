//===- ExportShard.cpp - #hspmd.sharding to the upstream shard dialect ----===//
//
// Writes a program's placements with the upstream `shard` dialect, so that
// hspmd's propagation can feed an upstream pipeline. The inverse of
// ImportShard.cpp, for the shardings upstream can express:
//
//   - A group's device list must be the row-major order of a grid of the
//     module's devices 0 .. N-1: each hspmd axis is then one or more grid
//     axes (a `d<k>` axis the grid axes `split_axes` lists for dimension k,
//     outermost first; a `dup` axis the grid axes no dimension uses). The
//     list is decomposed into sub-axes (size, stride), checked against every
//     position, and the sub-axes must tile 0 .. N-1.
//   - All shardings share one `shard.grid` (upstream reshards within one
//     grid): its axes are the common refinement of every sharding's
//     sub-axis boundaries, which must form a chain under divisibility.
//   - `hetero = d<k>` with groups that lay out their blocks alike is one
//     more grid axis, outermost, for dimension k; unequal weights become
//     `sharded_dims_offsets`.
//
// Not expressible, each a located error naming the sharding and the reason:
// a tensor on part of the devices (upstream lays every tensor over its whole
// grid), `partial` (LLVM 22's `shard.sharding` has no partial axes),
// `hetero = dup` or `partial`, groups laid out differently, a device order
// that is no grid's row-major order, shardings whose grids conflict, and
// hspmd ops other than annotations and reshards.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Layout/Sharding.h"
#include "hspmd/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Shard/IR/ShardOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/STLExtras.h"

#include <map>
#include <set>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDEXPORTSHARD
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
namespace layout = ::hspmd::layout;

namespace {

/// A factor of an hspmd axis: `size` consecutive coordinates that move the
/// device id by `stride` each.
struct SubAxis {
  int64_t size, stride;
};

/// One sharding as a single group over all devices: its axes (outermost
/// first), each decomposed into sub-axes (outermost first), and the weights
/// of dimension `heteroDim`'s outermost axis when the groups were weighted.
struct GridForm {
  std::vector<layout::Axis> axes;
  std::vector<std::vector<SubAxis>> subAxes;
  std::optional<int64_t> heteroDim;
  std::vector<int64_t> weights;
};

/// Decomposes a device list laid out by axes of sizes `sizes` into sub-axes,
/// or fails when it is not the row-major order of a grid of 0 .. N-1.
std::optional<std::vector<std::vector<SubAxis>>>
decompose(ArrayRef<int64_t> sizes, ArrayRef<int64_t> ids) {
  int64_t n = static_cast<int64_t>(ids.size());
  std::vector<std::vector<SubAxis>> subs(sizes.size());
  int64_t step = n;
  for (auto [i, size] : llvm::enumerate(sizes)) {
    step /= size;
    // v(j): the id at coordinate j of axis i, the others 0.
    auto v = [&, step = step](int64_t j) { return ids[j * step]; };
    std::vector<SubAxis> inner; // innermost first
    int64_t covered = 1;
    while (covered < size) {
      int64_t stride = v(covered);
      if (stride <= 0)
        return std::nullopt;
      int64_t m = 1;
      while (covered * (m + 1) <= size && v(covered * m) == m * stride)
        ++m;
      // v(covered * m) broke the pattern or the axis ended; the factor must
      // divide what is left.
      if (size % (covered * m) != 0)
        return std::nullopt;
      inner.push_back({m, stride});
      covered *= m;
    }
    subs[i].assign(inner.rbegin(), inner.rend());
  }
  // Every position, against its sub-axes.
  std::vector<SubAxis> flat;
  for (auto &s : subs)
    flat.insert(flat.end(), s.begin(), s.end());
  std::vector<int64_t> coord(flat.size(), 0);
  int64_t id = 0;
  for (int64_t p = 0; p < n; ++p) {
    if (ids[p] != id)
      return std::nullopt;
    for (int64_t j = static_cast<int64_t>(flat.size()) - 1; j >= 0; --j) {
      id += flat[j].stride;
      if (++coord[j] < flat[j].size)
        break;
      id -= flat[j].stride * flat[j].size;
      coord[j] = 0;
    }
  }
  // The sub-axes tile 0 .. N-1: sorted by stride, each stride is the product
  // of the sizes below it.
  llvm::sort(flat, [](const SubAxis &a, const SubAxis &b) {
    return a.stride < b.stride;
  });
  int64_t expect = 1;
  for (const SubAxis &s : flat) {
    if (s.stride != expect)
      return std::nullopt;
    expect *= s.size;
  }
  if (expect != n)
    return std::nullopt;
  return subs;
}

class Exporter {
public:
  explicit Exporter(ModuleOp module) : module(module) {}

  LogicalResult run() {
    // Everything placed, with where to report it.
    struct Site {
      Operation *op;        // the annotate or reshard, or the function
      int64_t argument = -1, result = -1;
      ShardingAttr attr;
      Type type;
    };
    std::vector<Site> sites;
    StringRef name = HspmdDialect::getShardingAttrName();
    bool failedAny = false;
    module.walk([&](Operation *op) {
      if (auto fn = dyn_cast<FunctionOpInterface>(op)) {
        for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i)
          if (auto s = fn.getArgAttrOfType<ShardingAttr>(i, name))
            sites.push_back({op, i, -1, s, fn.getArgumentTypes()[i]});
        for (unsigned i = 0, e = fn.getNumResults(); i < e; ++i)
          if (auto s = fn.getResultAttrOfType<ShardingAttr>(i, name))
            sites.push_back({op, -1, i, s, fn.getResultTypes()[i]});
        return;
      }
      if (auto a = dyn_cast<AnnotateOp>(op)) {
        sites.push_back({op, -1, -1, a.getSharding(), a.getType()});
      } else if (auto r = dyn_cast<ReshardOp>(op)) {
        sites.push_back({op, -1, -1, r.getSharding(), r.getType()});
      } else if (isa<HspmdDialect>(op->getDialect())) {
        op->emitError() << "'" << op->getName()
                        << "' has no upstream `shard` form: export a "
                           "program before --hspmd-resolve-comm, with "
                           "annotations and reshards only";
        failedAny = true;
      }
    });
    if (failedAny)
      return failure();
    if (sites.empty())
      return success();

    for (const Site &site : sites)
      if (auto fn = dyn_cast<FunctionOpInterface>(site.op);
          fn && fn.isExternal()) {
        fn.emitError() << "a declaration's placements have no upstream "
                          "`shard` form (there is no body to annotate)";
        return failure();
      }

    auto report = [&](const Site &site) {
      InFlightDiagnostic diag = site.op->emitError();
      if (site.argument >= 0)
        diag << "argument #" << site.argument << ": ";
      else if (site.result >= 0)
        diag << "result #" << site.result << ": ";
      diag << site.attr << " on " << site.type << " ";
      return diag;
    };

    // The module's devices: every sharding must cover 0 .. N-1.
    int64_t numDevices = 0;
    for (const Site &site : sites)
      for (const layout::Group &g : site.attr.getLayout().groups)
        for (const layout::DeviceList::Run &r : g.devices.getRuns())
          numDevices = std::max(numDevices, r.last() + 1);

    std::vector<GridForm> forms;
    std::set<int64_t> boundaries = {1, numDevices};
    for (const Site &site : sites) {
      FailureOr<GridForm> form = gridForm(site.attr.getLayout(), numDevices,
                                          [&] { return report(site); });
      if (failed(form))
        return failure();
      // The common refinement so far, with this sharding's boundaries.
      std::set<int64_t> with = boundaries;
      for (auto &subs : form->subAxes)
        for (const SubAxis &s : subs) {
          with.insert(s.stride);
          with.insert(s.stride * s.size);
        }
      int64_t prev = 0;
      for (int64_t b : with) {
        if (prev && b % prev != 0) {
          report(site) << "needs a device grid with an axis of stride "
                       << prev << " and one of stride " << b
                       << ", which no grid has together with the shardings "
                          "before it (upstream reshards within one grid)";
          return failure();
        }
        prev = b;
      }
      boundaries = std::move(with);
      forms.push_back(std::move(*form));
    }

    // The grid, outermost axis first: boundaries b_0 = 1 < ... < b_r = N,
    // grid axis r-1-i of size b_{i+1} / b_i.
    std::vector<int64_t> bounds(boundaries.begin(), boundaries.end());
    int64_t rank = static_cast<int64_t>(bounds.size()) - 1;
    SmallVector<int64_t> gridShape;
    for (int64_t i = rank - 1; i >= 0; --i)
      gridShape.push_back(bounds[i + 1] / bounds[i]);
    if (gridShape.empty())
      gridShape.push_back(1);
    auto gridAxesOf = [&](const SubAxis &s, SmallVector<int16_t> &out) {
      // Boundaries in [stride, stride * size), outermost first.
      for (int64_t i = rank - 1; i >= 0; --i)
        if (bounds[i] >= s.stride && bounds[i + 1] <= s.stride * s.size)
          out.push_back(static_cast<int16_t>(rank - 1 - i));
    };

    OpBuilder b(module.getContext());
    b.setInsertionPointToStart(module.getBody());
    SymbolTable symbols(module);
    auto grid = shard::GridOp::create(b, module.getLoc(), "grid", gridShape);
    symbols.insert(grid);
    auto gridRef = FlatSymbolRefAttr::get(grid.getSymNameAttr());

    for (auto [site, form] : llvm::zip_equal(sites, forms)) {
      auto type = cast<RankedTensorType>(site.type);
      SmallVector<SmallVector<int16_t>> split;
      for (auto [axis, subs] : llvm::zip_equal(form.axes, form.subAxes)) {
        if (!axis.role.isSplit())
          continue;
        if (static_cast<int64_t>(split.size()) <= axis.role.dim)
          split.resize(axis.role.dim + 1);
        for (const SubAxis &s : subs)
          gridAxesOf(s, split[axis.role.dim]);
      }
      // Replicated: `[[]]`, since LLVM 22 prints no split dimension as `[]`
      // but cannot parse that back.
      if (split.empty() && type.getRank() > 0)
        split.emplace_back();
      SmallVector<shard::GridAxesAttr> splitAttrs;
      for (auto &axes : split)
        splitAttrs.push_back(DenseI16ArrayAttr::get(module.getContext(), axes));
      SmallVector<int64_t> offsets = shardOffsets(form, split, type, gridShape);

      Operation *anchor = site.op;
      Location loc = anchor->getLoc();
      auto makeSharding = [&](OpBuilder &at) {
        // The generic builder: LLVM 22's convenience builder taking halo
        // sizes and offsets stores the offsets as halo sizes.
        MLIRContext *ctx = module.getContext();
        return shard::ShardingOp::create(
                   at, loc, shard::ShardingType::get(ctx), gridRef,
                   shard::GridAxesArrayAttr::get(ctx, splitAttrs),
                   DenseI64ArrayAttr::get(ctx, offsets), ValueRange{},
                   DenseI64ArrayAttr::get(ctx, {}), ValueRange{})
            .getResult();
      };
      if (auto fn = dyn_cast<FunctionOpInterface>(anchor)) {
        if (site.argument >= 0) {
          BlockArgument arg = fn.getArgument(site.argument);
          OpBuilder at = OpBuilder::atBlockBegin(&fn.getFunctionBody().front());
          Value s = makeSharding(at);
          auto shardOp = shard::ShardOp::create(at, arg.getLoc(), arg, s);
          arg.replaceAllUsesExcept(shardOp.getResult(), shardOp);
        } else {
          // Each of the function's returns (block terminators).
          for (Block &block : fn.getFunctionBody()) {
            Operation *ret = block.getTerminator();
            if (!ret->hasTrait<OpTrait::ReturnLike>())
              continue;
            OpBuilder at(ret);
            Value s = makeSharding(at);
            auto shardOp = shard::ShardOp::create(
                at, loc, ret->getOperand(site.result), s,
                /*annotate_for_users=*/true);
            ret->setOperand(site.result, shardOp.getResult());
          }
        }
        continue;
      }
      OpBuilder at(anchor);
      Value s = makeSharding(at);
      auto shardOp =
          shard::ShardOp::create(at, loc, anchor->getOperand(0), s,
                                 /*annotate_for_users=*/isa<ReshardOp>(anchor));
      anchor->getResult(0).replaceAllUsesWith(shardOp.getResult());
      anchor->erase();
    }
    module.walk([&](FunctionOpInterface fn) {
      for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i)
        fn.removeArgAttr(i, name);
      for (unsigned i = 0, e = fn.getNumResults(); i < e; ++i)
        fn.removeResultAttr(i, StringAttr::get(module.getContext(), name));
    });
    return success();
  }

private:
  /// The sharding as one group over 0 .. N-1 with its sub-axes, or failure
  /// after a diagnostic saying why upstream cannot express it.
  FailureOr<GridForm>
  gridForm(const layout::Sharding &sharding, int64_t numDevices,
           function_ref<InFlightDiagnostic()> report) {
    GridForm form;
    std::vector<int64_t> ids;
    if (!sharding.hetero) {
      form.axes = sharding.groups.front().axes;
    } else {
      if (!sharding.hetero->isSplit()) {
        report() << "holds the tensor in groups that each hold "
                 << (sharding.hetero->isDup() ? "all of it" : "a summand")
                 << " (hetero = " << sharding.hetero->str()
                 << "), which an upstream sharding cannot express";
        return failure();
      }
      const std::vector<layout::Axis> &first = sharding.groups.front().axes;
      for (const layout::Group &g : sharding.groups)
        if (g.axes != first) {
          report() << "has groups that lay out their blocks differently ("
                   << layout::formatAxes(first) << " and " << layout::formatAxes(g.axes)
                   << "); an upstream sharding has one layout for every "
                      "shard";
          return failure();
        }
      form.axes.push_back(layout::Axis{
          *sharding.hetero, static_cast<int64_t>(sharding.groups.size())});
      form.axes.insert(form.axes.end(), first.begin(), first.end());
      form.heteroDim = sharding.hetero->dim;
      form.weights = sharding.weights;
    }
    for (const layout::Axis &a : form.axes)
      if (a.role.isPartial()) {
        report() << "holds summands (partial), which LLVM 22's "
                    "`shard.sharding` cannot express";
        return failure();
      }
    for (const layout::Group &g : sharding.groups)
      for (int64_t d : g.devices)
        ids.push_back(d);
    if (static_cast<int64_t>(ids.size()) != numDevices) {
      report() << "holds the tensor on " << ids.size() << " of the module's "
               << numDevices
               << " devices; an upstream sharding lays every tensor over its "
                  "whole grid";
      return failure();
    }
    SmallVector<int64_t> sizes;
    for (const layout::Axis &a : form.axes)
      sizes.push_back(a.size);
    auto subs = decompose(sizes, ids);
    if (!subs) {
      report() << "orders its devices in no grid's row-major order, which "
                  "an upstream sharding needs";
      return failure();
    }
    form.subAxes = std::move(*subs);
    return form;
  }

  /// `sharded_dims_offsets` for unequal weights (empty otherwise): for every
  /// split dimension in order, the start of each shard and the size.
  SmallVector<int64_t> shardOffsets(const GridForm &form,
                                    ArrayRef<SmallVector<int16_t>> split,
                                    RankedTensorType type,
                                    ArrayRef<int64_t> gridShape) {
    if (!form.heteroDim || form.weights.empty() ||
        llvm::all_equal(form.weights))
      return {};
    SmallVector<int64_t> offsets;
    for (auto [k, axes] : llvm::enumerate(split)) {
      if (axes.empty())
        continue;
      int64_t shards = 1;
      for (int16_t a : axes)
        shards *= gridShape[a];
      int64_t size = type.getDimSize(k);
      if (static_cast<int64_t>(k) != *form.heteroDim) {
        for (int64_t i = 0; i <= shards; ++i)
          offsets.push_back(i * (size / shards));
        continue;
      }
      // Group g's block, cut evenly by the group's own axes on k.
      int64_t total = 0;
      for (int64_t w : form.weights)
        total += w;
      int64_t inner = shards / static_cast<int64_t>(form.weights.size());
      int64_t start = 0;
      for (int64_t w : form.weights) {
        int64_t block = size / total * w;
        for (int64_t i = 0; i < inner; ++i)
          offsets.push_back(start + i * (block / inner));
        start += block;
      }
      offsets.push_back(size);
    }
    return offsets;
  }

  ModuleOp module;
};

struct ExportShardPass
    : public mlir::hspmd::impl::HspmdExportShardBase<ExportShardPass> {
  void runOnOperation() override {
    if (failed(Exporter(getOperation()).run()))
      signalPassFailure();
  }
};

} // namespace
