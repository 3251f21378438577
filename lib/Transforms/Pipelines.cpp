//===- Pipelines.cpp - hspmd pass pipelines -------------------------------===//

#include "hspmd/Transforms/Pipelines.h"
#include "hspmd/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/Transforms/Passes.h"
#include "mlir/Pass/PassOptions.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"

using namespace mlir;

namespace {
/// Whether `v` is a constant tensor or a view of one (its buffer is a
/// read-only global once bufferized).
bool viewsConstant(Value v) {
  while (Operation *def = v.getDefiningOp()) {
    if (isa<arith::ConstantOp>(def))
      return true;
    if (!isa<tensor::ExtractSliceOp, tensor::CollapseShapeOp,
             tensor::ExpandShapeOp, tensor::CastOp, tensor::ReshapeOp>(def))
      return false;
    v = def->getOperand(0);
  }
  return false;
}

/// Copies, before one-shot bufferization, the tensors whose buffers would
/// otherwise depend on how bufferization happened to lay them out:
/// - constant tensors that leave a region (an scf.for, scf.while, scf.if or
///   scf.index_switch yield, a function's return): with loops allowed to
///   yield new buffers, the result would be the constant's read-only global
///   itself, and an op updating it in place would write into it (a crash,
///   or another use of the constant changed);
/// - tensors passed to external functions (`printMemrefF32` declared on
///   `tensor<*xf32>`): the callee sees the buffer's layout (a slice of a
///   constant, or of a gathered block, has its parent's strides and offset),
///   so a fresh copy makes what it prints the same in every pipeline.
struct PrepareBufferization
    : public PassWrapper<PrepareBufferization, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(PrepareBufferization)
  StringRef getArgument() const final { return "hspmd-prepare-bufferization"; }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<bufferization::BufferizationDialect>();
  }
  void runOnOperation() override {
    ModuleOp module = getOperation();
    module.walk([&](Operation *op) {
      bool escapes = isa<scf::YieldOp, func::ReturnOp>(op);
      bool external = false;
      if (auto call = dyn_cast<func::CallOp>(op))
        if (auto callee =
                module.lookupSymbol<func::FuncOp>(call.getCalleeAttr()))
          external = callee.isExternal();
      if (!escapes && !external)
        return;
      for (OpOperand &operand : op->getOpOperands()) {
        Value v = operand.get();
        if (!isa<TensorType>(v.getType()))
          continue;
        if (escapes && !viewsConstant(v))
          continue;
        OpBuilder b(op);
        // An unranked operand is a cast of a ranked tensor: copy that.
        auto cast = v.getDefiningOp<tensor::CastOp>();
        Value ranked = cast && isa<UnrankedTensorType>(v.getType())
                           ? cast.getSource()
                           : v;
        auto type = dyn_cast<RankedTensorType>(ranked.getType());
        if (!type || !type.hasStaticShape())
          continue;
        if (!external && ranked != v)
          continue;
        if (ranked.getDefiningOp<bufferization::AllocTensorOp>())
          continue; // already a copy (the pass ran before)
        Value copy = bufferization::AllocTensorOp::create(
            b, op->getLoc(), type, ValueRange{}, ranked);
        if (ranked != v)
          copy = tensor::CastOp::create(b, op->getLoc(), v.getType(), copy);
        operand.set(copy);
      }
    });
  }
};

/// Math predicates without an LLVM lowering, written with arith:
/// `math.isinf x` is `|x| == +inf` (ordered: NaN is not infinite);
/// `math.isnormal x` is `smallest normal <= |x| < +inf` (ordered: NaN is
/// not normal, nor are zeros and subnormals).
struct ExpandMathPredicates
    : public PassWrapper<ExpandMathPredicates, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(ExpandMathPredicates)
  StringRef getArgument() const final { return "hspmd-expand-math-predicates"; }
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<math::IsInfOp, math::IsNormalOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      auto type = dyn_cast<FloatType>(op->getOperand(0).getType());
      if (!type)
        continue; // vectors: left to the other lowerings
      OpBuilder b(op);
      Location loc = op->getLoc();
      const llvm::fltSemantics &sem = type.getFloatSemantics();
      auto constant = [&](const APFloat &v) {
        return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, v));
      };
      Value abs = math::AbsFOp::create(b, loc, op->getOperand(0));
      Value inf = constant(APFloat::getInf(sem));
      Value result;
      if (isa<math::IsInfOp>(op)) {
        result =
            arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, abs, inf);
      } else {
        Value atLeast = arith::CmpFOp::create(
            b, loc, arith::CmpFPredicate::OGE, abs,
            constant(APFloat::getSmallestNormalized(sem)));
        Value finite =
            arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, abs, inf);
        result = arith::AndIOp::create(b, loc, atLeast, finite);
      }
      op->getResult(0).replaceAllUsesWith(result);
      op->erase();
    }
  }
};

/// Widenings of the 8-bit floats of OCP FP8 (`arith.extf` from f8E4M3FN or
/// f8E5M2), which LLVM cannot lower, decoded from their bits: f8E5M2 is the
/// top byte of an f16; f8E4M3FN (bias 7, no infinities, S.1111.111 NaN) is
/// rebuilt as f32 bits, its subnormals as m * 2^-9. Every f8 value is exact
/// in f16, bf16, f32 and f64, so the f32 is then converted exactly.
struct ExpandFloat8Widening
    : public PassWrapper<ExpandFloat8Widening, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(ExpandFloat8Widening)
  StringRef getArgument() const final { return "hspmd-expand-float8-widening"; }
  void runOnOperation() override {
    SmallVector<arith::ExtFOp> ops;
    getOperation().walk([&](arith::ExtFOp op) {
      if (isa<Float8E4M3FNType, Float8E5M2Type>(op.getIn().getType()))
        ops.push_back(op);
    });
    for (arith::ExtFOp op : ops) {
      OpBuilder b(op);
      Location loc = op.getLoc();
      Type i8 = b.getI8Type(), i16 = b.getI16Type(), i32 = b.getI32Type();
      Type f32 = b.getF32Type();
      auto c32 = [&](int64_t v) {
        return arith::ConstantIntOp::create(b, loc, i32, v).getResult();
      };
      Value byte = arith::BitcastOp::create(b, loc, i8, op.getIn());
      Value wide;
      if (isa<Float8E5M2Type>(op.getIn().getType())) {
        Value half = arith::ShLIOp::create(
            b, loc, arith::ExtUIOp::create(b, loc, i16, byte),
            arith::ConstantIntOp::create(b, loc, i16, 8));
        wide = arith::ExtFOp::create(
            b, loc, f32,
            arith::BitcastOp::create(b, loc, b.getF16Type(), half).getResult());
      } else {
        Value x = arith::ExtUIOp::create(b, loc, i32, byte);
        Value sign = arith::ShLIOp::create(
            b, loc, arith::ShRUIOp::create(b, loc, x, c32(7)), c32(31));
        Value e = arith::AndIOp::create(
            b, loc, arith::ShRUIOp::create(b, loc, x, c32(3)), c32(15));
        Value m = arith::AndIOp::create(b, loc, x, c32(7));
        // Normal: exponent rebiased (127 - 7), mantissa at the top.
        Value normalBits = arith::OrIOp::create(
            b, loc, sign,
            arith::OrIOp::create(
                b, loc,
                arith::ShLIOp::create(
                    b, loc, arith::AddIOp::create(b, loc, e, c32(120)),
                    c32(23)),
                arith::ShLIOp::create(b, loc, m, c32(20))));
        Value normal = arith::BitcastOp::create(b, loc, f32, normalBits);
        // Subnormal: m * 2^-9 with the sign.
        Value magnitude = arith::MulFOp::create(
            b, loc, arith::UIToFPOp::create(b, loc, f32, m),
            arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0x1p-9f)));
        Value negative =
            arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, sign, c32(0));
        Value subnormal = arith::SelectOp::create(
            b, loc, negative, arith::NegFOp::create(b, loc, magnitude),
            magnitude);
        Value nanBits = arith::OrIOp::create(b, loc, sign, c32(0x7fc00000));
        Value isNaN = arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::eq,
            arith::AndIOp::create(b, loc, x, c32(0x7f)), c32(0x7f));
        Value isSub =
            arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, e, c32(0));
        wide = arith::SelectOp::create(
            b, loc, isNaN, arith::BitcastOp::create(b, loc, f32, nanBits),
            arith::SelectOp::create(b, loc, isSub, subnormal, normal));
      }
      Type out = op.getType();
      Value result = wide;
      if (out.getIntOrFloatBitWidth() > 32)
        result = arith::ExtFOp::create(b, loc, out, wide);
      else if (out != f32)
        result = arith::TruncFOp::create(b, loc, out, wide);
      op.getResult().replaceAllUsesWith(result);
      op.erase();
    }
  }
};

/// Every op of a module lowered to the LLVM dialect: an op no pass lowered
/// (a math function without an LLVM or libm lowering) is an error at the
/// op, in the user's file, rather than one from translating a temporary
/// file.
struct CheckLoweredToLLVM
    : public PassWrapper<CheckLoweredToLLVM, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(CheckLoweredToLLVM)
  StringRef getArgument() const final { return "hspmd-check-lowered"; }
  void runOnOperation() override {
    // Ops first; casts left around them (their operands and results) say
    // nothing more, so they are reported only when no op is.
    SmallVector<Operation *> ops, casts;
    getOperation().walk([&](Operation *op) {
      Dialect *dialect = op->getDialect();
      if (isa<ModuleOp>(op) || (dialect && isa<LLVM::LLVMDialect>(dialect)) ||
          (dialect && dialect->getNamespace() == "gpu"))
        return WalkResult::advance();
      (isa<UnrealizedConversionCastOp>(op) ? casts : ops).push_back(op);
      return WalkResult::skip();
    });
    for (Operation *op : ops)
      op->emitError() << "'" << op->getName()
                      << "' has no lowering to the LLVM dialect in hspmd's "
                         "pipeline (no LLVM intrinsic or libm function "
                         "implements it on this target)";
    if (ops.empty())
      for (Operation *op : casts)
        op->emitError() << "a value of type "
                        << cast<UnrealizedConversionCastOp>(op)
                               .getInputs()
                               .getTypes()
                        << " has no LLVM form in hspmd's pipeline (no "
                           "lowering converts it)";
    bool failedAny = !ops.empty() || !casts.empty();
    if (failedAny)
      signalPassFailure();
  }
};
} // namespace

/// Elementwise ops to linalg, then one-shot bufferization, as every target
/// runs it.
static void addBufferization(OpPassManager &pm) {
  // Loops one-shot bufferization does not know to repeat (affine.for,
  // scf.parallel) become scf.for first: a tensor op in their body written
  // in place into a tensor from outside would otherwise update it on every
  // iteration.
  pm.addPass(createLowerAffinePass());
  pm.addPass(createParallelForToNestedForsPass());
  // Elementwise arith/math ops on tensors become linalg.generic, which
  // bufferizes.
  pm.addPass(createConvertElementwiseToLinalgPass());
  pm.addPass(std::make_unique<PrepareBufferization>());
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  // A loop carrying a tensor may yield a new buffer each iteration (a device
  // program's loop yields what a collective returned); ownership-based
  // deallocation frees the previous one.
  bufferize.allowReturnAllocsFromLoops = true;
  // Function arguments and results as plain (identity-layout) buffers: with
  // layouts left open, a recursive call is bufferized before its callee's
  // signature is known and disagrees with it (a function stating another
  // placement for its result than for its argument did not compile).
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
}

/// Host code on buffers and loops to the LLVM dialect. With
/// `runtimeBuffers`, buffers come from the runtime's allocation functions
/// (the GPU target's device-accessible memory) instead of malloc.
static void addHostLowering(OpPassManager &pm, bool runtimeBuffers) {
  // Math ops without an LLVM intrinsic: integer powers become generated
  // functions (their loops lowered below), the rest libm calls after
  // math-to-llvm has taken what it can.
  pm.addPass(std::make_unique<ExpandMathPredicates>());
  pm.addPass(std::make_unique<ExpandFloat8Widening>());
  // Complex arithmetic becomes arith and math on the parts (what it cannot
  // write so, libm's complex functions); the parts become an LLVM struct
  // below.
  pm.addPass(createConvertComplexToStandardPass());
  pm.addPass(createConvertComplexToLibm());
  pm.addPass(createConvertMathToFuncs());
  // Prints of vectors of more than one dimension unroll to loops.
  pm.addPass(createConvertVectorToSCFPass());
  // Subviews at run-time offsets expand to affine.apply, so affine is
  // lowered after the strided metadata is expanded.
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  FinalizeMemRefToLLVMConversionPassOptions memrefOptions;
  memrefOptions.useGenericFunctions = runtimeBuffers;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefOptions));
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertComplexToLLVMPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
}

void mlir::hspmd::addHostToLLVMPipeline(OpPassManager &pm) {
  addBufferization(pm);
  // Every buffer is freed after its last use (the runtime's results too).
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertLinalgToLoopsPass());
  // What bufferization leaves: `bufferization.clone` (a helper updating its
  // argument in place) becomes an alloc and a copy.
  pm.addPass(createConvertBufferizationToMemRefPass());
  addHostLowering(pm, /*runtimeBuffers=*/false);
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(std::make_unique<CheckLoweredToLLVM>());
}

/// The compile pipelines prove every plan the checker simulates quickly
/// (docs/Architecture.md: "The plan checker shares no code with the
/// planner").
static mlir::hspmd::HspmdResolveCommOptions checkedResolveComm() {
  mlir::hspmd::HspmdResolveCommOptions options;
  options.checkUpTo = int64_t(1) << 22;
  return options;
}

void mlir::hspmd::addToLLVMPipeline(OpPassManager &pm) {
  pm.addPass(createHspmdExpandStrategies());
  pm.addPass(createHspmdDecomposeAggregates());
  pm.addPass(createHspmdPropagate());
  pm.addPass(createHspmdResolveComm(checkedResolveComm()));
  pm.addPass(createHspmdSpecialize());
  // Canonicalize before the runtime lowering, not after: its folding of
  // `to_buffer(to_tensor restrict %b)` into %b would hide from
  // bufferization that a later call reads %b, and an op updating the
  // tensor in place before that call would change what it sends.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createHspmdLowerToRuntime());
  addHostToLLVMPipeline(pm);
}

//===----------------------------------------------------------------------===//
// The CUDA target (docs/GPU.md)
//===----------------------------------------------------------------------===//

#ifndef HSPMD_CUDA_TOOLKIT_DIR
#define HSPMD_CUDA_TOOLKIT_DIR "/usr/local/cuda"
#endif

void mlir::hspmd::addHostToCudaPipeline(OpPassManager &pm,
                                        const CudaPipelineOptions &options) {
  addBufferization(pm);
  // Kernels cannot read the executable's globals: copy the constants into
  // buffers (freed by the deallocation that follows).
  pm.addPass(createHspmdGpuGlobals());
  pm.addPass(createHspmdGpuLibraryCalls());
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertBufferizationToMemRefPass());
  pm.addPass(createHspmdGpuCopies());
  // Linalg ops become parallel loops (reductions: sequential loops inside),
  // each outermost one a kernel of one-dimensional blocks. No canonicalize
  // between tiling and mapping: it would merge the tile loops.
  pm.addPass(createConvertLinalgToParallelLoopsPass());
  HspmdGpuMapLoopsOptions map;
  map.blockSize = options.blockSize;
  pm.addPass(createHspmdGpuMapLoops(map));
  pm.addPass(createConvertParallelLoopToGpuPass());
  pm.addPass(createGpuKernelOutliningPass());
  // One module for all kernels: one ptxas run, one module load.
  pm.addPass(createHspmdGpuMergeModules());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
  // Device code: NVVM for the chip, PTX at least 7.8 (sm_90 needs it).
  GpuNVVMAttachTargetOptions target;
  target.chip = options.chip;
  target.features = options.features;
  target.optLevel = options.optLevel;
  pm.addPass(createGpuNVVMAttachTarget(target));
  OpPassManager &device = pm.nest<gpu::GPUModuleOp>();
  // Square roots correctly rounded, as on the host (libdevice's are
  // approximate by default).
  device.addPass(createHspmdGpuExactMath());
  // Structured control flow as blocks first: the NVVM lowering of
  // `cf.assert` (a gather's bounds check) splits its block, which an
  // enclosing scf.if cannot hold.
  device.addPass(createSCFToControlFlowPass());
  ConvertGpuOpsToNVVMOpsOptions nvvm;
  nvvm.indexBitwidth = 64;
  device.addPass(createConvertGpuOpsToNVVMOps(nvvm));
  device.addPass(createCanonicalizerPass());
  device.addPass(createCSEPass());
  // Host code, as for the CPU, except that buffers come from the runtime's
  // device-accessible allocation functions.
  addHostLowering(pm, /*runtimeBuffers=*/true);
  pm.addPass(createGpuToLLVMConversionPass());
  pm.addPass(createConvertNVVMToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  // A fat binary: the chip's cubin and its PTX. The toolkit gives ptxas and
  // libdevice (without it, math functions stay unresolved).
  GpuModuleToBinaryPassOptions binary;
  binary.toolkitPath = options.toolkit.empty()
                           ? std::string(HSPMD_CUDA_TOOLKIT_DIR)
                           : std::string(options.toolkit);
  binary.compilationTarget = "fatbin";
  pm.addPass(createGpuModuleToBinaryPass(binary));
}

void mlir::hspmd::addToCudaPipeline(OpPassManager &pm,
                                    const CudaPipelineOptions &options) {
  pm.addPass(createHspmdExpandStrategies());
  pm.addPass(createHspmdDecomposeAggregates());
  pm.addPass(createHspmdPropagate());
  pm.addPass(createHspmdResolveComm(checkedResolveComm()));
  pm.addPass(createHspmdSpecialize());
  // Canonicalize before the runtime lowering, not after: its folding of
  // `to_buffer(to_tensor restrict %b)` into %b would hide from
  // bufferization that a later call reads %b, and an op updating the
  // tensor in place before that call would change what it sends.
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createHspmdLowerToRuntime());
  addHostToCudaPipeline(pm, options);
}

void mlir::hspmd::registerPipelines() {
  PassPipelineRegistration<CudaPipelineOptions>(
      "hspmd-to-cuda",
      "The whole hspmd pipeline for NVIDIA GPUs: as --hspmd-to-llvm, with "
      "linalg work as kernels (NVVM, one fat binary for all kernels), matrix "
      "products through cuBLASLt and device-accessible buffers",
      addToCudaPipeline);
  PassPipelineRegistration<CudaPipelineOptions>(
      "hspmd-reference-to-cuda",
      "The single-device program (placements stripped) for an NVIDIA GPU",
      [](OpPassManager &pm, const CudaPipelineOptions &options) {
        pm.addPass(createHspmdStrip());
        pm.addPass(createHspmdDecomposeAggregates());
        // As the distributed pipelines canonicalize before lowering, so
        // that both fold the same ops away (a tensor.bitcast there and
        // back is refused or accepted in both modes alike).
        pm.addPass(createCanonicalizerPass());
        addHostToCudaPipeline(pm, options);
      });
  PassPipelineRegistration<>(
      "hspmd-to-llvm",
      "The whole hspmd pipeline for CPU execution: propagate, resolve-comm, "
      "specialize, lower-to-runtime, then bufferization, loops and the LLVM "
      "dialect",
      addToLLVMPipeline);
  PassPipelineRegistration<>(
      "hspmd-reference-to-llvm",
      "The single-device program (placements stripped) down to the LLVM "
      "dialect: what hspmd-run --reference runs",
      [](OpPassManager &pm) {
        pm.addPass(createHspmdStrip());
        pm.addPass(createHspmdDecomposeAggregates());
        // As the distributed pipelines canonicalize before lowering, so
        // that both fold the same ops away (a tensor.bitcast there and
        // back is refused or accepted in both modes alike).
        pm.addPass(createCanonicalizerPass());
        addHostToLLVMPipeline(pm);
      });
}
