//===- GpuLowering.cpp - The hspmd passes of the GPU target ---------------===//
//
// What `--hspmd-to-cuda` (lib/Transforms/Pipelines.cpp) adds to MLIR's own
// GPU passes, on buffers after bufferization:
//
// - hspmd-gpu-library-calls: matrix products become cuBLASLt calls through
//   the runtime (`hspmd_rt_gpu_matmul`);
// - hspmd-gpu-globals: constant globals are copied into buffers kernels can
//   read;
// - hspmd-gpu-copies: buffer copies become linalg.copy, hence kernels;
// - hspmd-gpu-map-loops: each outermost parallel loop becomes one kernel of
//   one-dimensional blocks of threads;
// - hspmd-gpu-merge-modules: the outlined kernels share one GPU module;
// - hspmd-gpu-exact-math: correctly rounded square roots in kernels.
//
// Every buffer a GPU program allocates is device-accessible (the runtime's
// allocation functions, runtime/lib/Gpu.c), so host code and kernels share
// them; docs/GPU.md says why.
//
//===----------------------------------------------------------------------===//

#include "RuntimeABI.h"
#include "hspmd/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/ParallelLoopMapper.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mlir/IR/PatternMatch.h"

#include <numeric>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDGPULIBRARYCALLS
#define GEN_PASS_DEF_HSPMDGPUGLOBALS
#define GEN_PASS_DEF_HSPMDGPUCOPIES
#define GEN_PASS_DEF_HSPMDGPUMAPLOOPS
#define GEN_PASS_DEF_HSPMDGPUMERGEMODULES
#define GEN_PASS_DEF_HSPMDGPUEXACTMATH
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
using namespace mlir::hspmd::runtime_abi;

namespace {

/// Whether `op` runs on the host: not inside a kernel or a launch.
bool onHost(Operation *op) {
  return !op->getParentOfType<gpu::LaunchOp>() &&
         !op->getParentOfType<gpu::GPUModuleOp>();
}

//===----------------------------------------------------------------------===//
// hspmd-gpu-library-calls
//===----------------------------------------------------------------------===//

/// A value of the body that is block argument `arg`, possibly extended to
/// the output's float type by one arith.extf.
bool isArgument(Value v, BlockArgument arg) {
  if (v == arg)
    return true;
  auto ext = v.getDefiningOp<arith::ExtFOp>();
  return ext && ext.getIn() == arg;
}

/// One operand of a matrix product as the runtime takes it: the logical
/// matrix is rows x cols, element (r, c) at ptr[r * ld + c], or at
/// ptr[c * ld + r] when `trans`.
struct MatrixOperand {
  Value memref;
  unsigned rowDim, colDim; // loop dimensions indexing rows and columns
  unsigned rowPos, colPos; // their positions in the operand's indexing map
  int batchPos = -1;       // the batch dimension's position, if batched
};

/// The element type code of a matrix product on `ab` inputs into `c`, or
/// nothing when cuBLASLt would not compute exactly what the op says: the
/// op's arithmetic is in `c`'s type, so f32 and f64 products, and f16/bf16
/// inputs extended to f32, are taken; a product accumulating in f16 or
/// bf16 rounds every step, which cuBLASLt does not.
std::optional<std::pair<int32_t, int32_t>> matmulTypes(Type ab, Type c) {
  if (c.isF64() && ab.isF64())
    return std::make_pair(int32_t(F64), int32_t(F64));
  if (!c.isF32())
    return std::nullopt;
  if (ab.isF32())
    return std::make_pair(int32_t(F32), int32_t(F32));
  if (ab.isF16())
    return std::make_pair(int32_t(F16), int32_t(F32));
  if (ab.isBF16())
    return std::make_pair(int32_t(BF16), int32_t(F32));
  return std::nullopt;
}

class MatmulRewriter {
public:
  explicit MatmulRewriter(linalg::LinalgOp op) : op(op) {}

  /// Replaces the op by a runtime call when it is a matrix product the
  /// runtime computes exactly; returns whether it did.
  bool run() {
    if (!match())
      return false;
    emit();
    return true;
  }

private:
  linalg::LinalgOp op;
  MatrixOperand a, b, c;
  std::optional<unsigned> batchDim;
  int32_t abType = 0, cType = 0;

  /// Exactly `yield out + a * b` (a and b possibly extended).
  bool bodyIsMulAdd() {
    Block *body = op.getBlock();
    if (body->getNumArguments() != 3)
      return false;
    auto yield = dyn_cast<linalg::YieldOp>(body->getTerminator());
    if (!yield || yield.getNumOperands() != 1)
      return false;
    auto add = yield.getOperand(0).getDefiningOp<arith::AddFOp>();
    if (!add)
      return false;
    BlockArgument x = body->getArgument(0), y = body->getArgument(1),
                  out = body->getArgument(2);
    Value product = add.getLhs() == out   ? add.getRhs()
                    : add.getRhs() == out ? add.getLhs()
                                          : Value();
    auto mul = product ? product.getDefiningOp<arith::MulFOp>() : nullptr;
    if (!mul)
      return false;
    return (isArgument(mul.getLhs(), x) && isArgument(mul.getRhs(), y)) ||
           (isArgument(mul.getLhs(), y) && isArgument(mul.getRhs(), x));
  }

  /// The loop dimension of result `pos` of `map`, if it is a plain dimension.
  static std::optional<unsigned> dimOf(AffineMap map, unsigned pos) {
    if (auto d = dyn_cast<AffineDimExpr>(map.getResult(pos)))
      return d.getPosition();
    return std::nullopt;
  }

  bool match() {
    unsigned loops = op.getNumLoops();
    if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
        op.getNumDpsInits() != 1 || (loops != 3 && loops != 4) ||
        op.getNumReductionLoops() != 1 || !bodyIsMulAdd())
      return false;
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    Value operands[3] = {op.getDpsInputOperand(0)->get(),
                         op.getDpsInputOperand(1)->get(),
                         op.getDpsInitOperand(0)->get()};
    // A batched product (4 loops) has one more parallel dimension, which
    // every operand is indexed by: each batch is a product of its own.
    unsigned rank = loops - 1;
    for (int i = 0; i < 3; ++i) {
      auto type = dyn_cast<MemRefType>(operands[i].getType());
      if (!type || type.getRank() != rank || maps[i].getNumResults() != rank)
        return false;
    }
    int batchPos[3] = {-1, -1, -1};
    if (loops == 4) {
      auto b = dimOf(maps[2], 0);
      if (!b || op.getIteratorTypesArray()[*b] != utils::IteratorType::parallel)
        return false;
      batchDim = *b;
      for (int i = 0; i < 3; ++i) {
        for (unsigned pos = 0; pos < rank; ++pos)
          if (dimOf(maps[i], pos) == batchDim)
            batchPos[i] = pos;
        if (batchPos[i] < 0)
          return false;
        maps[i] = maps[i].dropResult(batchPos[i]);
      }
    }
    auto aType = cast<MemRefType>(operands[0].getType());
    if (aType.getElementType() !=
        cast<MemRefType>(operands[1].getType()).getElementType())
      return false;
    auto types = matmulTypes(
        aType.getElementType(),
        cast<MemRefType>(operands[2].getType()).getElementType());
    if (!types)
      return false;
    std::tie(abType, cType) = *types;

    // C is indexed by (m, n), both parallel; k is the reduction dimension.
    auto m = dimOf(maps[2], 0), n = dimOf(maps[2], 1);
    if (!m || !n || *m == *n || (batchDim && (*m == *batchDim ||
                                              *n == *batchDim)))
      return false;
    unsigned k = 0;
    while (k == *m || k == *n || (batchDim && k == *batchDim))
      ++k;
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    if (iterators[*m] != utils::IteratorType::parallel ||
        iterators[*n] != utils::IteratorType::parallel ||
        iterators[k] != utils::IteratorType::reduction)
      return false;
    // A is indexed by {m, k} and B by {k, n}, in either order; the first
    // input may be either.
    auto operandOf = [&](int i, unsigned rows,
                         unsigned cols) -> std::optional<MatrixOperand> {
      auto d0 = dimOf(maps[i], 0), d1 = dimOf(maps[i], 1);
      if (!d0 || !d1)
        return std::nullopt;
      if (*d0 == rows && *d1 == cols)
        return MatrixOperand{operands[i], rows, cols, 0, 1};
      if (*d0 == cols && *d1 == rows)
        return MatrixOperand{operands[i], rows, cols, 1, 0};
      return std::nullopt;
    };
    auto a0 = operandOf(0, *m, k), b1 = operandOf(1, k, *n);
    if (a0 && b1) {
      a = *a0;
      b = *b1;
    } else {
      auto a1 = operandOf(1, *m, k), b0 = operandOf(0, k, *n);
      if (!a1 || !b0)
        return false;
      a = *a1;
      b = *b0;
    }
    c = MatrixOperand{operands[2], *m, *n, 0, 1};
    // Positions so far are in the maps without the batch dimension; in the
    // operand they are one further from where it sits.
    auto placeBatch = [&](MatrixOperand &x, int i) {
      x.batchPos = batchPos[i];
      if (batchPos[i] < 0)
        return;
      if (int(x.rowPos) >= batchPos[i])
        ++x.rowPos;
      if (int(x.colPos) >= batchPos[i])
        ++x.colPos;
    };
    placeBatch(a, a.memref == operands[0] ? 0 : 1);
    placeBatch(b, b.memref == operands[0] ? 0 : 1);
    placeBatch(c, 2);
    // Each operand needs a unit stride along one of its dimensions, and C
    // along its columns.
    return unitStride(a) && unitStride(b) && unitStrideAt(c, c.colPos);
  }

  /// The operand's matrix for batch `index` (the operand itself when not
  /// batched), with its positions in that matrix.
  MatrixOperand slice(OpBuilder &builder, Location loc, const MatrixOperand &x,
                      Value index) {
    if (x.batchPos < 0)
      return x;
    auto type = cast<MemRefType>(x.memref.getType());
    SmallVector<OpFoldResult> offsets, sizes, strides;
    SmallVector<int64_t> shape;
    for (unsigned pos = 0; pos < 3; ++pos) {
      strides.push_back(builder.getIndexAttr(1));
      if (int(pos) == x.batchPos) {
        offsets.push_back(index);
        sizes.push_back(builder.getIndexAttr(1));
        continue;
      }
      offsets.push_back(builder.getIndexAttr(0));
      shape.push_back(type.getDimSize(pos));
      if (type.isDynamicDim(pos))
        sizes.push_back(
            memref::DimOp::create(builder, loc, x.memref, pos).getResult());
      else
        sizes.push_back(builder.getIndexAttr(type.getDimSize(pos)));
    }
    MemRefType sliceType = memref::SubViewOp::inferRankReducedResultType(
        shape, type, offsets, sizes, strides);
    Value matrix = memref::SubViewOp::create(builder, loc, sliceType,
                                             x.memref, offsets, sizes, strides);
    auto reduce = [&](unsigned pos) {
      return int(pos) > x.batchPos ? pos - 1 : pos;
    };
    MatrixOperand m = x;
    m.memref = matrix;
    m.rowPos = reduce(x.rowPos);
    m.colPos = reduce(x.colPos);
    m.batchPos = -1;
    return m;
  }

  static bool unitStrideAt(const MatrixOperand &x, unsigned pos) {
    SmallVector<int64_t> strides;
    int64_t offset;
    if (failed(cast<MemRefType>(x.memref.getType())
                   .getStridesAndOffset(strides, offset)))
      return false;
    return strides[pos] == 1;
  }
  static bool unitStride(const MatrixOperand &x) {
    return unitStrideAt(x, x.colPos) || unitStrideAt(x, x.rowPos);
  }

  /// The operand's data pointer, leading dimension and whether it is
  /// passed transposed.
  std::tuple<Value, Value, Value> describe(OpBuilder &builder, Location loc,
                                           const MatrixOperand &x) {
    auto type = cast<MemRefType>(x.memref.getType());
    auto meta = memref::ExtractStridedMetadataOp::create(builder, loc, x.memref);
    bool trans = !unitStrideAt(x, x.colPos);
    // Row-major in the logical order: rows are `ldPos` apart. Transposed:
    // columns are.
    unsigned ldPos = trans ? x.colPos : x.rowPos;
    unsigned innerPos = trans ? x.rowPos : x.colPos;
    Value ld = meta.getStrides()[ldPos];
    // A dimension of size 1 may carry any stride; the runtime then needs
    // the leading dimension to cover the inner one.
    Value outerSize = meta.getSizes()[ldPos];
    Value innerSize = meta.getSizes()[innerPos];
    Value one = arith::ConstantIndexOp::create(builder, loc, 1);
    Value single = arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq,
                                         outerSize, one);
    ld = arith::SelectOp::create(builder, loc, single, innerSize, ld);
    Value base =
        memref::ExtractAlignedPointerAsIndexOp::create(builder, loc, x.memref);
    int64_t bytes = type.getElementTypeBitWidth() / 8;
    Value offsetBytes = arith::MulIOp::create(
        builder, loc, meta.getOffset(),
        arith::ConstantIndexOp::create(builder, loc, bytes));
    Value address = arith::AddIOp::create(builder, loc, base, offsetBytes);
    Value i64 = arith::IndexCastOp::create(builder, loc, builder.getI64Type(),
                                           address);
    Value ptr = LLVM::IntToPtrOp::create(
        builder, loc, LLVM::LLVMPointerType::get(builder.getContext()), i64);
    Value ldI64 =
        arith::IndexCastOp::create(builder, loc, builder.getI64Type(), ld);
    Value transFlag = arith::ConstantIntOp::create(builder, loc,
                                                   builder.getI32Type(), trans);
    return {ptr, ldI64, transFlag};
  }

  void emit() {
    OpBuilder builder(op);
    Location loc = op.getLoc();
    auto fn = HSPMD_RT(hspmd_rt_gpu_matmul);
    auto module = op->getParentOfType<ModuleOp>();
    if (!module.lookupSymbol(fn.name)) {
      OpBuilder mb = OpBuilder::atBlockBegin(module.getBody());
      func::FuncOp::create(mb, module.getLoc(), fn.name,
                           fn.type(mb.getContext()))
          .setPrivate();
    }
    auto size = [&](Value memref, unsigned pos) -> Value {
      Value d = memref::DimOp::create(builder, loc, memref, pos);
      return arith::IndexCastOp::create(builder, loc, builder.getI64Type(), d);
    };
    auto i32 = [&](int32_t v) -> Value {
      return arith::ConstantIntOp::create(builder, loc, builder.getI32Type(),
                                          v);
    };
    Value mSize = size(c.memref, c.rowPos), nSize = size(c.memref, c.colPos),
          kSize = size(a.memref, a.colPos);
    // One call per batch, in a loop on the host.
    Value index;
    if (batchDim) {
      Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
      Value one = arith::ConstantIndexOp::create(builder, loc, 1);
      Value batches = memref::DimOp::create(builder, loc, c.memref, c.batchPos);
      auto loop = scf::ForOp::create(builder, loc, zero, batches, one);
      builder.setInsertionPointToStart(loop.getBody());
      index = loop.getInductionVar();
    }
    MatrixOperand am = slice(builder, loc, a, index),
                  bm = slice(builder, loc, b, index),
                  cm = slice(builder, loc, c, index);
    auto [aPtr, lda, aTrans] = describe(builder, loc, am);
    auto [bPtr, ldb, bTrans] = describe(builder, loc, bm);
    auto [cPtr, ldc, cTrans] = describe(builder, loc, cm);
    (void)cTrans; // C has a unit column stride (match)
    func::CallOp::create(builder, loc, fn.name, TypeRange{},
                         ValueRange{i32(abType), i32(cType), mSize, nSize,
                                    kSize, aPtr, lda, aTrans, bPtr, ldb,
                                    bTrans, cPtr, ldc});
    op->erase();
  }
};

struct GpuLibraryCallsPass
    : public ::mlir::hspmd::impl::HspmdGpuLibraryCallsBase<GpuLibraryCallsPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> candidates;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (onHost(op))
        candidates.push_back(op);
    });
    for (linalg::LinalgOp op : candidates)
      MatmulRewriter(op).run();
  }
};

//===----------------------------------------------------------------------===//
// hspmd-gpu-globals
//===----------------------------------------------------------------------===//

struct GpuGlobalsPass : public ::mlir::hspmd::impl::HspmdGpuGlobalsBase<GpuGlobalsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTableCollection symbols;
    SmallVector<memref::GetGlobalOp> uses;
    module.walk([&](memref::GetGlobalOp op) {
      if (onHost(op))
        uses.push_back(op);
    });
    for (memref::GetGlobalOp use : uses) {
      auto global = symbols.lookupNearestSymbolFrom<memref::GlobalOp>(
          use, use.getNameAttr());
      if (!global)
        continue; // the verifier reports it
      if (!global.getConstant()) {
        use.emitError() << "a GPU program cannot use the mutable global @"
                        << use.getName()
                        << ": globals live in host memory, which kernels do "
                           "not reach; make it constant or pass the buffer "
                           "as an argument";
        return signalPassFailure();
      }
      OpBuilder builder(use);
      builder.setInsertionPointAfter(use);
      auto buffer = memref::AllocOp::create(builder, use.getLoc(), use.getType());
      use.getResult().replaceAllUsesWith(buffer);
      memref::CopyOp::create(builder, use.getLoc(), use.getResult(), buffer);
    }
  }
};

//===----------------------------------------------------------------------===//
// hspmd-gpu-copies
//===----------------------------------------------------------------------===//

struct GpuCopiesPass : public ::mlir::hspmd::impl::HspmdGpuCopiesBase<GpuCopiesPass> {
  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    getOperation().walk([&](memref::CopyOp op) {
      if (onHost(op) && !op.getSource().getDefiningOp<memref::GetGlobalOp>())
        copies.push_back(op);
    });
    for (memref::CopyOp copy : copies) {
      OpBuilder builder(copy);
      linalg::CopyOp::create(builder, copy.getLoc(), copy.getSource(),
                             copy.getTarget());
      copy->erase();
    }
  }
};

//===----------------------------------------------------------------------===//
// hspmd-gpu-map-loops
//===----------------------------------------------------------------------===//

struct GpuMapLoopsPass : public ::mlir::hspmd::impl::HspmdGpuMapLoopsBase<GpuMapLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    if (blockSize < 1 || blockSize > 1024) {
      getOperation().emitError()
          << "hspmd-gpu-map-loops: block-size must be in [1, 1024], got "
          << static_cast<int64_t>(blockSize);
      return signalPassFailure();
    }
    SmallVector<scf::ParallelOp> outermost;
    getOperation().walk([&](scf::ParallelOp loop) {
      if (onHost(loop) && !loop->getParentOfType<scf::ParallelOp>() &&
          loop.getNumResults() == 0)
        outermost.push_back(loop);
    });
    for (scf::ParallelOp loop : outermost)
      map(loop);
  }

  void map(scf::ParallelOp loop) {
    MLIRContext *ctx = loop.getContext();
    IRRewriter rewriter(ctx);
    // One dimension, row-major: the last dimension varies fastest.
    unsigned rank = loop.getNumLoops();
    if (rank > 1) {
      std::vector<unsigned> all(rank);
      std::iota(all.begin(), all.end(), 0);
      rewriter.setInsertionPoint(loop);
      Operation *before = loop->getPrevNode();
      Block *block = loop->getBlock();
      collapseParallelLoops(rewriter, loop, {all});
      // The collapsed loop replaces `loop` right where it was.
      Operation *next = before ? before->getNextNode() : &block->front();
      while (next && !isa<scf::ParallelOp>(next))
        next = next->getNextNode();
      loop = cast<scf::ParallelOp>(next);
    }
    auto [outer, inner] =
        scf::tileParallelLoop(loop, {blockSize}, /*noMinMaxBounds=*/true);
    AffineMap id = AffineMap::getMultiDimIdentityMap(1, ctx);
    auto dim = [&](gpu::Processor p) {
      return gpu::ParallelLoopDimMappingAttr::get(ctx, p, id, id);
    };
    (void)gpu::setMappingAttr(outer, {dim(gpu::Processor::BlockX)});
    (void)gpu::setMappingAttr(inner, {dim(gpu::Processor::ThreadX)});
    // Parallel loops deeper inside run sequentially in each thread.
    inner.getBody()->walk([&](scf::ParallelOp nested) {
      SmallVector<gpu::ParallelLoopDimMappingAttr> seq(
          nested.getNumLoops(), dim(gpu::Processor::Sequential));
      (void)gpu::setMappingAttr(nested, seq);
    });
  }
};


//===----------------------------------------------------------------------===//
// hspmd-gpu-merge-modules
//===----------------------------------------------------------------------===//

struct GpuMergeModulesPass
    : public ::mlir::hspmd::impl::HspmdGpuMergeModulesBase<
          GpuMergeModulesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<gpu::GPUModuleOp> modules(module.getOps<gpu::GPUModuleOp>());
    if (modules.size() < 2)
      return;
    MLIRContext *ctx = module.getContext();
    SymbolTable top(module);
    OpBuilder builder(modules.front());
    std::string name = "hspmd_kernels";
    for (int i = 0; top.lookup(name); ++i)
      name = "hspmd_kernels_" + std::to_string(i);
    auto merged = gpu::GPUModuleOp::create(builder, modules.front().getLoc(),
                                           name);
    SymbolTable mergedSymbols(merged);
    // (module, kernel) -> the kernel's name in the merged module.
    llvm::DenseMap<std::pair<StringAttr, StringAttr>, StringAttr> renamed;
    for (gpu::GPUModuleOp old : modules) {
      StringAttr oldName = old.getSymNameAttr();
      for (Operation &op :
           llvm::make_early_inc_range(old.getBodyRegion().front())) {
        auto symbol = dyn_cast<SymbolOpInterface>(&op);
        if (!symbol) {
          op.erase(); // nothing else lives in an outlined module
          continue;
        }
        auto kernel = dyn_cast<gpu::GPUFuncOp>(&op);
        if (kernel && kernel.isKernel()) {
          StringAttr newName = oldName;
          if (mergedSymbols.lookup(newName))
            newName = StringAttr::get(
                ctx, oldName.getValue() + "_" + kernel.getName());
          renamed[{oldName, kernel.getNameAttr()}] = newName;
          kernel.setName(newName);
          op.moveBefore(&merged.getBodyRegion().front(),
                        merged.getBodyRegion().front().end());
          mergedSymbols.insert(&op);
          continue;
        }
        // A function the kernels call: every module has the same copy.
        if (mergedSymbols.lookup(symbol.getNameAttr())) {
          op.erase();
          continue;
        }
        op.moveBefore(&merged.getBodyRegion().front(),
                      merged.getBodyRegion().front().end());
        mergedSymbols.insert(&op);
      }
    }
    WalkResult result = module.walk([&](gpu::LaunchFuncOp launch) {
      SymbolRefAttr kernel = launch.getKernel();
      auto it = renamed.find({kernel.getRootReference(),
                              kernel.getLeafReference()});
      if (it == renamed.end())
        return WalkResult::advance(); // a launch of another module
      launch.setKernelAttr(SymbolRefAttr::get(
          merged.getSymNameAttr(), {FlatSymbolRefAttr::get(it->second)}));
      return WalkResult::advance();
    });
    (void)result;
    for (gpu::GPUModuleOp old : modules)
      old.erase();
  }
};


//===----------------------------------------------------------------------===//
// hspmd-gpu-exact-math
//===----------------------------------------------------------------------===//

struct GpuExactMathPass
    : public ::mlir::hspmd::impl::HspmdGpuExactMathBase<GpuExactMathPass> {
  void runOnOperation() override {
    SmallVector<Operation *> roots;
    getOperation().walk([&](Operation *op) {
      if (isa<math::SqrtOp, math::RsqrtOp>(op) &&
          isa<Float32Type, Float64Type>(op->getResult(0).getType()))
        roots.push_back(op);
    });
    for (Operation *op : roots) {
      OpBuilder b(op);
      Location loc = op->getLoc();
      Type type = op->getResult(0).getType();
      // NVVM's IEEE square root (PTX sqrt.rn); GPU-to-NVVM would send
      // llvm.intr.sqrt to libdevice again.
      StringRef intrinsic =
          type.isF32() ? "llvm.nvvm.sqrt.rn.f" : "llvm.nvvm.sqrt.rn.d";
      Value sqrt = LLVM::CallIntrinsicOp::create(b, loc, type,
                                                 b.getStringAttr(intrinsic),
                                                 ValueRange{op->getOperand(0)})
                       .getResult(0);
      Value result = sqrt;
      if (isa<math::RsqrtOp>(op)) {
        Value one = arith::ConstantOp::create(b, loc, type,
                                              b.getFloatAttr(type, 1.0));
        result = arith::DivFOp::create(b, loc, one, sqrt);
      }
      op->getResult(0).replaceAllUsesWith(result);
      op->erase();
    }
  }
};

} // namespace
